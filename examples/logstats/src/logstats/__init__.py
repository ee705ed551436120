"""Access-log statistics: parse combined-format lines and summarise them per endpoint."""

__version__ = "1.4.0"
