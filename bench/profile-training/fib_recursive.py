# Deep recursion on integers: naive Fibonacci and Ackermann-style calls.
import sys

sys.setrecursionlimit(10000)


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def count_paths(x, y):
    if x == 0 or y == 0:
        return 1
    return count_paths(x - 1, y) + count_paths(x, y - 1)


scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
total = 0
for _ in range(int(2 * scale)):
    total += fib(24) + count_paths(10, 9)
print(total)
