"""Profiles: the saved-session model, its schema migrations and the on-disk store."""
