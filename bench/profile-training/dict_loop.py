# Cheap C calls from a Python loop: dict.get, len, isinstance, list.append on small values.
import sys

scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
keys = ["k%d" % (i % 997) for i in range(100000)]
total = 0
for _ in range(int(4 * scale)):
    seen = {}
    buckets = []
    for key in keys:
        seen[key] = seen.get(key, 0) + 1
        if isinstance(key, str) and len(key) > 3:
            buckets.append(key)
    total += len(seen) + len(buckets)
print(total)
