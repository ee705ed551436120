# Fixture: lines ending in an "expect" comment naming this rule must fire; all others must not.
import json


class A:
    def __init__(self, reorder=False):
        if reorder:
            self.b = 2
        self.a = 1
        self.b = 2

    def keys(self):
        return list(vars(self))  # expect: PPY021

    def to_json(self):
        return json.dumps(self.__dict__)  # expect: PPY021

    def __repr__(self):
        fields = ", ".join(f"{k}={v}" for k, v in self.__dict__.items())  # expect: PPY021
        return f"A({fields})"


class B:
    def __init__(self, flag):
        if flag:
            self.x = 1
            self.y = 2
        else:
            self.y = 2
            self.x = 1


print(list(vars(A(reorder=True))))  # expect: PPY021
b = B(True)
for name in b.__dict__:  # expect: PPY021
    print(name)


class Fixed:
    def __init__(self):
        self.a = 1
        self.b = 2

    def keys(self):
        return list(vars(self))

    def to_json(self):
        return json.dumps(self.__dict__)


class Late:
    def __init__(self, flag):
        self.a = 1
        if flag:
            self.extra = 3

    def names(self):
        return sorted(self.__dict__)

    def count(self):
        return len(vars(self))


print(list(vars(Fixed())))
f = Fixed()
for name in f.__dict__:
    print(name)
