#!/usr/bin/env python3
"""Reference side of the parser conformance test: for each file named in LISTFILE (one path a
line), writes OUTDIR/<index>.ast with ast.dump(ast.parse(bytes), include_attributes=True), or
OUTDIR/<index>.err with "LINE\\tMESSAGE" when CPython rejects the file.

With --mask-fstring-positions, the position attributes of every node strictly inside a
JoinedStr are printed as 0 (CPython 3.11's positions there are irregular).
Usage: dump_cpython_ast.py LISTFILE OUTDIR [--mask-fstring-positions] [--first N --step S]"""
import argparse
import ast
import os
import sys
import warnings

POSITIONS = ("lineno", "col_offset", "end_lineno", "end_col_offset")


def mask_fstring_positions(tree):
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            for child in ast.iter_child_nodes(node):
                for inner in ast.walk(child):
                    for name in POSITIONS:
                        if name in inner._attributes and getattr(inner, name, None) is not None:
                            setattr(inner, name, 0)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("listfile")
    parser.add_argument("outdir")
    parser.add_argument("--mask-fstring-positions", action="store_true")
    parser.add_argument("--first", type=int, default=0)
    parser.add_argument("--step", type=int, default=1)
    options = parser.parse_args()
    sys.setrecursionlimit(100000)
    warnings.simplefilter("ignore")
    with open(options.listfile, encoding="utf-8") as listing:
        paths = listing.read().splitlines()
    for index in range(options.first, len(paths), options.step):
        with open(paths[index], "rb") as source:
            data = source.read()
        base = os.path.join(options.outdir, str(index))
        try:
            tree = ast.parse(data, paths[index])
        except SyntaxError as error:
            with open(base + ".err", "w", encoding="utf-8") as out:
                out.write("%s\t%s\n" % (error.lineno, error.msg))
            continue
        except (ValueError, RecursionError, MemoryError) as error:
            with open(base + ".err", "w", encoding="utf-8") as out:
                out.write("0\t%s\n" % error)
            continue
        if options.mask_fstring_positions:
            mask_fstring_positions(tree)
        with open(base + ".ast", "w", encoding="utf-8", errors="surrogatepass") as out:
            out.write(ast.dump(tree, include_attributes=True))
            out.write("\n")


main()
