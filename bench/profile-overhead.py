"""CPU overhead of the profile sampler (probes/profile_sampler.py) on CPU-bound workloads.

Usage: bench/profile-overhead.py [ROUNDS] [INTERVAL_S]   (from the repository root)

Runs each workload of bench/profile-workloads/ that is CPU-bound both plainly (`python3 W.py`)
and under the sampler exactly as `pypyready profile` starts it (`python3 -c PROBE INTERVAL script
W.py`, report written to /dev/null), alternating, ROUNDS times (default 5), and compares the
median child CPU time (user + system, from wait4) and the median wall time.
"""
import os
import resource
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
PROBE = open(os.path.join(HERE, "..", "probes", "profile_sampler.py")).read()
PYTHON = "/usr/bin/python3"
CPU_BOUND = ["nbody", "objects", "recursion", "strbuild", "parser", "template", "json_docs", "regex_logs",
             "sort_str", "collections_sim"]
# The sizes of profile-prediction.py (about 1.5 s each): at the default sizes (0.1-0.5 s) the
# probe's fixed set-up (compiling it, a few imports: about 40 ms) dominates the ratio.
SCALES = {"collections_sim": 5.5, "json_docs": 7, "nbody": 5, "objects": 12, "parser": 10, "recursion": 10,
          "regex_logs": 25, "sort_str": 7, "strbuild": 15, "template": 12}


def cpu_of(argv, env=None, pass_fds=()):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(argv, stdout=subprocess.DEVNULL, check=True, env=env, pass_fds=pass_fds)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), wall


def main():
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    interval = sys.argv[2] if len(sys.argv) > 2 else "0.005"
    sink = os.open(os.devnull, os.O_WRONLY)
    env = dict(os.environ, PYPYREADY_DATA_FD=str(sink))
    print("| workload | plain CPU s | sampled CPU s | CPU overhead | plain wall s | sampled wall s |")
    print("|---|---:|---:|---:|---:|---:|")
    ratios = []
    for name in CPU_BOUND:
        script = os.path.join(HERE, "profile-workloads", name + ".py")
        plain, sampled = [], []
        for _ in range(rounds):
            size = str(SCALES[name])
            plain.append(cpu_of([PYTHON, script, size]))
            sampled.append(cpu_of([PYTHON, "-c", PROBE, interval, "script", script, size], env=env,
                                  pass_fds=(sink,)))
        p_cpu = statistics.median(c for c, _ in plain)
        s_cpu = statistics.median(c for c, _ in sampled)
        ratios.append(s_cpu / p_cpu)
        print("| %s | %.3f | %.3f | %+.1f%% | %.3f | %.3f |" % (
            name, p_cpu, s_cpu, 100 * (s_cpu / p_cpu - 1), statistics.median(w for _, w in plain),
            statistics.median(w for _, w in sampled)))
    print()
    print("median CPU overhead %+.1f%% (range %+.1f%% to %+.1f%%) at a %s s interval, %d rounds, load average %s" % (
        100 * (statistics.median(ratios) - 1), 100 * (min(ratios) - 1), 100 * (max(ratios) - 1), interval, rounds,
        " ".join("%.1f" % x for x in os.getloadavg())))


if __name__ == "__main__":
    main()
