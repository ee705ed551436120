# Bulk copying: a 6 MB file copied to another in 256 KB reads and writes, the copy compared with
# the source by size (no fsync: the data stays in the page cache, so this is all on the CPU).
import os
import sys
import tempfile

scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
folder = tempfile.mkdtemp(prefix="chunk-copy-")
source_path = os.path.join(folder, "source.bin")
copy_path = os.path.join(folder, "copy.bin")
with open(source_path, "wb") as out:
    out.write(bytes(range(256)) * (6 * 4096))
copied = 0
for _ in range(int(40 * scale)):
    with open(source_path, "rb") as source, open(copy_path, "wb") as copy:
        while True:
            block = source.read(262144)
            if not block:
                break
            copy.write(block)
            copied += len(block)
    if os.path.getsize(copy_path) != os.path.getsize(source_path):
        raise SystemExit("copy differs in size")
os.remove(copy_path)
os.remove(source_path)
os.rmdir(folder)
print(copied)
