# math module calls inside a numeric Python loop (sqrt, sin, hypot, floor).
import math
import sys

scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
total = 0.0
for i in range(int(800000 * scale)):
    x = i * 0.001
    total += math.sqrt(x) + math.sin(x) + math.hypot(x, 1.0) - math.floor(x)
print(round(total, 3))
