r"""``netassistant-cli``: the same engines without a window, for scripts and terminals.

Examples::

    netassistant-cli tcp-server --local-port 9000 --echo
    netassistant-cli tcp-client --remote-port 9000 --send 'hi\\n' --repeat 3 --count 3
    netassistant-cli udp --local-port 9002 --remote-port 9003 --send-hex '01 02 0a' --json
    netassistant-cli --profile "Echo server"

Exit codes: 0 done, 1 runtime failure (plain-words message on stderr), 2 usage error.
"""

from __future__ import annotations

import gc
import os
import signal
import sys
import threading
from collections.abc import Callable, Sequence
from types import FrameType

from netassistant.cli.argv import parse_arguments
from netassistant.cli.parser import EXIT_OK, EXIT_USAGE, UsageError, say
from netassistant.core.typehints import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import TextIO

    from netassistant.cli.runner import Runner


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Entry point; returns the exit code.

    Args:
        argv: The arguments; None for this process's command line, which also means that
            this process is the command (it exits when main returns).
        out: Where records go (stdout if None).
    """
    out = out or sys.stdout
    parser, args = parse_arguments(argv)
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
        from netassistant.cli.options import (
            config_from_args,
            decode_settings,
            reply_rules,
            send_script,
        )
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
    except UsageError as exc:
        parser.print_usage(sys.stderr)
        say(f"error: {exc}")
        return EXIT_USAGE
    if argv is None:
        # This process is the command: what it has imported lives until it exits. Frozen,
        # those objects are never walked again by the cyclic collector, neither during the
        # run nor in the interpreter's teardown at exit (10-20 ms of a one-shot run).
        gc.freeze()
    if threading.current_thread() is threading.main_thread():
        handler = _stop_within_a_second(runner)
        signal.signal(signal.SIGINT, handler)
        if hasattr(signal, "SIGTERM"):
            signal.signal(signal.SIGTERM, handler)
    code = runner.run()
    if pcap is not None:
        from netassistant.cli.sessionfiles import close_pcap

        code = close_pcap(pcap, code)
    return code


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
    sys.exit(main())
