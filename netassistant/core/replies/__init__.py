"""The device simulator's reply rules.

:mod:`.rules` is one rule and its matching, :mod:`.ruleset` the ordered list (first or all
match, counters, the rules file), :mod:`.template` the reply bytes, :mod:`.migrate` the
profile upgrade from the single auto-reply rule.
"""
