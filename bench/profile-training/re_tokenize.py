# A regex tokenizer: one compiled pattern with named groups, driven by finditer.
import re
import sys

TOKEN = re.compile(r"(?P<num>\d+(?:\.\d+)?)|(?P<name>[A-Za-z_]\w*)|(?P<op>[-+*/=()<>])|(?P<ws>\s+)")
scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
source = "\n".join("let x%d = (y%d + %d.5) * z - %d / w" % (i, i, i, i) for i in range(3000))
kinds = {}
for _ in range(int(6 * scale)):
    for match in TOKEN.finditer(source):
        kind = match.lastgroup
        kinds[kind] = kinds.get(kind, 0) + 1
print(sorted(kinds.items()))
