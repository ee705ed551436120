# HTML report rendering: f-strings, dict access, join.
import sys

scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
rows = [{"name": "item %d" % i, "price": i * 1.25, "qty": i % 17, "tags": ["a", "b"]} for i in range(2000)]
size = 0
for _ in range(int(40 * scale)):
    parts = []
    for row in rows:
        tags = ", ".join(row["tags"])
        parts.append(f"<tr><td>{row['name']}</td><td>{row['price']:.2f}</td><td>{row['qty']}</td>"
                     f"<td>{tags}</td></tr>")
    size += len("<table>" + "\n".join(parts) + "</table>")
print(size)
