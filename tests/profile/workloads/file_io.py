# Writing, syncing, reading back and deleting files: system time and waiting on the disk.
import os
import sys
import tempfile

scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
chunk = os.urandom(1 << 16)
folder = tempfile.mkdtemp(prefix="pypyready-io-")
total = 0
for round_number in range(int(36 * scale)):
    path = os.path.join(folder, "f%d" % round_number)
    with open(path, "wb") as out:
        for _ in range(160):
            out.write(chunk)
        out.flush()
        os.fsync(out.fileno())
    with open(path, "rb") as back:
        while True:
            block = back.read(1 << 16)
            if not block:
                break
            total += len(block)
    os.unlink(path)
os.rmdir(folder)
print(total)
