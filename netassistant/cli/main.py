"""``netassistant-cli``: the same engines without a window, for scripts and terminals.

Examples::

    netassistant-cli tcp-server --local-port 9000 --echo
    netassistant-cli tcp-client --remote-port 9000 --send 'hi\\n' --repeat 3 --count 3
    netassistant-cli udp --local-port 9002 --remote-port 9003 --send-hex '01 02 0a' --json
    netassistant-cli --profile "Echo server"

Exit codes: 0 done, 1 runtime failure (plain-words message on stderr), 2 usage error.
"""

from __future__ import annotations

import signal
import sys
import threading
from collections.abc import Sequence
from typing import TextIO

from netassistant.cli.options import config_from_args
from netassistant.cli.parser import EXIT_USAGE, UsageError, build_parser
from netassistant.cli.profile_cmd import profile_command
from netassistant.cli.runner import Runner


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    """Entry point; returns the exit code."""
    out = out or sys.stdout
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "profile":
            return profile_command(args, out)
        config = config_from_args(args)
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
