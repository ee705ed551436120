# Recursion that builds and flattens nested lists (allocation in every call).
import sys


def build(depth, seed):
    if depth == 0:
        return [seed]
    return [build(depth - 1, seed * 2), seed, build(depth - 1, seed * 2 + 1)]


def flatten(node, out):
    for item in node:
        if isinstance(item, list):
            flatten(item, out)
        else:
            out.append(item)
    return out


scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
total = 0
for _ in range(int(8 * scale)):
    total += len(flatten(build(14, 1), []))
print(total)
