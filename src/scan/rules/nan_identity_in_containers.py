# Fixture: lines ending in an "expect" comment naming this rule must fire; all others must not.
import collections
import math
from math import nan

import numpy as np

NAN = float("nan")
values = [1.0, NAN]
missing = {float("nan"), None}  # expect: PPY018
table = {math.nan: "missing"}  # expect: PPY018
if NAN in values:  # expect: PPY018
    pass
if values[0] is nan:  # expect: PPY018
    pass
values.count(np.nan)  # expect: PPY018
seen = set([float("-NaN"), 1.0])  # expect: PPY018
tally = collections.Counter([NAN, NAN])  # expect: PPY018
table[NAN] = "again"  # expect: PPY018

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
