from setuptools import setup
from Cython.Build import cythonize  # expect: PPY039

setup(name="fast", ext_modules=cythonize("fast.pyx"))
