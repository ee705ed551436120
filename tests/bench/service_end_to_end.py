"""End-to-end tests of `pypyready bench --service` with the real /usr/bin/python3 and /usr/bin/pypy3.

Usage: service_end_to_end.py PYPYREADY APP_DIR. Exits 77 (skipped) without pypy3 or wrk.

A pure-Python WSGI application (APP_DIR/app.py, served by wsgiref) under both interpreters:
PyPy's steady throughput must be measurably higher and its warmup visible in the per-second
curve. Then the bad cases: a port already in use, a server that exits or never becomes ready,
one that crashes under load, one that ignores SIGTERM, a URL that answers only errors. After
every case the port must be free and no process of the case left running.
"""
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile

PYPYREADY, APP_DIR = sys.argv[1], sys.argv[2]
APP = os.path.join(APP_DIR, "app.py")
PYTHON, PYPY = "/usr/bin/python3", "/usr/bin/pypy3"
failures = []

if not (os.path.exists(PYPY) and os.path.exists("/usr/bin/wrk")):
    print("SKIPPED: needs /usr/bin/pypy3 and /usr/bin/wrk (scripts/install-deps installs both)")
    sys.exit(77)


def check(name, condition, detail):
    print("%-52s %s" % (name, "ok" if condition else "FAILED"))
    if not condition:
        failures.append("%s: %s" % (name, detail))


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def port_accepts(port):
    with socket.socket() as s:
        s.settimeout(0.5)
        return s.connect_ex(("127.0.0.1", port)) == 0


def leftover_processes(marker):
    """Processes whose command line contains `marker` (a unique argument of one case)."""
    found = []
    for pid in os.listdir("/proc"):
        if not pid.isdigit() or int(pid) == os.getpid():
            continue
        try:
            with open("/proc/%s/cmdline" % pid, "rb") as f:
                command = f.read().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        if marker in command and "service_end_to_end" not in command and PYPYREADY not in command:
            found.append("%s: %s" % (pid, command))
    return found


def service(name, command, port, *options, path="/page", timeout=150):
    """Runs the benchmark; returns (exit code, parsed JSON or None, stderr) and checks cleanliness."""
    args = [PYPYREADY, "bench", "--quiet", "--format", "json", "--python", PYTHON, "--pypy", PYPY,
            "--service", command, "--url", "http://127.0.0.1:%d%s" % (port, path), *options]
    completed = subprocess.run(args, capture_output=True, text=True, timeout=timeout)
    document = None
    if completed.stdout.strip():
        try:
            document = json.loads(completed.stdout)["bench"]["benchmarks"][0]
        except (ValueError, KeyError, IndexError) as error:
            failures.append("%s: unreadable JSON (%s): %s" % (name, error, completed.stdout[:500]))
    if name != "port in use":  # the test itself holds that port until the case ends
        check(name + ": port free afterwards", not port_accepts(port), port)
    left = leftover_processes("--case-%d" % port)
    check(name + ": no process left", not left, left)
    return completed.returncode, document, completed.stderr


def sides(document):
    return [document["per_interpreter"][key] for key in document["per_interpreter"]]


# --- the measurement: PyPy faster once warm, its warmup visible per second -------------------------
port = free_port()
code, result, err = service("wsgi app", "python %s %d --case-%d" % (APP, port, port), port,
                            "--starts", "3", "--duration", "6", "--connections", "4")
