# Waiting on a slow peer process and sleeping.
import subprocess
import sys
import time

scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
time.sleep(0.3 * scale)
subprocess.run([sys.executable, "-c", "import time; time.sleep(%f)" % (0.4 * scale)], check=True)
print("done")
