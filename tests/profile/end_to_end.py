"""End-to-end tests of `pypyready profile` under CPython 3.11 (/usr/bin/python3).

Usage: end_to_end.py PYPYREADY WORKLOADS_DIR CEXT_SOURCE. Workloads of known composition must
land in their category within 15 percentage points (each is built so that about 95 % of its time
after start-up is of one kind: that share must be at least 0.80); a C extension is compiled here against
the python3-dev headers. Then bad input: a missing script, a command that is not Python, a crash,
a hang (timeout), Ctrl-C; children must be killed and reaped. Exits 77 without /usr/bin/python3.
"""
import json
import os
import shutil
import signal
import subprocess
import sys
import sysconfig
import tempfile
import time

PYPYREADY, WORKLOADS, CEXT = (os.path.abspath(a) for a in sys.argv[1:4])
PYTHON = "/usr/bin/python3"
failures = []


def check(name, condition, detail):
    print("%-58s %s" % (name, "ok" if condition else "FAILED"))
    if not condition:
        failures.append("%s: %s" % (name, detail))


def profile(*command, extra=(), cwd=None, env=None, timeout=180):
    completed = subprocess.run([PYPYREADY, "profile", "--quiet", *extra, "--", *command], cwd=cwd, env=env,
                               capture_output=True, text=True, timeout=timeout)
    return completed


def profile_json(*command, **kwargs):
    completed = profile(*command, extra=("--format", "json"), **kwargs)
    if completed.returncode != 0:
        failures.append("%s: exit %d: %s" % (command, completed.returncode, completed.stderr))
        return None
    return json.loads(completed.stdout)["profile"]


def gone(pid):
    try:
        with open("/proc/%d/stat" % pid) as stat:
            return stat.read().split(") ")[-1].startswith("Z")
    except (FileNotFoundError, ProcessLookupError):
        return True


def all_gone(pids, within_s=5):
    deadline = time.time() + within_s
    while time.time() < deadline:
        if all(gone(pid) for pid in pids):
            return True
        time.sleep(0.1)
    return False


def workload(name):
    return os.path.join(WORKLOADS, name)


if not os.path.exists(PYTHON):
    print("SKIPPED: %s is not installed" % PYTHON)
    sys.exit(77)

# --- attribution on workloads of known composition ---------------------------------------------
shares_of = {}


def composition(name, script, categories, *args, env=None, cwd=None):
    result = profile_json(PYTHON, workload(script), *args, env=env, cwd=cwd)
    if result is None:
        return None
    shares = result["shares"]
    shares_of[name] = shares
    # Of the program's own time: start-up is the interpreter's, and on a loaded machine its
    # teardown absorbs some waiting for a CPU that the sampler cannot see.
    share = sum(shares[c] for c in categories) / (1 - shares["startup"])
    check("%s: %s >= 0.80 of the run after start-up" % (name, "+".join(categories)), share >= 0.80,
          "%.2f; shares %s" % (share, {k: round(v, 3) for k, v in shares.items()}))
    check("%s: shares add up to 1" % name, abs(sum(shares.values()) - 1) < 1e-6, shares)
    return result


loops = composition("pure loops", "pure_loops.py", ["python"])
if loops:
    prediction = loops["prediction"]
    check("pure loops: a range, PyPy likely faster", prediction["speedup_low"] < prediction["speedup_high"]
          and prediction["outlook"] in ("likely-faster", "uncertain"), prediction)
    top = loops["hotspots"][0]
    check("pure loops: top hotspot is a Python line of the script",
          top["kind"] == "python" and top["file"].endswith("pure_loops.py"), top)
    check("pure loops: sample count and confidence", loops["samples"] >= 50 and
          "95 %" in loops["confidence"]["statement"], loops["confidence"])
    # The model's features: arithmetic loops, no recursion.
    python_s = loops["seconds"]["python"]
    check("pure loops: compiled part > 30 % of the Python time, recursion < 10 %",
          loops["python_compiled_s"] > 0.3 * python_s and loops["python_recursive_s"] < 0.1 * python_s,
          (python_s, loops["python_compiled_s"], loops["python_recursive_s"]))

recursive = composition("recursion", "recursive_calls.py", ["python"])
if recursive:
    python_s = recursive["seconds"]["python"]
    check("recursion: recursive part > 80 % of the Python time", recursive["python_recursive_s"] > 0.8 * python_s,
          (python_s, recursive["python_recursive_s"], recursive["python_compiled_s"]))
    # Recursion on integers keeps no containers alive: (almost) no garbage collections.
    check("recursion: fewer than 50 garbage collections", recursive["gc_collections"] < 50,
          recursive["gc_collections"])

