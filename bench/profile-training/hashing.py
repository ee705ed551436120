# hashlib digests over buffers of many sizes. The buffers are cut once, before the loop: cutting
# them inside it made PyPy allocate a 0.5 MB bytes object per digest (71 000 page faults, 0.4 s
# of system and 0.7 s of user time more than now, 2026-12-06), a cost the CPython profile does not
# see, which the fit then charged to the digests (group clib). The digests are OpenSSL's on both
# interpreters: PyPy 7.3.11's hashlib.new("md5"/"sha1"/"sha256") returns _hashlib.HASH, as
# CPython's does.
import hashlib
import sys

scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
blob = bytes(range(256)) * 4096
buffers = [blob[: (k + 1) * 131072] for k in range(7)]
digest = b""
for i in range(int(40 * scale)):
    for name in ("sha256", "sha1", "md5"):
        h = hashlib.new(name)
        h.update(buffers[i % 7])
        digest = h.digest()
print(digest.hex())
