# Log lines parsed with regular expressions (finditer, findall, sub).
import re
import sys

scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
LINE = re.compile(r"(?P<ip>\d+\.\d+\.\d+\.\d+) - - \[(?P<when>[^\]]+)\] \"(?P<verb>\w+) (?P<path>\S+)")
block = "".join('10.0.%d.%d - - [01/May/2024:12:00:%02d] "GET /api/items/%d HTTP/1.1" 200 512\n'
                % (i % 250, i % 200, i % 60, i) for i in range(2000))
hits = 0
for _ in range(int(12 * scale)):
    for m in LINE.finditer(block):
        if m.group("verb") == "GET":
            hits += 1
    hits += len(re.findall(r"HTTP/1\.\d", block))
    hits += len(re.sub(r"\d+", "#", block))
print(hits)
