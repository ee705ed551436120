"""Per-endpoint aggregation: counts, error rates and latency percentiles."""

import math
from collections import defaultdict
from typing import Dict, Iterable, List

from .parse import Request


class EndpointStats:
    __slots__ = ("path", "count", "errors", "bytes", "durations")

    def __init__(self, path: str):
        self.path = path
        self.count = 0
        self.errors = 0
        self.bytes = 0
        self.durations: List[float] = []

    def add(self, request: Request) -> None:
        self.count += 1
        self.bytes += request.size
        if request.status >= 500:
            self.errors += 1
        self.durations.append(request.duration_ms)

    def percentile(self, fraction: float) -> float:
        ordered = sorted(self.durations)
        if not ordered:
            return math.nan
        rank = fraction * (len(ordered) - 1)
        low, high = int(math.floor(rank)), int(math.ceil(rank))
        return ordered[low] + (ordered[high] - ordered[low]) * (rank - low)

    def summary(self) -> dict:
        return {
            "path": self.path,
            "requests": self.count,
            "error_rate": self.errors / self.count if self.count else 0.0,
            "bytes": self.bytes,
            "p50_ms": self.percentile(0.50),
            "p99_ms": self.percentile(0.99),
        }


def normalise_path(path: str) -> str:
    """Collapses numeric path segments so /users/42/orders and /users/7/orders aggregate."""
    parts = path.split("?", 1)[0].split("/")
    return "/".join("{id}" if part.isdigit() else part for part in parts)


def aggregate(requests: Iterable[Request]) -> Dict[str, EndpointStats]:
    table: Dict[str, EndpointStats] = defaultdict(lambda: None)
    for request in requests:
        key = normalise_path(request.path)
        stats = table[key]
        if stats is None:
            stats = table[key] = EndpointStats(key)
        stats.add(request)
    return dict(table)
