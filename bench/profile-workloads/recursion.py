# Recursive calls: binary trees built and walked.
import sys


def build(depth):
    if depth == 0:
        return None
    return (build(depth - 1), depth, build(depth - 1))


def walk(tree):
    if tree is None:
        return 0
    left, value, right = tree
    return walk(left) + value + walk(right)


scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
total = 0
for _ in range(int(12 * scale)):
    total += walk(build(15))
print(total)
