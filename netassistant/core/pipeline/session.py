"""SessionPipeline: one session as every front end sees it.

The engine turns the wire into events; the pipeline does, in the engine thread and for
every batch, all that a front end must not do on its own:

* hands the batch to the **taps** (captures), which keep up with the wire whatever a view
  shows;
* cuts the received chunks into **messages**, one decoder per ``(connection, peer)``
  (framing and checksum verification, :class:`~netassistant.core.decoding.MessageDecoder`);
* answers with the **auto-reply** rule and its loop guards
  (:class:`~netassistant.core.pipeline.responder.AutoResponder`);
* drives a **send script** (the CLI's ``--send`` sequence:
  :class:`~netassistant.core.pipeline.script.SendScript`);

and then gives the front end one :class:`PipelineBatch`. The window's Qt worker, the CLI
and tests are such front ends: none decodes, replies, repeats or captures by itself.

Every public method is thread-safe; reconfiguration (:meth:`SessionPipeline.set_decoding`,
``set_auto_reply``, taps) takes effect from the next batch on, in step with the events.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Callable

from netassistant.core.chunk import (
    Chunk,
    ConnEvent,
    Direction,
    Event,
    EventKind,
    connection_events,
    parse_address,
    track_live,
)
from netassistant.core.config import Family, Kind, SessionConfig
from netassistant.core.i18n import text
from netassistant.core.pipeline.responder import AutoResponder
from netassistant.core.records import FrozenRecord
from netassistant.core.typehints import TYPE_CHECKING, NamedTuple

# Decoding (framing, checksums) and auto-reply rules (a regex engine) are imported when a
# session uses them, not with this module: a plain session never loads them.
if TYPE_CHECKING:
    import datetime
    from typing import Any

    from netassistant.core.autoreply import AutoReplyRule
    from netassistant.core.decoding import Decoded, MessageDecoder
    from netassistant.core.engine import Engine
    from netassistant.core.pipeline.script import SendScript
    from netassistant.core.pipeline.taps import Tap
    from netassistant.core.replayfile import ReplaySource
    from netassistant.core.replies.ruleset import ReplyRules
    from netassistant.core.sending.plans import PlanStatus, SendPlan


class Notice(NamedTuple):
    """Something the pipeline itself has to say (not an event of the socket).

    Attributes:
        source: ``"auto_reply"`` (a guard paused the replies) or ``"tap"`` (a capture or
            other tap failed and was removed).
        message: Plain words, a translatable :class:`~netassistant.core.i18n.Text`.
    """

    source: str
    message: str


class PipelineBatch(NamedTuple):
    """What a front end receives: one engine batch and what the pipeline made of it.

    Attributes:
        events: The chunks and connection events, in seq order, untouched.
        decoded: Messages and decode errors cut from this batch's RX chunks, in order.
        generation: Which :meth:`SessionPipeline.set_decoding` call ``decoded`` was cut
            with (0: the settings the pipeline was created with).
        pending: Bytes per connection waiting for the rest of a message (non-zero only).
        notices: What the pipeline has to say about this batch.
    """

    events: list[Event]
    decoded: list[Decoded]
    generation: int
    pending: dict[int, int]
    notices: list[Notice]


class DecodeSettings(FrozenRecord):
    r"""How received bytes are cut into messages.

    Attributes:
        framing: A framing spec (``delimiter:\\n``, ``fixed:16``, ``length:!I``), "" for none.
        checksum: A checksum name that ends every message, or None.
        order: The checksum's byte order ("big"/"little"), None for its default.
    """

    __slots__ = ("framing", "checksum", "order")  # noqa: RUF023 (the fields in order)
    framing: str
    checksum: str | None
    order: str | None

    def __init__(
        self, framing: str = "", checksum: str | None = None, order: str | None = None
    ) -> None:
        """Keep the fields (see the class docstring)."""
        self._fill(framing, checksum, order)

    @property
    def active(self) -> bool:
        """True when there is something to decode (a framing or a checksum)."""
        return bool(self.framing) or self.checksum is not None

    def build(self) -> MessageDecoder | None:
        """A fresh decoder, or None when there is nothing to decode.

        Raises:
            FramingError: For an invalid spec.
            ChecksumError: For an unknown checksum name.
            ValueError: For another byte order.
        """
        if not self.framing and self.checksum is None:
            return None  # nothing to parse: the decoders stay unimported
        from netassistant.core.decoding import MessageDecoder
        from netassistant.core.framing import parse_frame_spec

        spec = parse_frame_spec(self.framing)
        if spec is None and self.checksum is None:
            return None
        return MessageDecoder(spec, self.checksum, self.order if self.checksum else None)


class UnsupportedCommand(TypeError):
    """The session kind has no such command (e.g. ``send_to`` on a TCP client)."""


#: A front end's receiver of batches (called in the engine thread).
BatchSink = Callable[[PipelineBatch], None]


class SessionPipeline:
    """One session: engine, decoding, auto-reply, taps and send scripts.

    Create it in any thread, call :meth:`run` in the thread that serves the session (it
    blocks until :meth:`stop`), and command it from any thread.

    Attributes:
        config: The session's configuration (validated by the caller).
    """

    def __init__(
        self,
        config: SessionConfig,
        sink: BatchSink,
        *,
        flush_interval: float = 0.0,
        decode: DecodeSettings | None = None,
        auto_reply: AutoReplyRule | ReplyRules | None = None,
        clock: Callable[[], datetime.datetime] | None = None,
        **engine_options: Any,
    ) -> None:
        """Build the pipeline and its engine (nothing is opened before :meth:`run`).

        Args:
            config: A validated session configuration.
            sink: Receives every :class:`PipelineBatch`, in the engine thread.
            flush_interval: Seconds between batches at most (0: every loop turn).
            decode: How to cut messages; None or empty: no decoding.
            auto_reply: The reply rules (or the old single rule), or None.
            clock: Local time for reply placeholders (``{time}``...); the system's if None.
            **engine_options: Passed to the engine (``max_batch``, ...).

        Raises:
            FramingError, ChecksumError, ValueError: ``decode`` is invalid.
            AutoReplyError: ``auto_reply`` is invalid.
        """
        self.config = config
        self._sink = sink
        self._lock = threading.Lock()
        self._decode = decode or DecodeSettings()
        self._decoder = self._decode.build()
        self._generation = 0
        self._next_generation = 0
        self._taps: tuple[Tap, ...] = ()
        self._scripts: list[SendScript] = []  # engine thread only
        self._pending: dict[int, int] = {}  # engine thread only
        self._live: set[int] = set()  # open connections (engine thread only)
        self._bound = False
        self.responder = AutoResponder(self, auto_reply, now=clock)
        # Imported with the first session, not with the module: the window opens without it.
        from netassistant.core.engine import create_engine

        self._engine: Engine = create_engine(
            config, self._on_batch, flush_interval=flush_interval, **engine_options
        )

    # ------------------------------------------------------------------ life cycle
    def run(self) -> None:
        """Open the session and serve it until :meth:`stop` (blocks)."""
        self._engine.run()

    def stop(self) -> None:
        """Ask the session to end; :meth:`run` returns within one loop turn."""
        self._engine.stop()

    def close(self) -> None:
        """Free the engine's resources if :meth:`run` never ran."""
        self._engine.close()

    @property
    def stop_requested(self) -> bool:
        """True once :meth:`stop` was called."""
        return self._engine.stop_requested

    @property
    def failed(self) -> bool:
        """True if the session could not be opened."""
        return self._engine.failed

    @property
    def opened(self) -> threading.Event:
        """Set once the session has opened, successfully or not."""
        return self._engine.opened

    @property
    def local_address(self) -> str:
        """The bound or connected local address ("" before it is known)."""
        return self._engine.local_address

    @property
    def kind(self) -> Kind:
        """The session kind."""
        return self.config.kind

    # ------------------------------------------------------------------- sending
    def send(self, data: bytes, conn_id: int | None = None) -> None:
        """Send ``data``: to one client (None: every client), the server, or the UDP remote."""
        self._engine.send(data, conn_id)

    def send_to(self, data: bytes, host: str, port: int = 0) -> None:
        """UDP: one datagram to ``host:port`` (or an AF_UNIX path)."""
        self._udp().send_to(data, host, port)

    def reply(self, data: bytes) -> None:
        """UDP: one datagram back to whoever sent the last one."""
        self._udp().reply(data)

    def start_plan(self, plan: SendPlan) -> int:
        """Start a send plan (repeat, periodic, burst, split); returns its id."""
        return self._engine.start_plan(plan)

    def start_replay(
        self,
        source: ReplaySource,
        conn_id: int | None = None,
        *,
        udp_host: str = "",
        udp_port: int = 0,
        reply: bool = False,
        total: int | None = None,
    ) -> int:
        """Check a recording whole, then replay one side of it (see ``Engine.start_replay``).

        The check reads the file in the calling thread: call it where a file may be read
        (the CLI before its run), or check it elsewhere with ``replayfile.scan`` and pass
        its count as ``total`` (the window scans on a helper thread).

        Raises:
            ReplayError: the recording cannot be replayed; nothing was sent.
        """
        if total is None:
            from netassistant.core.replayfile import scan

            total = scan(source).count
        return self._engine.start_replay(
            source,
            total,
            conn_id,
            udp_host=udp_host,
            udp_port=udp_port,
            reply=reply,
        )

    def send_file(
        self, path: str | os.PathLike[str], conn_id: int | None = None, **options: Any
    ) -> int:
        """Stream a file (see :meth:`Engine.send_file`); returns its id for cancelling."""
        return self._engine.send_file(path, conn_id, **options)

    def cancel_plan(self, plan_id: int) -> None:
        """Stop a plan or file send; its last event says how far it got."""
        self._engine.cancel_plan(plan_id)

    def cancel_all_plans(self) -> None:
        """Stop every plan and file send."""
        self._engine.cancel_all_plans()

    def set_plan_interval(self, plan_id: int, interval_ms: float) -> None:
        """Change a running plan's interval."""
        self._engine.set_plan_interval(plan_id, interval_ms)

    def plan_status(self, plan_id: int) -> PlanStatus | None:
        """The latest status of a plan or file send (for reports; front ends use events)."""
        return self._engine.plan_status(plan_id)

    def queued_bytes(self, conn_id: int | None = None) -> int:
        """Bytes accepted for sending but not yet handed to the kernel."""
        return self._engine.queued_bytes(conn_id)

    def call_soon(self, fn: Callable[[], None]) -> None:
        """Run ``fn()`` in the engine thread after the commands given before it (thread-safe).

        A front end that must know a command took effect (a scenario step) waits for it.
        """
        self._engine.call_soon(fn)

    def start_script(self, script: SendScript) -> None:
        """Run a send script (the CLI's send sequence) on the engine thread."""
        self._engine.call_soon(self._add_script, script)

    # ------------------------------------------------------- connections, options
    def disconnect(self, conn_id: int | None = None) -> None:
        """TCP: close a connection gracefully (client: its only one)."""
        engine = self._stream()
        if conn_id is None:
            engine.disconnect()
        else:
            engine.disconnect(conn_id)

    def half_close(self, conn_id: int | None = None) -> None:
        """TCP: shut down our sending side (FIN); we can still receive."""
        engine = self._stream()
        if conn_id is None:
            engine.half_close()
        else:
            engine.half_close(conn_id)

    def abort(self, conn_id: int | None = None) -> None:
        """TCP: reset a connection (RST)."""
        engine = self._stream()
        if conn_id is None:
            engine.abort()
        else:
            engine.abort(conn_id)

    def set_accept_paused(self, paused: bool) -> None:
        """TCP server: stop (or resume) calling accept(); the kernel still queues clients."""
        if self.config.kind is not Kind.TCP_SERVER:
            raise UnsupportedCommand("only a TCP server accepts connections")
        self._stream().set_accept_paused(paused)

    def set_nodelay(self, on: bool) -> None:
        """TCP: TCP_NODELAY on every connection, now and for new ones."""
        self._stream().set_nodelay(on)

    def set_wire(self, on: bool) -> None:
        """TCP: show (or stop showing) this session's segments as SEGMENT events."""
        self._engine.set_wire(on)

    def focus_kernel_state(self, conn_ids: list[int]) -> None:
        """TCP: sample these connections' kernel state whatever the cap (a view shows them)."""
        self._engine.focus_kernel_state(conn_ids)

    def set_recv_size(self, size: int) -> None:
        """Bytes asked for per recv() (1 B .. 1 MiB)."""
        self._engine.set_recv_size(size)

    def set_read_delay(self, ms: int) -> None:
        """The slow reader's wait before each recv()."""
        self._engine.set_read_delay(ms)

    def relay(self) -> Any:
        """Relay: the engine, for its relay commands (inject, leg half-close/abort, faults)."""
        if self.config.kind is not Kind.RELAY:
            raise UnsupportedCommand(f"{self.config.kind.value} sessions have no relay commands")
        return self._engine

    def join_group(self, group: str) -> None:
        """UDP: join a multicast group."""
        self._udp().join_group(group)

    def leave_group(self, group: str) -> None:
        """UDP: leave a multicast group."""
        self._udp().leave_group(group)

    # ----------------------------------------------------------- reconfiguration
    def set_decoding(self, settings: DecodeSettings) -> int:
        """Decode with new settings from the next batch on; returns the new generation.

        Bytes buffered under the old settings are forgotten: they were cut by other rules.

        Raises:
            FramingError, ChecksumError, ValueError: ``settings`` is invalid (nothing
                changes then).
        """
        decoder = settings.build()
        with self._lock:
            self._next_generation += 1
            generation = self._next_generation
        self._engine.call_soon(self._apply_decoding, settings, decoder, generation)
        return generation

    @property
    def decode_settings(self) -> DecodeSettings:
        """The decoding settings last applied in the engine thread."""
        return self._decode

    def set_auto_reply(self, rule: AutoReplyRule | ReplyRules | None) -> None:
        """Answer with ``rule`` (None: stop replying); clears a guard's pause.

        Raises:
            AutoReplyError: ``rule`` is invalid.
        """
        self.responder.set_rule(rule)

    def resume_auto_reply(self) -> None:
        """Reply again after a guard paused the auto-reply."""
        self.responder.resume()

    def add_tap(self, tap: Tap) -> None:
        """Call ``tap(events)`` with every later batch in the engine thread (once)."""
        with self._lock:
            if tap not in self._taps:
                self._taps = (*self._taps, tap)

    def remove_tap(self, tap: Tap) -> None:
        """Stop calling ``tap``; a batch already being handed to it still completes."""
        with self._lock:
            self._taps = tuple(t for t in self._taps if t != tap)

    def taps(self) -> tuple[Tap, ...]:
        """The installed taps, in call order."""
        return self._taps

    # ----------------------------------------------------- replies (engine thread)
    def answer(self, chunk: Chunk, data: bytes) -> bool:
        """Send ``data`` back where ``chunk`` came from (the auto-reply's route).

        TCP replies go to the chunk's connection; UDP replies go to the datagram's sender
        (an AF_UNIX path, or host and port). A datagram from an unnamed AF_UNIX socket
        has no address to answer.

        Returns:
            False if the chunk's sender cannot be answered.
        """
        return self.answer_to(chunk.conn_id, chunk.peer, data)

    def answer_to(self, conn_id: int, peer: str, data: bytes, delay: float = 0.0) -> bool:
        """Send ``data`` to connection ``conn_id`` (TCP) or sender ``peer`` (UDP).

        With a ``delay`` (seconds) the reply goes out on the engine's timers (engine
        thread only), to the same connection or sender; a connection closed meanwhile
        makes it an ERROR event, as any send to a closed connection.

        Returns:
            False if ``peer`` cannot be answered.
        """
        if delay > 0:
            if self.config.kind is Kind.UDP and not peer:
                return False
            self._engine.call_later(delay, lambda: _ignore(self._answer_now(conn_id, peer, data)))
            return True
        return self._answer_now(conn_id, peer, data)

    def _answer_now(self, conn_id: int, peer: str, data: bytes) -> bool:
        if self.config.kind is not Kind.UDP:
            self._engine.send(data, conn_id)
            return True
        udp = self._udp()
        if self.config.family is Family.UNIX:
            if not peer:
                return False
            udp.send_to(data, peer)
            return True
        try:
            host, port = parse_address(peer)
        except ValueError:
            return False
        udp.send_to(data, host, port)
        return True

    # ------------------------------------------------------------ engine thread
    def _apply_decoding(
        self, settings: DecodeSettings, decoder: MessageDecoder | None, generation: int
    ) -> None:
        self._decode = settings
        self._decoder = decoder
        self._generation = generation
        self._pending = {}

    def _add_script(self, script: SendScript) -> None:
        self._scripts.append(script)
        script.attach(self, self._engine, ready=self._can_send())

    def _can_send(self) -> bool:
        """True once there is someone to send to: a connection, or a bound UDP socket."""
        return bool(self._live) or (self._bound and self.config.kind is Kind.UDP)

    def _track(self, events: list[Event]) -> None:
        for event in connection_events(events):
            track_live(self._live, event)
            if event.kind is EventKind.LISTENING:
                self._bound = True

    def _on_batch(self, events: list[Event]) -> None:
        notices: list[Notice] = []
        self._track(events)
        for tap in self._taps:
            try:
                tap(events)
            except Exception as exc:  # a broken tap must not end the session
                self.remove_tap(tap)
                notices.append(
                    Notice(
                        "tap",
                        text(
                            "a capture failed and was stopped: {error}",
                            error=f"{type(exc).__name__}: {exc}",
                        ),
                    )
                )
        decoder = self._decoder
        decoded: list[Decoded] = []
        if decoder is not None:
            decoded = decoder.feed(events)
            self._update_pending(decoder, events)
        else:
            self._pending = {}
        paused = self.responder.process(events, decoded)
        if paused is not None:
            notices.append(Notice("auto_reply", paused))
        if self._scripts:
            for script in list(self._scripts):
                script.observe(events)
                if script.finished:
                    self._scripts.remove(script)

        self._sink(PipelineBatch(events, decoded, self._generation, self._pending, notices))

    def _update_pending(self, decoder: MessageDecoder, events: list[Event]) -> None:
        # Only connections this batch touched (or that were waiting) can have changed;
        # asking the decoder about every connection ever seen would grow without bound.
        touched = set(self._pending)
        for event in events:
            if type(event) is Chunk:
                if event.direction is Direction.RX:
                    touched.add(event.conn_id)
            elif type(event) is ConnEvent:
                touched.add(event.conn_id)
        pending = {}
        for conn_id in touched:
            count = decoder.pending(conn_id)
            if count:
                pending[conn_id] = count
        self._pending = pending

    # ----------------------------------------------------------------- helpers
    def _udp(self) -> Any:
        if self.config.kind is not Kind.UDP:
            raise UnsupportedCommand(f"{self.config.kind.value} sessions have no datagram commands")
        return self._engine

    def _stream(self) -> Any:
        if self.config.kind is Kind.UDP:
            raise UnsupportedCommand("UDP sessions have no connections to close or reset")
        return self._engine


def _ignore(_result: object) -> None:
    """Drop a result: a timer's callback returns nothing."""
