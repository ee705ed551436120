# Word counting with collections.Counter over generated text, then most_common.
import sys
from collections import Counter

scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
vocabulary = ["w%d" % i for i in range(5000)]
lines = [" ".join(vocabulary[(i * j * 31) % 5000] for j in range(12)) for i in range(20000)]
best = 0
for _ in range(int(4 * scale)):
    counts = Counter()
    for line in lines:
        counts.update(line.split())
    best += counts.most_common(10)[0][1]
print(best)
