import pytest

from inventory.events import Subscription, snapshot
from inventory.store import Store


def test_dropped_subscription_unsubscribes():
    before = Subscription.live
    subscription = Subscription(print)
    assert Subscription.live == before + 1
    del subscription
    assert Subscription.live == before


def test_unclosed_snapshot_warns():
    store = Store()
    store.add("apple")
    with pytest.warns(ResourceWarning):
        snapshot(store)


def test_closed_snapshot_keeps_items():
    store = Store()
    store.add("apple", 2)
    taken = snapshot(store)
    taken.close()
    assert taken.items == {"apple": 2}