check("wsgi app: exit 0", code == 0, err)
if result:
    cpython, pypy = sides(result)
    print("  CPython steady %.0f req/s, PyPy steady %.0f req/s, first second %s -> %s" % (
        cpython["steady_throughput_rps"], pypy["steady_throughput_rps"],
        [p["per_second"][0]["requests"] for p in pypy["processes"]],
        [p["steady_throughput_rps"] for p in pypy["processes"]]))
    speedup = result["speedup"]
    # On a shared machine three starts can leave a wide interval: higher means the estimate is well
    # above 1 and either the interval excludes 1 or every PyPy start beat every CPython start.
    per_start = lambda side: [p["steady_throughput_rps"] for p in side["processes"] if p["ok"]]
    check("PyPy steady throughput measurably higher",
          speedup is not None and speedup["estimate"] > 1.3 and
          (speedup["ci95"][0] > 1.0 or min(per_start(pypy)) > max(per_start(cpython))),
          (speedup, per_start(cpython), per_start(pypy)))
    check("per-second data for every second",
          all(len(p["per_second"]) == 6 and all(s["requests"] > 0 for s in p["per_second"])
              for side in (cpython, pypy) for p in side["processes"]),
          [[len(p["per_second"]) for p in side["processes"]] for side in (cpython, pypy)])
    check("latency percentiles ordered", all(
        0 < s["p50_s"] <= s["p90_s"] <= s["p99_s"] <= s["max_s"]
        for side in (cpython, pypy) for p in side["processes"] for s in p["per_second"]), "p50 <= p90 <= p99 <= max")
    check("server RSS per second", all(s["rss_bytes"] > 5 * 2**20 for p in pypy["processes"] for s in p["per_second"]),
          [s["rss_bytes"] for s in pypy["processes"][0]["per_second"]])
    # Warmup: in most starts PyPy's first second is visibly worse than the seconds after it, in
    # what it served (under 0.9 of the steady throughput) or in its slowest request (the JIT
    # compiling: over 1.3 times the median of the other seconds' slowest); and it serves relatively
    # fewer requests than CPython's first second does (its own, smaller warmup is the baseline).
    # This app is warm within about a second on PyPy, so either sign alone can be lost to a shared
    # machine's noise in one start of three (throughput ratios of 0.98, 1.29 and 0.81 in one failed
    # run; 0.73, 0.91 and 0.87 in another, whose first seconds' slowest requests were 1.5-1.9 times
    # the later seconds', CPython's 0.96-1.08).
    ratio = lambda p: p["per_second"][0]["requests"] / max(p["steady_throughput_rps"], 1)
    median = lambda values: sorted(values)[len(values) // 2]
    first_slowest = lambda p: p["per_second"][0]["max_s"] / max(median([s["max_s"] for s in p["per_second"][1:]]), 1e-9)
    pypy_ratios = [ratio(p) for p in pypy["processes"]]
    cpython_ratios = [ratio(p) for p in cpython["processes"]]
    pypy_slowest = [first_slowest(p) for p in pypy["processes"]]
    warm_starts = sum(r < 0.9 or slow > 1.3 for r, slow in zip(pypy_ratios, pypy_slowest))
    check("PyPy warmup visible in the per-second curve",
          warm_starts * 2 > len(pypy_ratios) and median(pypy_ratios) < median(cpython_ratios),
          (pypy_ratios, pypy_slowest, cpython_ratios))
    check("tail latency compared", result["latency_p99_speedup"] is not None, result["latency_p99_speedup"])
    check("break-even in seconds after start", result["break_even"] is None or result["break_even"]["seconds"] > 0,
          result["break_even"])
    check("memory ratio above 1", (result["memory_ratio"] or 0) > 1, result["memory_ratio"])
    check("wrk ceiling measured", result["service"]["wrk_ceiling_rps"] > 1000, result["service"])

# --- fixed rate (open loop): the schedule is kept below capacity, latency counted from it ----------
port = free_port()
code, result, err = service("fixed rate", "python %s %d --case-%d" % (APP, port, port), port,
                            "--no-ceiling", "--starts", "1", "--duration", "4", "--connections", "4", "--rate", "120")
check("fixed rate: measured", code == 0 and result and result["service"]["load"] == "fixed-rate", (code, err))
if result and code == 0:
    rates = [s["requests"] for side in sides(result) for p in side["processes"] for s in p["per_second"][1:]]
    check("fixed rate: about 120 requests each second", rates and all(90 <= r <= 150 for r in rates), rates)

# --- a port already in use: refused before anything starts, the holder named ------------------------
port = free_port()
holder = socket.socket()
holder.bind(("127.0.0.1", port))
holder.listen(1)
code, result, err = service("port in use", "python %s %d --case-%d" % (APP, port + 0, port), port, "--no-ceiling")
holder.close()
check("port in use: port free afterwards", not port_accepts(port), port)
check("port in use: exit 2 with the holder", code == 2 and "already in use" in err and "pid %d" % os.getpid() in err,
      (code, err))

# --- a server that exits before it is ready: its last output shown --------------------------------
port = free_port()
code, result, err = service("exits early", "python -c \"raise SystemExit('no config found')\" --case-%d" % port, port,
                            "--no-ceiling", "--starts", "1", "--duration", "3")
check("exits early: both cannot run, exit 3", code == 3 and result and all(
    s["status"] == "cannot-run" and "exited before it was ready" in s["reason"] and "no config found" in s["reason"]
    for s in sides(result)), (code, result and [s["reason"] for s in sides(result)], err))

# --- a server that never becomes ready (listens on no port) -----------------------------------------
port = free_port()
code, result, err = service("never ready", "python -c \"import time; time.sleep(60)\" --case-%d" % port, port,
                            "--no-ceiling", "--starts", "1", "--duration", "3", "--ready-timeout", "2")
check("never ready: cannot run with a clear reason", code == 3 and result and all(
    "not ready after 2 s" in s["reason"] for s in sides(result)), (code, result and [s["reason"] for s in sides(result)]))

# --- a server that crashes under load ---------------------------------------------------------------
port = free_port()
code, result, err = service("crash under load", "python %s %d --crash-after 50 --case-%d" % (APP, port, port), port,
                            "--no-ceiling", "--starts", "1", "--duration", "5")
check("crash under load: reported", code == 3 and result and all(
    "died under load" in s["reason"] for s in sides(result)), (code, result and [s["reason"] for s in sides(result)]))

# --- a server that ignores SIGTERM: killed, reported, measured anyway ----------------------------------
port = free_port()
code, result, err = service("ignores SIGTERM", "python %s %d --ignore-sigterm --case-%d" % (APP, port, port), port,
                            "--no-ceiling", "--starts", "1", "--duration", "3", "--stop-grace", "1")
check("ignores SIGTERM: warned, still measured", code == 0 and result and
      sum("ignored SIGTERM" in w for w in result["warnings"]) == 2 and
      all(p["sigterm_ignored"] for s in sides(result) for p in s["processes"]),
      (code, result and result["warnings"], err))

# --- a URL that answers only errors, and one that fails some of the time ------------------------------
port = free_port()
code, result, err = service("URL with errors", "python %s %d --case-%d" % (APP, port, port), port,
                            "--no-ceiling", "--starts", "1", "--duration", "3", path="/missing")
check("only errors: cannot run, statuses named", code == 3 and result and all(
    "every response was an error" in s["reason"] for s in sides(result)) and
    all("404" in p["statuses"] for s in sides(result) for p in s["processes"]),
    (code, result and [s["reason"] for s in sides(result)]))
port = free_port()
code, result, err = service("some errors", "python %s %d --error-every 10 --case-%d" % (APP, port, port), port,
                            "--no-ceiling", "--starts", "1", "--duration", "3")
check("some errors: measured, error share warned", code == 0 and result and
      any("HTTP 500" in w for w in result["warnings"]) and
      all(p["errors"] > 0 for s in sides(result) for p in s["processes"]), (code, result and result["warnings"]))

# --- check: [tool.pypyready.bench.service] measured, judged against the time between deploys -------
port = free_port()
with tempfile.TemporaryDirectory() as project:
    shutil.copy(APP, os.path.join(project, "app.py"))
    with open(os.path.join(project, "pyproject.toml"), "w") as config:
        config.write("""[project]
name = "svc"
[tool.pypyready]
python = "%s"
pypy = "%s"
[tool.pypyready.bench.service]
command = "python app.py %d --case-%d"
urls = ["http://127.0.0.1:%d/page"]
duration-s = 5
starts = 2
connections = 4
[tool.pypyready.decide]
expected-lifetime-s = 86400
""" % (PYTHON, PYPY, port, port, port))
    report_dir = os.path.join(project, "report")
    done = subprocess.run([PYPYREADY, "check", project, "--report-dir", report_dir, "--quiet", "--no-color"],
                          capture_output=True, text=True, timeout=150)
    check("check: exit 0 or 1", done.returncode in (0, 1), (done.returncode, done.stderr[-2000:]))
    report = None
    if os.path.exists(os.path.join(report_dir, "report.json")):
        with open(os.path.join(report_dir, "report.json")) as handle:
            report = json.load(handle)
    services = [b for b in (report or {}).get("bench", {}).get("benchmarks", []) if b["mode"] == "service"]
    check("check: service benchmark in report.json", len(services) == 1 and services[0]["speedup"] is not None,
          report and report.get("stages"))
    if report and services:
        criteria = {c["id"]: c for c in report["decision"]["criteria"]}
        runs = criteria["runs-long-enough"]
        check("check: break-even judged against the lifetime",
              runs["state"] == "met" and runs["numbers"].get("break_even_s", 0) > 0, runs)
        check("check: summary names the service", "service throughput" in done.stdout, done.stdout[-1500:])
    check("check: port free afterwards", not port_accepts(port), port)
    check("check: no process left", not leftover_processes("--case-%d" % port), port)

if failures:
    print("\n".join(["", "FAILURES:"] + failures))
    sys.exit(1)
print("all service end-to-end checks passed")
