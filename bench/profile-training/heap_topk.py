# Top-k selection and a running median with heapq.
import heapq
import sys

scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
data = [(i * 2654435761) % 1000003 for i in range(200000)]
total = 0
for _ in range(int(3 * scale)):
    total += sum(heapq.nlargest(50, data))
    low, high = [], []
    for x in data[:60000]:
        if not low or x <= -low[0]:
            heapq.heappush(low, -x)
        else:
            heapq.heappush(high, x)
        if len(low) > len(high) + 1:
            heapq.heappush(high, -heapq.heappop(low))
        elif len(high) > len(low):
            heapq.heappush(low, -heapq.heappop(high))
    total += -low[0]
print(total)
