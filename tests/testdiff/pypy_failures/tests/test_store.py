from inventory.store import Store


def test_footprint_within_budget():
    store = Store()
    store.add("apple")
    store.add("pear")
    assert store.footprint() < 10_000


def test_name_shared_with_caller():
    store = Store()
    name = "".join(["app", "le"])
    store.add(name)
    assert store.is_shared(name)


def test_tag_ids_once_each():
    store = Store()
    store.add("apple", tags=[5, 3])
    store.add("pear", tags=[5, 1])
    assert store.tag_ids() == [1, 3, 5]


def test_explicit_quota_wins_over_configured():
    store = Store(configured_quota=10)
    store.add("apple")
    store.add("pear")
    assert store.remaining(quota=int("1000")) == 998


def test_average_count():
    store = Store()
    store.add("apple", 2)
    store.add("pear", 4)
    assert store.average_count() == 3.0


def test_add_counts_up():
    store = Store()
    store.add("apple")
    store.add("apple", 2)
    assert store.remaining(quota=5) == 4
