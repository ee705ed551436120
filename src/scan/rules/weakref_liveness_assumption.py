# Fixture: lines ending in an "expect" comment naming this rule must fire; all others must not.
import gc
import platform
import unittest
import weakref
from weakref import WeakValueDictionary as Cache


class Thing:
    pass


def death_asserted():
    obj = Thing()
    ref = weakref.ref(obj)
    del obj
    assert ref() is None  # expect: PPY008


def death_asserted_after_collect():
    obj = Thing()
    ref = weakref.ref(obj)
    del obj
    gc.collect()
    assert ref() is None


def alive_asserted(keeper):
    obj = Thing()
    ref = weakref.ref(obj)
    keeper.append(obj)
    del obj
    assert ref() is not None


def callback_relied_on():
    fired = []
    obj = Thing()
    ref = weakref.ref(obj, fired.append)  # expect: PPY008
    del obj
    assert fired  # expect: PPY008
    return ref


def finalizer(path, cleanup):
    obj = Thing()
    weakref.finalize(obj, cleanup, path)  # expect: PPY008
    return obj


cache = Cache()  # expect: PPY008
members = weakref.WeakSet()  # expect: PPY008


def proxied(obj):
    return weakref.proxy(obj)  # expect: PPY008


def plain_reference(obj):
    return weakref.ref(obj)


def on_cpython_only():
    if platform.python_implementation() == "CPython":
        return weakref.WeakKeyDictionary()
    return {}


class Test(unittest.TestCase):
    def test_entry_gone(self):
        table = weakref.WeakValueDictionary()  # expect: PPY008
        obj = Thing()
        table["k"] = obj
        del obj
        self.assertNotIn("k", table)  # expect: PPY008

    def test_entry_gone_after_collect(self):
        table = weakref.WeakValueDictionary()  # expect: PPY008
        obj = Thing()
        table["k"] = obj
        del obj
        if hasattr(gc, "collect"):
            gc.collect()
        self.assertNotIn("k", table)

    def test_unrelated_assertion(self):
        values = [1, 2]
        del values[0]
        self.assertEqual(values, [2])


def callback_not_run_yet(log):
    obj = Thing()
    ref = weakref.ref(obj, log.append)  # expect: PPY008
    del obj
    assert log == []
    return ref


def still_alive_with_callback(keeper):
    obj = Thing()
    ref = weakref.ref(obj, print)  # expect: PPY008
    keeper.append(obj)
    del obj
    assert ref() is not None


@support.cpython_only
def test_no_cycles_left():
    case = object()
    wr = weakref.ref(case)
    del case
    assert wr() is None
