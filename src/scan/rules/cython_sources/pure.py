"""Cython's pure-Python mode: compiled when Cython builds it, plain Python otherwise."""
import cython  # expect: PPY039


@cython.cfunc
def double(x: cython.int) -> cython.int:
    return 2 * x
