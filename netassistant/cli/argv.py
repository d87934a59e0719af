"""Parsing the command line with a parser built for the one sub-command it names.

The full parser has some twenty sub-parsers; building them all is most of the argument
handling of ``tcp-client --send X``, the scripts' building block whose start-up is
measured (``tests/benchmarks/cli_oneshot.py``). So the first argument that is a sub-command
name picks a parser with only that sub-command (the others are left out: their names are
only shown by the help, which is the full parser's). Whenever that parse could differ from
the full parser's (an error, help, or the name was an option's value) the full parser
parses again, so the result, the error text and the help are always the full parser's.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from netassistant.cli.parser import LightParseError, build_parser

#: Every sub-command of the CLI (tests/cli/test_argv.py checks this against the parser).
COMMANDS = frozenset(
    ("tcp-server", "tcp-client", "udp", "relay", "packets", "profile", "run", "lab")
)


def command_named(argv: Sequence[str]) -> str | None:
    """The first argument that is a sub-command's name; None if none (or help is asked)."""
    if any(arg in ("-h", "--help") for arg in argv):
        return None  # help is always the full parser's
    return next((arg for arg in argv if arg in COMMANDS), None)


def parse_arguments(
    argv: Sequence[str] | None = None,
) -> tuple[argparse.ArgumentParser, argparse.Namespace]:
    """Parse ``argv`` (this process's arguments if None) exactly as the full parser does.

    Returns:
        The parser that parsed (its top-level usage is the full parser's) and the arguments.
    """
    args_list = list(sys.argv[1:] if argv is None else argv)
    command = command_named(args_list)
    if command is not None:
        parser = build_parser(command)
        try:
            args = parser.parse_args(args_list)
        except LightParseError:
            pass  # the full parser reports it, in its own words
        else:
            if args.command == command:
                return parser, args
    parser = build_parser()
    return parser, parser.parse_args(args_list)
