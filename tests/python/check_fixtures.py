#!/usr/bin/env python3
"""Syntax-tree fixtures for syntax CPython 3.11 cannot parse (3.12/3.13 features).

  check_fixtures.py compare PYPYREADY FIXTURE_DIR
      `pypyready debug ast --dump-version 3.13 F.py` must print exactly F.ast313.
  check_fixtures.py regenerate PYTHON3.13 FIXTURE_DIR
      CPython 3.13's ast.dump(ast.parse(bytes), include_attributes=True) of each F.py must
      still equal the committed F.ast313 (exit 77, a skip, when that interpreter is absent).
  check_fixtures.py write PYTHON3.13 FIXTURE_DIR
      Writes the F.ast313 files (run by hand after editing a fixture)."""
import glob
import os
import subprocess
import sys

DUMP = ("import ast,sys\n"
        "print(ast.dump(ast.parse(open(sys.argv[1],'rb').read()), include_attributes=True))\n")
TIMEOUT = 120


def run(command):
    result = subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, start_new_session=True)
    if result.returncode != 0:
        raise RuntimeError("%s failed (%d): %s" % (" ".join(command), result.returncode, result.stderr))
    return result.stdout


def main():
    mode, program, directory = sys.argv[1:4]
    fixtures = sorted(glob.glob(os.path.join(directory, "*.py")))
    if not fixtures:
        print("FAIL: no fixtures in %s" % directory)
        return 1
    if mode in ("regenerate", "write") and not os.path.exists(program):
        print("SKIP: %s not found; the expected dumps cannot be regenerated here" % program)
        return 77
    failures = 0
    for fixture in fixtures:
        expected_path = fixture[:-3] + ".ast313"
        if mode == "compare":
            actual = run([program, "debug", "ast", "--dump-version", "3.13", fixture])
        else:
            actual = run([program, "-c", DUMP, fixture])
        if mode == "write":
            with open(expected_path, "w", encoding="utf-8") as out:
                out.write(actual)
            continue
        with open(expected_path, encoding="utf-8") as handle:
            expected = handle.read()
        if actual != expected:
            at = next((i for i, (a, b) in enumerate(zip(actual, expected)) if a != b), min(len(actual), len(expected)))
            print("MISMATCH %s at character %d\n  got:      ...%s\n  expected: ...%s"
                  % (fixture, at, actual[max(0, at - 80):at + 80], expected[max(0, at - 80):at + 80]))
            failures += 1
    print("%d fixtures, %d mismatches" % (len(fixtures), failures))
    return 0 if failures == 0 else 1


sys.exit(main())
