"""The argument parser of ``netassistant-cli``: every option, its type and help.

Every numeric option is checked as it is parsed (:func:`whole_number`,
:func:`finite_number`): ``nan``, ``inf``, a negative count or an out-of-range port is a
usage error (exit 2) whose message names the option and the allowed range, never a run
that does something else than what was typed.
"""

from __future__ import annotations

import argparse
import math
import os
import sys
from collections.abc import Callable

from netassistant.core.config import MAX_RECV_SIZE, Kind
from netassistant.core.typehints import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any, NoReturn

# The ranges SessionConfig.validate() enforces, checked here already so the message names
# the option as typed (--rcvbuf) instead of the setting (rcvbuf).
MAX_PORT = 65535
MAX_SOCKET_BUFFER = 256 * 1024 * 1024
MAX_BACKLOG = 65535
MAX_READ_DELAY_MS = 60_000
MAX_CONNECT_TIMEOUT = 600.0
# Run limits: generous, but finite, so a typo cannot mean "forever" or a huge allocation.
MAX_REPEAT = 10**12  # never expanded in memory: a send script counts
MAX_INTERVAL_MS = 3_600_000.0  # one hour
MAX_COUNT = 2**31 - 1
# The traffic generator's ceilings (core.sending.generator's MAX_RATE and MAX_BPS).
MAX_RATE = 1_000_000.0
MAX_BPS = 10_000_000_000.0
MAX_DURATION = 365 * 24 * 3600.0  # one year
MAX_WAIT_MS = 3_600_000.0  # one hour


def whole_number(low: int, high: int) -> Callable[[str], int]:
    """An argparse ``type=`` accepting a whole number in ``low..high``.

    The error (``argument --count: must be a whole number from 1 to ..., not '-1'``) names
    the range; argparse adds the option and exits with status 2.
    """

    def parse(value: str) -> int:
        try:
            number = int(value.strip(), 10)
        except ValueError:
            number = None
        if number is None or not low <= number <= high:
            raise argparse.ArgumentTypeError(
                f"must be a whole number from {low} to {high}, not {_quoted(value)}"
            )
        return number

    parse.__name__ = "whole number"
    return parse


def finite_number(
    low: float, high: float, *, unit: str, above_low: bool = False
) -> Callable[[str], float]:
    """An argparse ``type=`` accepting a finite number in ``low..high`` (``unit`` for the message).

    ``nan``, ``inf`` and anything out of range are refused; with ``above_low`` the
    number must be greater than ``low``, not equal to it.
    """
    span = (
        f"above {_plain(low)} and at most {_plain(high)}"
        if above_low
        else f"from {_plain(low)} to {_plain(high)}"
    )

    def parse(value: str) -> float:
        try:
            number = float(value)
        except ValueError:
            number = math.nan
        in_range = math.isfinite(number) and (low < number if above_low else low <= number)
        if not in_range or number > high:
            raise argparse.ArgumentTypeError(f"must be a number of {unit} {span}, not {value!r}")
        return number

    parse.__name__ = "number"
    return parse


def _quoted(value: str) -> str:
    # A 5000-digit "number" is quoted by its start, not in full.
    return repr(value if len(value) <= 40 else value[:37] + "...")


def _plain(number: float) -> str:
    return str(int(number)) if float(number).is_integer() else repr(number)


_PORT = whole_number(0, MAX_PORT)

