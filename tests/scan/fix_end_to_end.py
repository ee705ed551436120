#!/usr/bin/env python3
"""`pypyready scan --fix` and `--diff` on a temporary copy of the rule fixtures.

Checks: the text report shows `= fix:` lines and how many findings are fixable; --diff exits 1,
writes nothing and prints a diff that `patch` applies; --fix rewrites the files into text that
CPython parses and that equals the patched copy; a second --fix changes nothing; a file whose
line ends cannot be kept is reported by name and left alone.

usage: fix_end_to_end.py PYPYREADY RULES_DIR
"""
import ast
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import warnings


def run(binary, *args, cwd):
    return subprocess.run([binary, "scan", *args], cwd=cwd, capture_output=True, text=True, timeout=120)


def digest(folder):
    out = {}
    for root, _, files in os.walk(folder):
        for name in sorted(files):
            path = os.path.join(root, name)
            with open(path, "rb") as handle:
                out[os.path.relpath(path, folder)] = hashlib.sha256(handle.read()).hexdigest()
    return out


def parses(path):
    """None when CPython parses the file, else the SyntaxError."""
    with open(path, "rb") as handle:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                ast.parse(handle.read(), path)
            except SyntaxError as error:
                return error
    return None


def fixable_paths(text_report):
    """Paths of findings shown with a safe fix (a `= fix:` line after the finding's header)."""
    paths, current = set(), None
    for line in text_report.splitlines():
        if ": PPY" in line and not line.startswith(" "):
            current = line.split(":", 1)[0]
        elif line.lstrip().startswith("= fix: ") and current:
            paths.add(current)
    return paths


def fail(message, result=None):
    print("FAIL:", message)
    if result is not None:
        print("exit", result.returncode, "\nstdout:\n", result.stdout[-4000:], "\nstderr:\n", result.stderr[-4000:])
    sys.exit(1)


def main():
    binary, rules_dir = os.path.abspath(sys.argv[1]), sys.argv[2]
    with tempfile.TemporaryDirectory() as temp:
        project = os.path.join(temp, "proj")
        os.mkdir(project)
        for name in sorted(os.listdir(rules_dir)):
            if name.endswith(".py"):
                shutil.copy(os.path.join(rules_dir, name), project)
        with open(os.path.join(project, "mixed_line_ends.py"), "wb") as handle:
            handle.write(b"x = 1\nif x is 1:\r\n    pass\n")
        patched = os.path.join(temp, "patched")
        shutil.copytree(project, patched)
        patched_original = os.path.join(temp, "original")
        shutil.copytree(project, patched_original)
        before = digest(project)

        report = run(binary, "proj", "--exit-zero", cwd=temp)
        if report.returncode != 0:
            fail("plain scan", report)
        if "= fix: replace `is` with `==`" not in report.stdout or "fixable with --fix" not in report.stdout:
            fail("the text report lacks fix lines or the fixable count", report)

        diff = run(binary, "proj", "--diff", cwd=temp)
        if diff.returncode != 1 or not diff.stdout.startswith("--- proj/"):
            fail("--diff should print a diff and exit 1", diff)
        if "Would fix" not in diff.stderr or "mixed_line_ends.py: fixes not applied" not in diff.stderr:
            fail("--diff should count the fixes and name the file it cannot fix", diff)
        if digest(project) != before:
            fail("--diff modified files")
        dry = subprocess.run(["patch", "-p0", "--dry-run"], input=diff.stdout, cwd=temp, capture_output=True,
                             text=True)
        if dry.returncode != 0:
            fail("patch --dry-run rejects the diff:\n" + dry.stdout + dry.stderr)
        renamed = diff.stdout.replace("--- proj/", "--- patched/").replace("+++ proj/", "+++ patched/")
        applied = subprocess.run(["patch", "-p0"], input=renamed, cwd=temp, capture_output=True, text=True)
        if applied.returncode != 0:
            fail("patch rejects the diff:\n" + applied.stdout + applied.stderr)

        fixed = run(binary, "proj", "--fix", "--exit-zero", cwd=temp)
        if fixed.returncode != 0 or "Fixed " not in fixed.stdout:
            fail("--fix", fixed)
        if "mixed_line_ends.py: fixes not applied" not in fixed.stdout:
            fail("--fix should name the file it cannot fix", fixed)
        after = digest(project)
        if after == before:
            fail("--fix changed nothing")
        if after != digest(patched):
            fail("--fix and the patched copy differ")
        if after["mixed_line_ends.py"] != before["mixed_line_ends.py"]:
            fail("the file with mixed line ends was rewritten")
        for name in after:
            # Fixtures may use syntax newer than this interpreter: compare with the original.
            if parses(os.path.join(patched_original, name)) is None:
                error = parses(os.path.join(project, name))
                if error is not None:
                    fail(f"{name} no longer parses: {error}")

        again = run(binary, "proj", "--fix", "--exit-zero", cwd=temp)
        if again.returncode != 0 or "Fixed " in again.stdout or digest(project) != after:
            fail("a second --fix changed something", again)
        if fixable_paths(again.stdout) != {"proj/mixed_line_ends.py"}:
            fail("fixable findings remain after --fix", again)
    print("ok")


if __name__ == "__main__":
    main()
