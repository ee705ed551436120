# Sequence work in Python: list slicing, reversal, tuple unpacking, integer arithmetic (a sieve and a rotation).
import sys

scale = float(sys.argv[1]) if len(sys.argv) > 1 else 1.0
total = 0
for _ in range(int(6 * scale)):
    n = 300000
    sieve = [True] * n
    sieve[0] = sieve[1] = False
    for i in range(2, int(n ** 0.5) + 1):
        if sieve[i]:
            sieve[i * i::i] = [False] * len(range(i * i, n, i))
    primes = [i for i, p in enumerate(sieve) if p]
    rotated = primes[len(primes) // 3:] + primes[:len(primes) // 3]
    total += sum(a ^ b for a, b in zip(primes, rotated))
print(total)
