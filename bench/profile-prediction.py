"""Predicted versus measured PyPy speedup of `pypyready profile`, over the workloads of
bench/profile-workloads/ (14 kinds: numeric and object loops, recursion, string building, a
parser, json, regex, file I/O, waiting, sorting, collections, compression, a C extension called
many times, templating).

Usage: bench/profile-prediction.py PYPYREADY [--budget SECONDS] [--only NAME,...] [--json OUT] [--scale X] [--pin CPU]

For each workload: `pypyready profile --verify --format json -- /usr/bin/python3 W.py`, which
profiles one run under CPython, predicts a range, then measures CPython and PyPy with the bench
harness (whole processes, interleaved). The error factor is max(m/p, p/m) of the measured
speedup m and the range's middle p on a log scale; the direction is faster (>= 1.15), same, or
slower (<= 0.87). Prints a Markdown table and the summary lines that go into bench/README.md.
With --pin CPU (default 1; "" for none) the whole run, profile and measurement, is pinned to one
CPU with taskset: the VM's two CPUs differ in speed by about 40 %, which moves CPU-time ratios.
"""
import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
WORKLOADS = os.path.join(HERE, "profile-workloads")
CEXT = os.path.join(HERE, "..", "tests", "profile", "cext", "fastops.c")
PYTHON = "/usr/bin/python3"
PYPY = "/usr/bin/pypy3"
# Each workload's argument: about 1.5 s of CPython time on the 2-core machine of bench/README.md.
SCALES = {"cext_cheap": 3, "collections_sim": 5.5, "compress": 2.3, "fileio": 7, "json_docs": 7, "nbody": 5,
          "objects": 12, "parser": 10, "recursion": 10, "regex_logs": 25, "sort_str": 7, "strbuild": 15,
          "template": 12, "waiting": 2}


def direction(speedup):
    """As pypyready words it (profile/model.h): faster from 1.15, slower up to 0.87."""
    return "faster" if speedup >= 1.15 else "slower" if speedup <= 0.87 else "same"


