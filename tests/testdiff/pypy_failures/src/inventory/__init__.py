"""An in-memory stock of items with a journal file, listeners, quotas and reports."""
