# Compact json (the C encoder and scanner): dumps and loads of many small API records.
import json
import sys

scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
records = [{"id": i, "user": "u%d" % (i % 300), "tags": ["x", "y", str(i % 9)], "score": i / 3.0,
            "active": i % 2 == 0, "meta": {"region": "r%d" % (i % 5), "retries": i % 4}} for i in range(5000)]
count = 0
for _ in range(int(10 * scale)):
    for start in range(0, len(records), 50):
        text = json.dumps(records[start:start + 50])
        count += len(json.loads(text))
print(count)
