# zlib and hashlib over large buffers: almost all C.
import hashlib
import sys
import zlib

scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
data = bytes(range(256)) * 40000
total = 0
for _ in range(int(6 * scale)):
    packed = zlib.compress(data, 6)
    total += len(zlib.decompress(packed))
    total += len(hashlib.sha256(data).hexdigest())
print(total)
