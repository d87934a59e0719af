"""Widgets, grouped by what the user sees: pane, receive, send, decode, automation, dialogs."""
