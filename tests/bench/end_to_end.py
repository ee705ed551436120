"""End-to-end tests of `pypyready bench` with the real python3 and pypy3.

Usage: end_to_end.py PYPYREADY FIXTURES_DIR. Exits 77 (skipped) when pypy3 is not installed.
Each case uses a small time budget so the whole file runs in well under a minute.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

PYPYREADY, FIXTURES = sys.argv[1], sys.argv[2]
failures = []


def bench(*args, cwd=FIXTURES, document=False, format="json"):
    completed = subprocess.run([PYPYREADY, "bench", "--quiet", "--format", format, *args], cwd=cwd,
                               capture_output=True, text=True, timeout=120)
    if completed.returncode not in (0, 1):
        failures.append("%s: exit %d: %s" % (args, completed.returncode, completed.stderr))
        return None
    if format != "json":
        return completed.stdout
    parsed = json.loads(completed.stdout)
    return parsed if document else parsed["bench"]["benchmarks"][0]


def check(name, condition, detail):
    print("%-40s %s" % (name, "ok" if condition else "FAILED"))
    if not condition:
        failures.append("%s: %s" % (name, detail))


if shutil.which("pypy3") is None:
    print("SKIPPED: pypy3 is not installed (apt-get install pypy3 pypy3-venv)")
    sys.exit(77)

# An interpreter option before the target takes one value: the target stays a target.
result = bench("--pypy", "pypy3", "loop.py:work", "--time-budget", "12s", "--ci-width", "5%")
if result:
    speedup = result["speedup"]
    check("pure-Python loop: PyPy wins", speedup is not None and speedup["ci95"][0] > 1.5, speedup)
    check("pure-Python loop: per-iteration data",
          all(len(p["iterations_s"]) >= 6 for s in result["per_interpreter"].values() for p in s["processes"]),
          "fewer than 6 iterations (enough to split a process in two segments) in a process")
    check("memory ratio above 1", result["memory_ratio"] and result["memory_ratio"] > 1, result["memory_ratio"])
    sides = list(result["per_interpreter"].values())
    check("start-up rows: -c pass and import", all(s["startup_s"] > 0 and s["startup_import_s"] > 0 and
                                                   len(s["startup_runs_s"]) >= 3 for s in sides),
          [(s["startup_s"], s["startup_import_s"]) for s in sides])
    pypy = sides[1]
    # The JIT compiles the loop during the first call: that warmup must be measured, not dropped
    # as an outlier.
    check("PyPy warmup measured", pypy["first_iteration_s"] > 1.3 * pypy["steady_mean_s"] and
          all(0 not in p["outliers"] for p in pypy["processes"]),
          (pypy["first_iteration_s"], pypy["steady_mean_s"], [p["outliers"] for p in pypy["processes"]]))
    check("warmup reported per process", all(p["classification"] in ("flat", "warmup", "slowdown", "no-steady-state")
                                            and "seconds_to_steady" in p for p in pypy["processes"]), pypy["classification"])
    check("break-even found", result["break_even"] is not None and result["break_even"]["seconds"] > 0,
          result["break_even"])

result = bench("cli.py", "--time-budget", "6s", "--min-runs", "3")
if result:
    speedup = result["speedup"]
    check("short CLI: PyPy loses", speedup is not None and speedup["estimate"] < 1.0, speedup)
    check("short CLI: process mode", result["mode"] == "process", result["mode"])

result = bench("crash.py", "--time-budget", "4s")
if result:
    statuses = {k: (v["status"], v["reason"]) for k, v in result["per_interpreter"].items()}
    check("crash is a cannot-run result",
          all(s == "cannot-run" and "boom: crashed on purpose" in r for s, r in statuses.values()), statuses)

# A warmup longer than the first process's guessed length (0.53 s at this budget): that process
# ends inside it and is left out of the steady figures, which rest on the later, longer ones.
result = bench("settling.py:work", "--time-budget", "8s", "--min-runs", "3")
if result:
    first = [side["processes"][0] for side in result["per_interpreter"].values()]
    check("warmup outlasting a process: left out",
          all(p["classification"] == "no-steady-state" and not p["counted"] for p in first),
          [(p["classification"], p["counted"], round(sum(p["iterations_s"]), 2)) for p in first])
    sides = list(result["per_interpreter"].values())
    check("warmup outlasting a process: steady 10 ms",
          all(0.0095 < side["steady_mean_s"] < 0.0125 for side in sides) and
          0.9 < (result["speedup"] or {}).get("estimate", 0) < 1.1,
          ([side["steady_mean_s"] for side in sides], result["speedup"]))

result = bench("hang.py", "--time-budget", "4s", "--timeout", "1")
if result:
    reasons = [v["reason"] for v in result["per_interpreter"].values()]
    check("hang times out", all(r.startswith("timed out after 1.0 s") for r in reasons), reasons)

# A generous timeout: on a loaded machine the memory limit, not the clock, must end the run.
result = bench("hog.py", "--time-budget", "4s", "--memory-limit", "200M", "--timeout", "60")
if result:
    reasons = [v["reason"] for v in result["per_interpreter"].values()]
    check("memory limit ends the run", all("memory limit of 200 MiB" in r for r in reasons), reasons)

result = bench("flood.py", "--time-budget", "4s")
if result:
    statuses = [v["status"] for v in result["per_interpreter"].values()]
    check("stdout flood still measured", statuses == ["ok", "ok"], statuses)
    check("stdout flood warned", any("truncated" in w for w in result["warnings"]), result["warnings"])

# --save then --compare, in a scratch directory so nothing is written next to the fixtures.
with tempfile.TemporaryDirectory() as scratch:
    cli = os.path.join(FIXTURES, "cli.py")
    bench(cli, "--time-budget", "2s", "--min-runs", "2", "--save", "before", cwd=scratch)
    saved = os.path.join(scratch, ".pypyready", "bench", "before.json")
    check("--save writes the run", os.path.exists(saved) and "bench" in json.load(open(saved)), saved)
    text = bench(cli, "--time-budget", "2s", "--min-runs", "2", "--compare", "before", cwd=scratch, format="text")
    check("--compare reports changes", text is not None and "compared with before:" in text and
          "steady_mean_s" in text and "startup_s" in text, text)
    document = bench(cli, "--time-budget", "2s", "--min-runs", "2", "--compare", "before", cwd=scratch,
                     document=True)
    changes = document["compare"]["changes"] if document else []
    check("--compare in JSON", any(c["quantity"] == "speedup" and "significant" in c for c in changes), changes)

    # --merge: the saved run and the last one pooled; a broken file is named and left out.
    after = os.path.join(scratch, "after.json")
    json.dump(document or {}, open(after, "w"))
    broken = os.path.join(scratch, "broken.json")
    open(broken, "w").write('{"bench":\n  {"benchmarks": [}\n')
    # Options may follow --merge: the runs are the targets, wherever they stand.
    merged = subprocess.run([PYPYREADY, "bench", "--merge", "--format", "json", saved, after, broken], cwd=scratch,
                            capture_output=True, text=True, timeout=60)
    try:
        pooled = json.loads(merged.stdout)["bench_merged"]["benchmarks"] if merged.returncode == 0 else []
    except ValueError:  # not JSON: --format was not read as an option
        pooled = []
    check("--merge pools two runs", len(pooled) == 1 and pooled[0]["name"] == "cli.py" and
          pooled[0]["speedup"] is not None and pooled[0]["speedup"]["runs"] == 2 and len(pooled[0]["per_run"]) == 2,
          (merged.returncode, merged.stdout[:2000], merged.stderr))
    check("--merge gives each run's CPython time", pooled and all(
        (run["baseline_s"] or 0) > 0.01 for run in pooled[0]["per_run"]), pooled and pooled[0]["per_run"])
    check("--merge names the broken file and line", "broken.json: line 2" in merged.stderr, merged.stderr)
    alone = subprocess.run([PYPYREADY, "bench", "--merge", saved, broken], cwd=scratch, capture_output=True,
                           text=True, timeout=60)
    check("--merge needs two runs", alone.returncode == 2 and "1 of the 2 given" in alone.stderr, alone.stderr)

missing = subprocess.run([PYPYREADY, "bench", "--pypy", "/nonexistent/pypy3", "loop.py"], cwd=FIXTURES,
                         capture_output=True, text=True, timeout=60)
check("missing PyPy: exit 3 and install hint",
      missing.returncode == 3 and "apt-get install pypy3 pypy3-venv" in missing.stderr, missing.stderr)

wide = subprocess.run([PYPYREADY, "bench", "--ci-width", "150%", "loop.py"], cwd=FIXTURES, capture_output=True,
                      text=True, timeout=60)
check("--ci-width 150%: exit 2, says what it expects",
      wide.returncode == 2 and "--ci-width 150%: expected a fraction below 1 or a percentage" in wide.stderr,
      (wide.returncode, wide.stderr))

for failure in failures:
    print("FAILED:", failure)
sys.exit(1 if failures else 0)
