# pypyready pytest plugin: streams each test's start and outcome, one JSON object a line, to the
# data pipe named by PYPYREADY_DATA_FD. The JUnit XML file is the result of a run; these events are
# what remains when the run is killed (timeout, Ctrl-C) before pytest writes that file, and they
# name the test that was running. Standard library only; Python 3.8+ syntax; CPython and PyPy.
import json
import os

_stream = None


def _emit(record):
    global _stream
    if _stream is None:
        descriptor = os.environ.get("PYPYREADY_DATA_FD")
        if not descriptor:
            return
        try:
            _stream = os.fdopen(int(descriptor), "w", buffering=1, closefd=False)
        except (OSError, ValueError):
            return
    try:
        _stream.write(json.dumps(record) + "\n")
        _stream.flush()
    except (OSError, ValueError):
        pass


def pytest_sessionstart(session):
    # Node ids are relative to pytest's rootdir, which is not the working folder when the ini
    # file sits below it (`pytest sub/tests` with sub/pytest.ini).
    config = session.config
    _emit({"event": "session", "rootdir": str(getattr(config, "rootpath", None) or config.rootdir)})


def pytest_runtest_logstart(nodeid, location):
    _emit({"event": "start", "id": nodeid})


def pytest_runtest_logreport(report):
    _emit({
        "event": "report",
        "id": report.nodeid,
        "when": report.when,
        "outcome": report.outcome,
        "duration": report.duration,
        "xfail": bool(getattr(report, "wasxfail", None) is not None),
        "message": str(report.longrepr)[-4000:] if report.failed else "",
    })


def pytest_collectreport(report):
    if report.failed:
        _emit({"event": "report", "id": report.nodeid, "when": "collect", "outcome": "failed",
               "duration": 0.0, "xfail": False, "message": str(report.longrepr)[-4000:]})


def pytest_collection_modifyitems(config, items):
    # Tests to leave out, one node id a line: those already done when a run continues after the
    # interpreter crashed.
    path = os.environ.get("PYPYREADY_SKIP_FILE")
    if not path:
        return
    try:
        with open(path) as handle:
            skip = set(line.rstrip("\n") for line in handle if line.strip())
    except OSError:
        return
    kept = [item for item in items if item.nodeid not in skip]
    if len(kept) != len(items):
        config.hook.pytest_deselected(items=[item for item in items if item.nodeid in skip])
        items[:] = kept
