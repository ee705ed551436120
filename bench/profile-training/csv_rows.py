# csv.writer / csv.reader round trips through an in-memory buffer, with numeric conversion.
import csv
import io
import sys

scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
rows = [["id%d" % i, str(i * 3), "%.2f" % (i / 7), "note, with comma %d" % i] for i in range(30000)]
total = 0.0
for _ in range(int(3 * scale)):
    buffer = io.StringIO()
    csv.writer(buffer).writerows(rows)
    buffer.seek(0)
    for row in csv.reader(buffer):
        total += float(row[2]) + int(row[1])
print(round(total, 2))
