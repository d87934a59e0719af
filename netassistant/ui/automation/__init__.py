"""Widgets for what runs by itself: auto-reply and capture."""
