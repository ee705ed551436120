# Hangs, with a child process that must not survive the timeout.
import os
import subprocess
import sys
import time

child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
with open(sys.argv[1], "w") as out:
    out.write("%d %d\n" % (os.getpid(), child.pid))
time.sleep(600)
