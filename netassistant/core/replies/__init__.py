"""The device simulator's reply rules.

:mod:`.rules` matches and holds the list; :mod:`.template` makes the reply bytes.
"""
