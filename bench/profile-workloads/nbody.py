# Numeric floats in plain loops (n-body style): the JIT's best case.
import sys

scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
bodies = [[float(i), float(i * 2), float(i * 3), 0.01 * i, 0.02 * i, 0.03 * i, 1.0 + i] for i in range(5)]
for _ in range(int(60000 * scale)):
    for i in range(5):
        bi = bodies[i]
        for j in range(i + 1, 5):
            bj = bodies[j]
            dx, dy, dz = bi[0] - bj[0], bi[1] - bj[1], bi[2] - bj[2]
            d2 = dx * dx + dy * dy + dz * dz + 0.01
            mag = 0.001 / (d2 * d2 ** 0.5)
            bi[3] -= dx * bj[6] * mag
            bj[3] += dx * bi[6] * mag
    for b in bodies:
        b[0] += 0.001 * b[3]
print(round(bodies[0][0], 6))
