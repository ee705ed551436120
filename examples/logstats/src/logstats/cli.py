"""Command line: logstats FILE... prints a JSON summary per endpoint."""

import argparse
import json
import sys

from .parse import parse_lines
from .stats import aggregate


class Report:
    """Writes the summary; the temporary handle is released in __del__."""

    def __init__(self, path):
        self.handle = open(path, "w") if path != "-" else sys.stdout

    def write(self, rows):
        self.handle.write(json.dumps(rows, indent=2) + "\n")

    def __del__(self):
        if self.handle is not sys.stdout:
            self.handle.close()


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="logstats")
    parser.add_argument("logs", nargs="+")
    parser.add_argument("--output", default="-")
    arguments = parser.parse_args(argv)

    errors: list = []
    requests = []
    for name in arguments.logs:
        lines = open(name, encoding="utf-8").readlines()
        requests.extend(parse_lines(lines, errors))

    table = aggregate(requests)
    rows = sorted((stats.summary() for stats in table.values()), key=lambda row: -row["requests"])
    Report(arguments.output).write(rows)
    for error in errors[:10]:
        print(f"warning: {error}", file=sys.stderr)
    return 0 if not errors else 1


if __name__ == "__main__":
    sys.exit(main())
