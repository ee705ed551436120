# Small objects, method calls and attribute access.
import sys


class Account:
    def __init__(self, owner, balance):
        self.owner = owner
        self.balance = balance
        self.history = []

    def deposit(self, amount):
        self.balance += amount
        if len(self.history) < 8:
            self.history.append(amount)

    def fee(self):
        return self.balance * 0.001 if self.balance > 100 else 0.0


scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
accounts = [Account("o%d" % i, i) for i in range(1000)]
total = 0.0
for step in range(int(600 * scale)):
    for account in accounts:
        account.deposit(step % 7)
        total += account.fee()
print(round(total, 2))
