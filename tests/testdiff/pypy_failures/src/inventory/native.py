"""Reading a record header through ctypes (stands in for a C extension)."""
import ctypes
import platform


def header_address():
    # A buggy native path taken only on PyPy: it reads from an invalid address, which crashes
    # the interpreter, as an extension built for CPython can crash under PyPy's cpyext.
    return 1 if platform.python_implementation() == "PyPy" else None


def read_header():
    address = header_address()
    if address is None:
        return b"INV1"
    return ctypes.string_at(address, 4)
