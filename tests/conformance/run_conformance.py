#!/usr/bin/env python3
"""Parser conformance: pypyready's `debug ast` must print exactly what CPython's ast.dump
prints for every .py file of a corpus, and must reject exactly the files CPython rejects,
on the same line. Positions of nodes inside f-strings are masked on both sides.

Usage: run_conformance.py PYPYREADY PYTHON CORPUS_DIR [CORPUS_DIR...]
PYTHON may be "cpython3.11": python3 when it is 3.11, else /usr/bin/python3.11 (skip if neither);
a CORPUS_DIR of "STDLIB" means that interpreter's standard library (site-packages excluded).
       [--jobs N] [--work-dir DIR] [--reference-dir DIR] [--dump-version 3.11|3.13]
Exit status: 0 when every file matches, 1 otherwise; 77 when a corpus is missing (skip)."""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
TIMEOUT = 1800


def list_corpus(directories):
    paths = []
    for directory in directories:
        for root, dirs, files in os.walk(directory):
            dirs[:] = sorted(d for d in dirs if d not in ("site-packages", "__pycache__"))
            paths.extend(os.path.join(root, name) for name in sorted(files) if name.endswith(".py"))
    return paths


def run_all(commands):
    """Runs the commands in parallel, each in its own process group, with a timeout."""
    processes = [subprocess.Popen(command, start_new_session=True) for command in commands]
    failed = False
    for process in processes:
        try:
            failed |= process.wait(timeout=TIMEOUT) != 0
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, 9)
            process.wait()
            failed = True
    return not failed


def first_difference(mine, theirs):
    for index, (a, b) in enumerate(zip(mine, theirs)):
        if a != b:
            return index
    return min(len(mine), len(theirs))


def read(path):
    with open(path, encoding="utf-8", errors="surrogateescape") as handle:
        return handle.read()


def compare(paths, mine_dir, reference_dir):
    mismatches = 0
    for index, path in enumerate(paths):
        ref_ast = os.path.join(reference_dir, "%d.ast" % index)
        ref_err = os.path.join(reference_dir, "%d.err" % index)
        my_ast = os.path.join(mine_dir, "%d.ast" % index)
        my_err = os.path.join(mine_dir, "%d.err" % index)
        if os.path.exists(ref_err):
            ref_line, ref_message = read(ref_err).rstrip("\n").split("\t", 1)
            if not os.path.exists(my_err):
                print("MISMATCH %s: CPython rejects it (line %s: %s), pypyready accepts it"
                      % (path, ref_line, ref_message))
                mismatches += 1
                continue
            my_line, my_message = read(my_err).rstrip("\n").split("\t", 1)
            # CPython puts coding-cookie errors on line 0; then the message must agree.
            same = my_line == ref_line or (ref_line == "0" and my_message == ref_message)
            if not same:
                print("MISMATCH %s: CPython rejects it on line %s (%s), pypyready on line %s (%s)"
                      % (path, ref_line, ref_message, my_line, my_message))
                mismatches += 1
            continue
        if not os.path.exists(my_ast):
            line, message = read(my_err).rstrip("\n").split("\t", 1) if os.path.exists(my_err) else ("?", "no output")
            print("MISMATCH %s: pypyready rejects it on line %s: %s" % (path, line, message))
            mismatches += 1
            continue
        mine, theirs = read(my_ast), read(ref_ast)
        if mine != theirs:
            at = first_difference(mine, theirs)
            print("MISMATCH %s: dumps differ at character %d\n  pypyready: ...%s\n  CPython:   ...%s"
                  % (path, at, mine[max(0, at - 80):at + 80], theirs[max(0, at - 80):at + 80]))
            mismatches += 1
    return mismatches


def find_cpython311():
    for candidate in (shutil.which("python3"), "/usr/bin/python3.11"):
        if not candidate or not os.path.exists(candidate):
            continue
        try:
            version = subprocess.run([candidate, "-c", "import sys;print(sys.implementation.name, *sys.version_info[:2])"],
                                     capture_output=True, text=True, timeout=60).stdout.split()
        except (OSError, subprocess.TimeoutExpired):
            continue
        if version == ["cpython", "3", "11"]:
            return candidate
    return None


def stdlib_of(python):
    return subprocess.run([python, "-c", "import sysconfig;print(sysconfig.get_paths()['stdlib'])"],
                          capture_output=True, text=True, timeout=60, check=True).stdout.strip()


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("pypyready")
    parser.add_argument("python")
    parser.add_argument("corpus", nargs="+")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--work-dir")
    parser.add_argument("--reference-dir", help="reuse CPython dumps made earlier for this corpus")
    parser.add_argument("--dump-version", default="3.11")
    parser.add_argument("--exact-fstring-positions", action="store_true",
                        help="compare positions inside f-strings too (meaningful from CPython 3.12)")
    options = parser.parse_args()
    if options.python == "cpython3.11":
        options.python = find_cpython311()
        if options.python is None:
            print("SKIP: no CPython 3.11 found (python3 is not 3.11 and /usr/bin/python3.11 is absent)")
            return 77
    options.corpus = [stdlib_of(options.python) if c == "STDLIB" else c for c in options.corpus]
    missing = [c for c in options.corpus if not os.path.isdir(c)]
    if missing:
        print("SKIP: corpus directory not found: %s" % ", ".join(missing))
        return 77
    paths = list_corpus(options.corpus)
    work = options.work_dir or tempfile.mkdtemp(prefix="pypyready-conformance-")
    os.makedirs(work, exist_ok=True)
    try:
        listing = os.path.join(work, "files.txt")
        with open(listing, "w", encoding="utf-8") as out:
            out.write("\n".join(paths) + "\n")
        mine_dir = os.path.join(work, "pypyready")
        os.makedirs(mine_dir, exist_ok=True)
        mask = [] if options.exact_fstring_positions else ["--mask-fstring-positions"]
        reference_dir = options.reference_dir or os.path.join(work, "cpython")
        commands = [[options.pypyready, "debug", "ast", "--batch", listing, "--output-dir", mine_dir,
                     "--dump-version", options.dump_version] + mask]
        if not options.reference_dir:
            os.makedirs(reference_dir, exist_ok=True)
            script = os.path.join(HERE, "dump_cpython_ast.py")
            commands += [[options.python, script, listing, reference_dir, "--first", str(job), "--step",
                          str(options.jobs)] + mask for job in range(options.jobs)]
        if not run_all(commands):
            print("FAIL: a dumping process failed")
            return 1
        mismatches = compare(paths, mine_dir, reference_dir)
        print("%d files, %d mismatches" % (len(paths), mismatches))
        return 0 if mismatches == 0 else 1
    finally:
        if not options.work_dir:
            shutil.rmtree(work, ignore_errors=True)


sys.exit(main())
