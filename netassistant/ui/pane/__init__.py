"""A session pane: its composition, settings column, client list and status line."""
