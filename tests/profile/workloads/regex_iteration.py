# Regex work the sampler cannot see at a call of the pattern's own methods: the module functions
# (re.sub calls the C method on the result of re._compile) and a finditer loop whose body only
# calls a cheap builtin (the check for signals runs at dict.get, after FOR_ITER's C work).
import re
import sys

scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
TOKEN = re.compile(r"(?P<num>\d+(?:\.\d+)?)|(?P<name>[A-Za-z_]\w*)|(?P<op>[-+*/=()<>])|(?P<ws>\s+)")
source = "\n".join("let x%d = (y%d + %d.5) * z - %d / w" % (i, i, i, i) for i in range(3000))
kinds = {}
size = 0
for _ in range(int(3 * scale)):
    for match in TOKEN.finditer(source):  # the for-statement line
        kinds[match.lastgroup] = kinds.get(match.lastgroup, 0) + 1
    size += len(re.sub(r"\d+", "#", source))
    size += len(re.findall(r"\w+ [-+*/] \w+", source))
print(size, sorted(kinds.items()))
