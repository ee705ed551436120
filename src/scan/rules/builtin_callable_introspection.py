# Fixture: lines ending in an "expect" comment naming this rule must fire; all others must not.
import inspect
import platform
import types
from inspect import isroutine
from types import MethodWrapperType as Wrapper

print(inspect.isfunction(list.extend))  # expect: PPY029
print(isroutine([].append))  # the same on both: not reported
print(inspect.ismethoddescriptor(str.join))  # expect: PPY029
kind = type(object().__str__)  # expect: PPY029
wrapper_type = type([].__add__)  # expect: PPY029


def is_c_function(obj):
    return isinstance(obj, types.BuiltinFunctionType)  # expect: PPY029


def is_wrapper(obj):
    return isinstance(obj, Wrapper)  # expect: PPY029


def by_name(obj):
    return type(obj).__name__ == "method-wrapper"  # expect: PPY029


def by_names(obj):
    return type(obj).__name__ in ("builtin_function_or_method", "method_descriptor")  # expect: PPY029


def concat(other):
    try:
        return [].__add__(other)  # expect: PPY029
    except TypeError:
        return None


# User-defined functions introspect the same on both interpreters.
def user():
    pass


class Local:
    def method(self):
        pass


print(inspect.isfunction(user), inspect.ismethod(Local().method), type(Local.method))
print(inspect.isbuiltin(len), type(len), callable(list.append))


def annotated(callback: types.BuiltinFunctionType) -> None:
    pass


def checked(obj):
    if platform.python_implementation() == "CPython":
        return isinstance(obj, types.MethodDescriptorType)
    return False


def plain_add(other):
    try:
        return [].__add__(other)
    except ValueError:
        return None


def name_check(obj):
    return type(obj).__name__ == "function"
