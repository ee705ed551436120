# Pure-Python arithmetic and object loops: almost all of the time is bytecode.
import sys


class Vec:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x, self.y = x, y

    def add(self, other):
        return Vec(self.x + other.x, self.y + other.y)


def collatz_total(limit):
    total = 0
    for start in range(1, limit):
        n = start
        while n != 1:
            n = n // 2 if n % 2 == 0 else 3 * n + 1
            total += 1
    return total


def vectors(rounds):
    v = Vec(0, 0)
    step = Vec(1, 2)
    for _ in range(rounds):
        v = v.add(step)
    return v.x + v.y


scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
print(collatz_total(int(150000 * scale)), vectors(int(1000000 * scale)))
