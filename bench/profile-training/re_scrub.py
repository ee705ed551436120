# Text clean-up over whole documents: masking with sub, splitting, finding words (few calls,
# long strings: the time is in the regex engine's scanning, not in calling it).
import re
import sys

scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
paragraph = ("Contact jane.doe%d@mail.example or call +1-555-%04d before 2024-%02d-%02d; "
             "order #%d shipped to 12 Main St., suite %d.  ")
documents = ["".join(paragraph % (i * 7 + k, (i * 31 + k) % 10000, k % 12 + 1, k % 28 + 1, i * 100 + k, k)
                     for k in range(120)) for i in range(40)]
EMAIL = re.compile(r"[\w.]+@[\w.]+")
PHONE = re.compile(r"\+\d-\d{3}-\d{4}")
WORD = re.compile(r"[A-Za-z]{4,}")
total = 0
for _ in range(int(3 * scale)):
    for text in documents:
        text = EMAIL.sub("<email>", text)
        text = PHONE.sub("<phone>", text)
        total += len(re.split(r"[;.]\s+", text))
        total += len(WORD.findall(text))
print(total)
