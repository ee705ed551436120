# Fixture: lines ending in an "expect" comment naming this rule must fire; all others must not.
import contextlib
import itertools
import platform
import threading

LOCK = threading.Lock()


def rows(path):
    with open(path) as f:
        yield from f


def locked_items(items):
    LOCK.acquire()
    try:
        for item in items:
            yield item
    finally:
        LOCK.release()


def plain(items):
    for item in items:
        yield item


@contextlib.contextmanager
def managed(path):
    with open(path) as f:
        yield f


def first_comment(path):
    for row in rows(path):  # expect: PPY005
        if row.startswith("#"):
            return row
    return None


def first_item(items):
    return next(locked_items(items))  # expect: PPY005


def some_items(items):
    return list(itertools.islice(locked_items(items), 3))  # expect: PPY005


def enumerated(path):
    for index, row in enumerate(rows(path)):  # expect: PPY005
        if index > 10:
            break


def bound_and_abandoned(items):
    it = locked_items(items)  # expect: PPY005
    return next(it)


def bound_and_closed(items):
    it = locked_items(items)
    try:
        return next(it)
    finally:
        it.close()


def primed_then_exhausted(items):
    it = locked_items(items)
    header = next(it)
    for item in it:
        print(header, item)


def exhausted(path):
    for row in rows(path):
        print(row)


def inner_break_only(path, words):
    for row in rows(path):
        for word in words:
            if word in row:
                break


def closed_by_closing(path):
    with contextlib.closing(rows(path)) as it:
        for row in it:
            if row:
                break


def no_cleanup(items):
    for item in plain(items):
        if item:
            break


def context_manager(path):
    with managed(path) as f:
        return f.read()


def all_collected(items):
    return list(locked_items(items))


def cpython_only(path):
    if platform.python_implementation() == "CPython":
        return next(rows(path))
    return None


class Reader:
    def lines(self, path):
        try:
            with open(path) as f:
                yield from f
        finally:
            print("done")

    def first(self, path):
        for line in self.lines(path):  # expect: PPY005
            return line
        return None
