# Fixture: lines ending in an "expect" comment naming this rule must fire; all others must not.
import collections
import math
from math import nan

import numpy as np

NAN = float("nan")
values = [1.0, NAN]
missing = {float("nan"), None}  # expect: PPY018
table = {math.nan: "missing"}
if NAN in values:
    pass
if values[0] is nan:  # expect: PPY018
    pass
values.count(np.nan)
seen = set([float("-NaN"), 1.0])  # expect: PPY018
tally = collections.Counter([NAN, NAN])
table[NAN] = "again"

# One named NaN object is found by identity on both interpreters.
seq = [NAN, 1.0, NAN]
seq.index(NAN)
unique = {NAN, NAN}
found = {math.nan: 1}[math.nan]
fresh = {float("nan"): 1}  # expect: PPY018
fresh[float("nan")] = 2  # expect: PPY018

# Not containers, or not NaN.
x = float("nan")
y = math.isnan(x)
z = float("1.5")
w = {float("inf"), 1.0}
if x != x:
    pass
if math.isnan(values[1]):
    pass
total = sum([NAN, 1.0])
