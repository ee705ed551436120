"""Learns the factors of `pypyready profile`'s speedup model (src/profile/model.h) from the
training workloads of bench/profile-training/, which are not the benchmark's workloads
(bench/profile-workloads/, scored by profile-prediction.py): the fit never sees those.

Usage:
  bench/profile-training.py measure [--rounds N] [--only A,B]   real PyPy speedups -> training-data.json
  bench/profile-training.py profile PYPYREADY [--only A,B]       sampled CPython profiles -> the same file
  bench/profile-training.py fit                                   fitted table and leave-one-out error

measure: each workload alternately under /usr/bin/python3 and /usr/bin/pypy3, both pinned to one
CPU with `taskset -c 1` (the VM's two CPUs differ in speed), N rounds; the speedup is the ratio
of the median child CPU times (user + system, from wait4: immune to other jobs on the machine);
the wall times are kept too, and fit takes their ratio for a program that waits 10 % of its run
or more (its CPU time is not its run time).
profile: `pypyready profile --format json` of one pinned CPython run; keeps the time in each
category, the native time per (module:callable) and per group as pypyready's model groups it
(prediction.model.std_seconds: the one table is profile/native_groups.cpp), and the recursive and
compiled parts of the Python time.
fit: minimises the squared log error of the predicted speedup over the training set by coordinate
descent on a log grid (standard library only), prints the factors to copy into model.cpp, each
workload's fitted and leave-one-out prediction, and the summary figures.
"""
import argparse
import json
import math
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
WORKLOADS = os.path.join(HERE, "profile-training")
DATA = os.path.join(WORKLOADS, "training-data.json")
PYTHON = "/usr/bin/python3"
PYPY = "/usr/bin/pypy3"
PIN = ["taskset", "-c", "1"]
# Each workload's argument: about 1 s of CPython CPU time on the machine of bench/README.md.
SCALES = {"bisect_insort": 1.5, "counter_words": 5.5, "csv_rows": 7, "deque_bfs": 3.6, "dict_loop": 11,
          "fib_recursive": 36, "file_lines": 5, "format_report": 7, "generators": 9, "hashing": 15,
          "heap_topk": 9, "itertools_combos": 200, "json_config": 6.5, "list_slices": 11, "mandelbrot": 13,
          "math_calls": 5.4, "particles": 44, "re_search": 9, "re_tokenize": 9, "sort_records": 2.7,
          "str_methods": 10, "struct_pack": 15, "tree_lists": 7, "zlib_levels": 1.8,
          "sort_numbers": 4, "json_compact": 8, "small_io": 4, "poll_sleep": 1, "inventory_objects": 40,
          "cons_cells": 1.3, "dict_trie": 2, "quadtree": 1.5, "spawn_children": 1,
          "chunk_copy": 5, "re_scrub": 17}


def load():
    if os.path.exists(DATA):
        with open(DATA) as source:
            return json.load(source)
    return {}


def save(data):
    with open(DATA, "w") as out:
        json.dump(data, out, indent=1, sort_keys=True)
        out.write("\n")


def names(only):
    found = sorted(n[:-3] for n in os.listdir(WORKLOADS) if n.endswith(".py"))
    return [n for n in found if not only or n in only.split(",")]


