"""Dict- and object-heavy work: build records, index them, group and aggregate."""


class Order:
    __slots__ = ("id", "customer", "items", "total")

    def __init__(self, id, customer, items):
        self.id = id
        self.customer = customer
        self.items = items
        self.total = sum(price * quantity for _, price, quantity in items)


def main():
    orders = []
    for i in range(60_000):
        items = [("sku%d" % ((i + k) % 300), 1 + (i * k) % 50, 1 + k % 3) for k in range(4)]
        orders.append(Order(i, "c%d" % (i % 2000), items))
    by_customer = {}
    for order in orders:
        entry = by_customer.setdefault(order.customer, {"orders": 0, "spent": 0, "skus": {}})
        entry["orders"] += 1
        entry["spent"] += order.total
        for sku, _, quantity in order.items:
            entry["skus"][sku] = entry["skus"].get(sku, 0) + quantity
    best = max(by_customer.items(), key=lambda kv: kv[1]["spent"])
    print(len(by_customer), best[0], best[1]["spent"])


if __name__ == "__main__":
    main()
