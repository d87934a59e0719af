"""Parsing the command line with a parser built for the one sub-command it names.

The full parser has some twenty sub-parsers; building them all is most of the argument
handling of ``tcp-client --send X``, the scripts' building block whose start-up is
measured (``tests/benchmarks/cli_oneshot.py``). So the first argument that is a sub-command
name picks a parser with only that sub-command (the others are left out: their names are
only shown by the help, which is the full parser's). Whenever that parse could differ from
the full parser's (an error, help, or the name was an option's value) the full parser
parses again, so the result, the error text and the help are always the full parser's.

argparse passes each of its own words (the group titles of every parser it builds, its
help and error lines) through :func:`gettext.gettext`, which looks for a catalog of them
on every call and imports :mod:`locale` to spell the user's languages: a tenth of the
argument handling of a one-shot send, for a catalog that cannot exist when gettext's
locale folder does not (:func:`argparse_words`). Then the words are argparse's English
ones, exactly what gettext would have returned.
"""

from __future__ import annotations

import argparse
import gettext
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

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
    with argparse_words():
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


def _untranslated(message: str) -> str:
    return message


def _untranslated_plural(singular: str, plural: str, count: int) -> str:
    return singular if count == 1 else plural


@contextmanager
def argparse_words() -> Iterator[None]:
    """Within: argparse's own words are its English ones when gettext has no catalog.

    gettext finds a catalog of argparse's words (domain ``messages``) only as
    ``LOCALEDIR/LANGUAGE/LC_MESSAGES/messages.mo``; if ``LOCALEDIR`` is no folder, every
    lookup returns the English words it was given (plural: by the count), and that is
    what argparse gets here, without the lookups. Otherwise gettext does as always.
    """
    names = vars(argparse)
    localedir = gettext.bindtextdomain(gettext.textdomain())  # asks, changes nothing
    if os.path.isdir(localedir) or "_" not in names or "ngettext" not in names:
        yield
        return
    saved = names["_"], names["ngettext"]
    names["_"], names["ngettext"] = _untranslated, _untranslated_plural
    try:
        yield
    finally:
        names["_"], names["ngettext"] = saved