# (option, SessionConfig field, type, help). Every option defaults to None so that only
# what the user typed overrides a profile.
CONFIG_OPTIONS: list[tuple[list[str], str, Any, str]] = [
    (["--family"], "family", str, "inet (default), inet6 or unix"),
    (["-b", "--local-host", "--bind"], "local_host", str, "local address, or socket path for unix"),
    (["-p", "--local-port"], "local_port", _PORT, "local port (0 = any free port)"),
    (["-H", "--remote-host"], "remote_host", str, "remote address, or socket path for unix"),
    (["-P", "--remote-port"], "remote_port", _PORT, "remote port"),
    (
        ["--recv-size"],
        "recv_size",
        whole_number(1, MAX_RECV_SIZE),
        "bytes per recv() (1 .. 1048576, default 65536)",
    ),
    (
        ["--rcvbuf"],
        "rcvbuf",
        whole_number(0, MAX_SOCKET_BUFFER),
        "SO_RCVBUF bytes (0 = system default)",
    ),
    (
        ["--sndbuf"],
        "sndbuf",
        whole_number(0, MAX_SOCKET_BUFFER),
        "SO_SNDBUF bytes (0 = system default)",
    ),
    (
        ["--backlog"],
        "backlog",
        whole_number(0, MAX_BACKLOG),
        "listen() backlog (0 = the system maximum, the default)",
    ),
    (
        ["--connect-timeout"],
        "connect_timeout",
        finite_number(0, MAX_CONNECT_TIMEOUT, unit="seconds", above_low=True),
        "seconds (default 5)",
    ),
    (["--multicast-group"], "multicast_group", str, "UDP: join this group"),
    (
        ["--read-delay-ms"],
        "read_delay_ms",
        whole_number(0, MAX_READ_DELAY_MS),
        "slow reader: wait before each recv()",
    ),
    (
        ["--multicast-ttl"],
        "multicast_ttl",
        whole_number(0, 255),
        "UDP: multicast TTL / hop limit (0 = system default, 1)",
    ),
    (["--multicast-if"], "multicast_if", str, "UDP: interface multicast is sent out of"),
    (["--frame"], "framing", str, "decode messages: delimiter:\\n, fixed:16, length:!I[:incl]"),
    (["--encoding"], "encoding", str, "text encoding (utf-8, gbk, gb18030, ...)"),
]
FLAG_OPTIONS: list[tuple[str, str, str]] = [
    ("nodelay", "TCP_NODELAY (turn Nagle off)", ""),
    ("reuseaddr", "SO_REUSEADDR before bind (default on)", ""),
    ("broadcast", "UDP: SO_BROADCAST", ""),
    ("kernel_state", "TCP: report the kernel socket state as state events (default on)", ""),
    ("wire", "TCP: show this session's segments on loopback (Linux, root or CAP_NET_RAW)", ""),
    ("dual_stack", "inet6 on '::': also take IPv4 peers (IPV6_V6ONLY off)", ""),
    ("pktinfo", "UDP: show each datagram's destination address%%interface as its local", ""),
    ("multicast_loop", "UDP: loop our own multicast sends back to this host (default on)", ""),
]


EXIT_OK, EXIT_FAILURE, EXIT_USAGE = 0, 1, 2


def say(message: str) -> None:
    """One line on stderr, after the program's name (errors, warnings, what went wrong)."""
    print(f"netassistant-cli: {message}", file=sys.stderr)


class UsageError(Exception):
    """Bad command line; exit code 2."""


def _add_config_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("session settings")
    for flags, dest, typ, help_text in CONFIG_OPTIONS:
        group.add_argument(*flags, dest=dest, type=typ, default=None, help=help_text)
    for dest, help_text, _ in FLAG_OPTIONS:
        group.add_argument(
            f"--{dest.replace('_', '-')}",
            dest=dest,
            action=argparse.BooleanOptionalAction,
            default=None,
            help=help_text,
        )
    group.add_argument(
        "--join",
        dest="multicast_joins",
        action="append",
        default=None,
        metavar="GROUP[@IFACE]",
        help="UDP: join a multicast group, on an interface (name, index or address); repeatable",
    )


