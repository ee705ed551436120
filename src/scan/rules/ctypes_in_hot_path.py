# Fixture: lines ending in an "expect" comment naming this rule must fire; all others must not.
import ctypes
from ctypes import CDLL, cdll

libc = ctypes.CDLL("libc.so.6")
libm = cdll.LoadLibrary("libm.so.6")
absolute = libc.abs
libc.abs.argtypes = [ctypes.c_int]


def total(values):
    result = 0
    for value in values:
        result += libc.abs(value)  # expect: PPY035
        result += absolute(value)  # expect: PPY035
        result += int(libm.floor(ctypes.c_double(value)))  # expect: PPY035
    while result > 10:
        result = ctypes.cdll.LoadLibrary("libc.so.6").abs(result) - 20  # expect: PPY035
    return [CDLL(None).labs(v) for v in values]  # expect: PPY035


def once(value):
    # One call outside a loop, ctypes helpers and plain Python calls are fine.
    handle = libc.abs(value)
    for value in range(3):
        buffer = ctypes.create_string_buffer(8)
        size = ctypes.sizeof(buffer)
        text = str(value)
    return handle, size, text


class Wrapper:
    def abs(self, value):
        return value


def other(values):
    wrapper = Wrapper()
    return [wrapper.abs(v) for v in values]
