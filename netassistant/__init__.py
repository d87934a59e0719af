"""netassistant: a socket debugging assistant."""

__version__ = "0.1.0"
