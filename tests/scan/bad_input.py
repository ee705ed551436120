#!/usr/bin/env python3
"""`pypyready scan` on a folder of hostile files next to one ordinary file.

Each bad file must be reported with its path and a reason, the ordinary file must still be
scanned (its finding reported), and the exit code must be the documented one for input errors
(2), and 0 with --exit-zero. The process must never die of a signal.

usage: bad_input.py PYPYREADY
"""
import os
import subprocess
import sys
import tempfile

BIG_BYTES = 50 * 1024 * 1024


def write(folder, name, data):
    path = os.path.join(folder, name)
    with open(path, "wb") as handle:
        handle.write(data if isinstance(data, bytes) else data.encode())
    return path


def nested_ifs(depth):
    lines = [" " * level + f"if x{level}:" for level in range(depth)]
    return "\n".join(lines) + "\n" + " " * depth + "pass\n"


def main():
    binary = os.path.abspath(sys.argv[1])
    failures = []
    with tempfile.TemporaryDirectory() as temp:
        project = os.path.join(temp, "proj")
        os.mkdir(project)
        write(project, "good.py", "def f(x):\n    return x is 0\n")
        expected = {}  # file name -> words its report line must contain
        write(project, "binary.py", b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 64)
        expected["binary.py"] = "binary file"
        locked = write(project, "unreadable.py", "x = 1\n")
        os.chmod(locked, 0)
        try:
            with open(locked, "rb"):
                readable_anyway = True  # root, or a file system without permissions
        except PermissionError:
            readable_anyway = False
        if not readable_anyway:
            expected["unreadable.py"] = "Permission denied"
        loop = os.path.join(project, "loop")
        os.mkdir(loop)
        os.symlink("..", os.path.join(loop, "back"))  # proj/loop/back -> proj
        expected["back"] = "symlink loop"
        os.symlink("self.py", os.path.join(project, "self.py"))  # a link to itself
        expected["self.py"] = "symbolic links"
        with open(os.path.join(project, "huge.py"), "wb") as handle:
            line = b"value = 1  # padding to make a very large generated module\n"
            handle.write(line * (BIG_BYTES // len(line) + 1))
        expected["huge.py"] = "too large"
        write(project, "parens.py", "x = " + "(" * 10000 + "1" + ")" * 10000 + "\n")
        expected["parens.py"] = "too many nested parentheses"
        write(project, "brackets.py", "x = " + "[" * 10000 + "]" * 10000 + "\n")
        expected["brackets.py"] = "too many nested parentheses"
        write(project, "braces.py", "x = " + "{" * 10000 + "}" * 10000 + "\n")
        expected["braces.py"] = "too many nested parentheses"
        write(project, "ifs.py", nested_ifs(1000))
        expected["ifs.py"] = "too many levels of indentation"
        # Deep trees without brackets: each must be parsed or refused, never crash.
        write(project, "nots.py", "x = " + "not " * 10000 + "y\n")
        write(project, "minus.py", "x = " + "-" * 10000 + "1\n")
        write(project, "power.py", "x = " + "2 ** " * 10000 + "2\n")
        write(project, "lambdas.py", "f = " + "lambda: " * 10000 + "0\n")
        write(project, "ternary.py", "x = " + "a if b else " * 10000 + "c\n")
        write(project, "sum.py", "x = " + "1 + " * 1000000 + "1 is y\n")  # 4 MB, a million levels deep
        write(project, "attributes.py", "x = a" + ".b" * 200000 + "\n")
        write(project, "calls.py", "x = f" + "()" * 200000 + "\n")

        result = subprocess.run([binary, "scan", "proj"], cwd=temp, capture_output=True, text=True, timeout=300)
        out = result.stdout + result.stderr
        if result.returncode != 2:
            killed = f" (signal {-result.returncode})" if result.returncode < 0 else ""
            failures.append(f"exit code {result.returncode}{killed}, expected 2 (input errors)")
        if "proj/good.py:2:12: PPY016" not in out:
            failures.append("the ordinary file was not scanned")
        lines = out.splitlines()
        for name, reason in expected.items():
            if not any(name in line and reason in line for line in lines):
                failures.append(f"{name}: no line names it with '{reason}'")
        for name in ("nots.py", "minus.py", "power.py", "lambdas.py", "ternary.py", "sum.py", "attributes.py",
                     "calls.py"):
            if "proj/" + name + ":" in out and "SyntaxError" not in out:
                failures.append(f"{name}: reported without a reason")

        zero = subprocess.run([binary, "scan", "proj", "--exit-zero"], cwd=temp, capture_output=True, timeout=300)
        if zero.returncode != 0:
            failures.append(f"--exit-zero exited {zero.returncode}")
        os.chmod(locked, 0o644)
        if failures:
            print("exit", result.returncode)
            print(out[-6000:])
    for failure in failures:
        print("FAIL:", failure)
    if failures:
        sys.exit(1)
    print("ok")


if __name__ == "__main__":
    main()
