# Fixture: lines ending in an "expect" comment naming this rule must fire; all others must not.
import json
import os
import random
import subprocess
import unittest


def shard_of(key, shards):
    return shards[hash(key) % len(shards)]  # expect: PPY019


bucket = hash("abc") & 0xFF  # expect: PPY019
assert hash("abc") == -4594863902769663758  # expect: PPY019
random.seed(hash("experiment"))  # expect: PPY019
record = json.dumps({"key": hash("abc")})  # expect: PPY019
os.environ["PYTHONHASHSEED"] = "0"  # expect: PPY019
subprocess.run(["python", "x.py"], env={"PYTHONHASHSEED": "0"})  # expect: PPY019
env = dict(os.environ, PYTHONHASHSEED="0")  # expect: PPY019


class HashTest(unittest.TestCase):
    def test_value(self):
        self.assertEqual(hash("abc"), 12345)  # expect: PPY019


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __hash__(self):
        return hash((self.x, self.y)) % 1000

    def __eq__(self, other):
        return (self.x, self.y) == (other.x, other.y)


# Same on both interpreters, or not persisted.
assert hash(1) == 1
assert hash(2.0) == 2
assert hash(int("5")) == 5
lookup = {hash("abc"): 1}
same = hash("a") == hash("a")
"""Set PYTHONHASHSEED to make hashing reproducible."""


class Custom:
    def __hash__(self):
        return 144


assert hash(Custom()) == 144
seed = os.environ.get("PYTHONHASHSEED", "random")
del os.environ["PYTHONHASHSEED"]
os.environ["PYTHONHASHSEED"] = "random"
os.environ.setdefault("PYTHONHASHSEED", "0")  # expect: PPY019
