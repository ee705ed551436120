# Fixture: lines ending in an "expect" comment naming this rule must fire; all others must not.
import contextlib
import io as inout
import platform
import sys
from gzip import open as gzopen


def never_closed(path):
    f = open(path)  # expect: PPY003
    return len(f.read())


def rebound_in_loop(paths):
    total = 0
    for path in paths:
        handle = inout.open(path, "rb")  # expect: PPY003
        total += len(handle.read())
    return total


def closed_on_normal_path_only(path):
    f = gzopen(path)  # expect: PPY003
    data = f.read()
    f.close()
    return data


def dropped(path):
    open(path, "a")  # expect: PPY003


def closed_in_finally(path):
    f = open(path)
    try:
        return f.read()
    finally:
        f.close()


def closed_in_finally_when_bound(path):
    f = None
    try:
        f = open(path)
        return f.read()
    finally:
        if f is not None:
            f.close()


def closed_by_with_later(path):
    f = open(path)
    with f:
        return f.read()


def closed_at_once(path):
    f = open(path, "w")
    f.close()


def handed_to_closing(path):
    f = open(path)
    with contextlib.closing(f):
        return f.read()


def handed_to_exit_stack(path):
    with contextlib.ExitStack() as stack:
        f = open(path)
        stack.enter_context(f)
        return f.read()


def close_registered(self, path):
    f = open(path)
    self.addCleanup(f.close)
    return f.read()


def returned(path):
    f = open(path)
    return f


def yielded(path):
    f = open(path)
    yield f


def wrapped(path):
    f = open(path, "rb")
    return inout.TextIOWrapper(f)


def stored_in_container(paths):
    files = []
    f = open(paths[0])
    files.append(f)
    return files


def with_statement(path):
    with open(path) as f:
        return f.read()


def read_through_helpers(path):
    f = open(path)
    try:
        print(len(f.read()), file=sys.stderr)
    except BaseException:
        f.close()
        raise
    f.close()


def used_in_nested_function(path):
    f = open(path)

    def reader():
        return f.read()

    return reader


def unbound_read(path):
    return open(path).read()


def cpython_only(path):
    if platform.python_implementation() == "CPython":
        f = open(path)
        return f.read()
    return None


def guarded_by_hasattr(path):
    if hasattr(sys, "getrefcount"):
        f = open(path)  # expect: PPY003
        return f.read()
    return None


def guarded_by_try(path):
    try:
        f = open(path)  # expect: PPY003
        return f.read()
    except (AttributeError, ImportError):
        return None


def shadowed(path):
    def open(name):
        return name

    f = open(path)
    return f


class Log:
    def __init__(self, path):
        self.stream = open(path, "a")

    def close(self):
        self.stream.close()


class Leaky:
    def __init__(self, path):
        self.handle = open(path)  # expect: PPY003

    def read(self):
        return self.handle.read()


class Finalized:
    def __init__(self, path):
        self.out = open(path, "w")  # expect: PPY003

    def __del__(self):
        self.out.close()


def can_open(path):
    try:
        open(path)
    except OSError:
        return False
    return True


def mocked_open(self, patch, mock_open):
    with patch("builtins.open", mock_open(read_data="x")):
        handle = open("name")
        return handle.read()


def expected_failure(self, path):
    with self.assertRaises(ValueError):
        f = open(path, "rw")
        f.read()


def method_handed_on(path, register):
    f = open(path, "w")
    register(f.write)


def closed_in_else(path):
    try:
        f = open(path, "rb+")
    except OSError:
        return False
    else:
        f.close()
    return True
