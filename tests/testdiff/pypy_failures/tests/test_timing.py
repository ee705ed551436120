"""A flaky test: it stands in for a race that loses now and then. To be reproducible it fails on
the first PyPy run only, counted in a file under $INVENTORY_TEST_STATE (default: the temporary
folder), so reruns pass."""
import os
import platform
import tempfile


def test_worker_finishes_in_time():
    folder = os.environ.get("INVENTORY_TEST_STATE") or tempfile.gettempdir()
    counter = os.path.join(folder, "inventory-%s-runs.txt" % platform.python_implementation())
    runs = 0
    if os.path.exists(counter):
        with open(counter) as handle:
            runs = int(handle.read() or 0)
    with open(counter, "w") as handle:
        handle.write(str(runs + 1))
    lost_the_race = platform.python_implementation() == "PyPy" and runs == 0
    assert not lost_the_race, "the worker had not finished when the result was read"
