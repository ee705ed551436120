import gc
import os
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "src"))

from logstats.cli import Report  # noqa: E402
from logstats.parse import ParseError, parse_line, parse_lines  # noqa: E402
from logstats.stats import aggregate, normalise_path  # noqa: E402

LINE = '10.0.0.1 - - [10/Oct/2026:13:55:36 -0700] "GET /users/42/orders HTTP/1.1" 200 512 12.5'


def test_parse_line_fields():
    request = parse_line(LINE)
    assert request.client == "10.0.0.1"
    assert request.method == "GET"
    assert request.path == "/users/42/orders"
    assert request.status == 200
    assert request.size == 512
    assert request.duration_ms == 12.5


def test_bad_line_names_its_number():
    errors = []
    list(parse_lines(["", LINE, "garbage"], errors))
    assert len(errors) == 1 and errors[0].line_number == 3


def test_strict_mode_raises():
    try:
        list(parse_lines(["garbage"]))
    except ParseError:
        return
    raise AssertionError("expected ParseError")


def test_aggregate_collapses_ids():
    other = LINE.replace("/users/42/", "/users/7/")
    table = aggregate(parse_lines([LINE, other]))
    assert list(table) == ["/users/{id}/orders"]
    assert table["/users/{id}/orders"].count == 2
    assert normalise_path("/search?q=1") == "/search"


def test_report_is_flushed_when_dropped():
    # Relies on the report object being collected as soon as it is dropped.
    with tempfile.TemporaryDirectory() as folder:
        path = os.path.join(folder, "out.json")
        Report(path).write([{"path": "/"}])
        with open(path) as written:
            assert written.read().startswith("[")


def test_no_reference_cycles_left():
    gc.collect()
    assert sys.getrefcount(LINE) >= 2
