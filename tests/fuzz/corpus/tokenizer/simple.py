import os

def f(a, *b, **c) -> int:
    return a + 1  # c
