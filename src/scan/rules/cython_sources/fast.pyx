# cython: language_level=3
# A Cython module: reported once, at its first line of code, and where it uses the C API.

from libc.math cimport sqrt  # expect: PPY039
from cpython.ref cimport Py_INCREF  # expect: PPY039

cdef extern from "Python.h":
    Py_ssize_t Py_REFCNT(object o)

def norm(list values):
    cdef double result = 0
    for value in values:
        result += value * value
    return sqrt(result)
