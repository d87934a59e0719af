"""Qt without widgets: the session worker and controller, and the table models."""
