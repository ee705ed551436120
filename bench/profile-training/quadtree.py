# A region quadtree built recursively over generated points (a list of four children per inner
# node, leaves are lists of points, all kept alive), then queried recursively.
import sys


def build(points, x, y, size):
    if len(points) <= 4 or size < 2:
        return [(px, py) for px, py in points]
    half = size / 2
    parts = ([], [], [], [])
    for px, py in points:
        parts[(px >= x + half) + 2 * (py >= y + half)].append((px, py))
    return [build(parts[0], x, y, half), build(parts[1], x + half, y, half),
            build(parts[2], x, y + half, half), build(parts[3], x + half, y + half, half), None]


def count(node, x, y, size, qx, qy, qsize):
    if x >= qx + qsize or qx >= x + size or y >= qy + qsize or qy >= y + size:
        return 0
    if len(node) != 5:
        return sum(1 for px, py in node if qx <= px < qx + qsize and qy <= py < qy + qsize)
    half = size / 2
    return (count(node[0], x, y, half, qx, qy, qsize) + count(node[1], x + half, y, half, qx, qy, qsize) +
            count(node[2], x, y + half, half, qx, qy, qsize) + count(node[3], x + half, y + half, half, qx, qy, qsize))


scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
found = 0
seed = 7
for _ in range(int(3 * scale)):
    points = []
    for _ in range(40000):
        seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
        points.append((seed % 4096, (seed >> 12) % 4096))
    tree = build(points, 0, 0, 4096)
    for q in range(200):
        found += count(tree, 0, 0, 4096, (q * 97) % 3500, (q * 61) % 3500, 500)
print(found)
