"""Benchmark entry: one hook invocation on the bundled sample (whole process), or the check
itself repeated in one process (`check_sample`)."""

import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "src"))

from confcheck.load import load_file  # noqa: E402
from confcheck.rules import check_document  # noqa: E402

SAMPLE = os.path.join(HERE, "..", "samples", "deployment.yaml")


def check_sample() -> int:
    return len(check_document(load_file(SAMPLE)))


if __name__ == "__main__":
    check_sample()
