"""Runner: one session on a thread, its events printed from the main thread."""

from __future__ import annotations

import argparse
import json
import queue
import sys
import threading
import time
from typing import Any, TextIO

from netassistant.cli.options import payloads as _payloads
from netassistant.cli.parser import EXIT_FAILURE, EXIT_OK
from netassistant.core.chunk import Chunk, ConnEvent, Direction, EventKind, parse_address
from netassistant.core.config import Family, Kind, SessionConfig


class Runner:
    """Runs one engine on a thread and prints its events from the main thread."""

    def __init__(self, config: SessionConfig, args: argparse.Namespace, out: TextIO) -> None:
        from netassistant.core.engine import create_engine

        self.config = config
        self.args = args
        self.out = out
        # Before the engine exists: a usage error must not leave its sockets behind.
        self.payloads = _payloads(args, config)
        self.events: queue.SimpleQueue[list[Any]] = queue.SimpleQueue()
        self.engine = create_engine(config, self.events.put, flush_interval=0.0)
        self.rx_chunks = 0
        self.failed: str | None = None
        self.decoders: dict[int, Any] = {}
        self.spec = None
        if config.framing:
            from netassistant.core.framing import parse_frame_spec

            self.spec = parse_frame_spec(config.framing)
        self.crash = ""
        self._send_started = False
        self._next_send = 0.0
        self._send_index = 0

    def _run_engine(self) -> None:
        try:
            self.engine.run()
        except Exception:
            import traceback

            self.crash = traceback.format_exc(limit=8)
            self.events.put([])

    def run(self) -> int:
        thread = threading.Thread(target=self._run_engine, name="netassistant-engine", daemon=True)
        thread.start()
        deadline = None if self.args.duration is None else time.monotonic() + self.args.duration
        stopped = False
        try:
            while not stopped and not self.crash:
                timeout = 0.2
                if self._send_started and self._send_index < len(self.payloads):
                    timeout = max(0.0, self._next_send - time.monotonic())
                if deadline is not None and not self.engine.stop_requested:
                    timeout = min(timeout, max(0.0, deadline - time.monotonic()))
                try:
                    batch = self.events.get(timeout=timeout)
                except queue.Empty:
                    batch = []
                for event in batch:
                    stopped |= self._handle(event)
                self._pump_sends()
                if deadline is not None and time.monotonic() >= deadline:
                    self.engine.stop()
                if self.args.count is not None and self.rx_chunks >= self.args.count:
                    self.engine.stop()
            thread.join(5)
        except KeyboardInterrupt:
            self.engine.stop()
            self._drain(thread)
            return EXIT_OK
        if self.crash:
            print(
                f"netassistant-cli: internal error, please report it:\n{self.crash}",
                file=sys.stderr,
            )
            return EXIT_FAILURE
        if self.failed:
            print(f"netassistant-cli: {self.failed}", file=sys.stderr)
            return EXIT_FAILURE
        return EXIT_OK

    def _drain(self, thread: threading.Thread) -> None:
        thread.join(5)
        while True:
            try:
                batch = self.events.get_nowait()
            except queue.Empty:
                return
            for event in batch:
                self._handle(event)

    def _pump_sends(self) -> None:
        if not self._send_started:
            return
        interval = self.args.interval / 1000.0
        while self._send_index < len(self.payloads) and time.monotonic() >= self._next_send:
            self.engine.send(self.payloads[self._send_index])
            self._send_index += 1
            self._next_send = time.monotonic() + interval
            if interval:
                break

    def _handle(self, event: Chunk | ConnEvent) -> bool:
        if isinstance(event, Chunk):
            self._print_chunk(event)
            if event.direction is Direction.RX:
                self.rx_chunks += 1
                if self.args.echo:
                    self._echo(event)
                if self.spec is not None:
                    self._decode(event)
            return False
        self._print_event(event)
        # Sends start once there is someone to send to: a client, a connection, a bound UDP socket.
        ready = event.kind in (EventKind.CONNECTED, EventKind.ACCEPTED) or (
            event.kind is EventKind.LISTENING and self.config.kind is Kind.UDP
        )
        if ready and not self._send_started:
            self._send_started = True
            self._next_send = time.monotonic()
        if event.kind is EventKind.ERROR and (self.engine.failed or not self._session_alive()):
            self.failed = event.message
        if event.kind is EventKind.RESET and self.config.kind is Kind.TCP_CLIENT:
            self.failed = event.message  # the server reset our only connection: a failure
        return event.kind is EventKind.STOPPED

    def _session_alive(self) -> bool:
        # Errors on one client of a server, or one bad datagram, do not fail the run.
        return self.config.kind is not Kind.TCP_CLIENT or bool(getattr(self.engine, "conn", None))

    def _echo(self, chunk: Chunk) -> None:
        if self.config.kind is Kind.UDP:
            if self.config.family is Family.UNIX:
                self.engine.send_to(chunk.data, chunk.peer)  # type: ignore[attr-defined]
            else:
                host, port = parse_address(chunk.peer)
                self.engine.send_to(chunk.data, host, port)  # type: ignore[attr-defined]
        else:
            self.engine.send(chunk.data, chunk.conn_id)

    def _decode(self, chunk: Chunk) -> None:
        from netassistant.core.framing import FrameErrorRecord, make_decoder

        assert self.spec is not None
        decoder = self.decoders.get(chunk.conn_id)
        if decoder is None:
            decoder = self.decoders[chunk.conn_id] = make_decoder(self.spec)
        for item in decoder.feed(chunk.data, chunk.seq):
            if isinstance(item, FrameErrorRecord):
                self._emit(
                    {"event": "frame_error", "conn": chunk.conn_id, "message": item.message},
                    f"   FRAME ERROR #{chunk.conn_id} {item.message}",
                )
            else:
                self._print_message(item, chunk.conn_id)

    # ------------------------------------------------------------------ output
    def _emit(self, record: dict[str, Any], line: str) -> None:
        text = json.dumps(record, ensure_ascii=False) if self.args.json else line
        try:
            self.out.write(text + "\n")
            self.out.flush()
        except BrokenPipeError:
            self.engine.stop()

    def _print_chunk(self, chunk: Chunk) -> None:
        from netassistant.core import logformat

        udp = self.config.kind is Kind.UDP
        enc, show = self.config.encoding, self.args.show
        if self.args.json:
            self._emit(logformat.chunk_record(chunk, enc, udp=udp), "")
        else:
            self._emit({}, logformat.chunk_line(chunk, enc, show))

    def _print_event(self, event: ConnEvent) -> None:
        from netassistant.core import logformat

        if self.args.json:
            self._emit(logformat.event_record(event), "")
        else:
            self._emit({}, logformat.event_line(event))

    def _print_message(self, message: Any, conn_id: int) -> None:
        from netassistant.core import logformat

        enc = self.config.encoding
        if self.args.json:
            self._emit(logformat.message_record(message, conn_id, enc), "")
        else:
            self._emit({}, logformat.message_line(message, conn_id, enc, self.args.show))
