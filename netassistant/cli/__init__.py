"""The headless front end: ``netassistant-cli``."""

from netassistant.cli.main import main

__all__ = ["main"]
