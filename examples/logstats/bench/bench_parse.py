"""Benchmark entry: parse and aggregate a synthetic day of traffic (deterministic)."""

import os
import random
import sys

sys.path.insert(0, os.path.join(os.path.dirname(__file__), "..", "src"))

from logstats.parse import parse_lines  # noqa: E402
from logstats.stats import aggregate  # noqa: E402

PATHS = ["/", "/login", "/users/{}", "/users/{}/orders", "/search?q=shoes", "/static/app.js"]


def synthetic_lines(count: int, seed: int = 7) -> list:
    rng = random.Random(seed)
    lines = []
    for index in range(count):
        path = rng.choice(PATHS).format(rng.randrange(1, 5000))
        status = rng.choice([200, 200, 200, 200, 304, 404, 500])
        lines.append(
            f'10.0.{index % 256}.{rng.randrange(256)} - - [10/Oct/2026:13:{index % 60:02d}:'
            f'{rng.randrange(60):02d} +0000] "GET {path} HTTP/1.1" {status} {rng.randrange(9000)} '
            f'{rng.random() * 80:.3f}')
    return lines


LINES = synthetic_lines(20_000)


def run_once() -> int:
    table = aggregate(parse_lines(LINES))
    return sum(stats.count for stats in table.values())


if __name__ == "__main__":
    for _ in range(int(sys.argv[1]) if len(sys.argv) > 1 else 20):
        run_once()
