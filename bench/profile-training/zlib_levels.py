# zlib compression at several levels, and decompression, of text-like data.
import sys
import zlib

scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
text = b"".join(b"record %d value %d status ok\n" % (i, i * i % 977) for i in range(60000))
total = 0
for _ in range(int(3 * scale)):
    for level in (1, 6, 9):
        packed = zlib.compress(text, level)
        total += len(zlib.decompress(packed)) + len(packed)
print(total)
