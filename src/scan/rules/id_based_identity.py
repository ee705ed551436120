# Fixture: lines ending in an "expect" comment naming this rule must fire; all others must not.
import json
import struct
import sys
from struct import pack

same = id(object()) == id(object())  # expect: PPY017
key = id([])  # expect: PPY017
token = id(make_config())  # expect: PPY017
big = id(10**30)  # expect: PPY017
header = struct.pack("Q", id(same))  # expect: PPY017
blob = pack("q", id(key))  # expect: PPY017
text = json.dumps({"object": id(token)})  # expect: PPY017


class Thing:
    def __hash__(self):
        return id(self) >> 4

    def check(self):
        assert hash(self) == id(self) >> 4  # expect: PPY017
        return id(self) < sys.maxsize  # expect: PPY017


_CACHE = {}


def remember(obj, result):
    _CACHE[id(obj)] = result


class Registry:
    def add(self, obj, result):
        self._by_id[id(obj)] = result

    def keep(self, obj):
        self._by_id[id(obj)] = (obj, len(obj))

    def __repr__(self):
        return "<Registry at %#x>" % id(self)

    def describe(self):
        return f"Registry {id(self):#x}"


def deep_copy(value, memo=None):
    memo = {} if memo is None else memo
    memo[id(value)] = value
    seen = {}
    seen[id(value)] = True
    if id(value) in memo:
        return memo[id(value)]
    return id(value) == id(memo)


def make_config():
    return {}


print("object", hex(id(same)))
kind = id(type(same))


def checks(obj):
    id(object())
    assert id(obj) == id(obj.copy())
    assert id(obj.copy()) != id(obj.copy())  # expect: PPY017
    return id(obj.get_parent()), id(current_task())


def current_task():
    return None
