# Fixture: lines ending in an "expect" comment naming this rule must fire; all others must not.
import builtins as b


class Registry:
    locals()[42] = "answer"  # expect: PPY027
    vars()[(1, 2)] = "pair"  # expect: PPY027
    locals()[-1] = "last"  # expect: PPY027
    namespace = locals()
    namespace[b"raw"] = 1  # expect: PPY027
    locals().update({3: "three"})  # expect: PPY027
    locals().setdefault(None, 0)  # expect: PPY027
    locals()[int("5")] = 5  # expect: PPY027

    # str keys are fine, and so are keys whose type is not known.
    locals()["name"] = 1
    locals()[f"name_{1}"] = 2
    for key in ("a", "b"):
        locals()[key] = key
    try:
        locals()[7] = 7
    except TypeError:
        pass


Made = type("Made", (), {1: "one", "x": 2})  # expect: PPY027
Fine = type("Fine", (), {"x": 2})
Other = b.type("Other", (object,), {(1,): 0})  # expect: PPY027


class Meta(type):
    @classmethod
    def __prepare__(mcs, name, bases):
        return {0: "zero"}  # expect: PPY027


class Plain(type):
    @classmethod
    def __prepare__(mcs, name, bases):
        return {"zero": 0}


def build():
    # Module globals and plain dicts hold any key on PyPy too.
    globals()[42] = 1
    locals()[42] = 1
    table = {1: 2}
    table[3] = 4
    return table


class Holder:
    def __init__(self):
        self.__dict__[5] = 5
        vars(self)[6] = 6
