"""Learns the factors of `pypyready profile`'s speedup model (src/profile/model.h) from the
training workloads of bench/profile-training/, which are not the benchmark's workloads
(bench/profile-workloads/, scored by profile-prediction.py): the fit never sees those.

Usage:
  bench/profile-training.py measure [--rounds N] [--only A,B]   real PyPy speedups -> training-data.json
  bench/profile-training.py profile PYPYREADY [--only A,B]       sampled CPython profiles -> the same file
  bench/profile-training.py fit                                   fitted table and leave-one-out error

measure: each workload alternately under /usr/bin/python3 and /usr/bin/pypy3, both pinned to one
CPU with `taskset -c 1` (the VM's two CPUs differ in speed), N rounds; the speedup is the ratio
of the median child CPU times (user + system, from wait4: immune to other jobs on the machine).
profile: `pypyready profile --format json` of one pinned CPython run; keeps the time in each
category, the native time per (module:callable) and the recursive and numeric parts of the Python time.
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
          "sort_numbers": 4, "json_compact": 8}

# The groups of native code the model gives a factor each; the same table is in model.cpp
# (native_group). A (module:callable) or a module matches; anything else is "other".
GROUPS = {
    # PyPy writes these in RPython or pure Python and its JIT compiles them with the calling loop.
    "jit": ["_heapq", "heapq", "_collections", "collections", "_bisect", "itertools", "_operator", "operator",
            "math", "_struct", "struct", "_functools", "_random", "random",
            "builtins:len", "builtins:isinstance", "builtins:dict.get", "builtins:list.append", "builtins:abs",
            "builtins:min", "builtins:max", "builtins:int", "builtins:float", "builtins:range",
            "builtins:enumerate", "builtins:zip", "builtins:list.pop", "builtins:set.add", "builtins:bytes",
            "builtins:tuple", "builtins:list", "builtins:dict", "builtins:set", "builtins:str", "builtins:sum",
            "builtins:any", "builtins:all", "builtins:map", "builtins:filter", "builtins:iter", "builtins:next"],
    # The regex engine: RPython on PyPy, JIT-compiled per pattern.
    "regex": ["_sre", "re"],
    # Library code that PyPy runs as RPython without the JIT's help: often slower than CPython's C.
    # Sorting: PyPy's timsort compares through generic calls, 2-3x slower than CPython's.
    "sort": ["builtins:sorted", "builtins:list.sort"],
    "library": ["_json", "json", "_csv", "csv", "_io", "io",
                "_pickle", "_datetime", "_decimal", "_string"],
    # Plain C libraries on both (zlib, OpenSSL): the same code, the same time.
    "clib": ["zlib", "_hashlib", "hashlib", "_sha256", "_sha1", "_md5", "_blake2", "binascii", "_bz2", "_lzma"],
}


def group_of(key):
    """The group of a native_by_callee key, "module:callable" (callable may be empty)."""
    module, _, callee = key.partition(":")
    for group, names in GROUPS.items():
        if key in names:
            return group
    for group, names in GROUPS.items():
        if module in names:
            return group
    if module == "builtins" and callee.startswith("str."):
        return "library"
    return "other"


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
        cpython, pypy = [], []
        for _ in range(options.rounds):
            cpython.append(child_cpu(PIN + [PYTHON, path, scale])[0])
            pypy.append(child_cpu(PIN + [PYPY, path, scale])[0])
        entry = data.setdefault(name, {})
        entry["cpython_cpu_s"] = cpython
        entry["pypy_cpu_s"] = pypy
        entry["measured"] = statistics.median(cpython) / statistics.median(pypy)
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
        entry["python_numeric_s"] = report["python_numeric_s"]
        print("%-18s %.2f s, python %.0f%%" % (name, report["total_s"], 100 * report["shares"]["python"]),
              file=sys.stderr)
        save(data)


# --- the model, as model.cpp computes its middle ------------------------------------------------
# Parameters: s_num (Python time weighted by the arithmetic/attribute share of the code around the
# sampled instruction), s_rest (the rest of the non-recursive Python time), s_rec (Python time in
# recursive functions; s_loop and s_flat, split by whether the function has a loop, fitted no
# better on 2026-12-05 and were merged into s_rest), one factor per native group, f_ext, f_import, and
# the JIT's warm-up: seconds (warmup x 0.1 s) PyPy spends compiling before the gain starts, in
# proportion to the share of the run the JIT works on (pure Python and the "jit" and "regex" groups).
PARAMETERS = ["s_num", "s_rest", "s_rec", "f_jit", "f_regex", "f_sort", "f_library", "f_clib", "f_other",
              "warmup"]
# The prior-only factors at the middle of their ranges, as model.cpp computes its middle.
FIXED = {"f_ext": math.sqrt(2.0 * 6.0), "f_import": math.sqrt(2.0), "startup": 0.064}
GRID = [math.exp(x / 20.0) for x in range(-60, 61)]  # 0.05x to 20x in steps of 5 %


def features(entry):
    s = entry["seconds"]
    python = s["python"]
    recursive = min(entry["python_recursive_s"], python)
    numeric = min(entry.get("python_numeric_s", 0.0), python - recursive)
    groups = {g: 0.0 for g in ("jit", "regex", "sort", "library", "clib", "other")}
    for key, seconds in entry["native_by_callee"].items():
        groups[group_of(key)] += seconds
    # native_by_callee holds both kinds; the extension part has its own factor.
    groups["other"] = max(0.0, groups["other"] - s["native_extensions"])
    out = {"num": numeric, "rest": python - numeric - recursive, "rec": recursive, "groups": groups,
           "ext": s["native_extensions"], "import": s["import"], "fixed": s["system"] + s["wait"],
           "total": entry["total_s"]}
    # The profile ran once, the measurement several times on a machine whose speed drifts: the
    # shares come from the profile, the seconds from the measurement (they set the warm-up's weight).
    if entry.get("cpython_cpu_s") and entry["total_s"] > 0:
        scale = statistics.median(entry["cpython_cpu_s"]) / entry["total_s"]
        out = {k: ({g: v * scale for g, v in x.items()} if isinstance(x, dict) else x * scale) for k, x in out.items()}
    return out


def predict(f, p):
    jitted = (f["num"] + f["rest"] + f["rec"] + f["groups"]["jit"] + f["groups"]["regex"]) / f["total"]
    pypy = (FIXED["startup"] + 0.1 * p["warmup"] * jitted + f["num"] / p["s_num"] + f["rest"] / p["s_rest"] + f["rec"] / p["s_rec"] +
            sum(f["groups"][g] * p["f_" + g] for g in f["groups"]) + f["ext"] * FIXED["f_ext"] +
            f["import"] * FIXED["f_import"] + f["fixed"])
    return f["total"] / pypy


def loss(rows, p):
    # A weak pull towards 1 (the prior "no idea") keeps factors that few workloads inform sane.
    error = sum(math.log(predict(f, p) / m) ** 2 for f, m in rows)
    return error + 0.02 * sum(math.log(p[k]) ** 2 for k in PARAMETERS)


def fit(rows):
    p = {k: 1.0 for k in PARAMETERS}
    for _ in range(12):
        for key in PARAMETERS:
            best = min(GRID, key=lambda value: loss(rows, dict(p, **{key: value})))
            p[key] = best
    return p


def direction(speedup):
    return "faster" if speedup >= 1.15 else "slower" if speedup <= 0.87 else "same"


def report_fit(options):
    data = load()
    named = [(n, features(e), e["measured"]) for n, e in sorted(data.items()) if "measured" in e and "seconds" in e]
    rows = [(f, m) for _, f, m in named]
    p = fit(rows)
    print("fitted on %d training workloads (%s):" % (len(rows), time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())))
    for key in PARAMETERS:
        print("  %-10s %.2f" % (key, p[key]))
    print()
    print("| workload | python numeric / rest / rec | native jit / regex / sort / library / clib / other | measured "
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
              "| %s / %s |" % (name, 100 * f["num"] / t, 100 * f["rest"] / t, 100 * f["rec"] / t,
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
