"""``netassistant-cli``: the same engines without a window, for scripts and terminals.

Examples::

    netassistant-cli tcp-server --local-port 9000 --echo
    netassistant-cli tcp-client --remote-port 9000 --send 'hi\\n' --repeat 3 --count 3
    netassistant-cli udp --local-port 9002 --remote-port 9003 --send-hex '01 02 0a' --json
    netassistant-cli --profile "Echo server"

Exit codes: 0 done, 1 runtime failure (plain-words message on stderr), 2 usage error.
"""

from __future__ import annotations

import argparse
import json
import queue
import signal
import sys
import threading
import time
from collections.abc import Sequence
from typing import Any, TextIO

from netassistant.core.chunk import Chunk, ConnEvent, Direction, EventKind, parse_address
from netassistant.core.config import ConfigError, Family, Kind, SessionConfig

EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2

# (option, SessionConfig field, type, help). Every option defaults to None so that only
# what the user typed overrides a profile.
CONFIG_OPTIONS: list[tuple[list[str], str, Any, str]] = [
    (["--family"], "family", str, "inet (default), inet6 or unix"),
    (["-b", "--local-host", "--bind"], "local_host", str, "local address, or socket path for unix"),
    (["-p", "--local-port"], "local_port", int, "local port (0 = any free port)"),
    (["-H", "--remote-host"], "remote_host", str, "remote address, or socket path for unix"),
    (["-P", "--remote-port"], "remote_port", int, "remote port"),
    (["--recv-size"], "recv_size", int, "bytes per recv() (1 .. 1048576, default 65536)"),
    (["--rcvbuf"], "rcvbuf", int, "SO_RCVBUF bytes"),
    (["--sndbuf"], "sndbuf", int, "SO_SNDBUF bytes"),
    (["--backlog"], "backlog", int, "listen() backlog"),
    (["--connect-timeout"], "connect_timeout", float, "seconds (default 5)"),
    (["--multicast-group"], "multicast_group", str, "UDP: join this group"),
    (["--read-delay-ms"], "read_delay_ms", int, "slow reader: wait before each recv()"),
    (["--frame"], "framing", str, "decode messages: delimiter:\\n, fixed:16, length:!I[:incl]"),
    (["--encoding"], "encoding", str, "text encoding (utf-8, gbk, gb18030, ...)"),
]
FLAG_OPTIONS: list[tuple[str, str, str]] = [
    ("nodelay", "TCP_NODELAY (turn Nagle off)", ""),
    ("reuseaddr", "SO_REUSEADDR before bind (default on)", ""),
    ("broadcast", "UDP: SO_BROADCAST", ""),
]


class UsageError(Exception):
    """Bad command line; exit code 2."""


# ----------------------------------------------------------------------------- parser
def _add_config_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("session settings")
    for flags, dest, typ, help_text in CONFIG_OPTIONS:
        group.add_argument(*flags, dest=dest, type=typ, default=None, help=help_text)
    for dest, help_text, _ in FLAG_OPTIONS:
        group.add_argument(
            f"--{dest}",
            dest=dest,
            action=argparse.BooleanOptionalAction,
            default=None,
            help=help_text,
        )


class _AppendSend(argparse.Action):
    """Collects ``--send``/``--send-hex``/``--send-file`` as (kind, value) in typed order."""

    def __call__(
        self,
        parser: argparse.ArgumentParser,
        namespace: argparse.Namespace,
        values: Any,
        option_string: str | None = None,
    ) -> None:
        items = list(getattr(namespace, self.dest, None) or [])
        items.append((self.const, values))
        setattr(namespace, self.dest, items)


def _add_run_options(parser: argparse.ArgumentParser, *, top_level: bool) -> None:
    """Sending and output options (top level and on each session sub-command)."""
    send = parser.add_argument_group("sending")
    # The three kinds go to one list so they are sent in command-line order; a sub-command
    # keeps its own list because argparse replaces, not extends, the top level's one.
    sends = "sends" if top_level else "sub_sends"
    send.add_argument(
        "--send",
        action=_AppendSend,
        dest=sends,
        const="text",
        metavar="TEXT",
        help="send TEXT (escapes \\r \\n \\t \\0 \\xNN \\\\ understood)",
    )
    send.add_argument(
        "--send-hex",
        action=_AppendSend,
        dest=sends,
        const="hex",
        metavar="HEX",
        help="send bytes given in hex, e.g. '01 02 0a'",
    )
    send.add_argument(
        "--send-file",
        action=_AppendSend,
        dest=sends,
        const="file",
        metavar="PATH",
        help="send a file's bytes",
    )
    send.add_argument("--repeat", type=int, default=1, metavar="N", help="send everything N times")
    send.add_argument(
        "--interval",
        type=float,
        default=0.0,
        metavar="MS",
        help="milliseconds between repeated sends",
    )
    send.add_argument(
        "--burst",
        action="store_true",
        help="put the N copies of --repeat into one send call (provokes 粘包)",
    )
    send.add_argument(
        "--frame-send",
        action="store_true",
        help="wrap every send in the --frame framing (length header / delimiter)",
    )
    send.add_argument("--echo", action="store_true", help="send every received chunk back")
    run = parser.add_argument_group("running and output")
    run.add_argument(
        "--count", type=int, default=None, metavar="N", help="stop after N received chunks"
    )
    run.add_argument(
        "--duration", type=float, default=None, metavar="S", help="stop after S seconds"
    )
    run.add_argument("--json", action="store_true", help="one JSON object per line")
    run.add_argument(
        "--show",
        choices=("hex", "text", "both"),
        default="both",
        help="what the text log shows of the data (default both)",
    )
    run.add_argument(
        "--profile",
        default=None,
        metavar="NAME",
        help="start from a saved profile; options given here override it",
    )


