"""The headless front end: ``netassistant-cli``."""

from netassistant.cli.main import main, run_command

__all__ = ["main", "run_command"]
