"""Dialogs: the profile manager."""
