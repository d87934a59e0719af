"""The one-command parser (netassistant.cli.argv) parses, fails and helps as the full one."""

from __future__ import annotations

import argparse
import gettext
import struct
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from netassistant.cli.argv import COMMANDS, argparse_words, command_named, parse_arguments
from netassistant.cli.parser import build_parser
from tests.helpers import fresh_python


def full_parse(argv: list[str]) -> argparse.Namespace:
    return build_parser().parse_args(argv)


def subcommands(parser: argparse.ArgumentParser) -> set[str]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return set(action.choices)
    raise AssertionError("no sub-commands")


def test_commands_are_the_full_parsers_sub_commands():
    assert subcommands(build_parser()) == set(COMMANDS)


@pytest.mark.parametrize(
    "argv",
    [
        ["tcp-client", "--remote-port", "7", "--send", "hello"],
        ["--json", "tcp-server", "--local-port", "0", "--count", "3"],
        ["udp", "--local-port", "0", "--send", "udp"],  # a value that names a command
        ["relay", "--local-port", "0", "--remote-port", "9"],
        ["profile", "show", "Echo server"],
        ["packets", "list"],
        ["lab", "run", "tcp-client"],
        ["run", "x.yaml", "--json"],
        # "udp" is --profile's value here: the light parse gives tcp-client, and the full
        # parser parses again.
        ["--profile", "udp", "tcp-client", "--remote-port", "7", "--send", "x"],
    ],
)
def test_the_same_arguments_as_the_full_parser(argv):
    parser, args = parse_arguments(argv)
    assert vars(args) == vars(full_parse(argv))
    assert parser.format_usage() == build_parser().format_usage()


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_only_the_named_command_is_built(command):
    light = build_parser(command)
    assert subcommands(light) == {command}


def test_a_value_that_names_a_command_goes_to_the_full_parser():
    with pytest.raises(SystemExit, match="2"):
        # The full parser reports what the light one could not parse, in its words.
        parse_arguments(["--profile", "udp", "tcp-client", "--send"])


def test_an_error_is_the_full_parsers_message(capsys):
    argv = ["tcp-client", "--remote-port", "seven"]
    with pytest.raises(SystemExit, match="2"):
        parse_arguments(argv)
    light_err = capsys.readouterr().err
    with pytest.raises(SystemExit, match="2"):
        full_parse(argv)
    assert light_err == capsys.readouterr().err
    assert (
        "error: argument -P/--remote-port: must be a whole number from 0 to 65535, not 'seven'"
        in light_err
    )


def test_help_is_the_full_parsers(capsys):
    assert command_named(["tcp-client", "--help"]) is None
    with pytest.raises(SystemExit, match="0"):
        parse_arguments(["tcp-client", "--help"])
    assert "--remote-port" in capsys.readouterr().out
    assert command_named(["--json", "tcp-client", "-x"]) == "tcp-client"
    assert command_named(["--json"]) is None


def write_catalog(path: Path, translations: dict[str, str]) -> None:
    """A GNU gettext catalog (.mo) of ``translations``, as msgfmt writes it (no hash table)."""
    entries = sorted({"": "Content-Type: text/plain; charset=UTF-8\n", **translations}.items())
    keys = [key.encode() for key, _ in entries]
    values = [value.encode() for _, value in entries]
    header_size = 7 * 4
    tables = 2 * len(entries) * 8
    strings = b""
    originals, translated = [], []
    for table, texts in ((originals, keys), (translated, values)):
        for text in texts:
            table.append((len(text), header_size + tables + len(strings)))
            strings += text + b"\0"
    header = struct.pack(
        "<7I", 0x950412DE, 0, len(entries), header_size, header_size + len(entries) * 8, 0, 0
    )
    pairs = b"".join(struct.pack("<2I", *pair) for pair in originals + translated)
    path.parent.mkdir(parents=True)
    path.write_bytes(header + pairs + strings)


@contextmanager
def locale_folder(folder: Path) -> Iterator[None]:
    """Within: argparse's catalogs are looked for in ``folder`` (not in Python's)."""
    domain = gettext.textdomain()
    before = gettext.bindtextdomain(domain)
    gettext.bindtextdomain(domain, str(folder))
    try:
        yield
    finally:
        gettext.bindtextdomain(domain, before)


def test_argparse_words_come_from_a_catalog_where_there_is_one(tmp_path, monkeypatch, capsys):
    write_catalog(
        tmp_path / "de" / "LC_MESSAGES" / f"{gettext.textdomain()}.mo",
        {
            "usage: ": "Aufruf: ",
            "%(prog)s: error: %(message)s\n": "%(prog)s: Fehler: %(message)s\n",
        },
    )
    monkeypatch.setenv("LANGUAGE", "de")
    with locale_folder(tmp_path), pytest.raises(SystemExit, match="2"):
        parse_arguments(["tcp-client", "--remote-port", "seven"])
    err = capsys.readouterr().err
    assert err.startswith("Aufruf: netassistant-cli")
    assert (
        "netassistant-cli tcp-client: Fehler: argument -P/--remote-port: must be a whole "
        "number from 0 to 65535, not 'seven'\n"
    ) in err


def test_without_a_catalog_argparse_says_what_gettext_says(tmp_path, capsys):
    with locale_folder(tmp_path / "no such folder"):
        with argparse_words():
            assert vars(argparse)["_"] is not gettext.gettext, "gettext is not asked"
            assert vars(argparse)["ngettext"]("one", "many", 1) == "one"
            assert vars(argparse)["ngettext"]("one", "many", 2) == "many"
        assert vars(argparse)["_"] is gettext.gettext
        assert vars(argparse)["ngettext"] is gettext.ngettext
        outputs = []
        for parse in (parse_arguments, full_parse):  # with the shortcut, and gettext's
            for argv in (["tcp-client", "--remote-port", "seven"], ["tcp-client", "--help"]):
                with pytest.raises(SystemExit, match=r"^[02]$"):
                    parse(argv)
                outputs.append(capsys.readouterr())
    assert outputs[:2] == outputs[2:]
    assert outputs[0].err.startswith("usage: netassistant-cli")
    assert "\noptions:\n" in outputs[1].out


def test_without_a_catalog_parsing_loads_no_locale():
    loaded = fresh_python(
        "import gettext, sys\n"
        "gettext.bindtextdomain(gettext.textdomain(), '/no/such/folder')\n"
        "from netassistant.cli.argv import parse_arguments\n"
        "parse_arguments(['tcp-client', '--remote-port', '7', '--send', 'x'])\n"
        "print('locale' in sys.modules)\n"
    )
    assert loaded == "False\n"
