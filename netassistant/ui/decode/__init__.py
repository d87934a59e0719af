"""Widgets for framing settings and the decoded-message view."""
