"""Packet templates: describe a frame as fields, build it from values, parse it back.

:mod:`.model` is the data (JSON-ready, stored with profiles), :mod:`.checks` the rules a
template must follow, :mod:`.codec` builds and parses bytes (with ``construct``, imported
at first use), :mod:`.builtin` the examples shipped with netassistant.
"""
