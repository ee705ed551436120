# Many small unbuffered reads and writes: a log appended record by record, then read back in
# small chunks and counted (system-call-bound: most of the time is in the kernel).
import os
import sys
import tempfile

scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
folder = tempfile.mkdtemp(prefix="small-io-")
path = os.path.join(folder, "records.log")
total = 0
for round_number in range(int(4 * scale)):
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    for i in range(20000):
        os.write(fd, b"%d,%d\n" % (round_number, i))
    os.close(fd)
    fd = os.open(path, os.O_RDONLY)
    while True:
        chunk = os.read(fd, 64)
        if not chunk:
            break
        total += chunk.count(b"\n")
    os.close(fd)
    os.stat(path)
os.remove(path)
os.rmdir(folder)
print(total)
