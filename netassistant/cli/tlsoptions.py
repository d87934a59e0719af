"""The TLS options of ``tcp-client``, ``tcp-server`` and ``profile save``.

Any of them turns TLS on (``--tls`` alone takes the defaults: verify against the system
store). They override a profile's TLS settings one by one; ``--no-tls`` drops them.
"""

from __future__ import annotations

import argparse
from typing import Any

from netassistant.cli.parser import UsageError, finite_number

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


def add_tls_options(parser: argparse.ArgumentParser) -> None:
    """Add the TLS option group to a sub-command's parser."""
    group = parser.add_argument_group("TLS")
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


def apply_tls_options(args: argparse.Namespace, data: dict[str, Any]) -> None:
    """Merge the TLS options typed into ``data["tls"]`` (a SessionConfig dict).

    Raises:
        UsageError: ``--no-tls`` together with a TLS option.
    """
    typed: dict[str, Any] = {}
    for _, dest, _, _ in _VALUE_OPTIONS:
        value = getattr(args, f"tls_{dest}", None)
        if value is not None:
            typed[dest] = value
    if "alpn" in typed:
        typed["alpn"] = [name.strip() for name in typed["alpn"].split(",") if name.strip()]
    if getattr(args, "tls_insecure", None):
        typed["verify"] = False
    if getattr(args, "tls_self_signed", None):
        typed["self_signed"] = True
    switch = getattr(args, "tls", None)
    if switch is False:
        if typed:
            raise UsageError("--no-tls cannot be combined with TLS options")
        data["tls"] = None
        return
    if not typed and not switch:
        return
    merged = dict(data.get("tls") or {})
    merged.update(typed)
    data["tls"] = merged
