# Few calls over a big text: the time is in the regular-expression engine (C).
import re
import sys

scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
line = "2024-05-01 12:00:01 host%d GET /api/v1/items/%d 200 512 0.0123\n"
text = "".join(line % (i % 50, i) for i in range(1000)) * int(100 * scale)
pattern = re.compile(r"(\d+-\d+-\d+) (\S+) host(\d+) (GET|POST) (\S+) (\d{3}) (\d+) ([\d.]+)")
count = 0
for _ in range(3):
    count += len(pattern.findall(text))
    count += len(pattern.sub("-", text))
print(count)
