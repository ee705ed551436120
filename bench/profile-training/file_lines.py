# File I/O: writes a text file line by line, reads it back, and parses the lines.
import os
import sys
import tempfile

scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
total = 0
folder = tempfile.mkdtemp()
path = os.path.join(folder, "data.txt")
for round_ in range(int(4 * scale)):
    with open(path, "w") as out:
        for i in range(100000):
            out.write("%d,%d,line %d\n" % (i, i * round_, i))
    with open(path) as source:
        for line in source:
            total += int(line.split(",", 2)[1])
os.remove(path)
os.rmdir(folder)
print(total)
