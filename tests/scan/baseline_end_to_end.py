"""`pypyready scan --baseline FILE` on a copy of examples/logstats: the first run records the
findings and reports none (exit 0); lines inserted above known findings keep them known; a new
finding is the only one reported (exit 1), also when the scan starts from another folder.

Usage: baseline_end_to_end.py PYPYREADY EXAMPLES_DIR"""

import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
from e2e_checks import check, outcome  # noqa: E402


def scan(pypyready, args, cwd):
    # --fail-on info: the exit code says whether any finding is reported, whatever its severity.
    run = subprocess.run([pypyready, "scan", *args, "--format", "json", "--fail-on", "info"], capture_output=True,
                         text=True, cwd=cwd)
    findings = json.loads(run.stdout)["findings"] if run.stdout.strip() else None
    return run.returncode, findings, run.stderr


def main():
    pypyready, examples = (os.path.abspath(arg) for arg in sys.argv[1:3])
    work = tempfile.mkdtemp(prefix="pypyready-baseline-")
    try:
        project = os.path.join(work, "logstats")
        shutil.copytree(os.path.join(examples, "logstats"), project)
        code, before, _ = scan(pypyready, ["."], project)
        check(code == 1 and before, f"the example should have findings (exit {code})")

        code, findings, err = scan(pypyready, [".", "--baseline", "pypyready-baseline.json"], project)
        baseline_file = os.path.join(project, "pypyready-baseline.json")
        check(os.path.exists(baseline_file), "the first run wrote no baseline")
        check(code == 0 and findings == [], f"the first run reported {findings} (exit {code})")
        check(f"recorded {len(before)} finding" in err, f"the first run's note: {err}")
        with open(baseline_file) as f:
            recorded = json.load(f)
        check(sum(e.get("count", 1) for e in recorded["findings"]) == len(before), "not every finding recorded")

        # Shift every known finding down and add one new finding at the end of a file.
        target = os.path.join(project, "src", "logstats", "stats.py")
        with open(target) as f:
            text = f.read()
        with open(target, "w") as f:
            f.write("# a comment\n\n\n" + text + "\n\ndef leak(path):\n    f = open(path)\n    return len(f.read())\n")
        code, findings, err = scan(pypyready, [".", "--baseline", "pypyready-baseline.json"], project)
        check(code == 1 and findings is not None and len(findings) == 1,
              f"expected exactly the new finding, got {findings} (exit {code})")
        if findings:
            check(findings[0]["path"].endswith("stats.py") and "open(path)" in findings[0].get("line_text", ""),
                  f"the new finding is not the added line: {findings[0]}")
        check(f": {len(before)} finding" in err and "in the baseline" in err, f"the note: {err}")

        # From the parent folder, with the baseline path given from there: the same answer.
        code, from_parent, _ = scan(pypyready, ["logstats", "--baseline", "logstats/pypyready-baseline.json"], work)
        check(from_parent is not None and len(from_parent) == 1, f"from another folder: {from_parent}")

        with open(baseline_file, "w") as f:
            f.write("{ damaged")
        code, _, err = scan(pypyready, [".", "--baseline", "pypyready-baseline.json"], project)
        check(code == 2 and "pypyready-baseline.json: not a pypyready baseline" in err,
              f"a damaged baseline: exit {code}, {err}")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return outcome()


if __name__ == "__main__":
    sys.exit(main())
