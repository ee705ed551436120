"""End-to-end check of `pypyready deps --try-install` against a local, offline wheel folder.

Usage: try_install.py PYPYREADY FIXTURES
Builds in a temporary folder: a pure wheel, a CPython-only wheel, a wheel whose Requires-Python is
too new for PyPy 3.9, and legacy sdists of three C extensions (fine, calling a function PyPy
lacks, touching CPython-only struct fields). Then runs the trial with --no-index --find-links and
checks each parsed reason. Prints `N passed, N failed`; exits 0 without checks when pypy3, its
venv module, its headers or setuptools are missing.
"""
import io
import json
import os
import shutil
import subprocess
import sys
import tarfile
import tempfile
import zipfile

BINARY, FIXTURES = sys.argv[1:3]
results = []


def check(name, condition, detail=""):
    results.append(bool(condition))
    print(("ok   " if condition else "FAIL ") + name + ("" if condition else ": " + str(detail)))


def skip(reason):
    print("skip: " + reason)
    print("0 passed, 0 failed")
    sys.exit(0)


if shutil.which("pypy3") is None:
    skip("pypy3 not installed")
if not os.path.exists("/usr/include/pypy3.9/Python.h"):
    skip("pypy3-dev headers not installed")
probe = subprocess.run(["pypy3", "-c", "import ensurepip, venv"], capture_output=True)
if probe.returncode != 0:
    skip("pypy3 has no venv/ensurepip (Debian: pypy3-venv)")


def wheel(folder, name, tag, requires_python=None):
    metadata = f"Metadata-Version: 2.1\nName: {name}\nVersion: 1.0\n"
    if requires_python:
        metadata += f"Requires-Python: {requires_python}\n"
    info = f"{name}-1.0.dist-info"
    files = {f"{name}/__init__.py": "VALUE = 1\n", f"{info}/METADATA": metadata,
             f"{info}/WHEEL": f"Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: {tag}\n",
             f"{info}/top_level.txt": name + "\n"}
    record = "".join(f"{path},,\n" for path in files) + f"{info}/RECORD,,\n"
    with zipfile.ZipFile(os.path.join(folder, f"{name}-1.0-{tag}.whl"), "w") as archive:
        for path, text in files.items():
            archive.writestr(path, text)
        archive.writestr(f"{info}/RECORD", record)


def sdist(folder, name):
    source = open(os.path.join(FIXTURES, "cext", name + ".c")).read()
    setup = ("from setuptools import setup, Extension\n"
             f"setup(name='{name}', version='1.0', ext_modules=[Extension('{name}', ['{name}.c'])])\n")
    pkg_info = f"Metadata-Version: 1.0\nName: {name}\nVersion: 1.0\n"
    with tarfile.open(os.path.join(folder, f"{name}-1.0.tar.gz"), "w:gz") as archive:
        for path, text in {"setup.py": setup, f"{name}.c": source, "PKG-INFO": pkg_info}.items():
            data = text.encode()
            member = tarfile.TarInfo(f"{name}-1.0/{path}")
            member.size = len(data)
            archive.addfile(member, io.BytesIO(data))


with tempfile.TemporaryDirectory() as work:
    wheels = os.path.join(work, "wheels")
    os.mkdir(wheels)
    wheel(wheels, "purepkg", "py3-none-any")
    wheel(wheels, "cponly", "cp311-cp311-linux_x86_64")
    wheel(wheels, "newpy", "py3-none-any", ">=3.10")
    for name in ("cext_ok", "cext_missing", "cext_internal"):
        sdist(wheels, name)
    requirements = os.path.join(work, "requirements.txt")
    with open(requirements, "w") as out:
        out.write("purepkg\ncponly\nnewpy\ncext_ok\ncext_missing\ncext_internal\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("PIP_")}
    done = subprocess.run([BINARY, "deps", requirements, "--try-install", "--no-index", "--find-links", wheels,
                           "--format", "json", "--quiet"], capture_output=True, text=True, timeout=900, env=env)
    check("exit 1: blockers found", done.returncode == 1, (done.returncode, done.stderr[-2000:]))
    deps = {d["name"]: d for d in json.loads(done.stdout)["deps"]["dependencies"]}

    def first(name):
        return deps[name]["evidence"][0]

    check("pure wheel installs and imports", deps["purepkg"]["verdict"] == "works"
          and first("purepkg")["source"] == "install", deps["purepkg"])
    check("CPython-only wheel: no matching distribution", deps["cponly"]["verdict"] == "blocked"
          and "no-matching-distribution" in first("cponly")["detail"], deps["cponly"])
    check("too-new Requires-Python", deps["newpy"]["verdict"] == "blocked"
          and "requires-python" in first("newpy")["detail"] and ">=3.10" in first("newpy")["detail"], deps["newpy"])
    check("clean C extension builds and imports", deps["cext_ok"]["verdict"] == "works", deps["cext_ok"])
    check("missing C-API function fails at import with its name", deps["cext_missing"]["verdict"] == "blocked"
          and first("cext_missing")["source"] == "import"
          and first("cext_missing")["missing_symbols"] == ["PyObject_GC_IsFinalized"], deps["cext_missing"])
    check("sdist whose build fails: first compiler error", deps["cext_internal"]["verdict"] == "blocked"
          and "build-failure" in first("cext_internal")["detail"]
          and "has no member named" in first("cext_internal")["detail"], deps["cext_internal"])

failed = results.count(False)
print(f"{len(results) - failed} passed, {failed} failed")
sys.exit(1 if failed else 0)