# The C code's allocations fault pages in: kernel time that belongs to the same calls.
result = composition("json", "json_work.py", ["native_stdlib", "system"])
if result:
    check("json: native time in _json", "_json" in result["native_by_module"], result["native_by_module"])
    check("json: no promise of a gain", result["prediction"]["outlook"] == "no-gain-expected",
          result["prediction"]["summary"])
    native = [h for h in result["hotspots"] if h["kind"] == "native_stdlib" and h.get("module") == "_json"]
    check("json: native hotspot names the calling line of the script",
          any(h.get("called_from", {}).get("file", "").endswith("json_work.py") for h in native), native)

result = composition("regex", "regex_work.py", ["native_stdlib", "system"])
if result:
    check("json, regex: native code, not Python", all(s["native_stdlib"] > 5 * s["python"] for s in
                                                      (shares_of["json"], result["shares"])),
          (shares_of["json"], result["shares"]))
    check("regex: native time in re", "re" in result["native_by_module"], result["native_by_module"])

result = composition("regex iteration", "regex_iteration.py", ["native_stdlib", "python", "system"], "6")
if result:
    native = result["native_by_module"]
    regex_s = native.get("re", {}).get("seconds", 0.0)
    check("regex iteration: >= 90 % of the native time in re", regex_s >= 0.9 * sum(
        m["seconds"] for m in native.values()), native)
    with open(workload("regex_iteration.py")) as source:
        for_line = next(n for n, text in enumerate(source, 1) if "# the for-statement line" in text)
    loop = [h for h in result["hotspots"] if h.get("callee") == "Pattern.finditer"]
    check("regex iteration: the finditer loop's C work on the for line", any(
        h["module"] == "re" and h["line"] == for_line and h["share"] > 0.2 for h in loop), loop)
    module_calls = {h.get("callee") for h in result["hotspots"] if h.get("module") == "re"}
    check("regex iteration: re.sub and re.findall's C methods in re", {"(result).sub", "(result).findall"}
          <= module_calls, module_calls)

composition("file I/O", "file_io.py", ["system", "wait"])

result = composition("sleeping", "sleeping.py", ["wait"])
if result:
    check("sleeping: hotspot is waiting in the script", result["hotspots"][0]["kind"] == "wait", result["hotspots"][0])
    check("sleeping: one child interpreter (sys.executable), its start-up in the model",
          result["interpreter_children"] == 1 and result["prediction"]["model"]["child_startup_s"] > 0,
          (result["interpreter_children"], result["prediction"]["model"]["child_startup_s"]))

# The C extension, compiled now against the python3-dev headers of /usr/bin/python3.
include = sysconfig.get_paths()["include"]
suffix = sysconfig.get_config_var("EXT_SUFFIX")
compiler = shutil.which("cc") or shutil.which("gcc")
if compiler and os.path.exists(os.path.join(include, "Python.h")):
    build = tempfile.mkdtemp(prefix="pypyready-cext-")
    subprocess.run([compiler, "-O1", "-shared", "-fPIC", "-I" + include, CEXT, "-o",
                    os.path.join(build, "fastops" + suffix)], check=True)
    environment = dict(os.environ, PYTHONPATH=build)
    result = composition("C extension", "cext_calls.py", ["native_extensions"], "2.0", env=environment)
    if result:
        module = result["native_by_module"].get("fastops", {})
        check("C extension: named, as a third-party extension", module.get("kind") == "native_extensions", module)
        notes = " ".join(result["prediction"]["notes"])
        check("C extension: the cpyext note names it", "fastops" in notes, notes)
    shutil.rmtree(build)
else:
    print("C extension: skipped (no C compiler or no %s/Python.h)" % include)

# --- output formats ----------------------------------------------------------------------------
text = profile(PYTHON, workload("pure_loops.py"), "0.3")
check("text: bar, hotspots and a range", text.returncode == 0 and "█" in text.stdout and "Hotspots: lines" in
      text.stdout and "predicted speedup between" in text.stdout, text.stdout + text.stderr)
markdown = profile(PYTHON, workload("pure_loops.py"), "0.3", extra=("--format", "markdown"))
check("markdown: the category table", markdown.returncode == 0 and "| category | share |" in markdown.stdout,
      markdown.stdout + markdown.stderr)
module_mode = profile_json(PYTHON, "-m", "pure_loops", "0.5", cwd=WORKLOADS)
check("module mode (-m) profiles the module", module_mode is not None and module_mode["shares"]["python"] > 0.5,
      module_mode and module_mode["shares"])
