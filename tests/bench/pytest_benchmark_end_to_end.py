"""End-to-end test of `pypyready bench --pytest-benchmark` and `--import`, with the real
/usr/bin/python3 and /usr/bin/pypy3.

Usage: pytest_benchmark_end_to_end.py PYPYREADY PROJECT_DIR. Exits 77 (skipped) without pypy3 or
pytest-benchmark (Debian: python3-pytest-benchmark python3-cpuinfo, which serve both interpreters).

PROJECT_DIR holds a pytest-benchmark suite of four kinds of work (a pure-Python loop, string
building, indented json, a short function where warmup dominates) and a test PyPy cannot run. The suite
runs under both interpreters (three processes each); each speedup must lie on its known side of
1 and PyPy's warmup must show in the rounds. Then two runs saved by pytest-benchmark itself
(--benchmark-save, one with and one without --benchmark-save-data) are compared with --import,
and the error cases: an interpreter without pytest-benchmark, a file that is not a saved run.
"""
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

PYPYREADY, PROJECT = sys.argv[1], sys.argv[2]
PYTHON, PYPY = "/usr/bin/python3", "/usr/bin/pypy3"
failures = []


def check(name, condition, detail):
    print("%-56s %s" % (name, "ok" if condition else "FAILED"))
    if not condition:
        failures.append("%s: %s" % (name, detail))


def has_pytest_benchmark(interpreter):
    return subprocess.run([interpreter, "-c", "import pytest, pytest_benchmark, cpuinfo"],
                          capture_output=True).returncode == 0


if not os.path.exists(PYPY) or not all(has_pytest_benchmark(i) for i in (PYTHON, PYPY)):
    print("SKIPPED: needs /usr/bin/pypy3 and pytest-benchmark for both interpreters "
          "(apt-get install pypy3 python3-pytest-benchmark python3-cpuinfo)")
    sys.exit(77)


def pypyready(*args, cwd=None):
    started = time.monotonic()
    completed = subprocess.run([PYPYREADY, "bench", "--quiet", *args], cwd=cwd, capture_output=True, text=True,
                               timeout=240)
    print("  (%.1f s: bench %s)" % (time.monotonic() - started, " ".join(args)))
    return completed


def by_name(document):
    return {b["name"].split("::")[-1]: b for b in document["bench"]["benchmarks"]}


