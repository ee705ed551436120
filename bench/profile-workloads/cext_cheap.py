# Many cheap calls into a third-party C extension (PyPy's C-API emulation trap).
import sys

import fastops

scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
total = 0
for i in range(int(1500000 * scale)):
    total += fastops.mix(i)
print(total)
