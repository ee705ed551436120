# Files written, synced, read back and removed.
import os
import sys
import tempfile

scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
chunk = b"x" * 65536
folder = tempfile.mkdtemp()
total = 0
for n in range(int(10 * scale)):
    path = os.path.join(folder, "f%d" % n)
    with open(path, "wb") as out:
        for _ in range(120):
            out.write(chunk)
        out.flush()
        os.fsync(out.fileno())
    with open(path, "rb") as back:
        total += len(back.read())
    os.unlink(path)
os.rmdir(folder)
print(total)