scratch = tempfile.mkdtemp(prefix="pypyready-pytest-benchmark-")
try:
    project = os.path.join(scratch, "project")
    shutil.copytree(PROJECT, project)

    # --- a run: three interleaved processes per interpreter ------------------------------------
    # A shorter --benchmark-max-time than pypyready's 0.5 s keeps the test short, and shows that the
    # user's pytest arguments win.
    ran = pypyready("--pytest-benchmark", project, "--python", PYTHON, "--pypy", PYPY, "--min-runs", "3",
                    "--max-runs", "3", "--format", "json", "--", "--benchmark-max-time=0.25")
    check("run: exit 0", ran.returncode == 0, ran.stderr)
    document = json.loads(ran.stdout) if ran.returncode == 0 else {"bench": {"benchmarks": [], "suite": {}}}
    benchmarks = by_name(document)
    suite = document["bench"].get("suite", {})
    check("run: every test is a benchmark", sorted(benchmarks) == sorted(
        ["test_loop", "test_string_building", "test_json_dumps", "test_short_function", "test_refcount"]),
        sorted(benchmarks))
    check("run: mode pytest-benchmark, 3 processes",
          all(b["mode"] == "pytest-benchmark" for b in benchmarks.values()) and suite.get("executions") == 3,
          (suite.get("executions"), [b["mode"] for b in benchmarks.values()]))

    def speedup(name):
        return (benchmarks.get(name) or {}).get("speedup") or {}

    def pypy(name):
        sides = (benchmarks.get(name) or {}).get("per_interpreter", {})
        return next((side for side_id, side in sides.items() if side_id.startswith("pypy")), {})

    # True sizes here: the loop about 20x faster on PyPy, string building 2-3x slower, indented
    # json.dumps about 3x and the short function about 2x faster. On a busy shared machine one
    # disturbed process out of three can widen an interval across 1, so the estimates are what must
    # be on the right side (by a margin where the effect is large).
    loop = speedup("test_loop")
    check("loop: PyPy faster (more than 3x)", loop.get("estimate", 0) > 3, loop)
    strings = speedup("test_string_building")
    check("string building (+=): PyPy slower", 0 < strings.get("estimate", 9) < 1, strings)
    dumps = speedup("test_json_dumps")
    check("json.dumps(indent=2): PyPy faster", dumps.get("estimate", 0) > 1, dumps)
    short = speedup("test_short_function")
    check("short function: PyPy faster once warm", short.get("estimate", 0) > 1, short)

    # Warmup: pytest-benchmark's own warmup is off, so PyPy's JIT warmup is in the rounds. The loop
    # is compiled during pytest-benchmark's one unrecorded calibration call, so its first rounds are
    # only a little slower; the short function's first calls are many times slower.
    for name, factor in (("test_loop", 1.5), ("test_short_function", 5)):
        side = pypy(name)
        processes = side.get("processes", [])
        # JIT plateaus or a late disturbance can make a process "no-steady-state" rather than
        # "warmup"; either way changepoints were found, where a flat process has none. The median
        # steady round is compared with the first, since one disturbed process can move the mean.
        changed = [p for p in processes if p.get("changepoints")]
        check("%s: PyPy warmup visible in the rounds" % name,
              side.get("first_iteration_s", 0) > factor * side.get("steady_p50_s", 1) and len(changed) >= 2 and
              side.get("seconds_to_steady", 0) > 0,
              (side.get("first_iteration_s"), side.get("steady_p50_s"), side.get("seconds_to_steady"),
               [p.get("classification") for p in processes]))
    details = (benchmarks.get("test_loop") or {}).get("pytest_benchmark", {}).get("per_interpreter", {})
    check("run: rounds read from stats.data, warmup off",
          len(details) == 2 and all(d["source"] == "rounds" and d["warmup_calls"] == 0 for d in details.values()),
          details)

    refcount = (benchmarks.get("test_refcount") or {}).get("per_interpreter", {})
    statuses = {k.split("-")[0]: (v["status"], v["reason"]) for k, v in refcount.items()}
    check("error under PyPy only: cannot run there",
          statuses.get("cpython", ("",))[0] == "ok" and statuses.get("pypy", ("",))[0] == "cannot-run" and
          "getrefcount" in statuses.get("pypy", ("", ""))[1], statuses)

    geometric = suite.get("speedup") or {}
    check("suite: geometric mean with an interval over the executions",
          suite.get("method") == "executions" and geometric.get("ci95", [9, 0])[0] < geometric.get("estimate", 0)
          < geometric.get("ci95", [0, 0])[1] and len(suite.get("benchmarks", [])) == 4 and
          [n.split("::")[-1] for n in suite.get("not_compared", [])] == ["test_refcount"], suite)
    check("suite: interpreters and their environments",
          [i.get("executable") for i in suite.get("interpreters", [])] == [os.path.realpath(PYTHON),
                                                                          os.path.realpath(PYPY)] or
          all("system interpreter" in i.get("origin", "") for i in suite.get("interpreters", [])),
          suite.get("interpreters"))
    check("run: nothing written into the project",
          sorted(os.listdir(project)) == sorted(os.listdir(PROJECT)), os.listdir(project))

    # --- --import of runs saved by pytest-benchmark itself ---------------------------------------
    storage = os.path.join(scratch, "storage")

    def save(interpreter, name, *extra):
        subprocess.run([interpreter, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--benchmark-only",
                        "--benchmark-save=" + name, "--benchmark-storage=file://" + storage,
                        "--benchmark-max-time=0.2", "-k", "loop or string", *extra],
                       cwd=project, capture_output=True, text=True, timeout=120,
                       env=dict(os.environ, PYTHONDONTWRITEBYTECODE="1"))
        found = glob.glob(os.path.join(storage, "*", "*_%s.json" % name))
        return found[0] if found else os.path.join(storage, "missing_%s.json" % name)

    cpython_file = save(PYTHON, "cpython", "--benchmark-save-data")
    pypy_file = save(PYPY, "pypy", "--benchmark-save-data")  # warmup "auto": on under PyPy
    summary_file = save(PYTHON, "cpythonsummary")
    imported = pypyready("--import", pypy_file, "--import", cpython_file, "--format", "json")
    check("import: exit 0", imported.returncode == 0, imported.stderr)
    document = json.loads(imported.stdout) if imported.returncode == 0 else {"bench": {"benchmarks": []}}
    suite = document["bench"].get("suite", {})
    benchmarks = by_name(document)
    ids = [i["id"] for i in suite.get("interpreters", [])]
    check("import: CPython is the baseline", len(ids) == 2 and ids[0].startswith("cpython") and
          ids[1].startswith("pypy"), ids)
    loop = speedup("test_loop")
    check("import: loop faster on PyPy, one process each",
          loop.get("estimate", 0) > 1 and loop.get("processes") == 1, loop)
    check("import: says how little one process each shows",
          suite.get("source") == "import" and any("one pytest process per interpreter" in w and
                                                   "may be chance alone" in w for w in suite.get("warnings", [])),
          suite.get("warnings"))
    warnings = [w for b in benchmarks.values() for w in b.get("warnings", [])] + suite.get("warnings", [])
    check("import: pytest-benchmark's warmup on PyPy reported as discarded rounds",
          any(w.startswith("pypy-3.9: pytest-benchmark's warmup was on, so it discarded") for w in warnings),
          warnings)
    text = pypyready("--import", pypy_file, "--import", cpython_file)
    check("import as text: per-benchmark table and suite line",
          text.returncode == 0 and "test_benchmarks.py::test_loop (pytest-benchmark" in text.stdout and
          "suite: pypy-3.9: geometric mean" in text.stdout and "1 process each" in text.stdout and
          "may be chance alone" in text.stdout, text.stdout + text.stderr)
    summary = pypyready("--import", cpython_file, "--import", summary_file, "--format", "json")
    document = json.loads(summary.stdout) if summary.returncode == 0 else {"bench": {"benchmarks": []}}
    sources = [d["source"] for b in document["bench"]["benchmarks"]
               for d in b.get("pytest_benchmark", {}).get("per_interpreter", {}).values()]
    notes = [w for b in document["bench"]["benchmarks"] for w in b.get("warnings", [])] + \
        document["bench"].get("suite", {}).get("warnings", [])
    check("import without --benchmark-save-data: summary, said so",
          summary.returncode == 0 and "summary" in sources and "rounds" in sources and
          any("only pytest-benchmark's summary statistics" in w for w in notes), (sources, notes, summary.stderr))

    # --- the error cases ---------------------------------------------------------------------------
    venv = os.path.join(scratch, "bare")
    subprocess.run([PYTHON, "-m", "venv", "--without-pip", venv], check=True, timeout=120)
    missing = pypyready("--pytest-benchmark", project, "--python", os.path.join(venv, "bin", "python"), "--pypy", PYPY)
    check("interpreter without pytest-benchmark: exit 3, how to provide it",
          missing.returncode == 3 and "pytest_benchmark" in missing.stderr and
          "provide it with:" in missing.stderr and "pip install" in missing.stderr and
          "pytest-benchmark" in missing.stderr, missing.stderr)
    not_saved = os.path.join(scratch, "not-a-run.json")
    with open(not_saved, "w") as f:
        f.write('{"benchmarks": [{"name": "t", "stats": {"mean": "fast"}}]}')
    bad = pypyready("--import", not_saved, "--import", cpython_file)
    check("malformed saved run: exit 2, names file and field",
          bad.returncode == 2 and not_saved + ": $.benchmarks[0].stats.mean: expected a number" in bad.stderr,
          bad.stderr)
finally:
    shutil.rmtree(scratch, ignore_errors=True)

for failure in failures:
    print("FAILED:", failure)
sys.exit(1 if failures else 0)
