# Character-level string work in Python: building, slicing, comparing characters.
import sys

scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
words = ["alpha", "beta", "gamma", "delta", "epsilon"]
count = 0
for n in range(int(40000 * scale)):
    text = ""
    for w in words:
        text += w[0].upper() + w[1:] + "-"
    for ch in text:
        if ch == "a" or ch == "A":
            count += 1
    count += len(text.replace("-", ""))
print(count)
