# JSON documents loaded and dumped (the C scanner and encoder).
import json
import sys

scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
docs = [json.dumps({"id": i, "user": {"name": "u%d" % i, "tags": ["x", "y"] * 3}, "score": i * 1.5,
                    "items": [{"sku": "s%d" % k, "qty": k} for k in range(8)]}) for i in range(3000)]
total = 0
for _ in range(int(8 * scale)):
    for text in docs:
        total += len(json.dumps(json.loads(text)))
print(total)
