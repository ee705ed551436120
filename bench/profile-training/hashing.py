# hashlib digests over buffers of many sizes.
import hashlib
import sys

scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
blob = bytes(range(256)) * 4096
digest = b""
for i in range(int(40 * scale)):
    for name in ("sha256", "sha1", "md5"):
        h = hashlib.new(name)
        h.update(blob[: (i % 7 + 1) * 131072])
        digest = h.digest()
print(digest.hex())
