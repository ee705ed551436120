"""confcheck FILE...: prints each problem as FILE: SERVICE: MESSAGE; exit 1 when there are any."""

import sys

from confcheck.load import load_file
from confcheck.rules import check_document


def main(argv=None) -> int:
    paths = sys.argv[1:] if argv is None else argv
    if not paths:
        print("usage: confcheck FILE...", file=sys.stderr)
        return 2
    count = 0
    for path in paths:
        for service, message in check_document(load_file(path)):
            print(f"{path}: {service}: {message}")
            count += 1
    return 1 if count else 0


if __name__ == "__main__":
    sys.exit(main())
