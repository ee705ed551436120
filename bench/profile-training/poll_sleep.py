# A polling loop that mostly sleeps: short sleeps between small batches of work, the shape of a
# worker waiting for jobs (most of the run is waiting, little is CPU).
import sys
import time

scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
queue = []
done = 0
for tick in range(int(300 * scale)):
    time.sleep(0.003)
    queue.extend((tick * 31 + k) % 97 for k in range(20))
    while queue:
        job = queue.pop()
        done += sum(range(job))
print(done)
