"""The TLS options of ``tcp-client``, ``tcp-server``, ``relay`` and ``profile save``.

Any of them turns TLS on (``--tls`` alone takes the defaults: verify against the system
store). They override a profile's TLS settings one by one; ``--no-tls`` drops them.

A relay has two legs: ``--tls`` and its options are the client leg's (the relay is the TLS
server its clients connect to); the same options with ``--upstream-`` in front are the
server leg's (the relay is the TLS client of the server), stored as ``upstream_tls``.
"""

from __future__ import annotations

import argparse

from netassistant.cli.parser import UsageError, finite_number
from netassistant.core.typehints import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any

#: (option, TlsSettings field, argparse keywords, help).
_VALUE_OPTIONS: list[tuple[str, str, dict[str, Any], str]] = [
    ("--cert", "cert", {"metavar": "FILE"}, "TLS certificate (PEM; may hold the key too)"),
    ("--key", "key", {"metavar": "FILE"}, "TLS private key (PEM), if not in --cert"),
    (
        "--ca",
        "ca",
        {"metavar": "FILE"},
        "CA file the peer's certificate must chain to (client default: the system store; "
        "server: ask clients for a certificate)",
    ),
    (
        "--sni",
        "sni",
        {"metavar": "NAME"},
        "server name to send and verify (default: --remote-host)",
    ),
    ("--alpn", "alpn", {"metavar": "LIST"}, "ALPN protocols, comma-separated (h2,http/1.1)"),
    ("--tls-min", "min_version", {"choices": ["1.2", "1.3"]}, "lowest TLS version"),
    (
        "--tls-timeout",
        "handshake_timeout",
        {"type": finite_number(0, 600, unit="seconds", above_low=True), "metavar": "SECONDS"},
        "seconds a TLS handshake may take (default 10)",
    ),
]

#: The server leg's options: (option, TlsSettings field, help); the argparse keywords are
#: those of the client leg's option of the same field.
_UPSTREAM_OPTIONS: list[tuple[str, str, str]] = [
    ("--upstream-cert", "cert", "client certificate (PEM) for a server that asks for one"),
    ("--upstream-key", "key", "its private key (PEM), if not in --upstream-cert"),
    ("--upstream-ca", "ca", "CA file the server's certificate must chain to (default: system)"),
    ("--upstream-sni", "sni", "server name to send and verify (default: --remote-host)"),
    ("--upstream-alpn", "alpn", "ALPN protocols offered to the server, comma-separated"),
    ("--upstream-tls-min", "min_version", "lowest TLS version toward the server"),
    ("--upstream-tls-timeout", "handshake_timeout", "seconds its TLS handshake may take"),
]
_UPSTREAM = "upstream_tls"


def add_tls_options(parser: argparse.ArgumentParser, *, title: str = "TLS") -> None:
    """Add the TLS option group to a sub-command's parser."""
    group = parser.add_argument_group(title)
    group.add_argument(
        "--tls",
        dest="tls",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="speak TLS (implied by every option below)",
    )
    for flag, dest, extra, help_text in _VALUE_OPTIONS:
        group.add_argument(flag, dest=f"tls_{dest}", default=None, help=help_text, **extra)
    group.add_argument(
        "--insecure",
        dest="tls_insecure",
        action="store_true",
        default=None,
        help="do not verify the peer's certificate (loud: a warning is printed)",
    )
    group.add_argument(
        "--tls-self-signed",
        dest="tls_self_signed",
        action="store_true",
        default=None,
        help="server: make a self-signed certificate for localhost, 127.0.0.1, ::1 "
        "(30 days; its SHA-256 fingerprint is printed)",
    )


def add_upstream_tls_options(parser: argparse.ArgumentParser) -> None:
    """Add the relay's server leg TLS group (the relay is the TLS client there)."""
    group = parser.add_argument_group(
        "TLS toward the server (relay: the relay is the server's TLS client)"
    )
    group.add_argument(
        "--upstream-tls",
        dest=_UPSTREAM,
        action=argparse.BooleanOptionalAction,
        default=None,
        help="speak TLS to the server (implied by every option below)",
    )
    extras = {dest: extra for _, dest, extra, _ in _VALUE_OPTIONS}
    for flag, dest, help_text in _UPSTREAM_OPTIONS:
        group.add_argument(
            flag, dest=f"{_UPSTREAM}_{dest}", default=None, help=help_text, **extras[dest]
        )
    group.add_argument(
        "--upstream-insecure",
        dest=f"{_UPSTREAM}_insecure",
        action="store_true",
        default=None,
        help="do not verify the server's certificate (loud: a warning is printed)",
    )


def apply_tls_options(args: argparse.Namespace, data: dict[str, Any]) -> None:
    """Merge the TLS options typed into ``data["tls"]`` (a SessionConfig dict).

    Raises:
        UsageError: ``--no-tls`` together with a TLS option.
    """
    typed = _typed(args, "tls", [dest for _, dest, _, _ in _VALUE_OPTIONS])
    if getattr(args, "tls_self_signed", None):
        typed["self_signed"] = True
    _merge(data, "tls", getattr(args, "tls", None), typed, "--no-tls")


def apply_upstream_tls_options(args: argparse.Namespace, data: dict[str, Any]) -> None:
    """Merge the server leg's TLS options typed into ``data["upstream_tls"]``.

    Raises:
        UsageError: ``--no-upstream-tls`` together with an upstream TLS option.
    """
    typed = _typed(args, _UPSTREAM, [dest for _, dest, _ in _UPSTREAM_OPTIONS])
    _merge(data, _UPSTREAM, getattr(args, _UPSTREAM, None), typed, "--no-upstream-tls")


def _typed(args: argparse.Namespace, prefix: str, fields: list[str]) -> dict[str, Any]:
    """The TlsSettings fields typed with options named ``<prefix>_<field>``."""
    typed: dict[str, Any] = {}
    for dest in fields:
        value = getattr(args, f"{prefix}_{dest}", None)
        if value is not None:
            typed[dest] = value
    if "alpn" in typed:
        typed["alpn"] = [name.strip() for name in typed["alpn"].split(",") if name.strip()]
    if getattr(args, f"{prefix}_insecure", None):
        typed["verify"] = False
    return typed


def _merge(
    data: dict[str, Any], key: str, switch: bool | None, typed: dict[str, Any], off: str
) -> None:
    if switch is False:
        if typed:
            raise UsageError(f"{off} cannot be combined with TLS options")
        data[key] = None
        return
    if not typed and not switch:
        return
    merged = dict(data.get(key) or {})
    merged.update(typed)
    data[key] = merged