def build_parser() -> argparse.ArgumentParser:
    """The full argument parser (also used to generate the README's usage)."""
    parser = argparse.ArgumentParser(
        prog="netassistant-cli",
        description=(
            "Socket debugging assistant (网络调试助手), headless: every recv() is one chunk."
        ),
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="Exit codes: 0 done, 1 runtime failure, 2 usage error.",
    )
    _add_run_options(parser, top_level=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for kind, help_text in (
        (Kind.TCP_SERVER, "listen, accept clients, show what they send"),
        (Kind.TCP_CLIENT, "connect to a server"),
        (Kind.UDP, "bind a UDP socket, send and receive datagrams"),
    ):
        p = sub.add_parser(kind.value, help=help_text)
        # A sub-command's defaults would overwrite options given before the sub-command
        # (an argparse quirk), so there the run options default to "not given".
        _add_run_options(p, top_level=False)
        _suppress_defaults(p)
        _add_config_options(p)
    prof = sub.add_parser("profile", help="manage saved profiles")
    psub = prof.add_subparsers(dest="profile_command", metavar="ACTION", required=True)
    psub.add_parser("list", help="list saved and built-in profiles")
    show = psub.add_parser("show", help="print a profile as JSON")
    show.add_argument("name")
    save = psub.add_parser("save", help="save session settings as a profile")
    save.add_argument("name")
    save.add_argument("--kind", required=True, choices=[k.value for k in Kind])
    save.add_argument("--description", default="")
    _add_config_options(save)
    delete = psub.add_parser("delete", help="delete a saved profile")
    delete.add_argument("name")
    exp = psub.add_parser("export", help="write a profile to a JSON file")
    exp.add_argument("name")
    exp.add_argument("path")
    imp = psub.add_parser("import", help="add a profile from a JSON file")
    imp.add_argument("path")
    imp.add_argument("--overwrite", action="store_true")
    return parser


def _suppress_defaults(parser: argparse.ArgumentParser) -> None:
    for action in parser._actions:
        if action.dest not in ("help", "command"):
            action.default = argparse.SUPPRESS


# ---------------------------------------------------------------------- configuration
def _overrides(args: argparse.Namespace) -> dict[str, Any]:
    fields = [dest for _, dest, _, _ in CONFIG_OPTIONS] + [dest for dest, _, _ in FLAG_OPTIONS]
    return {f: getattr(args, f) for f in fields if getattr(args, f, None) is not None}


def _config_from_args(args: argparse.Namespace) -> SessionConfig:
    base: dict[str, Any] = {}
    if args.profile:
        from netassistant.core.profiles import ProfileError, find_profile

        try:
            base = find_profile(args.profile).config.to_dict()
        except ProfileError as exc:
            raise UsageError(str(exc)) from None
    if args.command in (k.value for k in Kind):
        base["kind"] = args.command
    elif not args.profile:
        raise UsageError("choose tcp-server, tcp-client or udp (or --profile NAME)")
    base.update(_overrides(args))
    _family_hosts(base)
    try:
        return SessionConfig.from_dict(base)
    except ConfigError as exc:
        raise UsageError(str(exc)) from None


def _family_hosts(data: dict[str, Any]) -> None:
    """Give the host settings nobody set a default that fits the family.

    SessionConfig's defaults are IPv4 loopback: for inet6 that is an error about an address
    the user never typed, and for unix a socket file named "127.0.0.1" in the current folder.
    """
    family = data.get("family")
    if family in (Family.INET6, Family.UNIX):
        default = "::1" if family == Family.INET6 else ""
        for key in ("local_host", "remote_host"):
            data.setdefault(key, default)


def _payloads(args: argparse.Namespace, config: SessionConfig) -> list[bytes]:
    from netassistant.core.codec import EncodeError, EscapeError, HexError, encode_text, parse_hex

    out: list[bytes] = []
    typed = (getattr(args, "sends", None) or []) + (getattr(args, "sub_sends", None) or [])
    for kind, value in typed:
        try:
            if kind == "text":
                out.append(encode_text(value, config.encoding, escapes=True))
            elif kind == "hex":
                out.append(parse_hex(value))
            else:
                with open(value, "rb") as fh:
                    out.append(fh.read())
        except (HexError, EscapeError, EncodeError) as exc:
            raise UsageError(f"cannot send: {exc}") from None
        except OSError as exc:
            raise UsageError(f"cannot read {value}: {exc.strerror or exc}") from None
    if args.frame_send:
        from netassistant.core.framing import FramingError, encode_frame, parse_frame_spec

        spec = parse_frame_spec(config.framing)
        if spec is None:
            raise UsageError("--frame-send needs --frame")
        try:
            out = [encode_frame(spec, p) for p in out]
        except FramingError as exc:
            raise UsageError(f"cannot frame the data: {exc}") from None
    if args.repeat < 1:
        raise UsageError("--repeat must be at least 1")
    if args.burst:
        return [b"".join(out) * args.repeat] if out else []
    return out * args.repeat


# ---------------------------------------------------------------------------- session
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


# ---------------------------------------------------------------------------- profiles
def _profile_command(args: argparse.Namespace, out: TextIO) -> int:
    from netassistant.core.profile_store import ProfileStore
    from netassistant.core.profiles import Profile, ProfileError, builtin_profiles

    store = ProfileStore()
    try:
        if args.profile_command == "list":
            listing = store.list()
            for p in builtin_profiles():
                out.write(f"{p.name}\t{p.config.describe()}\t(built-in) {p.description}\n")
            for p in listing.profiles:
                out.write(f"{p.name}\t{p.config.describe()}\t{p.description}\n")
            for err in listing.errors:
                print(f"netassistant-cli: {err}", file=sys.stderr)
            return EXIT_OK
        if args.profile_command == "show":
            from netassistant.core.profiles import find_profile

            profile = find_profile(args.name)
            out.write(json.dumps(profile.to_dict(), ensure_ascii=False, indent=2) + "\n")
            return EXIT_OK
        if args.profile_command == "save":
            data = {"kind": args.kind, **_overrides(args)}
            _family_hosts(data)
            try:
                config = SessionConfig.from_dict(data)
            except ConfigError as exc:
                raise UsageError(str(exc)) from None
            store.save(Profile(name=args.name, config=config, description=args.description))
            out.write(f"saved profile {args.name!r} to {store.path_for(args.name)}\n")
            return EXIT_OK
        if args.profile_command == "delete":
            store.delete(args.name)
            out.write(f"deleted profile {args.name!r}\n")
            return EXIT_OK
        if args.profile_command == "export":
            if store.exists(args.name):
                store.export(args.name, args.path)
            else:  # a built-in example exports as its canonical file, like a saved one
                from netassistant.core.profiles import find_profile

                profile = find_profile(args.name)
                try:
                    with open(args.path, "wb") as fh:
                        fh.write(profile.to_json_bytes())
                except OSError as exc:
                    print(
                        f"netassistant-cli: cannot write {args.path}: {exc.strerror or exc}",
                        file=sys.stderr,
                    )
                    return EXIT_FAILURE
            out.write(f"exported profile {args.name!r} to {args.path}\n")
            return EXIT_OK
        if args.profile_command == "import":
            profile = store.import_file(args.path, overwrite=args.overwrite)
            out.write(f"imported profile {profile.name!r}\n")
            return EXIT_OK
    except ProfileError as exc:
        print(f"netassistant-cli: {exc}", file=sys.stderr)
        return EXIT_FAILURE
    raise UsageError(f"unknown profile action {args.profile_command!r}")


# ------------------------------------------------------------------------------- main
def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Entry point; returns the exit code."""
    out = out or sys.stdout
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "profile":
            return _profile_command(args, out)
        config = _config_from_args(args)
        runner = Runner(config, args, out)
    except UsageError as exc:
        parser.print_usage(sys.stderr)
        print(f"netassistant-cli: error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if threading.current_thread() is threading.main_thread():
        # A terminal's Ctrl+C should end the session cleanly, also when run under a shell pipe.
        signal.signal(signal.SIGINT, signal.default_int_handler)
        if hasattr(signal, "SIGTERM"):
            signal.signal(signal.SIGTERM, lambda *_: runner.engine.stop())
    return runner.run()


if __name__ == "__main__":
    sys.exit(main())
