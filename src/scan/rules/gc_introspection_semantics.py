# Fixture: lines ending in an "expect" comment naming this rule must fire; all others must not.
import gc
import gc as _gc
from gc import get_referrers as referrers
import sys


class Node:
    pass


a, b = Node(), Node()
assert len(gc.get_referrers(b)) == 2  # expect: PPY013
count = len(referrers(a))  # expect: PPY013
children = _gc.get_referents(a)  # expect: PPY013
every = gc.get_objects()  # expect: PPY013
assert len(gc.garbage) == 1  # expect: PPY013
freed = gc.collect()  # expect: PPY013
if gc.collect() > 0:  # expect: PPY013
    pass


def dump_leaks():
    return [o for o in gc.get_objects() if isinstance(o, Node)]  # expect: PPY013


gc.collect()
gc.garbage.clear()
del gc.garbage[:]
gc.garbage[:] = []
gc.enable()
gc.disable()
collect = lambda: gc.collect()
if sys.implementation.name == "cpython":
    assert len(gc.get_referrers(b)) == 2
walk = gc.get_referents  # expect: PPY013
chain = [walk(a)]
gc.get_referrers(a)

# Expecting gc.garbage empty, or saving it to restore later, holds on PyPy too.
saved_garbage = gc.garbage[:]
assert not gc.garbage
assert gc.garbage == []
assert len(gc.garbage) == 0
print(len(gc.garbage))  # expect: PPY013
