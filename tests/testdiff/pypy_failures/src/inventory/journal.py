"""A journal of stock changes, one line each, appended to a file."""


class Journal:
    def __init__(self, path):
        self._handle = open(path, "a")

    def record(self, line):
        self._handle.write(line + "\n")

    def __del__(self):
        self._handle.close()
