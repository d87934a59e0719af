"""Who runs a scenario's sessions: a :class:`PaneDriver` per pane.

The runner never opens a socket itself; it asks a driver to start a session with a
configuration, to run a command on it, and to stop it, and it reads what happened from
the pane's :class:`~netassistant.core.scenario.record.PaneRecord`. Headless runs (the CLI,
the tests) use :class:`ThreadDriver`: a :class:`~netassistant.core.pipeline.SessionPipeline`
on its own thread. The window supplies a driver backed by a real pane's controller, so the
same scenario drives the panes the user sees.
"""

from __future__ import annotations

import threading
from typing import Any, Protocol

from netassistant.core.config import SessionConfig
from netassistant.core.pipeline import DecodeSettings, PipelineBatch, SessionPipeline
from netassistant.core.scenario.record import PaneRecord

#: The commands a step may give a session (the names of SessionPipeline's methods).
COMMANDS = frozenset(
    {
        "send",
        "send_to",
        "start_plan",
        "send_file",
        "disconnect",
        "half_close",
        "abort",
        "set_nodelay",
        "set_recv_size",
        "set_read_delay",
        "set_accept_paused",
        "set_faults",
    }
)
#: The commands only a relay has (the relay engine's own methods).
RELAY_COMMANDS = frozenset({"set_faults"})


class PaneDriver(Protocol):
    """The runner's handle on one pane's session (any thread may call it)."""

    def start(self, config: SessionConfig, record: PaneRecord) -> None:
        """Start a session with ``config``; its events go to ``record.feed``."""

    def command(self, name: str, *args: Any) -> Any:
        """Run one of :data:`COMMANDS` on the running session and return its result."""

    def stop(self) -> None:
        """Ask the session to stop (the record sees its STOPPED event)."""

    def local_address(self) -> str:
        """The session's bound or connected address ("" when not known)."""

    def close(self) -> None:
        """Stop the session if it runs and wait for it (end of the run)."""


def decode_settings(config: SessionConfig) -> DecodeSettings:
    """How a pane cuts messages: the framing and checksum saved in its configuration."""
    return DecodeSettings(config.framing, config.checksum or None, config.checksum_order or None)


class ThreadDriver:
    """A headless pane: the session pipeline on a thread of its own."""

    #: How long :meth:`close` waits for a session's thread.
    JOIN_TIMEOUT_S = 5.0
    #: How long :meth:`command` waits for the engine to have applied a command.
    APPLY_TIMEOUT_S = 2.0

    def __init__(self) -> None:
        """An idle driver."""
        self._pipeline: SessionPipeline | None = None
        self._thread: threading.Thread | None = None

    def start(self, config: SessionConfig, record: PaneRecord) -> None:
        """Start the session; the previous one (if any) must have stopped."""
        self.close()

        def sink(batch: PipelineBatch) -> None:
            record.feed(batch.events, batch.decoded)

        pipeline = SessionPipeline(
            config, sink, flush_interval=0.01, decode=decode_settings(config)
        )
        self._pipeline = pipeline
        self._thread = threading.Thread(
            target=pipeline.run, name=f"scenario-{record.name}", daemon=True
        )
        self._thread.start()

    def command(self, name: str, *args: Any) -> Any:
        """Call the pipeline's method ``name`` (one of :data:`COMMANDS`)."""
        if name not in COMMANDS:
            raise ValueError(f"unknown session command {name!r}")
        pipeline = self._pipeline
        if pipeline is None:
            raise RuntimeError("the session is not running")
        target = pipeline.relay() if name in RELAY_COMMANDS else pipeline
        result = getattr(target, name)(*args)
        # Commands run in order on the engine's loop: once a marker posted after this one
        # has run, so has the command. A step then never races its own effect (a client
        # connecting before "stop accepting" was applied).
        applied = threading.Event()
        pipeline.call_soon(applied.set)
        if not pipeline.stop_requested:
            applied.wait(self.APPLY_TIMEOUT_S)
        return result

    def stop(self) -> None:
        """Ask the session to stop."""
        if self._pipeline is not None:
            self._pipeline.stop()

    def local_address(self) -> str:
        """The session's bound or connected address."""
        return self._pipeline.local_address if self._pipeline is not None else ""

    def close(self) -> None:
        """Stop the session and join its thread."""
        if self._pipeline is not None:
            self._pipeline.stop()
        if self._thread is not None:
            self._thread.join(self.JOIN_TIMEOUT_S)
        self._pipeline = None
        self._thread = None