def build_extension(folder):
    """fastops for CPython and for PyPy's C-API emulation, side by side in `folder`."""
    compiler = shutil.which("cc") or shutil.which("gcc")
    builds = [(sysconfig.get_paths()["include"], sysconfig.get_config_var("EXT_SUFFIX"))]
    pypy_include = subprocess.run([PYPY, "-c", "import sysconfig; print(sysconfig.get_paths()['include'])"],
                                  capture_output=True, text=True).stdout.strip()
    pypy_suffix = subprocess.run([PYPY, "-c", "import sysconfig; print(sysconfig.get_config_var('EXT_SUFFIX'))"],
                                 capture_output=True, text=True).stdout.strip()
    builds.append((pypy_include, pypy_suffix))
    for include, suffix in builds:
        subprocess.run([compiler, "-O2", "-shared", "-fPIC", "-I" + include, CEXT, "-o",
                        os.path.join(folder, "fastops" + suffix)], check=True)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("pypyready")
    parser.add_argument("--budget", type=float, default=20)
    parser.add_argument("--only", default="")
    parser.add_argument("--json", default="")
    parser.add_argument("--scale", type=float, default=1.0, help="multiplies every workload's size")
    parser.add_argument("--pin", default="1", help="CPU to pin every run to with taskset; empty: no pinning")
    options = parser.parse_args()
    names = sorted(n[:-3] for n in os.listdir(WORKLOADS) if n.endswith(".py"))
    if options.only:
        names = [n for n in names if n in options.only.split(",")]
    build = tempfile.mkdtemp(prefix="pypyready-fastops-")
    build_extension(build)
    environment = dict(os.environ, PYTHONPATH=build)
    rows = []
    for name in names:
        started = time.time()
        pin = ["taskset", "-c", options.pin] if options.pin and shutil.which("taskset") else []
        completed = subprocess.run(
            pin + [options.pypyready, "profile", "--quiet", "--verify", "--verify-budget", str(options.budget), "--pypy",
             PYPY, "--format", "json", "--", PYTHON, os.path.join(WORKLOADS, name + ".py"),
             str(SCALES.get(name, 1) * options.scale)],
            capture_output=True, text=True, env=environment)
        if completed.returncode != 0:
            print("%s: exit %d: %s" % (name, completed.returncode, completed.stderr.strip()), file=sys.stderr)
            continue
        profile = json.loads(completed.stdout)["profile"]
        verified = profile["verified_speedup"]
        # On a machine shared with other jobs the wall-time ratio carries their load; the CPU-time
        # ratio does not, and equals it for a program that does not wait. Waiting programs keep
        # the wall-time ratio (their CPU time is not their run time).
        waits = profile["shares"]["wait"] >= 0.1
        use_cpu = not waits and verified["measured_cpu"] > 0
        measured = verified["measured_cpu"] if use_cpu else verified["measured"]
        ci95 = verified["ci95_cpu"] if use_cpu else verified["ci95"]
        middle = (profile["prediction"]["speedup_low"] * profile["prediction"]["speedup_high"]) ** 0.5
        verified["within_range"] = profile["prediction"]["speedup_low"] <= measured <= profile["prediction"]["speedup_high"]
        verified["error_factor"] = max(measured / middle, middle / measured)
        verified["measured_direction"] = direction(measured)
        verified["measured"], verified["ci95"] = measured, ci95
        verified["clock"] = "cpu" if use_cpu else "wall"
        low, high = profile["prediction"]["speedup_low"], profile["prediction"]["speedup_high"]
        rows.append({"name": name, "shares": profile["shares"], "total_s": profile["total_s"], "low": low,
                     "high": high, "outlook": profile["prediction"]["outlook"],
                     "measured": verified["measured"], "ci95": verified["ci95"],
                     "within": verified["within_range"], "error": verified["error_factor"],
                     "predicted_direction": verified["predicted_direction"],
                     "measured_direction": verified["measured_direction"], "clock": verified["clock"],
                     "seconds": time.time() - started})
        print("%-16s done in %.0f s" % (name, time.time() - started), file=sys.stderr)
    shutil.rmtree(build)
    if options.pin:
        print("(every run pinned to CPU %s with taskset)" % options.pin, file=sys.stderr)

    print("| workload | CPython s | python | native std | native ext | sys | wait | import | start-up "
          "| predicted range | measured [95% CI] (clock) | error | direction pred / meas | in range |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---|---:|---|---|")
    for r in rows:
        s = r["shares"]
        print("| %s | %.2f | %.0f%% | %.0f%% | %.0f%% | %.0f%% | %.0f%% | %.0f%% | %.0f%% | %.2f-%.2fx | %.2fx [%.2f-%.2f] (%s) "
              "| %.2fx | %s / %s | %s |" % (
                  r["name"], r["total_s"], 100 * s["python"], 100 * s["native_stdlib"],
                  100 * s["native_extensions"], 100 * s["system"], 100 * s["wait"], 100 * s["import"],
                  100 * s["startup"], r["low"], r["high"], r["measured"], r["ci95"][0], r["ci95"][1], r["clock"],
                  r["error"],
                  r["predicted_direction"], r["measured_direction"], "yes" if r["within"] else "no"))
    if rows:
        errors = [r["error"] for r in rows]
        right = sum(r["predicted_direction"] == r["measured_direction"] for r in rows)
        within = sum(r["within"] for r in rows)
        print()
        print("- workloads: %d; median error factor %.2fx (target <= 1.3x), worst %.2fx; within 1.5x: %d/%d"
              % (len(rows), statistics.median(errors), max(errors), sum(e <= 1.5 for e in errors), len(rows)))
        print("- direction right: %d/%d = %.0f%% (target >= 80%%); measured value inside the predicted range: %d/%d"
              % (right, len(rows), 100.0 * right / len(rows), within, len(rows)))
        print("- machine: %s, %d CPUs, load average %s; %s; date %s" % (
            platform.platform(), os.cpu_count(), " ".join("%.1f" % x for x in os.getloadavg()),
            sys.version.split()[0], time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())))
    if options.json:
        with open(options.json, "w") as out:
            json.dump(rows, out, indent=1)


if __name__ == "__main__":
    main()
