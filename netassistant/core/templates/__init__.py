"""Packet templates: describe a frame as fields, build it from values, parse it back.

:mod:`.model` is the data (JSON-ready, stored with profiles), :mod:`.checks` the rules a
template must follow, :mod:`.values` checks field values, :mod:`.codec` builds and
parses bytes (with ``construct``, imported at first use), :mod:`.library` a pane's
templates, :mod:`.builtin` the examples shipped with netassistant.
"""
