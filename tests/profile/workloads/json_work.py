# Few calls, big documents: the time is in the json module's C scanner and encoder.
import json
import sys

scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
document = [{"id": i, "name": "item %d" % i, "tags": ["a", "b", "c"], "price": i * 0.5, "ok": i % 2 == 0}
            for i in range(int(60000 * scale))]
text = json.dumps(document)
total = 0
for _ in range(6):
    total += len(json.loads(text))
    total += len(json.dumps(json.loads(text)))
print(total)
