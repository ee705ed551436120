# Fixture: lines ending in an "expect" comment naming this rule must fire; all others must not.
import json
from json import dumps

values = [3, 1, 2]
print(list({10, 3, 7, 100, 5}))  # expect: PPY020
unique = list(set(values))  # expect: PPY020
names = {str(v) for v in values}
print(", ".join(names))  # expect: PPY020
first = next(iter(names))  # expect: PPY020
ordered = tuple(frozenset(values))  # expect: PPY020
print(dumps(list(names)))  # expect: PPY020
picked = names.pop()  # expect: PPY020
merged = names | {"x"}
head = list(merged)[0]  # expect: PPY020
squares = [v * v for v in set(values)]  # expect: PPY020
print(*names)  # expect: PPY020


def render(items):
    seen = set()
    for item in items:
        seen.add(item)
    out = []
    for item in seen:  # expect: PPY020
        out.append(item)
    return out


def first_match(pred):
    for item in {"a", "b"}:  # expect: PPY020
        if pred(item):
            return item
    return None


# Order-free uses are fine.
print(sorted(set(values)))
print(len(set(values)), 3 in set(values), sum({1, 2}), max(names))
ordered_names = sorted(names)
as_list = list(names)
as_list.sort()
if "a" in list(names):
    pass
for item in {"a", "b"}:
    values.remove(item)
counts = {v: 0 for v in set(values)}
json.dumps(sorted(names))
copy = set(names)
prefixed = "abc".startswith(tuple(names))
lists = list(values)  # a list, not a set
for value in values:
    print(value)


def rebound(data):
    s = set(data)
    s = sorted(s)
    return list(s)


def parameter(s):
    return list(s)


import platform

if platform.python_implementation() == "CPython":
    print(list({1, 2}))


def order_free_loops(items, queue):
    found = set(items)
    for item in found:
        if item.startswith("x"):
            return True
    for item in found:
        queue.put_nowait(None)
    collected = []
    for item in found:
        collected.append(item.upper())
    collected.sort()
    list(found)
    return {*[item for item in found]}


def derived_values(items):
    found = set(items)
    out = []
    for item in found:  # expect: PPY020
        label = "<%s>" % item
        out.append(label)
    return out


def through_list(items):
    for item in list(set(items)):
        items.remove(item)
    for item in list(set(items)):  # expect: PPY020
        print(item)
    return [x for x in [y for y in set(items)] if x]  # expect: PPY020
