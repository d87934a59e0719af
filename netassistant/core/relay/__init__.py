"""Relay faults ("toxics"): their spec language and the per-direction fault pipeline.

:mod:`.spec` parses and formats ``up:slicer:size=5,variation=2,delay_ms=10``;
:mod:`.faults` applies a list of them to the bytes flowing one way through a relayed
connection, on the engine's timers. The relay engines live in
:mod:`netassistant.core.engine.relay` (TCP) and :mod:`netassistant.core.engine.relay_udp`.
"""
