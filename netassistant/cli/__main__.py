"""``python -m netassistant.cli``."""

from netassistant.cli import run_command

run_command()
