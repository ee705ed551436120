# json.dumps / json.loads of nested configuration documents, with indentation and sorted keys.
import json
import sys

scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
doc = {"services": [{"name": "svc%d" % i, "port": 8000 + i, "replicas": i % 5, "enabled": i % 2 == 0,
                     "labels": {"tier": "t%d" % (i % 3), "zone": "z%d" % (i % 4)},
                     "limits": [0.5 * i, 1.5 * i, 2.25]} for i in range(400)]}
size = 0
for _ in range(int(40 * scale)):
    text = json.dumps(doc, indent=2, sort_keys=True)
    size += len(json.loads(text)["services"])
print(size)
