# Breadth-first search over a grid graph with collections.deque.
import sys
from collections import deque

scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
size = 300
blocked = {(x, y) for x in range(size) for y in range(size) if (x * 7 + y * 13) % 11 == 0}
reached = 0
for _ in range(int(2 * scale)):
    seen = {(0, 0)}
    queue = deque([(0, 0)])
    while queue:
        x, y = queue.popleft()
        for nx, ny in ((x + 1, y), (x - 1, y), (x, y + 1), (x, y - 1)):
            if 0 <= nx < size and 0 <= ny < size and (nx, ny) not in blocked and (nx, ny) not in seen:
                seen.add((nx, ny))
                queue.append((nx, ny))
    reached += len(seen)
print(reached)
