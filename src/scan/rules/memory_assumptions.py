# Fixture: lines ending in an "expect" comment naming this rule must fire; all others must not.
import resource
from resource import RLIMIT_AS, setrlimit as set_limit

import psutil

LIMIT = 512 * 2**20
resource.setrlimit(resource.RLIMIT_AS, (LIMIT, LIMIT))  # expect: PPY015
set_limit(RLIMIT_AS, (LIMIT, LIMIT))  # expect: PPY015
resource.setrlimit(resource.RLIMIT_NOFILE, (1024, 1024))
resource.setrlimit(resource.RLIMIT_CORE, (0, 0))

if resource.getrusage(resource.RUSAGE_SELF).ru_maxrss > 200_000:  # expect: PPY015
    raise MemoryError
assert psutil.Process().memory_info().rss < LIMIT  # expect: PPY015


def check_budget(proc):
    rss = proc.memory_info().rss  # expect: PPY015
    if rss > LIMIT:
        proc.kill()


def report(proc):
    usage = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print("peak", usage, proc.memory_info().rss)


class Point:
    __slots__ = ("x", "y")  # expect: PPY015  saves memory per instance


class Pixel:
    # Slots keep the memory footprint small.
    __slots__ = ("r", "g", "b")  # expect: PPY015


class Record:
    """Plain record; uses slots."""

    __slots__ = ("key", "value")


class Extension:
    # slots let us list the attributes (the memory use doesn't matter here)
    __slots__ = ("f", "x")


def restore(old_limits):
    resource.setrlimit(resource.RLIMIT_AS, old_limits)
