# A trie of nested dicts built from generated words (a new dict for most characters, all kept
# alive), then its nodes counted with an explicit stack.
import sys

scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
letters = "abcdefghijklmnopqrstuvwxyz"
nodes = 0
for round_ in range(int(2 * scale)):
    root = {}
    seed = round_ + 1
    for _ in range(30000):
        node = root
        for _ in range(8):
            seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
            node = node.setdefault(letters[seed % 26], {})
        node["$"] = True
    stack = [root]
    while stack:
        node = stack.pop()
        nodes += 1
        for child in node.values():
            if type(child) is dict:
                stack.append(child)
print(nodes)
