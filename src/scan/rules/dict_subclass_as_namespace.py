# Fixture: lines ending in an "expect" comment naming this rule must fire; all others must not.
import collections
import types
from collections import defaultdict


class Tracking(dict):
    def __getitem__(self, key):
        return dict.__getitem__(self, key)


class Defaulting(dict):
    def __missing__(self, key):
        return None


class MoreTracking(Tracking):
    pass


class Recording(dict):
    def __setitem__(self, key, value):
        dict.__setitem__(self, key, value)


class Box:
    pass


def run(code, box):
    exec(code, Tracking())  # expect: PPY028
    namespace = MoreTracking()
    eval(code, namespace)  # expect: PPY028
    function = types.FunctionType(run.__code__, Tracking())  # expect: PPY028
    box.__dict__ = Tracking()  # expect: PPY028
    box.__dict__ = Defaulting()  # expect: PPY028
    box.__dict__ = defaultdict(int)  # expect: PPY028
    setattr(box, "__dict__", collections.Counter())  # expect: PPY028
    # __missing__ on globals and __setitem__ overrides behave the same on both interpreters.
    exec(code, Defaulting())
    exec(code, collections.defaultdict(int))
    exec(code, Recording())
    # Plain dicts, unknown objects and locals mappings are fine.
    exec(code, {})
    exec(code, {}, Tracking())
    box.__dict__ = dict(a=1)
    box.__dict__ = Box()
    try:
        box.__dict__ = Tracking()
    except TypeError:
        pass
    return function


class Meta(type):
    @classmethod
    def __prepare__(mcs, name, bases):
        return Tracking()  # expect: PPY028


class EnumLike(type):
    @classmethod
    def __prepare__(mcs, name, bases):
        return Recording()


class OnlyGet(dict):
    def get(self, key, default=None):
        return "seen"


def attach(box):
    box.__dict__ = OnlyGet()