# 300 000 one-item lists kept alive: a collection per about 700 of them; a child that is not
# Python (`true`) is not an interpreter child.
kept = profile_json(PYTHON, "-c", "import subprocess; subprocess.run(['true']); x = [[i] for i in range(300000)]")
check("kept containers: at least 300 garbage collections, no interpreter child",
      kept is not None and kept["gc_collections"] >= 300 and kept["interpreter_children"] == 0,
      kept and (kept["gc_collections"], kept["interpreter_children"]))
# Their time, timed by the probe: more than nothing, less than the run.
check("kept containers: the collections' seconds are timed, within the run",
      kept is not None and 0 < kept["gc_s"] < kept["total_s"], kept and (kept["gc_s"], kept["total_s"]))
# One 4 MB file written once and read back whole ten times: the probe counts the bytes the
# process read and wrote through system calls (the imports' few hundred kB on top), and the model
# weighs the gigabytes read.
reader = profile_json(PYTHON, "-c", "import os, tempfile\nfd, path = tempfile.mkstemp()\nos.write(fd, b'x' * 4000000)\n"
                      "os.close(fd)\nfor _ in range(10):\n    open(path, 'rb').read()\nos.remove(path)")
check("bulk reads: 40 MB read and 4 MB written are counted",
      reader is not None and 40e6 <= reader["read_bytes"] < 45e6 and 4e6 <= reader["written_bytes"] < 4.5e6,
      reader and (reader["read_bytes"], reader["written_bytes"]))
check("bulk reads: the model weighs the gigabytes read",
      reader is not None and abs(reader["prediction"]["model"]["read_gb"] - reader["read_bytes"] / 1e9) < 1e-9,
      reader and reader["prediction"]["model"])
short = profile_json(PYTHON, workload("pure_loops.py"), "0.1")
if short:
    notes = " ".join(short["prediction"]["notes"])
    check("short run: JIT warm-up warning", "JIT warm-up" in notes, notes)

# --- bad input ---------------------------------------------------------------------------------
missing = profile(PYTHON, workload("no_such_script.py"))
check("missing script: exit 2, named", missing.returncode == 2 and "no_such_script.py" in missing.stderr,
      (missing.returncode, missing.stderr))
not_python = profile("ls", "-l")
check("not a Python program: exit 2", not_python.returncode == 2 and "not a Python program" in not_python.stderr,
      (not_python.returncode, not_python.stderr))
no_interpreter = profile("python9.9", workload("pure_loops.py"))
check("unknown interpreter: exit 2", no_interpreter.returncode == 2, (no_interpreter.returncode, no_interpreter.stderr))
crash = profile(PYTHON, workload("crash.py"))
check("crash: exit 3 with the error", crash.returncode == 3 and "boom: crashed on purpose" in crash.stderr,
      (crash.returncode, crash.stderr))

pid_file = tempfile.mktemp(prefix="pypyready-hang-")
started = time.time()
hang = profile(PYTHON, workload("hang.py"), pid_file, extra=("--timeout", "2"))
pids = [int(p) for p in open(pid_file).read().split()] if os.path.exists(pid_file) else []
check("hang: exit 3 after the timeout", hang.returncode == 3 and "timed out" in hang.stderr and
      time.time() - started < 30, (hang.returncode, hang.stderr))
check("hang: program and its child killed and reaped", pids and all_gone(pids), pids)

os.unlink(pid_file) if os.path.exists(pid_file) else None
runner = subprocess.Popen([PYPYREADY, "profile", "--quiet", "--", PYTHON, workload("hang.py"), pid_file],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
deadline = time.time() + 20
while not (os.path.exists(pid_file) and os.path.getsize(pid_file) > 0) and time.time() < deadline:
    time.sleep(0.1)
time.sleep(0.3)
runner.send_signal(signal.SIGINT)
try:
    out, err = runner.communicate(timeout=15)
    pids = [int(p) for p in open(pid_file).read().split()]
    check("Ctrl-C: exit 3, interrupted", runner.returncode == 3 and "interrupted" in err, (runner.returncode, err))
    check("Ctrl-C: program and its child killed and reaped", all_gone(pids), pids)
except subprocess.TimeoutExpired:
    runner.kill()
    check("Ctrl-C: pypyready stops", False, "still running 15 s after SIGINT")
if os.path.exists(pid_file):
    os.unlink(pid_file)

print()
print("\n".join(failures) if failures else "all profile end-to-end checks passed")
sys.exit(1 if failures else 0)
