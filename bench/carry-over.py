"""Does a process run slower depending on what ran just before it on its CPU?

Usage: python3 bench/carry-over.py WORKLOAD.py [CYCLES] [CPU]

Runs WORKLOAD.py under the `python3` on PATH, each time right after one of three predecessors on
the same CPU (default 1, pinned with taskset): the same CPython workload, the workload under
/usr/bin/pypy3, or a small program that writes 64 MiB of memory and exits. The predecessors are
taken in a shuffled order in each of CYCLES cycles (default 40); prints the median time of the
workload after each, relative to the one after itself. `pypyready bench` alternates the
interpreters ABBA, so half its processes follow the other interpreter; this measures what that
costs each side.
"""
import random
import statistics
import subprocess
import sys
import time

TOUCH_64_MIB = "b = bytearray(64 << 20)\nfor i in range(0, len(b), 64): b[i] = 1"


def timed(cpu, argv):
    started = time.perf_counter()
    subprocess.run(["taskset", "-c", cpu] + argv, stdout=subprocess.DEVNULL, check=True)
    return time.perf_counter() - started


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    workload = sys.argv[1]
    cycles = int(sys.argv[2]) if len(sys.argv) > 2 else 40
    cpu = sys.argv[3] if len(sys.argv) > 3 else "1"
    cpython = subprocess.check_output(["python3", "-c", "import sys; print(sys.executable)"], text=True).strip()
    predecessors = {
        "after itself": [cpython, workload],
        "after pypy3": ["/usr/bin/pypy3", workload],
        "after 64 MiB written": ["/usr/bin/python3", "-c", TOUCH_64_MIB],
    }
    times = {name: [] for name in predecessors}
    order = list(predecessors)
    for _ in range(cycles):
        random.shuffle(order)
        for name in order:
            timed(cpu, predecessors[name])
            times[name].append(timed(cpu, [cpython, workload]))
    own = statistics.median(times["after itself"])
    for name, samples in times.items():
        print("%-22s median %7.2f ms  x%.3f" % (name, 1000 * statistics.median(samples),
                                               statistics.median(samples) / own))


if __name__ == "__main__":
    main()
