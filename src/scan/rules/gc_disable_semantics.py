# Fixture: lines ending in an "expect" comment naming this rule must fire; all others must not.
import gc
import gc as collector
import platform
import sys
from gc import disable as pause


def left_disabled(batch):
    gc.disable()  # expect: PPY009
    for item in batch:
        item.run()


def enabled_without_finally(batch):
    collector.disable()  # expect: PPY009
    batch.run()
    collector.enable()


def enabled_in_finally(batch):
    enabled = gc.isenabled()
    gc.disable()  # expect: PPY009
    try:
        batch.run()
    finally:
        if enabled:
            gc.enable()


def disabled_inside_try(batch):
    try:
        pause()  # expect: PPY009
        batch.run()
    finally:
        gc.enable()


def only_on_cpython():
    if platform.python_implementation() == "CPython":
        gc.disable()


def only_off_pypy():
    if not hasattr(sys, "pypy_version_info"):
        gc.disable()


def guarded_by_try():
    try:
        gc.disable()  # expect: PPY009
    except AttributeError:
        pass


def not_the_gc(feature):
    feature.disable()


class Paused:
    def __enter__(self):
        gc.disable()  # expect: PPY009
        return self

    def __exit__(self, *exc):
        gc.enable()


def restored_in_finally(enabled, work):
    try:
        gc.enable()
        work()
    finally:
        if not enabled:
            gc.disable()


class Test:
    def test_cleanup(self):
        self.addCleanup(gc.enable)
        gc.disable()  # expect: PPY009

    def tearDown(self):
        gc.disable()  # expect: PPY009
