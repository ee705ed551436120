"""A short command-line tool: parse arguments, read a small CSV, print a JSON summary.
Start-up and imports dominate its run time."""
import argparse
import csv
import io
import json


def main():
    parser = argparse.ArgumentParser(description="summarise a table")
    parser.add_argument("--rows", type=int, default=500)
    args = parser.parse_args()
    text = "name,count\n" + "".join("item%d,%d\n" % (i, i % 13) for i in range(args.rows))
    totals = {}
    for row in csv.DictReader(io.StringIO(text)):
        totals[row["name"][:5]] = totals.get(row["name"][:5], 0) + int(row["count"])
    print(json.dumps(totals, sort_keys=True))


if __name__ == "__main__":
    main()
