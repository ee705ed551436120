# Generator pipelines: filter, map and windowing through chained generators.
import sys


def numbers(n):
    for i in range(n):
        yield (i * 2654435761) % 1000


def evens(source):
    for x in source:
        if x % 2 == 0:
            yield x


def windows(source, size):
    window = []
    for x in source:
        window.append(x)
        if len(window) == size:
            yield sum(window)
            window.pop(0)


scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
print(sum(windows(evens(numbers(int(600000 * scale))), 4)))
