"""End-to-end tests of `pypyready test` with the real CPython and pypy3.

Usage: end_to_end.py PYPYREADY EXAMPLES_DIR. Exits 77 (skipped) when pypy3 or a CPython with
pytest is missing. examples/logstats is copied to a temporary folder; the other projects (a
hanging test, a collection error, a flaky test, a CPython without pytest, a bad configuration)
are written there at test time.
"""
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import textwrap
import time

PYPYREADY, EXAMPLES = sys.argv[1], sys.argv[2]
failures = []


def check(name, condition, detail):
    print("%-55s %s" % (name, "ok" if condition else "FAILED"))
    if not condition:
        failures.append("%s: %s" % (name, detail))


def write_project(root, files):
    for name, text in files.items():
        path = os.path.join(root, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w") as handle:
            handle.write(textwrap.dedent(text))


def pypyready_test(project, *args, python=None):
    command = [PYPYREADY, "test", "--quiet", "--project", project, "--pypy", "pypy3"]
    command += ["--python", python or CPYTHON]
    command += list(args)
    started = time.monotonic()
    completed = subprocess.run(command, capture_output=True, text=True, timeout=600)
    return completed, time.monotonic() - started


def section_of(completed, name):
    try:
        return json.loads(completed.stdout)["test"]
    except (ValueError, KeyError):
        failures.append("%s: no JSON (exit %d): %s %s" % (name, completed.returncode, completed.stdout[-2000:],
                                                          completed.stderr[-2000:]))
        return None


def test_by_suffix(section, suffix):
    for test in section["tests"]:
        if test["id"].endswith(suffix):
            return test
    return None


sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from e2e_checks import cpython_with_pytest_or_skip  # noqa: E402

CPYTHON = cpython_with_pytest_or_skip()

work = tempfile.mkdtemp(prefix="pypyready-test-e2e-")
try:
    # --- examples/logstats: two tests fail only on PyPy, each with a cause and a finding --------
    logstats = os.path.join(work, "logstats")
    shutil.copytree(os.path.join(EXAMPLES, "logstats"), logstats)
    completed, _ = pypyready_test(logstats, "--format", "json", "--reruns", "2")
    check("logstats: exit 1 (PyPy-only failures)", completed.returncode == 1, completed.stderr[-800:])
    section = section_of(completed, "logstats")
    if section:
        summary = section["summary"]
        check("logstats: 2 PyPy-only failures, 4 pass on both",
              summary["pypy_only_failures"] == 2 and summary["pass_both"] == 4, summary)
        refcount = test_by_suffix(section, "::test_no_reference_cycles_left")
        check("getrefcount: cpython-only-api cause",
              refcount and refcount["likely_cause_kind"] == "cpython-only-api", refcount)
        check("getrefcount: linked to PPY010 in the test function",
              refcount and any(f["code"] == "PPY010" and f["link"] == "traceback" and
                               f["function"] == "test_no_reference_cycles_left"
                               for f in refcount["finding_details"]), refcount and refcount["finding_details"])
        check("getrefcount: not flaky after 2 reruns on each side",
              refcount and not refcount["flaky"] and
              all(t["passed"] + t["failed"] == 2 for t in refcount["reruns"].values()) and
              len(refcount["reruns"]) == 2, refcount and refcount["reruns"])
        check("getrefcount: message and traceback lines",
              refcount and "getrefcount" in refcount["message"] and
              any(line.startswith(">") for line in refcount["traceback"]), refcount)
        flushed = test_by_suffix(section, "::test_report_is_flushed_when_dropped")
        check("unflushed report: gc timing cause",
              flushed and flushed["likely_cause_kind"] == "unflushed-file", flushed)
        check("unflushed report: linked to Report's __del__ in cli.py",
              flushed and any(f["path"] == "src/logstats/cli.py" and f["link"] == "called-by-test" and
                              f["matches_cause"] for f in flushed["finding_details"]),
              flushed and flushed["finding_details"])
        durations = [t for t in section["tests"] if t["group"] == "pass-both"]
        # pytest rounds durations to milliseconds: a 0.000 s baseline has no ratio.
        check("durations and ratio per test",
              durations and all(len(t["durations_s"]) == 2 for t in durations) and
              all((t["duration_ratio"] is not None) == (min(t["durations_s"].values()) > 0) for t in durations),
              durations)
        environments = [v["environment"] for v in section["per_interpreter"].values()]
        check("environment named per interpreter",
              all(e.startswith("system interpreter") for e in environments), environments)
    text, _ = pypyready_test(logstats, "--reruns", "0")
    check("logstats text: the failures and their causes",
          "FAILS ONLY ON PYPY" in text.stdout and "cpython-only-api" in text.stdout and
          "4 pass on both, 2 fail only on PyPy" in text.stdout, text.stdout[-1500:])

    # --- a test that hangs on PyPy: the run times out, finished results are kept ----------------
    hang = os.path.join(work, "hang")
    write_project(hang, {"tests/test_hang.py": """
        import platform
        import time

        def test_a_fast():
            assert 1 + 1 == 2

        def test_b_hangs_on_pypy():
            if platform.python_implementation() == "PyPy":
                time.sleep(600)
        """})
    completed, elapsed = pypyready_test(hang, "--format", "json", "--timeout", "25", "--reruns", "0")
    section = section_of(completed, "hang")
    if section:
        pypy = [v for v in section["per_interpreter"].values() if v["implementation"] == "pypy"][0]
        check("hang: PyPy run timed out, hanging test named",
              pypy["timed_out"] and pypy["unfinished_test"] == "tests/test_hang.py::test_b_hangs_on_pypy", pypy)
        hung = test_by_suffix(section, "::test_b_hangs_on_pypy")
        check("hang: timeout outcome, PyPy-only", hung and hung["group"] == "pypy-only-failure" and
              "timeout" in hung["outcomes"].values(), hung)
        fast = test_by_suffix(section, "::test_a_fast")
        check("hang: finished test kept", fast and fast["group"] == "pass-both", fast)
        check("hang: the child was killed promptly", elapsed < 120, elapsed)
    check("hang: exit 1", completed.returncode == 1, completed.returncode)

    # --- Ctrl-C while PyPy hangs: the group is killed, finished results are kept ---------------
    command = [PYPYREADY, "test", "--project", hang, "--pypy", "pypy3", "--python", CPYTHON, "--format", "json",
               "--timeout", "300", "--reruns", "0"]
    child = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    for line in child.stderr:
        if "under pypy" in line:
            break
    time.sleep(15)  # long enough for PyPy to start pytest and finish test_a_fast
    child.send_signal(signal.SIGINT)
    try:
        out, err = child.communicate(timeout=60)
    except subprocess.TimeoutExpired:
        child.kill()
        out, err = child.communicate()
        failures.append("Ctrl-C: pypyready did not stop within 60 s")
    try:
        section = json.loads(out)["test"]
        pypy = [v for v in section["per_interpreter"].values() if v["implementation"] == "pypy"][0]
        check("Ctrl-C: PyPy run interrupted, running test named",
              pypy["interrupted"] and pypy["unfinished_test"] == "tests/test_hang.py::test_b_hangs_on_pypy", pypy)
        fast = test_by_suffix(section, "::test_a_fast")
        check("Ctrl-C: finished test kept", fast and fast["group"] == "pass-both", fast)
    except (ValueError, KeyError, IndexError) as error:
        failures.append("Ctrl-C: no JSON result (%s): %s %s" % (error, out[-500:], err[-500:]))

    # --- a collection error on both, and a passing file: pre-existing failure, exit 0 -----------
    broken = os.path.join(work, "broken")
    write_project(broken, {"tests/test_broken.py": "import no_such_module_anywhere\n",
                           "tests/test_fine.py": "def test_fine():\n    assert True\n"})
    completed, _ = pypyready_test(broken, "--format", "json")
    section = section_of(completed, "broken")
    if section:
        collection = test_by_suffix(section, "tests/test_broken.py")
        check("collection error: fail-both with its error", collection and collection["group"] == "fail-both" and
              set(collection["outcomes"].values()) == {"error"}, collection)
        fine = test_by_suffix(section, "::test_fine")
        check("collection error: other files still run", fine and fine["group"] == "pass-both", fine)
    check("collection error: exit 0 (nothing PyPy-only)", completed.returncode == 0, completed.returncode)

    # --- a flaky test: fails on its first PyPy run only, passes on rerun -> flaky, exit 0 --------
    flaky = os.path.join(work, "flaky")
    write_project(flaky, {"tests/test_flaky.py": """
        import os
        import platform

        COUNTER = os.path.join(os.path.dirname(__file__), "pypy_runs.txt")

        def test_sometimes():
            if platform.python_implementation() != "PyPy":
                return
            runs = int(open(COUNTER).read()) if os.path.exists(COUNTER) else 0
            with open(COUNTER, "w") as handle:
                handle.write(str(runs + 1))
            assert runs > 0, "failed at random"
        """})
    completed, _ = pypyready_test(flaky, "--format", "json", "--reruns", "2")
    section = section_of(completed, "flaky")
    if section:
        test = test_by_suffix(section, "::test_sometimes")
        check("flaky: marked flaky after reruns", test and test["group"] == "pypy-only-failure" and test["flaky"], test)
    check("flaky: exit 0 (no real PyPy-only failure)", completed.returncode == 0, completed.stderr[-500:])

    # --- a CPython without pytest: exit 3 and the exact way to install it ----------------------
    bare = "/root/.pyenv/versions/3.11.7/bin/python3"
    if os.path.exists(bare) and subprocess.run([bare, "-c", "import pytest"], capture_output=True).returncode != 0:
        completed, _ = pypyready_test(broken, python=bare)
        check("no pytest: exit 3", completed.returncode == 3, completed.returncode)
        check("no pytest: says how to install it",
              "pytest is not installed" in completed.stdout and "-m pip install pytest" in completed.stdout,
              completed.stdout)

    # --- configuration: the command comes from [tool.pypyready.test]; unknown keys fail -------
    configured = os.path.join(work, "configured")
    write_project(configured, {
        "pyproject.toml": '[tool.pypyready.test]\ncommand = ["python", "-m", "pytest", "only"]\n',
        "only/test_one.py": "def test_one():\n    pass\n",
        "tests/test_other.py": "def test_other():\n    pass\n"})
    completed, _ = pypyready_test(configured, "--format", "json")
    section = section_of(completed, "configured")
    if section:
        check("config: command selects only/", [t["id"] for t in section["tests"]] == ["only/test_one.py::test_one"],
              [t["id"] for t in section["tests"]])
    write_project(configured, {"pyproject.toml": '[tool.pypyready.test]\ncommand = ["pytest"]\nretries = 2\n'})
    completed, _ = pypyready_test(configured)
    check("config: unknown key is exit 2 naming file, line and key",
          completed.returncode == 2 and "pyproject.toml:3: unknown key `retries`" in completed.stderr,
          completed.stderr)
finally:
    shutil.rmtree(work, ignore_errors=True)

if failures:
    print("\n".join(failures), file=sys.stderr)
    sys.exit(1)
