"""Package data: built-in profiles, icons and translations, read with importlib.resources."""
