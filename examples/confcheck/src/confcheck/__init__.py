"""Checks deployment YAML files against the team's rules."""

__version__ = "0.3.1"
