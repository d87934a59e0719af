"""Qt item models (no widgets): chunks, messages, clients, profiles."""
