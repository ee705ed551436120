"""What the end-to-end scripts share: `check` records a failed expectation and goes on, so one
run reports every failure; the script ends by exiting non-zero when `failures` is not empty."""

failures = []


def check(condition, message):
    if not condition:
        failures.append(message)
        print("FAIL:", message)


def cpython_with_pytest_or_skip():
    """The CPython to run test suites with (pytest importable there and under pypy3); when either
    interpreter or pytest is missing, prints how to install it and exits 77, ctest's skip code."""
    import shutil
    import subprocess
    import sys

    if shutil.which("pypy3") is None:
        print("SKIPPED: pypy3 is not installed (apt-get install pypy3)")
        sys.exit(77)
    for candidate in ("/usr/bin/python3", shutil.which("python3")):
        if candidate and subprocess.run([candidate, "-c", "import pytest"], capture_output=True).returncode == 0:
            if subprocess.run(["pypy3", "-c", "import pytest"], capture_output=True).returncode == 0:
                return candidate
            break
    print("SKIPPED: pytest missing (apt-get install python3-pytest pypy3 python3-exceptiongroup python3-tomli)")
    sys.exit(77)


def outcome():
    """The script's exit code: 1 with the number of failures printed, else 0 with "ok"."""
    if failures:
        print(f"{len(failures)} failure(s)")
        return 1
    print("ok")
    return 0