def child_cpu(argv):
    """(CPU seconds, wall seconds) of one run of argv, its output discarded."""
    started = time.perf_counter()
    process = subprocess.Popen(argv, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - started
    if status != 0:
        raise RuntimeError("%s: exit status %d" % (" ".join(argv), status))
    return usage.ru_utime + usage.ru_stime, wall


def measure(options):
    data = load()
    for name in names(options.only):
        path = os.path.join(WORKLOADS, name + ".py")
        scale = str(SCALES.get(name, 1))
        cpython, pypy, cpython_wall, pypy_wall, startup = [], [], [], [], []
        for _ in range(options.rounds):
            for runs, walls, interpreter in ((cpython, cpython_wall, PYTHON), (pypy, pypy_wall, PYPY)):
                cpu, wall = child_cpu(PIN + [interpreter, path, scale])
                runs.append(cpu)
                walls.append(wall)
            # PyPy's bare start-up in the same conditions as its runs, as `pypyready profile`
            # measures it for the prediction (CPU time of `-c pass`): the fit must charge the start-up
            # the prediction will charge, or the difference lands in the other factors.
            for _ in range(3):
                startup.append(child_cpu(PIN + [PYPY, "-c", "pass"])[0])
        entry = data.setdefault(name, {})
        entry["cpython_cpu_s"] = cpython
        entry["pypy_cpu_s"] = pypy
        entry["cpython_wall_s"] = cpython_wall
        entry["pypy_wall_s"] = pypy_wall
        entry["measured"] = statistics.median(cpython) / statistics.median(pypy)
        entry["measured_wall"] = statistics.median(cpython_wall) / statistics.median(pypy_wall)
        entry["pypy_startup_cpu_s"] = startup
        entry["measured_at"] = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
        print("%-18s CPython %.2f s  PyPy %.2f s  speedup %.2fx  (spread %.2f-%.2f / %.2f-%.2f)" % (
            name, statistics.median(cpython), statistics.median(pypy), entry["measured"], min(cpython),
            max(cpython), min(pypy), max(pypy)), file=sys.stderr)
        save(data)


def profile(options):
    data = load()
    for name in names(options.only):
        path = os.path.join(WORKLOADS, name + ".py")
        completed = subprocess.run(PIN + [options.pypyready, "profile", "--quiet", "--format", "json", "--", PYTHON,
                                          path, str(SCALES.get(name, 1))], capture_output=True, text=True)
        if completed.returncode != 0:
            print("%s: exit %d: %s" % (name, completed.returncode, completed.stderr.strip()), file=sys.stderr)
            continue
        report = json.loads(completed.stdout)["profile"]
        entry = data.setdefault(name, {})
        entry["seconds"] = report["seconds"]
        entry["total_s"] = report["total_s"]
        entry["native_by_callee"] = {k: v["seconds"] for k, v in report["native_by_callee"].items()}
        entry["python_recursive_s"] = report["python_recursive_s"]
        entry["python_compiled_s"] = report["python_compiled_s"]
        entry.pop("python_numeric_s", None)  # the feature until 2026-12-05 (arithmetic/attributes only)
        # The native time per group as pypyready's own model groups it (profile/native_groups.cpp).
        entry["native_groups"] = report["prediction"]["model"]["std_seconds"]
        # CPython's garbage collections (survivors allocated) and child interpreters (since
        # 2026-12-06 03:00 UTC).
        entry["gc_collections"] = report["gc_collections"]
        # The on-CPU seconds those collections took (since 2026-12-06 06:04 UTC): the model's G.
        entry["gc_s"] = report.get("gc_s", 0.0)
        entry["interpreter_children"] = report["interpreter_children"]
        # Bytes read and written through system calls (since 2026-12-06 09:30 UTC).
        entry["read_bytes"] = report.get("read_bytes", 0.0)
        entry["written_bytes"] = report.get("written_bytes", 0.0)
        # PyPy's start-up as the profile measured it (CPU time of `pypy3 -c pass`), kept for reference:
        # the fit uses the start-up `measure` took beside the speedups (on 2026-12-06 02:55 UTC,
        # under load average 6, the profiles measured 0.13-0.18 s while the speedups had been
        # measured on a quieter machine hours before: the two disagree).
        entry["pypy_startup_s"] = report["prediction"]["model"]["pypy_startup_s"]
        print("%-18s %.2f s, python %.0f%%" % (name, report["total_s"], 100 * report["shares"]["python"]),
              file=sys.stderr)
        save(data)


# --- the model, as model.cpp computes its middle ------------------------------------------------
# Parameters: s_comp (Python time weighted by the share of the code around the sampled instruction
# that PyPy's JIT compiles to machine code: arithmetic, comparisons, attribute access, index
# subscripts, calls to Python functions; until 2026-12-05 23:40 UTC only arithmetic and
# attributes), s_rest (the rest of the non-recursive Python time), s_rec (Python time in recursive
# functions; s_loop and s_flat, split by whether the function has a loop, fitted no better on
# 2026-12-05 and were merged into s_rest), one factor per native group, f_sys (PyPy's system time
# over CPython's for the same I/O), f_ext, f_import, and the JIT's warm-up: seconds (warmup x
# 0.1 s) PyPy spends compiling before the gain starts, in proportion to the share of the run the
# JIT works on (pure Python and the "jit" and "regex" groups). Since 2026-12-06: c_gc (below), each
# child process started on a Python interpreter pays PyPy's start-up instead of CPython's (not
# fitted).
PARAMETERS = ["s_comp", "s_rest", "s_rec", "f_jit", "f_regex", "f_sort", "f_library", "f_clib", "f_other",
              "f_sys", "warmup", "gc"]
# c_gc: PyPy's extra time as a multiple of the on-CPU seconds CPython spent collecting (the
# probe's gc_s), counted in proportion to the recursive share of the Python time, as model.cpp
# counts it; it may be nothing, so it has no pull towards 1 and its grid starts at 0. For
# comparison, PYPYREADY_FIT_GC=off leaves it out, =all counts all the collection time, and =count
# is the term until 2026-12-06 06:06 UTC: a fixed time per collection (units of 0.1 ms) in
# proportion to the recursive share (see bench/README.md).
GC_MODE = os.environ.get("PYPYREADY_FIT_GC", "rec")
if GC_MODE == "off":
    PARAMETERS.remove("gc")
# The prior-only factors at the middle of their ranges, as model.cpp computes its middle; PyPy's
# start-up for data measured before `measure` timed it beside the runs (model.h's fallback).
FIXED = {"f_ext": math.sqrt(2.0 * 6.0), "f_import": math.sqrt(2.0), "startup": 0.13}
GRID = [math.exp(x / 20.0) for x in range(-60, 61)]  # 0.05x to 20x in steps of 5 %
GC_GRID = [0.0] + GRID
# c_io: seconds PyPy spends per GB the run reads (c_read) or writes (c_write) through system calls,
# on top of what CPython spends: PyPy hands every read a fresh buffer from its garbage collector
# (the probe's read_bytes and written_bytes, since 2026-12-06 09:30 UTC). Like c_gc it may be
# nothing, so its grid starts at 0. PYPYREADY_FIT_IO=read (the default) fits c_read, =both both,
# =off neither (see bench/README.md).
IO_MODE = os.environ.get("PYPYREADY_FIT_IO", "read")
if IO_MODE in ("read", "both"):
    PARAMETERS.append("c_read")
if IO_MODE == "both":
    PARAMETERS.append("c_write")


def waits(entry):
    """Whether the run waits (>= 10 % of its time): then its CPU time is not its run time, and the
    wall-time ratio is the speedup (as profile-prediction.py decides)."""
    return entry["seconds"]["wait"] >= 0.1 * entry["total_s"] and "measured_wall" in entry


def measured_speedup(entry):
    return entry["measured_wall"] if waits(entry) else entry["measured"]


def features(entry):
    s = entry["seconds"]
    python = s["python"]
    recursive = min(entry["python_recursive_s"], python)
    compiled = min(entry["python_compiled_s"], python - recursive)
    groups = dict(entry["native_groups"])
    out = {"comp": compiled, "rest": python - compiled - recursive, "rec": recursive, "groups": groups,
           "ext": s["native_extensions"], "import": s["import"], "sys": s["system"], "wait": s["wait"],
           "total": entry["total_s"],
           "gc": entry.get("gc_collections", 0) if GC_MODE == "count" else entry.get("gc_s", 0.0),
           "read": entry.get("read_bytes", 0.0) / 1e9, "write": entry.get("written_bytes", 0.0) / 1e9,
           "pypy_startup": statistics.median(entry["pypy_startup_cpu_s"]) if entry.get("pypy_startup_cpu_s")
           else FIXED["startup"]}
    # Each child interpreter pays PyPy's start-up instead of this run's own (seconds, scaled below
    # with the rest).
    out["children"] = entry.get("interpreter_children", 0) * max(0.0, out["pypy_startup"] - s.get("startup", 0))
    if GC_MODE in ("rec", "count"):
        out["gc"] *= recursive / python if python > 0 else 0
    # The profile ran once, the measurement several times on a machine whose speed drifts: the
    # shares come from the profile, the seconds from the measurement (they set the warm-up's weight).
    if entry.get("cpython_cpu_s") and entry["total_s"] > 0:
        clock = entry["cpython_wall_s"] if waits(entry) else entry["cpython_cpu_s"]
        scale = statistics.median(clock) / entry["total_s"]
        out = {k: ({g: v * scale for g, v in x.items()} if isinstance(x, dict) else x if k in ("pypy_startup", "read", "write") or (k == "gc" and GC_MODE == "count") else x * scale)
               for k, x in out.items()}
    return out


def predict(f, p):
    jitted = (f["comp"] + f["rest"] + f["rec"] + f["groups"]["jit"] + f["groups"]["regex"]) / f["total"]
    pypy = (f["pypy_startup"] + 0.1 * p["warmup"] * jitted + f["comp"] / p["s_comp"] + f["rest"] / p["s_rest"] + f["rec"] / p["s_rec"] +
            sum(f["groups"][g] * p["f_" + g] for g in f["groups"]) + f["ext"] * FIXED["f_ext"] +
            f["import"] * FIXED["f_import"] + f["sys"] * p["f_sys"] + f["wait"] +
            (1e-4 if GC_MODE == "count" else 1.0) * p.get("gc", 0) * f["gc"] + f["children"] +
            p.get("c_read", 0) * f["read"] + p.get("c_write", 0) * f["write"])
    return f["total"] / pypy


def loss(rows, p):
    # A weak pull towards 1 (the prior "no idea") keeps factors that few workloads inform sane.
    error = sum(math.log(predict(f, p) / m) ** 2 for f, m in rows)
    return error + 0.02 * sum(math.log(p[k]) ** 2 for k in PARAMETERS if k not in ("gc", "c_read", "c_write"))


def fit(rows):
    p = {k: 1.0 for k in PARAMETERS}
    for _ in range(12):
        for key in PARAMETERS:
            best = min(GC_GRID if key in ("gc", "c_read", "c_write") else GRID, key=lambda value: loss(rows, dict(p, **{key: value})))
            p[key] = best
    return p


def direction(speedup):
    return "faster" if speedup >= 1.15 else "slower" if speedup <= 0.87 else "same"


def report_fit(options):
    data = load()
    named = [(n, features(e), measured_speedup(e)) for n, e in sorted(data.items()) if "measured" in e and "seconds" in e]
    rows = [(f, m) for _, f, m in named]
    p = fit(rows)
    print("fitted on %d training workloads (%s):" % (len(rows), time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())))
    for key in PARAMETERS:
        print("  %-10s %.2f" % (key, p[key]))
    print()
    print("| workload | python compiled / rest / rec | native jit / regex / sort / library / clib / other | measured "
          "| fitted | error | leave-one-out | LOO error | LOO direction |")
    print("|---|---|---|---:|---:|---:|---:|---:|---|")
    fitted_errors, loo_errors, loo_right, ratios = [], [], 0, []
    for i, (name, f, measured) in enumerate(named):
        others = rows[:i] + rows[i + 1:]
        q = fit(others)
        fitted, held = predict(f, p), predict(f, q)
        e_fit, e_loo = max(fitted / measured, measured / fitted), max(held / measured, measured / held)
        fitted_errors.append(e_fit)
        loo_errors.append(e_loo)
        ratios.append(math.log(held / measured))
        right = direction(held) == direction(measured)
        loo_right += right
        t = f["total"]
        g = f["groups"]
        print("| %s | %.0f / %.0f / %.0f %% | %.0f / %.0f / %.0f / %.0f / %.0f / %.0f %% | %.2fx | %.2fx | %.2fx | %.2fx | %.2fx "
              "| %s / %s |" % (name, 100 * f["comp"] / t, 100 * f["rest"] / t, 100 * f["rec"] / t,
                               100 * g["jit"] / t, 100 * g["regex"] / t, 100 * g["sort"] / t, 100 * g["library"] / t, 100 * g["clib"] / t,
                               100 * g["other"] / t, measured, fitted, e_fit, held, e_loo, direction(held),
                               direction(measured)))
    print()
    print("- in-sample: median error %.2fx, worst %.2fx" % (statistics.median(fitted_errors), max(fitted_errors)))
    print("- leave-one-out: median error %.2fx, worst %.2fx, within 1.5x %d/%d, direction right %d/%d"
          % (statistics.median(loo_errors), max(loo_errors), sum(e <= 1.5 for e in loo_errors), len(rows),
             loo_right, len(rows)))
    print("- leave-one-out log-error spread: sd %.2f (a factor of %.2f)" % (
        statistics.pstdev(ratios), math.exp(statistics.pstdev(ratios))))


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("action", choices=["measure", "profile", "fit"])
    parser.add_argument("pypyready", nargs="?")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--only", default="")
    options = parser.parse_args()
    {"measure": measure, "profile": profile, "fit": report_fit}[options.action](options)


if __name__ == "__main__":
    main()
