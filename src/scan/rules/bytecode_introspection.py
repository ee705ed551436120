# Fixture: lines ending in an "expect" comment naming this rule must fire; all others must not.
import dis
import marshal
import opcode as op
from dis import get_instructions
import bytecode  # expect: PPY030


def uses_yield(func):
    return dis.opmap["YIELD_VALUE"] in func.__code__.co_code  # expect: PPY030


def lines(func):
    return list(func.__code__.co_lines())  # expect: PPY030


def table(code):
    return code.co_lnotab  # expect: PPY030


def names(func):
    return [i.opname for i in get_instructions(func)]  # expect: PPY030


def jumps():
    return op.hasjrel  # expect: PPY030


def cache(func, path):
    with open(path, "wb") as handle:
        marshal.dump(func.__code__, handle)  # expect: PPY030
    return marshal.dumps(compile("1", "<x>", "eval"))  # expect: PPY030


def show(func):
    # Printing a disassembly and reading portable code attributes are fine.
    dis.dis(func)
    return func.__code__.co_varnames, func.__code__.co_firstlineno, marshal.dumps({"a": 1})


def guarded(code):
    if hasattr(code, "co_lnotab"):
        return code.co_lnotab
    try:
        return code.co_linetable
    except AttributeError:
        return None
