"""Runner: one session pipeline on a thread, its batches printed from the main thread.

The CLI is a thin front end over :class:`~netassistant.core.pipeline.SessionPipeline`:
decoding, checksum verification, ``--echo`` (an auto-reply rule with its loop guards)
and the ``--send`` sequence all run there, exactly as in the window. This module only
prints, counts, and decides when to stop.

Memory stays bounded whatever the peer or stdout does: the engine thread hands batches
over a queue of at most :data:`MAX_QUEUED_BATCHES` and waits while it is full (TCP peers
then slow down; the kernel drops UDP datagrams and the drops are reported), and long
chunks print as one bounded line. SIGINT and SIGTERM end the run within a second.
"""

from __future__ import annotations

import argparse
import collections
import sys
import threading
import time
from collections.abc import Callable

from netassistant.cli.parser import EXIT_FAILURE, EXIT_OK, say
from netassistant.core import logformat
from netassistant.core.chunk import Chunk, ConnEvent, Direction, EventKind, track_live
from netassistant.core.config import Kind, SessionConfig
from netassistant.core.exposure import exposure_warning
from netassistant.core.pipeline import DecodeSettings, PipelineBatch, SendScript, SessionPipeline
from netassistant.core.typehints import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any, TextIO

    from netassistant.cli.timeline import TimelineRecorder
    from netassistant.core.decoding import Decoded

#: Batches waiting for the printer at most; the engine waits beyond (back-pressure).
MAX_QUEUED_BATCHES = 8
#: Events per batch at most (the engine's cap), so the queue holds a bounded amount.
MAX_BATCH_EVENTS = 2048
MAX_BATCH_BYTES = 4 * 1024 * 1024
#: Bytes of a chunk shown in a text line, and in a JSON record's hex/text.
TEXT_LINE_LIMIT = 256
JSON_LIMIT = 64 * 1024
#: After a stop was asked for, print what is queued for at most this long.
DRAIN_SECONDS = 0.3
#: The printer wakes at least this often with nothing to print (to see a signal's stop
#: even if the engine thread could not wake it); all else wakes it at once.
IDLE_WAKE_S = 0.1
#: What a wake-up without a batch prints.
_NOTHING = PipelineBatch([], [], 0, {}, [])


class Handoff:
    """Batches from the engine thread to the printer, at most ``size`` waiting.

    The two calls the runner needs of ``queue.Queue``, a put and a get that each wait at
    most a given time, on one condition: importing ``queue`` costs a one-shot send more
    than this class (``tests/benchmarks/cli_oneshot.py``).
    """

    def __init__(self, size: int) -> None:
        self._items: collections.deque[PipelineBatch | None] = collections.deque()
        self._size = size
        self._changed = threading.Condition()

    def put(self, item: PipelineBatch | None, timeout: float) -> bool:
        """Add ``item`` once there is room, waiting ``timeout`` s at most; False if none."""
        with self._changed:
            if not self._changed.wait_for(lambda: len(self._items) < self._size, timeout):
                return False
            self._items.append(item)
            self._changed.notify_all()
            return True

    def get(self, timeout: float) -> PipelineBatch | None:
        """The oldest item, waiting ``timeout`` s at most for one (:data:`_NOTHING` if none)."""
        with self._changed:
            if not self._changed.wait_for(lambda: self._items, timeout):
                return _NOTHING
            item = self._items.popleft()
            self._changed.notify_all()
            return item


