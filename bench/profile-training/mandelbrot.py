# Floating-point loops: a Mandelbrot set on a small grid.
import sys

scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
inside = 0
size = int(120 * scale ** 0.5)
for py in range(size):
    for px in range(size):
        cr, ci = -2.0 + 2.5 * px / size, -1.25 + 2.5 * py / size
        zr = zi = 0.0
        for _ in range(100):
            zr, zi = zr * zr - zi * zi + cr, 2 * zr * zi + ci
            if zr * zr + zi * zi > 4:
                break
        else:
            inside += 1
print(inside)
