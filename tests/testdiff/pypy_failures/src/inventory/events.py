"""Listeners told about stock changes, and snapshots that must be closed."""
import warnings


class Subscription:
    """Registered while it is alive: dropping it unsubscribes."""

    live = 0

    def __init__(self, callback):
        self.callback = callback
        Subscription.live += 1

    def __del__(self):
        Subscription.live -= 1


class Snapshot:
    """A frozen copy of the stock; like a file, it warns when dropped without close()."""

    def __init__(self, store):
        self.items = dict(store._items)
        self.closed = False

    def close(self):
        self.closed = True

    def __del__(self):
        if not self.closed:
            warnings.warn("unclosed snapshot", ResourceWarning)


def snapshot(store):
    return Snapshot(store)
