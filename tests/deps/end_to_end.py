"""End-to-end checks of `pypyready deps` on the fixture site folders and project.

Usage: end_to_end.py PYPYREADY SITE PYPY_SITE FIXTURES
SITE holds dist-info folders and CPython builds of tests/deps/cext; PYPY_SITE holds PyPy builds.
Prints one line per check and `N passed, N failed` at the end; exits 1 on any failure.
"""
import json
import os
import subprocess
import sys

BINARY, SITE, PYPY_SITE, FIXTURES = sys.argv[1:5]
results = []


def check(name, condition, detail=""):
    results.append(bool(condition))
    print(("ok   " if condition else "FAIL ") + name + ("" if condition else ": " + str(detail)))


def run(*args):
    done = subprocess.run([BINARY, "deps", *args], capture_output=True, text=True, timeout=60,
                          env={**os.environ, "NO_COLOR": ""})
    return done.returncode, done.stdout, done.stderr


def by_name(report):
    return {dep["name"]: dep for dep in report["deps"]["dependencies"]}


have_cpython_builds = os.path.exists(os.path.join(SITE, "cextdemo", "cext_ok.cpython-311-x86_64-linux-gnu.so"))
have_pypy_builds = os.path.exists(os.path.join(PYPY_SITE, "cext_ok.pypy39-pp73-x86_64-linux-gnu.so"))

# 1. The fake site: a blocker found by the C-API check, with the path that pulls it in.
code, out, err = run("--site", SITE, "--format", "json")
report = json.loads(out)
deps = by_name(report)
check("site: exit 1 when something blocks", code == 1, (code, err))
check("site: schema and target", report["schema"] == "pypyready/1" and report["deps"]["target"]["interpreter"] == "pypy-3.9")
check("site: Requires-Python >=3.10 blocks", deps["newpy"]["verdict"] == "blocked"
      and "Requires-Python" in deps["newpy"]["evidence"][0]["detail"], deps.get("newpy"))
check("site: orjson is replaced", deps["orjson"]["verdict"] == "replace" and "json" in deps["orjson"]["alternative"])
check("site: cffi user works", deps["cffiuser"]["kind"] == "cffi" and deps["cffiuser"]["verdict"] == "works", deps["cffiuser"])
check("site: pure package works", deps["purepkg"]["verdict"] == "works" and deps["purepkg"]["kind"] == "pure")
check("site: bad Requires-Dist is a warning naming the file",
      any("purepkg-1.0.dist-info/METADATA" in w for w in report["deps"]["warnings"]), report["deps"]["warnings"])
check("site: blockers first", report["deps"]["dependencies"][0]["verdict"] == "blocked")
if have_cpython_builds:
    cext = deps["cextdemo"]
    symbols = [s for e in cext["evidence"] for s in e["missing_symbols"]]
    check("site: cextdemo blocked by PyObject_GC_IsFinalized", cext["verdict"] == "blocked"
          and symbols == ["PyObject_GC_IsFinalized"], cext)
    check("site: cextdemo pulled in by purepkg", cext["pulled_in_by"] == [["purepkg"]], cext["pulled_in_by"])
    modules = {m["module"]: m for m in cext["modules"]}
    check("site: cext_ok is clean", modules["cextdemo.cext_ok"]["missing"] == [] and not modules["cextdemo.cext_ok"]["blocks"])
    check("site: cext_missing names the symbol", [m["name"] for m in modules["cextdemo.cext_missing"]["missing"]]
          == ["PyObject_GC_IsFinalized"])
else:
    print("skip CPython-built extension checks: /usr/include/python3.11 absent")

# 2. Text output: a table without colour when not on a terminal, and the summary line.
code, out, err = run("--site", SITE)
check("text: no ANSI escapes off a terminal", "\033[" not in out)
check("text: header and summary", out.splitlines()[1].startswith("VERDICT") and "dependencies:" in out.splitlines()[-1], out)
check("text: blocker shows its missing symbol", not have_cpython_builds or "missing: PyObject_GC_IsFinalized" in out, out)

# 3. PyPy builds: the static check names the symbol PyPy lacks, the clean one is clean.
if have_pypy_builds:
    code, out, err = run("--site", PYPY_SITE, "--format", "json")
    unowned = {m["module"]: m for m in json.loads(out)["deps"]["unowned_modules"]}
    check("pypy site: cext_ok built for PyPy and clean", unowned["cext_ok"]["built_for_pypy"] and unowned["cext_ok"]["missing"] == [])
    check("pypy site: cext_missing lacks PyObject_GC_IsFinalized",
          [m["name"] for m in unowned["cext_missing"]["missing"]] == ["PyObject_GC_IsFinalized"], unowned)
    code, out, err = run("--site", PYPY_SITE, "--modules", "--format", "markdown")
    check("pypy site: markdown module table", "| `cext_missing` | (no distribution) | plain-c |" in out, out)
else:
    print("skip PyPy-built extension checks: pypy3-dev absent")

# 4. A project with every declaration format and one malformed file: exit 2, others still read.
code, out, err = run(os.path.join(FIXTURES, "project_all"), "--format", "json")
report = json.loads(out)
deps = by_name(report)
check("project: exit 2 for the malformed Pipfile", code == 2, (code, err))
check("project: error names Pipfile and line", any("Pipfile:3:" in e for e in report["deps"]["errors"]), report["deps"]["errors"])
check("project: psycopg2 replaced by psycopg2cffi", deps["psycopg2"]["verdict"] == "replace"
      and "psycopg2cffi" in deps["psycopg2"]["alternative"])
check("project: -r include read", any(d.endswith("base.txt:1") for d in deps["psycopg2"]["declared_in"]), deps["psycopg2"])
check("project: lock file wheel is evidence", any(e["source"] == "index" and "pp39" in e["detail"] for e in deps["lxml"]["evidence"]),
      deps["lxml"]["evidence"])

# 5. Usage errors.
code, out, err = run(os.path.join(FIXTURES, "no_such_project"))
check("usage: missing project exits 2 with its name", code == 2 and "no_such_project" in err, (code, err))
code, out, err = run("--site", SITE, "--target-pypy", "2.7")
check("usage: bad --target-pypy exits 2", code == 2 and "--target-pypy" in err, (code, err))

failed = results.count(False)
print(f"{len(results) - failed} passed, {failed} failed")
sys.exit(1 if failed else 0)
