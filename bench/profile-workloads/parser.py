# A tokenizer and a recursive-descent evaluator over arithmetic expressions (character indexing).
import sys


def tokens(text):
    i, out = 0, []
    while i < len(text):
        c = text[i]
        if c.isdigit():
            j = i
            while j < len(text) and text[j].isdigit():
                j += 1
            out.append(int(text[i:j]))
            i = j
        elif c in "+-*/()":
            out.append(c)
            i += 1
        else:
            i += 1
    return out


def parse(toks):
    pos = [0]

    def atom():
        t = toks[pos[0]]
        pos[0] += 1
        if t == "(":
            v = expr()
            pos[0] += 1
            return v
        return t

    def term():
        v = atom()
        while pos[0] < len(toks) and toks[pos[0]] in ("*", "/"):
            op = toks[pos[0]]
            pos[0] += 1
            r = atom()
            v = v * r if op == "*" else v // (r or 1)
        return v

    def expr():
        v = term()
        while pos[0] < len(toks) and toks[pos[0]] in ("+", "-"):
            op = toks[pos[0]]
            pos[0] += 1
            r = term()
            v = v + r if op == "+" else v - r
        return v

    return expr()


scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
source = "(12 + 34) * 5 - 6 / (7 + 8) + 90 * (1 + 2 * (3 + 4))" * 1
total = 0
for n in range(int(12000 * scale)):
    total += parse(tokens(source + " + %d" % n))
print(total)
