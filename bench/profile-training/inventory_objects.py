# An object-heavy simulation: warehouses, items and orders as small classes whose methods read and
# write attributes and call each other (no arithmetic-heavy inner loop, no containers to speak of).
import sys


class Item:
    def __init__(self, name, price, weight):
        self.name = name
        self.price = price
        self.weight = weight
        self.stock = 10


class Order:
    def __init__(self, item, quantity):
        self.item = item
        self.quantity = quantity
        self.filled = False

    def fill(self, warehouse):
        if warehouse.take(self.item, self.quantity):
            self.filled = True
            return self.quantity * self.item.price
        return 0


class Warehouse:
    def __init__(self, items):
        self.items = items
        self.shipped = 0
        self.revenue = 0

    def take(self, item, quantity):
        if item.stock < quantity:
            self.restock(item)
            return False
        item.stock -= quantity
        self.shipped += quantity * item.weight
        return True

    def restock(self, item):
        item.stock += 25


scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
items = [Item("item%d" % i, 1 + i % 17, 1 + i % 5) for i in range(200)]
house = Warehouse(items)
for step in range(int(60000 * scale)):
    order = Order(items[step % 200], 1 + step % 7)
    house.revenue += order.fill(house)
print(house.revenue, house.shipped)
