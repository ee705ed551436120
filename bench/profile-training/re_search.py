# Regex search and substitution over many short records (re.search, re.sub, split).
import re
import sys

scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
records = ["user%05d@example%d.org;2024-%02d-%02d;status=%s" % (i, i % 7, i % 12 + 1, i % 28 + 1,
           ("ok", "fail", "retry")[i % 3]) for i in range(20000)]
email = re.compile(r"([\w.]+)@([\w.]+)")
date = re.compile(r"(\d{4})-(\d\d)-(\d\d)")
found = 0
for _ in range(int(4 * scale)):
    for record in records:
        m = email.search(record)
        d = date.search(record)
        if m and d and "fail" not in record:
            found += len(re.sub(r"\d", "#", m.group(1)))
print(found)
