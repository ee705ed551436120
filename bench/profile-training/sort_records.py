# Sorting records: sorted() with key functions, list.sort, operator.itemgetter.
import operator
import sys

scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
rows = [("name%d" % ((i * 7919) % 100000), (i * 31) % 997, i * 0.5) for i in range(100000)]
check = 0
for _ in range(int(3 * scale)):
    by_name = sorted(rows)
    by_score = sorted(rows, key=operator.itemgetter(1))
    words = [r[0] for r in rows]
    words.sort(reverse=True)
    check += len(by_name[0][0]) + by_score[-1][1] + len(words[0])
print(check)
