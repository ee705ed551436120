# A driver that runs short Python helper scripts as child processes of the same interpreter
# (sys.executable), one after another, and sums what they print.
import subprocess
import sys

scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
total = 0
for i in range(int(6 * scale)):
    child = "import json; print(json.dumps(sum(j * j for j in range(%d))))" % (20000 + 1000 * i)
    completed = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True, check=True)
    total += int(completed.stdout)
print(total)
