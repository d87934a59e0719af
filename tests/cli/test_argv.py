"""The one-command parser (netassistant.cli.argv) parses, fails and helps as the full one."""

from __future__ import annotations

import argparse

import pytest

from netassistant.cli.argv import COMMANDS, command_named, parse_arguments
from netassistant.cli.parser import build_parser


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
