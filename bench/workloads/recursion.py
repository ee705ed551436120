"""Recursion and generators: naive Fibonacci plus a lazy generator pipeline."""


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def numbers(limit):
    for i in range(limit):
        yield i


def evens(source):
    for value in source:
        if value % 2 == 0:
            yield value


def squares(source):
    for value in source:
        yield value * value


def main():
    print(fib(25), sum(squares(evens(numbers(600_000)))))


if __name__ == "__main__":
    main()
