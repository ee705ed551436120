"""End-to-end tests of `pypyready bench` with the real python3 and pypy3.

Usage: end_to_end.py PYPYREADY FIXTURES_DIR. Exits 77 (skipped) when pypy3 is not installed.
Each case uses a small time budget so the whole file runs in well under a minute.
"""
import json
import shutil
import subprocess
import sys

PYPYREADY, FIXTURES = sys.argv[1], sys.argv[2]
failures = []


def bench(*args):
    completed = subprocess.run([PYPYREADY, "bench", "--quiet", "--format", "json", *args], cwd=FIXTURES,
                               capture_output=True, text=True, timeout=120)
    if completed.returncode != 0:
        failures.append("%s: exit %d: %s" % (args, completed.returncode, completed.stderr))
        return None
    return json.loads(completed.stdout)["bench"]["benchmarks"][0]


def check(name, condition, detail):
    print("%-40s %s" % (name, "ok" if condition else "FAILED"))
    if not condition:
        failures.append("%s: %s" % (name, detail))


if shutil.which("pypy3") is None:
    print("SKIPPED: pypy3 is not installed (apt-get install pypy3 pypy3-venv)")
    sys.exit(77)

result = bench("loop.py:work", "--time-budget", "12s")
if result:
    speedup = result["speedup"]
    check("pure-Python loop: PyPy wins", speedup is not None and speedup["ci95"][0] > 1.5, speedup)
    check("pure-Python loop: per-iteration data",
          all(len(p["iterations_s"]) >= 5 for s in result["per_interpreter"].values() for p in s["processes"]),
          "fewer than 5 iterations in a process")
    check("memory ratio above 1", result["memory_ratio"] and result["memory_ratio"] > 1, result["memory_ratio"])

result = bench("cli.py", "--time-budget", "6s")
if result:
    speedup = result["speedup"]
    check("short CLI: PyPy loses", speedup is not None and speedup["estimate"] < 1.0, speedup)
    check("short CLI: process mode", result["mode"] == "process", result["mode"])

result = bench("crash.py", "--time-budget", "4s")
if result:
    statuses = {k: (v["status"], v["reason"]) for k, v in result["per_interpreter"].items()}
    check("crash is a cannot-run result",
          all(s == "cannot-run" and "boom: crashed on purpose" in r for s, r in statuses.values()), statuses)

result = bench("hang.py", "--time-budget", "4s", "--timeout", "1")
if result:
    reasons = [v["reason"] for v in result["per_interpreter"].values()]
    check("hang times out", all(r.startswith("timed out after 1.0 s") for r in reasons), reasons)

result = bench("hog.py", "--time-budget", "4s", "--memory-limit", "200M")
if result:
    reasons = [v["reason"] for v in result["per_interpreter"].values()]
    check("memory limit ends the run", all("memory limit of 200 MiB" in r for r in reasons), reasons)

result = bench("flood.py", "--time-budget", "4s")
if result:
    statuses = [v["status"] for v in result["per_interpreter"].values()]
    check("stdout flood still measured", statuses == ["ok", "ok"], statuses)
    check("stdout flood warned", any("truncated" in w for w in result["warnings"]), result["warnings"])

missing = subprocess.run([PYPYREADY, "bench", "--pypy", "/nonexistent/pypy3", "loop.py"], cwd=FIXTURES,
                         capture_output=True, text=True, timeout=60)
check("missing PyPy: exit 3 and install hint",
      missing.returncode == 3 and "apt-get install pypy3 pypy3-venv" in missing.stderr, missing.stderr)

for failure in failures:
    print("FAILED:", failure)
sys.exit(1 if failures else 0)