def _add_stay_open(parser: argparse.ArgumentParser) -> None:
    """TCP kinds: ``--stay-open`` turns "close when the peer closes" off."""
    parser.add_argument(
        "--stay-open",
        dest="close_on_peer_fin",
        action="store_false",
        default=None,  # not given: the profile's (or the default's) choice stands
        help="keep our side open after the peer's FIN (half-open: we can still send)",
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
    send.add_argument(
        "--send-packet",
        action=_AppendSend,
        dest=sends,
        const="packet",
        metavar="NAME",
        help="send a packet of the library (netassistant-cli packets list); with --repeat N "
        "it is sent N times its resend interval apart, unless --interval MS sets another gap",
    )
    send.add_argument(
        "--repeat",
        type=whole_number(1, MAX_REPEAT),
        default=1,
        metavar="N",
        help="send everything N times",
    )
    send.add_argument(
        "--interval",
        type=finite_number(0, MAX_INTERVAL_MS, unit="milliseconds"),
        default=0.0,
        metavar="MS",
        help="milliseconds between repeated sends",
    )
    send.add_argument(
        "--rate",
        type=finite_number(0, MAX_RATE, unit="messages per second", above_low=True),
        default=None,
        metavar="N",
        help="traffic generator: send the message N times a second (--repeat times, else "
        "until --duration ends the run); the achieved rate is reported as it goes",
    )
    send.add_argument(
        "--bps",
        type=finite_number(0, MAX_BPS, unit="bytes per second", above_low=True),
        default=None,
        metavar="N",
        help="traffic generator: like --rate, paced to N bytes a second",
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
    send.add_argument(
        "--rules",
        default=None,
        metavar="FILE",
        help="answer received data with the reply rules in FILE (JSON, as the window exports)",
    )
    run = parser.add_argument_group("running and output")
    run.add_argument(
        "--count",
        type=whole_number(1, MAX_COUNT),
        default=None,
        metavar="N",
        help="stop after N received chunks",
    )
    run.add_argument(
        "--duration",
        type=finite_number(0, MAX_DURATION, unit="seconds"),
        default=None,
        metavar="S",
        help=(
            "stop after S seconds (0: start, then stop at once); sends it cut short "
            "make the exit status 1"
        ),
    )
    run.add_argument(
        "--wait",
        type=finite_number(0, MAX_WAIT_MS, unit="milliseconds"),
        default=None,
        metavar="MS",
        help=(
            "a run that only sends ends once everything was handed to the kernel; "
            "wait this many ms for replies first (like nc -q)"
        ),
    )
    run.add_argument("--json", action="store_true", help="one JSON object per line")
    run.add_argument(
        "--timeline",
        default=None,
        metavar="PATH",
        help=(
            "at the end, write the run's timeline (a sequence diagram of its socket calls) "
            "to PATH: .svg, .mmd (Mermaid) or .json by its extension"
        ),
    )
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


def help_width() -> int:
    """The width argparse gives its help, worked out without importing shutil.

    argparse makes a formatter for every ``add_argument()`` (to check the metavar) and, by
    default, sizes it with ``shutil.get_terminal_size()``: importing shutil (with bz2 and
    lzma) is a few milliseconds of every run, help or not. The rule is shutil's: $COLUMNS,
    else the terminal on stdout, else 80 columns; argparse then keeps 2 spare.
    """
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    stdout = sys.__stdout__
    if columns <= 0 and stdout is not None:
        try:
            columns = os.get_terminal_size(stdout.fileno()).columns
        except (AttributeError, ValueError, OSError):  # closed, or not a terminal
            columns = 0
    return (columns or 80) - 2


class HelpFormatter(argparse.HelpFormatter):
    """argparse's formatter, sized by :func:`help_width`."""

    def __init__(
        self,
        prog: str,
        indent_increment: int = 2,
        max_help_position: int = 24,
        width: int | None = None,
    ) -> None:
        width = help_width() if width is None else width
        super().__init__(prog, indent_increment, max_help_position, width)


class RawDescriptionHelpFormatter(HelpFormatter, argparse.RawDescriptionHelpFormatter):
    """argparse's raw-description formatter, sized by :func:`help_width`."""


class ArgumentParser(argparse.ArgumentParser):
    """An argument parser (and sub-parsers) formatted by :class:`HelpFormatter`."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The argument parser: the full one (also used to generate the README's usage).

    Args:
        command: Build only this sub-command (:mod:`netassistant.cli.argv` picks it); the
            others are left out (each sub-parser costs its share of start-up, and only the
            full parser prints help). None: all.
    """
    # Sub-parsers are made with the parser's own class, so they get the formatter too.
    parser = (ArgumentParser if command is None else _LightParser)(
        prog="netassistant-cli",
        description=(
            "Socket debugging assistant (网络调试助手), headless: every recv() is one chunk."
        ),
        formatter_class=RawDescriptionHelpFormatter,
        epilog="Exit codes: 0 done, 1 runtime failure, 2 usage error.",
    )
    _add_run_options(parser, top_level=True)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for kind, help_text in (
        (Kind.TCP_SERVER, "listen, accept clients, show what they send"),
        (Kind.TCP_CLIENT, "connect to a server"),
        (Kind.UDP, "bind a UDP socket, send and receive datagrams"),
        (Kind.RELAY, "stand between clients and a server: both legs' chunks, faults"),
    ):
        if command not in (None, kind.value):
            continue
        p = sub.add_parser(kind.value, help=help_text)
        # A sub-command's defaults would overwrite options given before the sub-command
        # (an argparse quirk), so there the run options default to "not given".
        _add_run_options(p, top_level=False)
        _suppress_defaults(p)
        _add_config_options(p)
        from netassistant.cli.sessionfiles import add_session_file_options

        add_session_file_options(p)
        if kind in (Kind.TCP_CLIENT, Kind.TCP_SERVER):
            from netassistant.cli.tlsoptions import add_tls_options

            add_tls_options(p)
            _add_stay_open(p)
        if kind is Kind.RELAY:
            from netassistant.cli.relayopts import add_relay_options, add_relay_tls_options

            add_relay_options(p)
            add_relay_tls_options(p)
    if command in (None, "packets"):
        _add_packets_command(sub)
    if command in (None, "profile"):
        _add_profile_actions(sub.add_parser("profile", help="manage saved profiles"))
    if command in (None, "run", "lab"):
        from netassistant.cli.scenario_cmd import add_scenario_commands

        add_scenario_commands(sub, only=command)
    return parser


class _LightParser(ArgumentParser):
    """A parser built for one sub-command: an error means "ask the full parser" (it says it)."""

    def error(self, message: str) -> NoReturn:
        raise LightParseError(message)


class LightParseError(Exception):
    """The one-command parser could not parse the arguments (the full parser will say why)."""


def _add_profile_actions(prof: argparse.ArgumentParser) -> None:
    psub = prof.add_subparsers(dest="profile_command", metavar="ACTION", required=True)
    psub.add_parser("list", help="list saved and built-in profiles")
    show = psub.add_parser("show", help="print a profile as JSON")
    show.add_argument("name")
    save = psub.add_parser("save", help="save session settings as a profile")
    save.add_argument("name")
    save.add_argument("--kind", required=True, choices=[k.value for k in Kind])
    save.add_argument("--description", default="")
    _add_config_options(save)
    from netassistant.cli.relayopts import add_relay_options
    from netassistant.cli.tlsoptions import add_tls_options, add_upstream_tls_options

    add_tls_options(save)
    add_relay_options(save)  # --kind relay: --udp, --toxic, --idle-timeout, --fault-seed
    add_upstream_tls_options(save)
    delete = psub.add_parser("delete", help="delete a saved profile")
    delete.add_argument("name")
    exp = psub.add_parser("export", help="write a profile to a JSON file")
    exp.add_argument("name")
    exp.add_argument("path")
    imp = psub.add_parser("import", help="add a profile from a JSON file")
    imp.add_argument("path")
    imp.add_argument(
        "--overwrite",
        action="store_true",
        help="replace a saved profile of the same name (without it the import is renamed, "
        "e.g. 'Name (2)'; a built-in example's name is always renamed)",
    )


def _add_packets_command(sub: Any) -> None:
    packets = sub.add_parser("packets", help="the packet library: list, show, import, export")
    psub = packets.add_subparsers(dest="packets_command", metavar="ACTION", required=True)
    psub.add_parser("list", help="list the saved packets")
    show = psub.add_parser("show", help="print a packet as JSON, with the bytes it sends")
    show.add_argument("name")
    imp = psub.add_parser(
        "import", help="add packets from a JSON packet file or Packet Sender's packets.ini"
    )
    imp.add_argument("path")
    exp = psub.add_parser("export", help="write packets (all, or those named) to a JSON file")
    exp.add_argument("path")
    exp.add_argument("names", nargs="*", metavar="NAME")


def _suppress_defaults(parser: argparse.ArgumentParser) -> None:
    for action in parser._actions:
        if action.dest not in ("help", "command"):
            action.default = argparse.SUPPRESS
