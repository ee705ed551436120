"""The stock: items, their tags, a quota and the footprint of what is stored."""
import sys

_DEFAULT_QUOTA = 1000


class Store:
    def __init__(self, configured_quota=100):
        self.configured_quota = configured_quota
        self._items = {}
        self._tags = []

    def add(self, name, count=1, tags=()):
        self._items[name] = self._items.get(name, 0) + count
        self._tags.extend(tags)

    def tag_ids(self):
        """Each tag once."""
        return list(set(self._tags))

    def remaining(self, quota=_DEFAULT_QUOTA):
        # The caller gave no quota when it passes the default object itself.
        if quota is _DEFAULT_QUOTA:
            quota = self.configured_quota
        return quota - len(self._items)

    def footprint(self):
        """Bytes held by the item names, for the memory budget."""
        return sum(sys.getsizeof(name) for name in self._items)

    def is_shared(self, name):
        """Whether someone besides the store still holds the item's name."""
        for key in self._items:
            if key == name:
                return sys.getrefcount(key) > 3
        return False

    def average_count(self):
        if not self._items:
            return 0.0
        return sum(self._items.values()) / (len(self._items) + 1)
