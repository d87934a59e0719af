"""The packet library window, its edit dialog, the panel, and sending packets into a pane."""
