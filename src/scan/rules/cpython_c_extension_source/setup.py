# Builds the extension: setup.py with ext_modules (this comment does not count).
from setuptools import Extension, setup

setup(
    name="counter",
    ext_modules=[Extension("counter", ["counter.c"])],  # expect: PPY033
)
