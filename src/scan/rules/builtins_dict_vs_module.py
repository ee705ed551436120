# Fixture: lines ending in an "expect" comment naming this rule must fire; all others must not.
import builtins

original_open = __builtins__["open"]  # expect: PPY025
maybe = __builtins__.get("reveal_type")  # expect: PPY025
names = sorted(__builtins__)  # expect: PPY025
present = "print" in __builtins__  # expect: PPY025
for key in __builtins__:  # expect: PPY025
    pass
__builtins__["helper"] = len  # expect: PPY025
is_dict = isinstance(__builtins__, dict)  # expect: PPY025
exec("x = open", {"__builtins__": {"len": len}})  # expect: PPY025
eval("abs(1)", {"__builtins__": None})  # expect: PPY025
namespace = dict(__builtins__={})  # expect: PPY025
namespace["__builtins__"] = {}  # expect: PPY025
from RestrictedPython import compile_restricted  # expect: PPY025

# Code that checks what `__builtins__` is handles both interpreters.
if isinstance(__builtins__, dict):  # expect: PPY025
    found = __builtins__["open"]
else:
    found = getattr(__builtins__, "open")
found = __builtins__["open"] if type(__builtins__) is dict else __builtins__.open
try:
    found = __builtins__["open"]
except TypeError:
    found = builtins.open

# Attribute access works on the module everywhere; the whole builtins are fine in exec globals.
name = __builtins__.__name__
exec("x = 1", {"__builtins__": __builtins__})
exec("x = 1", {"__builtins__": builtins})
exec("x = 1", {"__builtins__": vars(builtins)})
copy = namespace["__builtins__"]
table = {"builtins": {}}


def own():
    __builtins__ = {"open": open}  # expect: PPY025
    return __builtins__["open"]


def run_without_builtins(foo):
    # The code names no builtin: PyPy ignoring the restriction changes nothing.
    exec("x = foo()", {"foo": foo, "__builtins__": {}})
    exec("print(x)", {"__builtins__": {}})  # expect: PPY025


def run_with_named_globals(foo):
    namespace = {"foo": foo, "__builtins__": {"len": len}}
    exec("x = foo()", namespace)
