"""A pytest-benchmark suite for the end-to-end test of `pypyready bench --pytest-benchmark`.

Four kinds of work whose direction on PyPy is known, plus one test only CPython can run.
Python 3.9 syntax: Debian's pypy3 speaks 3.9.
"""
import json
import sys


def loop_work(n=3000):
    total = 0
    for i in range(n):
        total += i * i % 7
    return total


def test_loop(benchmark):
    # Pure-Python arithmetic in a loop: what PyPy's JIT is best at.
    assert benchmark(loop_work) == loop_work()


def build_string(n=4000):
    text = ""
    for i in range(n):
        text += str(i)
    return text


def test_string_building(benchmark):
    # Repeated `+=` on a string: CPython grows the string in place, PyPy copies it every time
    # (quadratic), so PyPy loses here.
    assert len(benchmark(build_string)) == len(build_string())


DOCUMENT = {"rows": [{"id": i, "name": "row %d" % i, "tags": ["a", "b", "c"], "score": i / 7.0}
                     for i in range(300)]}


def test_json_dumps(benchmark):
    # The standard library's json with indentation: CPython's C encoder does not indent, so both
    # interpreters run the pure-Python encoder, and PyPy's JIT wins (about 3x here).
    assert benchmark(json.dumps, DOCUMENT, indent=2).startswith('{\n  "rows"')


LINES = ["%d,%d,%d,%d" % (i, i * 3, i * 7, i % 5) for i in range(40)]


def parse_lines(lines=LINES):
    rows = []
    for line in lines:
        rows.append([int(field) for field in line.split(",")])
    return rows


def test_short_function(benchmark):
    # A short function called few times, one call per round: on PyPy the first calls run
    # uncompiled and pay for tracing, so warmup dominates what a short-lived process sees.
    result = benchmark.pedantic(parse_lines, rounds=300, iterations=1)
    assert len(result) == 40


def test_refcount(benchmark):
    # sys.getrefcount does not exist on PyPy: this benchmark cannot run there.
    assert benchmark(sys.getrefcount, DOCUMENT) > 0
