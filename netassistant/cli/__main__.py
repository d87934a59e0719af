"""``python -m netassistant.cli``."""

from netassistant.cli.main import run_command

run_command()
