"""Pure-Python arithmetic loop: the kind of code PyPy's JIT is best at."""


def main():
    total = 0
    for i in range(3_000_000):
        total += (i * i) % 7
    print(total)


if __name__ == "__main__":
    main()
