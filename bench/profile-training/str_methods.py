# str builtins on text lines: split, strip, lower, replace, startswith, join.
import sys

scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
lines = ["  Header-%d: Value %d, Another VALUE; end  " % (i, i * 3) for i in range(50000)]
total = 0
for _ in range(int(3 * scale)):
    out = []
    for line in lines:
        key, _, value = line.strip().partition(":")
        value = value.lower().replace("value", "v").strip()
        if key.startswith("Header"):
            out.append(",".join(value.split()))
    total += len("\n".join(out))
print(total)
