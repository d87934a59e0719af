r"""``netassistant-cli``: the same engines without a window, for scripts and terminals.

Examples::

    netassistant-cli tcp-server --local-port 9000 --echo
    netassistant-cli tcp-client --remote-port 9000 --send 'hi\\n' --repeat 3 --count 3
    netassistant-cli udp --local-port 9002 --remote-port 9003 --send-hex '01 02 0a' --json
    netassistant-cli --profile "Echo server"

Exit codes: 0 done, 1 runtime failure (plain-words message on stderr), 2 usage error.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable, Sequence
from contextlib import nullcontext
from types import FrameType

from netassistant.cli.argv import parse_arguments
from netassistant.cli.parser import EXIT_OK, EXIT_USAGE, UsageError, say
from netassistant.core.collector import collector_paused
from netassistant.core.typehints import TYPE_CHECKING

if TYPE_CHECKING:
    import argparse
    from typing import NoReturn, TextIO

    from netassistant.cli.runner import Runner
    from netassistant.core.pipeline.taps import CaptureTap


#: The commands that run no session of their own.
_NOT_SESSIONS = ("profile", "run", "lab", "packets")


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Entry point; returns the exit code.

    Args:
        argv: The arguments; None for this process's command line, which also means that
            this process is the command (it exits when main returns).
        out: Where records go (stdout if None).
    """
    out = out or sys.stdout
    # As the command (argv None), what this process imports and builds before the run lives
    # until it exits: the collector is paused meanwhile (its walks of the growing heap cost
    # a one-shot run a few milliseconds) and those objects are then frozen, so neither the
    # collections of the run nor the interpreter's teardown walk them again.
    with collector_paused() if argv is None else nullcontext():
        parser, args = parse_arguments(argv)
        try:
            session = None if args.command in _NOT_SESSIONS else _session(args, out)
        except UsageError as exc:
            return _usage_error(parser, exc)
    # Imported once the command is known: "send one message and exit" is a script's
    # building block, and every module it does not need is start-up time it pays
    # (tests/cli/test_cli_oneshot.py keeps it that way).
    try:
        if args.command == "profile":
            from netassistant.cli.profile_cmd import profile_command

            return profile_command(args, out)
        if args.command in ("run", "lab"):
            from netassistant.cli.scenario_cmd import scenario_command

            return scenario_command(args, out)
        if args.command == "packets":
            from netassistant.cli.packets_cmd import packets_command

            return packets_command(args, out)
    except UsageError as exc:
        return _usage_error(parser, exc)
    assert session is not None
    runner, pcap = session
    if threading.current_thread() is threading.main_thread():
        # The C module behind ``signal``, which the interpreter has loaded already: the
        # signal module only adds enums of every constant (3 million instructions to
        # build, ~2% of a one-shot run), and two handlers need none of them.
        import _signal

        handler = _stop_within_a_second(runner)
        _signal.signal(_signal.SIGINT, handler)
        if hasattr(_signal, "SIGTERM"):
            _signal.signal(_signal.SIGTERM, handler)
    code = runner.run()
    if pcap is not None:
        from netassistant.cli.sessionfiles import close_pcap

        code = close_pcap(pcap, code)
    return code


def _usage_error(parser: argparse.ArgumentParser, exc: UsageError) -> int:
    parser.print_usage(sys.stderr)
    say(f"error: {exc}")
    return EXIT_USAGE


def _session(args: argparse.Namespace, out: TextIO) -> tuple[Runner, CaptureTap | None]:
    """The session a session command runs, and its pcap capture (or None).

    Raises:
        UsageError: An option is wrong; nothing was opened.
    """
    from netassistant.cli.options import config_from_args, decode_settings, reply_rules, send_script
    from netassistant.cli.runner import Runner

    config = config_from_args(args)
    if getattr(args, "timeline", None):
        from netassistant.cli.timeline import check_timeline_option

        check_timeline_option(args)  # a bad name is a usage error before any socket
    # Before the session exists: a usage error must not leave its sockets behind.
    script = send_script(args, config)
    decode = decode_settings(args, config)
    replies = reply_rules(args)
    runner = Runner(config, args, out, script=script, decode=decode, replies=replies)
    pcap = None
    if getattr(args, "pcap", None):
        from netassistant.cli.sessionfiles import open_pcap

        pcap = open_pcap(args, config, runner.pipeline)
    return runner, pcap


def run_command() -> NoReturn:
    """The ``netassistant-cli`` program: :func:`main` on this process's command line.

    Once the run has ended, its output is flushed and the process ends at once
    (``os._exit``): the interpreter's teardown would only free, one by one, every object
    the run made, which costs a one-shot send about 5 ms (``tests/benchmarks/cli_oneshot.py``)
    and nothing anyone could see (every file the run wrote is closed by then). Where
    something else is still running (a thread that is not a daemon) or the output cannot
    be flushed, the usual exit does it, as it always did.
    """
    code = main()
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except Exception:
        sys.exit(code)  # the interpreter's exit says what went wrong, as it always did
    main_thread = threading.main_thread()
    if any(not thread.daemon for thread in threading.enumerate() if thread is not main_thread):
        sys.exit(code)
    os._exit(code)


#: How long a signalled run may take to end cleanly before the process just exits.
SIGNAL_GRACE_S = 0.5
#: More of it with --timeline: the file is written after the stop (50,000 steps take ~1 s).
TIMELINE_GRACE_S = 10.0


def _stop_within_a_second(runner: Runner) -> Callable[[int, FrameType | None], None]:
    """A SIGINT/SIGTERM handler: end the run cleanly, or exit anyway after a grace time.

    The clean way (stop the session, print what is queued) normally takes a few
    milliseconds; a stdout that nobody reads can block the printer for ever, so a
    watchdog ends the process when the grace time is over.
    """

    def handler(_signum: int, _frame: FrameType | None) -> None:
        runner.interrupt()
        grace = SIGNAL_GRACE_S + (TIMELINE_GRACE_S if getattr(runner.args, "timeline", None) else 0)
        watchdog = threading.Timer(grace, os._exit, args=(EXIT_OK,))
        watchdog.daemon = True
        watchdog.start()

    return handler


if __name__ == "__main__":
    run_command()
