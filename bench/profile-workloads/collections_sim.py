# An event simulation over heapq, Counter and deque.
import heapq
import sys
from collections import Counter, deque

scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
events = []
for i in range(20000):
    heapq.heappush(events, ((i * 7919) % 10007, i))
counts = Counter()
recent = deque(maxlen=100)
for _ in range(int(8 * scale)):
    queue = list(events)
    heapq.heapify(queue)
    while queue:
        when, what = heapq.heappop(queue)
        counts[what % 13] += 1
        recent.append(when)
print(sum(counts.values()), len(recent))
