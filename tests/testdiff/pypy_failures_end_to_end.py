"""End-to-end test of `pypyready test` on tests/testdiff/pypy_failures with the real CPython and
pypy3: every PyPy-only failure gets the right likely cause (and the scan finding behind it where
the code has one), the flaky test is flaky, the bug is a failure on both, and the test that
crashes PyPy is named while the tests before and after it keep their results.

Usage: pypy_failures_end_to_end.py PYPYREADY FIXTURE_DIR. Exits 77 (skipped) when pypy3 or a
CPython with pytest is missing.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

PYPYREADY, FIXTURE = sys.argv[1], sys.argv[2]
failures = []


def check(name, condition, detail):
    print("%-62s %s" % (name, "ok" if condition else "FAILED"))
    if not condition:
        failures.append("%s: %s" % (name, detail))


sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from e2e_checks import cpython_with_pytest_or_skip  # noqa: E402

CPYTHON = cpython_with_pytest_or_skip()

# Each PyPy-only failure: test id suffix -> (likely cause kind, rule code of a finding that matches
# the cause, or None where the code under test has none).
EXPECTED = {
    "test_categories.py::test_absurd_nesting_is_refused": ("recursion-depth", None),
    "test_events.py::test_dropped_subscription_unsubscribes": ("gc-timing", None),
    "test_events.py::test_unclosed_snapshot_warns": ("unclosed-resource", None),
    "test_journal.py::test_journal_lines_reach_the_file": ("unflushed-file", "PPY003"),
    "test_store.py::test_footprint_within_budget": ("getsizeof", "PPY011"),
    "test_store.py::test_name_shared_with_caller": ("cpython-only-api", "PPY010"),
    "test_store.py::test_tag_ids_once_each": ("ordering", "PPY020"),
    "test_native.py::test_header_magic": ("interpreter-crash", None),
}
CRASHING = "tests/test_native.py::test_header_magic"

work = tempfile.mkdtemp(prefix="pypyready-pypy-failures-")
try:
    project = os.path.join(work, "pypy_failures")
    shutil.copytree(FIXTURE, project)
    state = os.path.join(work, "state")  # the flaky test's run counter
    os.mkdir(state)
    environment = dict(os.environ, INVENTORY_TEST_STATE=state)
    command = [PYPYREADY, "test", "--quiet", "--project", project, "--python", CPYTHON, "--pypy", "pypy3",
               "--format", "json", "--reruns", "2"]
    completed = subprocess.run(command, capture_output=True, text=True, timeout=600, env=environment)
    check("exit 1 (real PyPy-only failures)", completed.returncode == 1, completed.stderr[-800:])
    try:
        section = json.loads(completed.stdout)["test"]
    except (ValueError, KeyError):
        print(completed.stdout[-2000:], completed.stderr[-2000:], file=sys.stderr)
        sys.exit(1)
    tests = {t["id"]: t for t in section["tests"]}

    def by_suffix(suffix):
        return next((t for i, t in tests.items() if i.endswith(suffix)), None)

    # Causes: at least five different ones, each on the test it belongs to.
    kinds = set()
    for suffix, (kind, code) in EXPECTED.items():
        test = by_suffix(suffix)
        check("%s: PyPy-only, real" % suffix.split("::")[1],
              test and test["group"] == "pypy-only-failure" and not test["flaky"], test and
              (test["group"], test["flaky"], test["reruns"]))
        check("%s: cause %s" % (suffix.split("::")[1], kind), test and test["likely_cause_kind"] == kind,
              test and (test["likely_cause_kind"], test["message"]))
        if test and test["likely_cause_kind"] == kind:
            kinds.add(kind)
        if code:
            check("%s: linked to %s, matching the cause" % (suffix.split("::")[1], code),
                  test and any(f["code"] == code and f["matches_cause"] for f in test["finding_details"]),
                  test and test["finding_details"])
    check("at least five different causes", len(kinds - {"interpreter-crash"}) >= 5, kinds)
    # Naming a class links only the methods the test reaches: no ordering finding for getsizeof.
    footprint = by_suffix("::test_footprint_within_budget")
    check("links follow the methods called, not the whole class",
          footprint and {f["code"] for f in footprint["finding_details"]} == {"PPY011"},
          footprint and footprint["finding_details"])
    # Without a telling message or finding, no cause is made up.
    quota = by_suffix("::test_explicit_quota_wins_over_configured")
    check("identity via `is` on an int: PyPy-only, no cause invented",
          quota and quota["group"] == "pypy-only-failure" and quota["likely_cause_kind"] is None, quota)

    flaky = by_suffix("::test_worker_finishes_in_time")
    check("flaky test: flaky after reruns", flaky and flaky["group"] == "pypy-only-failure" and flaky["flaky"],
          flaky)
    both = by_suffix("::test_average_count")
    check("bug: fails on both (pre-existing)", both and both["group"] == "fail-both", both)

    pypy = [v for v in section["per_interpreter"].values() if v["implementation"] == "pypy"][0]
    check("crash: PyPy run names the crashing test and signal",
          pypy["crashed_tests"] == [CRASHING] and "Segmentation fault" in (pypy["crash"] or ""), pypy)
    crashed = tests.get(CRASHING)
    check("crash: outcome crashed on PyPy, passed on CPython",
          crashed and sorted(crashed["outcomes"].values()) == ["crashed", "passed"], crashed)
    pypy_id = [i for i, v in section["per_interpreter"].items() if v["implementation"] == "pypy"][0]
    before = by_suffix("test_categories.py::test_count_levels")
    after = by_suffix("test_store.py::test_add_counts_up")
    check("crash: tests before and after it kept (pass on both)",
          before and after and before["group"] == after["group"] == "pass-both" and
          after["outcomes"][pypy_id] == "passed", (before, after))
    check("every collected test has a PyPy outcome",
          len(tests) == 14 and all(t["outcomes"].get(pypy_id) not in (None, "missing") for t in tests.values()),
          {i: t["outcomes"] for i, t in tests.items()})
    summary = section["summary"]
    check("summary counts: 10 PyPy-only, 1 both, 3 pass",
          summary["pypy_only_failures"] == 10 and summary["pass_both"] == 3, summary)

    text = subprocess.run(command[:-4] + ["--reruns", "0"], capture_output=True, text=True, timeout=600,
                          env=environment)
    check("text: the crash is named", "crashed (killed by signal 11" in text.stdout and CRASHING in text.stdout,
          text.stdout[:1500])

    # --- tests selected by a path after `--`, with pytest's rootdir below the project (an ini
    # file next to them): ids, reruns and finding links are relative to the project root -------
    nested = os.path.join(work, "nested")
    os.makedirs(os.path.join(nested, "sub", "tests"))
    with open(os.path.join(nested, "sub", "pytest.ini"), "w") as handle:
        handle.write("[pytest]\n")
    with open(os.path.join(nested, "sub", "tests", "test_refs.py"), "w") as handle:
        handle.write("import sys\n\n\ndef test_refs():\n    assert sys.getrefcount(object()) >= 1\n")
    completed = subprocess.run([PYPYREADY, "test", "--quiet", "--project", nested, "--python", CPYTHON, "--pypy",
                                "pypy3", "--format", "json", "--reruns", "1", "--", "-q", "sub/tests"],
                               capture_output=True, text=True, timeout=300)
    try:
        rows = json.loads(completed.stdout)["test"]["tests"]
    except (ValueError, KeyError):
        rows = []
    refs = rows[0] if len(rows) == 1 else None
    check("path after --: id relative to the project root",
          refs and refs["id"] == "sub/tests/test_refs.py::test_refs", (rows, completed.stderr[-500:]))
    check("path after --: reruns ran the test on both sides",
          refs and sorted((t["passed"], t["failed"]) for t in refs["reruns"].values()) == [(0, 1), (1, 0)],
          refs and refs["reruns"])
    check("path after --: linked to PPY010 in the test",
          refs and any(f["code"] == "PPY010" for f in refs["finding_details"]), refs and refs["finding_details"])
finally:
    shutil.rmtree(work, ignore_errors=True)

if failures:
    print("\n".join(failures), file=sys.stderr)
    sys.exit(1)
