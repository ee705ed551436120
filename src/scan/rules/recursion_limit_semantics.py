# Fixture: lines ending in an "expect" comment naming this rule must fire; all others must not.
import sys
import threading
from sys import setrecursionlimit as set_limit

sys.setrecursionlimit(50)  # expect: PPY026
set_limit(10000)  # expect: PPY026
threading.stack_size(64 * 1024)  # expect: PPY026
sys.setrecursionlimit(sys.getrecursionlimit() + 500)  # expect: PPY026
depth = sys.getrecursionlimit() - 100  # expect: PPY026
for level in range(sys.getrecursionlimit()):  # expect: PPY026
    pass


def deep(n):
    old_limit = sys.getrecursionlimit()
    sys.setrecursionlimit(n)  # expect: PPY026
    try:
        return deep(n - 1)
    finally:
        sys.setrecursionlimit(old_limit)


# Reading without sizing, restoring, or asking the current size.
saved = sys.getrecursionlimit()
sys.setrecursionlimit(saved)
current = threading.stack_size()
print(sys.getrecursionlimit())
if sys.implementation.name == "cpython":
    sys.setrecursionlimit(100)
sys.setrecursionlimit(int(10e8))  # expect: PPY026
sys.setrecursionlimit(1 << 30)  # expect: PPY026
