# Fixture: lines ending in an "expect" comment naming this rule must fire; all others must not.
import platform
import sys
from platform import python_implementation

import pytest

IS_PYPY = platform.python_implementation() == "PyPy"  # expect: PPY037
ON_CPYTHON = sys.implementation.name == "cpython"  # expect: PPY037
HAS_PYPY_BUILTINS = "__pypy__" in sys.builtin_module_names  # expect: PPY037
PYPY = hasattr(sys, "pypy_version_info")  # expect: PPY037

if IS_PYPY:  # expect: PPY037
    import __pypy__  # expect: PPY037
if python_implementation().lower().startswith("py"):  # expect: PPY037
    pass
if not ON_CPYTHON and sys.version_info >= (3, 9):  # expect: PPY037
    version = sys.pypy_version_info  # expect: PPY037
value = 1 if sys.implementation.name else 2  # expect: PPY037
if "PyPy" in sys.version:  # expect: PPY037
    pass


@pytest.mark.skipif(IS_PYPY, reason="refcounting")  # expect: PPY037
def test_refcount():
    assert not PYPY  # expect: PPY037


def describe():
    # Printing or recording the implementation is not a branch.
    print(platform.python_implementation(), sys.implementation.name)
    implementation = python_implementation()
    cache_tag = sys.implementation.cache_tag
    pypy_path = "/usr/bin/pypy3"
    return implementation, cache_tag, pypy_path, {"name": sys.implementation.name}


def store():
    global IS_PYPY
    IS_PYPY = False

# Branches for other implementations are taken on neither CPython nor PyPy.
if sys.implementation.name == "jython":
    pass
if platform.python_implementation() in ("IronPython", "Jython"):
    pass
