"""The argument parser of ``netassistant-cli``: every option, its type and help."""

from __future__ import annotations

import argparse
from typing import Any

from netassistant.core.config import Kind

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
    (["--backlog"], "backlog", int, "listen() backlog (0 = the system maximum, the default)"),
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


EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """Bad command line; exit code 2."""


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
    send.add_argument(
        "--checksum",
        default=None,
        metavar="NAME[:ORDER]",
        help=(
            "a checksum (sum8, xor8, crc8, crc16-modbus, crc16-ccitt-false, crc16-xmodem, "
            "crc32; ORDER big or little): appended to each send with --frame-send, verified "
            'on each received message (JSON "checksum_ok")'
        ),
    )
    send.add_argument(
        "--echo",
        action="store_true",
        help="send every received chunk back (stops itself when two echoers bounce data)",
    )
    run = parser.add_argument_group("running and output")
    run.add_argument(
        "--count", type=int, default=None, metavar="N", help="stop after N received chunks"
    )
    run.add_argument(
        "--duration", type=float, default=None, metavar="S", help="stop after S seconds"
    )
    run.add_argument(
        "--wait",
        type=float,
        default=None,
        metavar="MS",
        help=(
            "a run that only sends ends once everything was handed to the kernel; "
            "wait this many ms for replies first (like nc -q)"
        ),
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
