# Recursive calls on integers: almost all of the pure-Python time is in a function that is also
# further down the stack.
import sys


def paths(x, y):
    if x == 0 or y == 0:
        return 1
    return paths(x - 1, y) + paths(x, y - 1)


scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
total = 0
for _ in range(int(50 * scale)):
    total += paths(10, 9)
print(total)
