# Waiting: the process sleeps, then waits on a child process.
import subprocess
import sys
import time

time.sleep(0.8)
subprocess.run([sys.executable, "-c", "import time; time.sleep(0.5)"], check=True)
print("done")
