# A third-party C extension doing the heavy work in a few long calls.
import sys

import fastops

rounds = int(float(sys.argv[1]) * 1e8) if len(sys.argv) > 1 else 100000000
print(sum(fastops.spin(rounds) & 0xff for _ in range(4)))
