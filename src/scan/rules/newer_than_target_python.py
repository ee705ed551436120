# Run with the target PyPy at Python 3.9: constructs of 3.8 and 3.9 are fine, newer ones fire,
# each kind once per file at its first use.
from __future__ import annotations

import sys
import itertools
import math
import asyncio
import typing
from dataclasses import dataclass

if (n := len(sys.argv)) > 1:  # 3.8: fine on 3.9
    pass


def positional(a, /, b):  # 3.8: fine
    return f"{a=}"  # 3.8: fine


print(math.lcm(4, 6), "prefix-x".removeprefix("prefix-"))  # 3.9: fine

import tomllib  # expect: PPY040
from itertools import pairwise  # expect: PPY040
import tomllib as again  # the same module a second time: not reported again

try:
    from typing import Self
except ImportError:
    Self = None

if sys.version_info >= (3, 11):
    from enum import StrEnum
else:
    StrEnum = str

if hasattr(itertools, "batched"):
    batched = itertools.batched


def run(command, values):
    match command:  # expect: PPY040
        case "pairs":
            return list(pairwise(values))
        case _:
            return zip(values, values, strict=True)  # expect: PPY040


def count_bits(x: int) -> int:
    return x.bit_count()  # expect: PPY040


def fresh(x: typing.Self) -> typing.Self:  # deferred by `from __future__ import annotations`
    return x


async def main():
    async with asyncio.timeout(1):  # expect: PPY040
        pass
    async with asyncio.TaskGroup() as group:  # expect: PPY040
        pass


@dataclass(slots=True)  # expect: PPY040
class Point:
    x: int
    y: int


try:
    pass
except* ValueError:  # expect: PPY040
    pass


def first[T](items: list[T]) -> T:  # expect: PPY040
    return items[0]


class Box[T]:  # a second type parameter list: reported once per file
    pass


type Pair = tuple[int, int]  # expect: PPY040

name = "x"
print(f"{"nested" + name}")  # expect: PPY040
print(f'{name!r:>{10}}')  # fine before 3.12

with (open("/dev/null") as first_file, open("/dev/null") as second_file):  # 3.9: fine
    pass

HAS_BATCHED = sys.version_info >= (3, 12)
if HAS_BATCHED:
    chunks = itertools.batched([1, 2, 3], 2)

element = match_list = [1]
element = match_list[index := 0]  # expect: PPY040
element = match_list[(index := 0)]
