# Binary records packed and unpacked with struct in a Python loop.
import struct
import sys

RECORD = struct.Struct("<iHd8s")
scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
total = 0.0
for _ in range(int(3 * scale)):
    buffer = bytearray()
    for i in range(60000):
        buffer += RECORD.pack(i, i % 65535, i * 0.25, b"name%04d" % (i % 10000))
    for offset in range(0, len(buffer), RECORD.size):
        number, small, value, name = RECORD.unpack_from(buffer, offset)
        total += value + small
print(total)
