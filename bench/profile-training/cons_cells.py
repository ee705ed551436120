# Linked lists of (value, rest) pairs built in a loop and kept alive, then walked: allocation of
# survivors in every step, no recursion.
import sys

scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
total = 0
for round_ in range(int(4 * scale)):
    lists = []
    for start in range(8):
        cell = None
        for value in range(start, start + 40000):
            cell = (value, cell)
        lists.append(cell)
    for cell in lists:
        while cell is not None:
            value, cell = cell
            total += value & 7
print(total)
