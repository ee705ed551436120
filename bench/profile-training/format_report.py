# Text formatting: f-strings, str.format and %-formatting into a report, joined at the end.
import sys

scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
items = [{"name": "item%d" % i, "price": i * 1.37, "qty": i % 17, "tags": ["a", "b", "c"][: i % 3]}
         for i in range(20000)]
size = 0
for _ in range(int(4 * scale)):
    out = []
    for item in items:
        out.append(f"{item['name']:<12} {item['price']:>10.2f} x{item['qty']:3d}")
        out.append("  tags: {}".format(", ".join(item["tags"]) or "-"))
        out.append("  total: %.2f" % (item["price"] * item["qty"]))
    size += len("\n".join(out))
print(size)
