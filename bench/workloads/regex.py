"""String and regular-expression processing: parse synthetic access-log lines."""
import re

LINE = re.compile(r'(?P<ip>\d+\.\d+\.\d+\.\d+) - - \[(?P<day>\d+)/\w+/\d+[^\]]*\] "(?P<verb>[A-Z]+) (?P<path>\S+)[^"]*" (?P<status>\d{3}) (?P<size>\d+)')


def lines(count):
    verbs = ["GET", "POST", "PUT", "DELETE"]
    for i in range(count):
        yield '10.0.%d.%d - - [%d/Nov/2026:10:00:00 +0000] "%s /api/v1/items/%d?page=%d HTTP/1.1" %d %d' % (
            i % 256, (i * 7) % 256, 1 + i % 28, verbs[i % 4], i % 977, i % 5, 200 + (i % 5) * 100, i * 13 % 5000)


def main():
    by_status = {}
    bytes_by_verb = {}
    for text in lines(120_000):
        match = LINE.match(text)
        if not match:
            continue
        status = match.group("status")
        by_status[status] = by_status.get(status, 0) + 1
        verb = match.group("verb").lower()
        bytes_by_verb[verb] = bytes_by_verb.get(verb, 0) + int(match.group("size"))
        text.split("?")[0].rsplit("/", 1)
    print(sorted(by_status.items()), sorted(bytes_by_verb.items()))


if __name__ == "__main__":
    main()
