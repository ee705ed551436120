"""Parsing of access-log lines in the combined log format, without regular expressions.

The hand-written scanner is deliberate: it is the hot loop of the service and runs on every
line of every log file that is shipped to us.
"""

from dataclasses import dataclass
from typing import Iterable, Iterator, Optional

MONTHS = {name: index for index, name in enumerate(
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"], start=1)}


@dataclass(frozen=True)
class Request:
    client: str
    timestamp: int
    method: str
    path: str
    status: int
    size: int
    duration_ms: float


class ParseError(ValueError):
    def __init__(self, line_number: int, reason: str):
        super().__init__(f"line {line_number}: {reason}")
        self.line_number = line_number


def _take_until(line: str, start: int, stop: str) -> tuple:
    end = line.find(stop, start)
    if end < 0:
        raise ValueError(f"expected {stop!r} after column {start}")
    return line[start:end], end + len(stop)


def _epoch_seconds(stamp: str) -> int:
    # 10/Oct/2000:13:55:36 -0700
    day = int(stamp[0:2])
    month = MONTHS[stamp[3:6]]
    year = int(stamp[7:11])
    hour, minute, second = int(stamp[12:14]), int(stamp[15:17]), int(stamp[18:20])
    sign = -1 if stamp[21] == "-" else 1
    offset = sign * (int(stamp[22:24]) * 3600 + int(stamp[24:26]) * 60)
    days = (year - 1970) * 365 + (year - 1969) // 4 + _days_before_month(year, month) + day - 1
    return days * 86400 + hour * 3600 + minute * 60 + second - offset


def _days_before_month(year: int, month: int) -> int:
    lengths = [31, 29 if year % 4 == 0 else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
    return sum(lengths[: month - 1])


def parse_line(line: str, line_number: int = 0) -> Request:
    try:
        client, position = _take_until(line, 0, " ")
        _, position = _take_until(line, position, "[")
        stamp, position = _take_until(line, position, "] \"")
        request, position = _take_until(line, position, "\" ")
        status_text, position = _take_until(line, position, " ")
        size_text, position = _take_until(line, position, " ")
        method, _, rest = request.partition(" ")
        path = rest.rsplit(" ", 1)[0]
        duration = float(line[position:].strip() or 0)
        return Request(client, _epoch_seconds(stamp), method, path, int(status_text),
                       0 if size_text == "-" else int(size_text), duration)
    except (ValueError, KeyError, IndexError) as error:
        raise ParseError(line_number, str(error)) from None


def parse_lines(lines: Iterable[str], errors: Optional[list] = None) -> Iterator[Request]:
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            yield parse_line(line, number)
        except ParseError as error:
            if errors is None:
                raise
            errors.append(error)
