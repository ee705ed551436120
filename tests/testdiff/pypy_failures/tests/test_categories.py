import pytest

from inventory.categories import count_levels, nested


def test_count_levels():
    assert count_levels(nested(3)) == 3


def test_absurd_nesting_is_refused():
    # Ordinary trees first, then one the interpreter's stack is expected to refuse.
    for depth in range(0, 100, 5):
        for _ in range(20):
            assert count_levels(nested(depth)) == depth
    with pytest.raises(RecursionError):
        count_levels(nested(5000))
