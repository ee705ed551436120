# Sorting and str builtins (C code on CPython; RPython on PyPy).
import random
import sys

scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
random.seed(1)
words = ["".join(random.choice("abcdefghij") for _ in range(8)) for _ in range(20000)]
total = 0
for _ in range(int(25 * scale)):
    ordered = sorted(words)
    upper = [w.upper() for w in ordered[:2000]]
    total += len(" ".join(ordered).split(" ")) + len(upper)
    total += sum(1 for w in words if w.startswith("ab"))
print(total)
