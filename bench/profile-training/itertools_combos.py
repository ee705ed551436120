# itertools: combinations, product and accumulate consumed by builtins (sum, max, sorted).
import itertools
import sys

scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
values = list(range(1, 60))
total = 0
for _ in range(int(3 * scale)):
    total += sum(a * b - c for a, b, c in itertools.combinations(values, 3))
    total += max(itertools.accumulate(x * y for x, y in itertools.product(values, repeat=2)))
print(total)
