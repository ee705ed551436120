#!/usr/bin/env python3
"""Writes the large stress inputs that are too big to commit into a folder, for replay
(`replay_tokenizer DIR`) or as extra fuzz seeds: 100,000 nested brackets, 50,000 nested
blocks, 100,000 nested f-strings and a 50 MB single-line file.

usage: make-big-inputs.py OUTPUT_DIR
"""
import os
import sys


def main() -> int:
    if len(sys.argv) != 2:
        print(__doc__, file=sys.stderr)
        return 2
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    inputs = {
        "parens_100k.py": b"(" * 100_000,
        "blocks_50k.py": b"".join(b"\t" * (depth % 150) + b"if x:\n" for depth in range(50_000)),
        "fstrings_100k.py": b"f'{" * 100_000,
        "single_line_50mb.py": b"x = '" + b"a" * 50_000_000 + b"'",
        "sum_1m_terms.py": b"x = " + b"1+" * 1_000_000 + b"1\n",
    }
    for name, data in inputs.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(data)
    return 0


if __name__ == "__main__":
    sys.exit(main())
