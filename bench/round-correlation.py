"""How much of the scatter between processes is the machine's drift, shared by neighbours?

Usage: python3 bench/round-correlation.py WORKLOAD.py [ROUNDS]

Runs WORKLOAD.py under /usr/bin/python3 and /usr/bin/pypy3 alternately, ROUNDS rounds (default
30), every run pinned to CPU 1 with taskset, each timed by wait4 (wall and user + system CPU).
Prints, for both clocks, the correlation of the two log times of a round and the standard error
of the mean log ratio paired by round against Welch's (unpaired): below 1 the pairing that
`pypyready bench` uses narrows the interval.
"""
import math
import os
import statistics
import subprocess
import sys
import time


def run(interpreter, workload):
    started = time.perf_counter()
    child = subprocess.Popen(["taskset", "-c", "1", interpreter, workload], stdout=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    if status != 0:
        sys.exit("%s %s: exit status %d" % (interpreter, workload, status))
    return time.perf_counter() - started, usage.ru_utime + usage.ru_stime


def main():
    workload = sys.argv[1]
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    cpython, pypy = [], []
    for _ in range(rounds):
        cpython.append(run("/usr/bin/python3", workload))
        pypy.append(run("/usr/bin/pypy3", workload))
    for index, clock in ((0, "wall"), (1, "cpu")):
        a = [math.log(times[index]) for times in cpython]
        b = [math.log(times[index]) for times in pypy]
        ratios = [x - y for x, y in zip(a, b)]
        welch = math.sqrt(statistics.variance(a) / rounds + statistics.variance(b) / rounds)
        paired = statistics.stdev(ratios) / math.sqrt(rounds)
        print("%-4s correlation %.2f  standard error paired %.4f, Welch %.4f (paired/Welch %.2f)" % (
            clock, statistics.correlation(a, b), paired, welch, paired / welch))


if __name__ == "__main__":
    main()
