"""A module that only mentions cython in text is not Cython code."""
NOTE = "import cython"


def uses_name():
    cython = 3
    return cython