class Runner:
    """Runs one session and prints it; :meth:`run` returns the exit code."""

    def __init__(
        self,
        config: SessionConfig,
        args: argparse.Namespace,
        out: TextIO,
        *,
        script: SendScript | None = None,
        decode: DecodeSettings | None = None,
        replies: Any = None,
    ) -> None:
        """Build the session (nothing opens before :meth:`run`).

        Args:
            config: The validated session settings.
            args: The parsed command line (run and output options).
            out: Where records go (stdout).
            script: What to send once the session can send.
            decode: How to cut received bytes into messages.
            replies: What answers received data (``--rules``, ``--echo``), or None.
        """
        self.config = config
        self.args = args
        self.out = out
        self._queue = Handoff(MAX_QUEUED_BATCHES)
        self._interrupted = threading.Event()
        #: Set on the engine thread once a send-only run's bytes are all with the kernel.
        self._sent = threading.Event()
        # The reply machinery (and its regex engine) is loaded only when asked for.
        auto_reply = replies
        if auto_reply is None and args.echo:
            from netassistant.core.autoreply import AutoReplyRule

            auto_reply = AutoReplyRule()
        self._replies = auto_reply is not None
        #: One JSON line per record with ``--json`` (json.dumps' own encoder, made once).
        self._dumps: Callable[[Any], str] | None = None
        if args.json:
            import json

            self._dumps = json.JSONEncoder(ensure_ascii=False).encode
        self.pipeline = SessionPipeline(
            config,
            self._enqueue,
            flush_interval=0.0,
            decode=decode,
            auto_reply=auto_reply,
            max_batch=MAX_BATCH_EVENTS,
            max_batch_bytes=MAX_BATCH_BYTES,
        )
        self._script = script
        self.rx_chunks = 0
        self.failed: str | None = None
        self.crash = ""
        self._live: set[int] = set()
        self._timeline: TimelineRecorder | None = None
        if getattr(args, "timeline", None):
            from netassistant.cli.timeline import TimelineRecorder

            self._timeline = TimelineRecorder(args.timeline)

    # ------------------------------------------------------------ engine thread
    def _enqueue(self, batch: PipelineBatch) -> None:
        """The pipeline's sink: wait while the printer is behind (back-pressure)."""
        while not self._queue.put(batch, timeout=0.05):
            if self.pipeline.stop_requested:
                return  # the run is ending: what is not printed now never will be

    def _on_sent(self) -> None:
        """The send script's bytes are all with the kernel: wake the printer to end the run."""
        self._sent.set()
        self._enqueue(_NOTHING)

    def _run_pipeline(self) -> None:
        try:
            self.pipeline.run()
        except Exception:
            import traceback

            self.crash = traceback.format_exc(limit=8)
        finally:
            # Wakes the printer even if the queue was full when the loop ended.
            while not self._queue.put(None, timeout=0.05):
                if self._interrupted.is_set():
                    break

    # -------------------------------------------------------------- main thread
    def interrupt(self) -> None:
        """End the run soon (signal handlers call this); safe from any thread."""
        self._interrupted.set()
        self.pipeline.stop()

    def run(self) -> int:
        """Serve the session until it stops, ``--count``/``--duration`` or a signal."""
        warning = exposure_warning(self.config)
        if warning:
            say(f"warning: {warning}")
        if self.config.tls is not None:
            from netassistant.core.tlsconfig import insecure_warning

            server = self.config.kind in (Kind.TCP_SERVER, Kind.RELAY)  # a relay's client leg
            warning = insecure_warning(self.config.tls, server=server)
            if warning:
                say(f"warning: {warning}")
        if self.config.upstream_tls is not None:
            from netassistant.core.relay.upstreamtls import upstream_insecure_warning

            warning = upstream_insecure_warning(self.config.upstream_tls)
            if warning:
                say(f"warning: {warning}")
        script = self._script
        if script is not None:
            if self.send_only:
                script.on_sent = self._on_sent
            # --duration 0 leaves no time to send: nothing is sent (and that is said below),
            # whether or not the engine thread could have squeezed a send in before the stop.
            if self.args.duration != 0:
                self.pipeline.start_script(script)
        thread = threading.Thread(target=self._run_pipeline, name="netassistant-engine")
        thread.daemon = True
        thread.start()
        deadline = None if self.args.duration is None else time.monotonic() + self.args.duration
        stop_at: float | None = None  # after a signal: print what is queued until then
        sent_until: float | None = None  # a send-only run's end: all sent, plus --wait
        wait_s = (getattr(self.args, "wait", None) or 0) / 1000.0
        try:
            while True:
                now = time.monotonic()
                if self._interrupted.is_set() and stop_at is None:
                    stop_at = now + DRAIN_SECONDS
                if stop_at is not None and now >= stop_at:
                    break
                # The engine thread wakes this loop: a batch, the send script's end
                # (_on_sent), the session's end (None). Only the clock-driven stops need a
                # timeout (until the stop is asked for); IDLE_WAKE_S is the backstop for a
                # signal.
                clocks: tuple[float | None, ...] = (stop_at,)
                if not self.pipeline.stop_requested:
                    clocks = (deadline, stop_at, sent_until)
                due = [at - now for at in clocks if at is not None]
                timeout = max(0.0, min([IDLE_WAKE_S, *due]))
                batch = self._queue.get(timeout=timeout)
                if batch is None:
                    break
                self._print_batch(batch)
                now = time.monotonic()
                if sent_until is None and self._sent.is_set():
                    sent_until = now + wait_s
                if (
                    (deadline is not None and now >= deadline)
                    or (self.args.count is not None and self.rx_chunks >= self.args.count)
                    or (sent_until is not None and now >= sent_until)
                ) and not self.pipeline.stop_requested:
                    self.pipeline.stop()
        except KeyboardInterrupt:
            self.interrupt()
        thread.join(1.0 if self._interrupted.is_set() else 5.0)
        timeline_error = self._timeline.write() if self._timeline is not None else ""
        if timeline_error:
            say(timeline_error)
        if self._interrupted.is_set():
            return EXIT_FAILURE if timeline_error else EXIT_OK
        if self.crash:
            print(
                f"netassistant-cli: internal error, please report it:\n{self.crash}",
                file=sys.stderr,
            )
            return EXIT_FAILURE
        if self.failed:
            say(self.failed)
            return EXIT_FAILURE
        if script is not None and script.error:
            say(script.error)
            return EXIT_FAILURE
        if script is not None and self.args.duration is not None and not script.sent:
            # --duration 0 (or too short) ended the run before the sends were done: that
            # is not success, whatever else went right.
            print(
                f"netassistant-cli: --duration {self.args.duration:g} ended the session after "
                f"{script.sends_done} of {script.total} sends; the rest was not sent (give a "
                "longer --duration, or none: a run that only sends ends once all is sent)",
                file=sys.stderr,
            )
            return EXIT_FAILURE
        if self.send_only and script is not None and not self._sent.is_set():
            done, total = script.sends_done, script.total
            print(
                f"netassistant-cli: the session ended after {done} of {total} sends; "
                "the rest was not sent",
                file=sys.stderr,
            )
            return EXIT_FAILURE
        return EXIT_FAILURE if timeline_error else EXIT_OK

    @property
    def send_only(self) -> bool:
        """A run that only sends: it ends once everything was handed to the kernel.

        That is a run with something to send and no ``--count``, ``--duration``,
        ``--echo`` or ``--rules`` (like ``nc -q``; ``--wait MS`` waits that long for
        replies first).
        """
        args = self.args
        return (
            self._script is not None
            and args.count is None
            and args.duration is None
            and not self._replies
        )

    # ------------------------------------------------------------------ output
    def _print_batch(self, batch: PipelineBatch) -> None:
        if self._timeline is not None:
            self._timeline.feed(batch.events)
        # Each decoded message follows the chunk that completed it.
        after: dict[int, list[Decoded]] = {}
        for item in batch.decoded:
            last = item.spans[-1].chunk_seq if item.spans else -1
            after.setdefault(last, []).append(item)
        for event in batch.events:
            if type(event) is Chunk:
                self._print_chunk(event)
                if event.direction is Direction.RX:
                    self.rx_chunks += 1
                for item in after.pop(event.seq, ()):
                    self._print_decoded(item)
            else:
                assert isinstance(event, ConnEvent)
                self._print_event(event)
                self._track(event)
        for items in after.values():
            for item in items:
                self._print_decoded(item)
        for notice in batch.notices:
            self._emit(
                {"event": "notice", "source": notice.source, "message": notice.message},
                f"-- NOTICE {notice.message}",
            )

    def _track(self, event: ConnEvent) -> None:
        """Decide from the events whether the run failed."""
        kind = event.kind
        track_live(self._live, event)
        if kind is EventKind.ERROR and (self.pipeline.failed or not self._session_alive()):
            self.failed = event.message
        if kind is EventKind.RESET and self.config.kind is Kind.TCP_CLIENT:
            self.failed = event.message  # the server reset our only connection: a failure

    def _session_alive(self) -> bool:
        # Errors on one client of a server, or one bad datagram, do not fail the run.
        return self.config.kind is not Kind.TCP_CLIENT or bool(self._live)

    def _emit(self, record: dict[str, Any], line: str) -> None:
        text = self._dumps(record) if self._dumps is not None else line
        try:
            self.out.write(text + "\n")
            self.out.flush()
        except BrokenPipeError:
            self.interrupt()

    def _print_chunk(self, chunk: Chunk) -> None:
        enc = self.config.encoding
        relay = self.config.kind is Kind.RELAY
        if self.args.json:
            udp = self.config.kind is Kind.UDP
            record = logformat.chunk_record(chunk, enc, udp=udp, limit=JSON_LIMIT, relay=relay)
            self._emit(record, "")
        else:
            line = logformat.chunk_line(chunk, enc, self.args.show, TEXT_LINE_LIMIT, relay=relay)
            self._emit({}, line)

    def _print_event(self, event: ConnEvent) -> None:
        if self.args.json:
            self._emit(logformat.event_record(event), "")
        else:
            self._emit({}, logformat.event_line(event))

    def _print_decoded(self, item: Decoded) -> None:
        from netassistant.core.decoding import DecodeError  # loaded with the decoder

        if isinstance(item, DecodeError):
            message: str = item.message
            self._emit(
                {"event": "frame_error", "conn": item.conn_id, "message": message},
                f"   FRAME ERROR #{item.conn_id} {message}",
            )
            return
        enc = self.config.encoding
        if self.args.json:
            self._emit(logformat.message_record(item, item.conn_id, enc), "")
        else:
            self._emit({}, logformat.message_line(item, item.conn_id, enc, self.args.show))
