# Keeps a sorted list with bisect.insort and looks values up with bisect_left.
import bisect
import sys

scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
hits = 0
for round_ in range(int(6 * scale)):
    keys = []
    for i in range(30000):
        bisect.insort(keys, (i * 48271 + round_) % 65521)
    for i in range(30000):
        j = bisect.bisect_left(keys, i)
        hits += j < len(keys) and keys[j] == i
print(hits)
