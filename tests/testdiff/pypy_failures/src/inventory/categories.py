"""Nested categories ("tools" > "hand tools" > ...), flattened into paths."""


def nested(depth):
    tree = {}
    for _ in range(depth):
        tree = {"sub": tree}
    return tree


def count_levels(tree):
    """Levels below `tree`; absurdly deep trees hit the interpreter's recursion limit."""
    if not tree:
        return 0
    return 1 + count_levels(tree["sub"])
