"""Fixtures for the CLI tests."""

from tests.cli.helpers import env

__all__ = ["env"]
