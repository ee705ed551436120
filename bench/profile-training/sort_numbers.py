# Sorting numbers and strings with the default ordering (list.sort, sorted, reverse, str keys).
import sys

scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
numbers = [(i * 2654435761) % 1000003 * 0.5 for i in range(200000)]
words = ["%x" % ((i * 40503) % 65536) for i in range(100000)]
check = 0.0
for _ in range(int(4 * scale)):
    a = sorted(numbers)
    b = sorted(words, key=str.lower)
    numbers.sort(reverse=True)
    check += a[0] + len(b[-1]) + numbers[0]
print(check)
