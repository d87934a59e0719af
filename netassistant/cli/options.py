"""From parsed arguments to what the session needs: its config and its payloads."""

from __future__ import annotations

import argparse
from typing import Any

from netassistant.cli.parser import CONFIG_OPTIONS, FLAG_OPTIONS, UsageError
from netassistant.core.config import ConfigError, Family, Kind, SessionConfig


def overrides(args: argparse.Namespace) -> dict[str, Any]:
    fields = [dest for _, dest, _, _ in CONFIG_OPTIONS] + [dest for dest, _, _ in FLAG_OPTIONS]
    return {f: getattr(args, f) for f in fields if getattr(args, f, None) is not None}


def config_from_args(args: argparse.Namespace) -> SessionConfig:
    base: dict[str, Any] = {}
    if args.profile:
        from netassistant.core.profiles.model import ProfileError, find_profile

        try:
            base = find_profile(args.profile).config.to_dict()
        except ProfileError as exc:
            raise UsageError(str(exc)) from None
    if args.command in (k.value for k in Kind):
        base["kind"] = args.command
    elif not args.profile:
        raise UsageError("choose tcp-server, tcp-client or udp (or --profile NAME)")
    base.update(overrides(args))
    family_hosts(base)
    try:
        return SessionConfig.from_dict(base)
    except ConfigError as exc:
        raise UsageError(str(exc)) from None


def family_hosts(data: dict[str, Any]) -> None:
    """Give the host settings nobody set a default that fits the family.

    SessionConfig's defaults are IPv4 loopback: for inet6 that is an error about an address
    the user never typed, and for unix a socket file named "127.0.0.1" in the current folder.
    """
    family = data.get("family")
    if family in (Family.INET6, Family.UNIX):
        default = "::1" if family == Family.INET6 else ""
        for key in ("local_host", "remote_host"):
            data.setdefault(key, default)


def payloads(args: argparse.Namespace, config: SessionConfig) -> list[bytes]:
    from netassistant.core.codec import EncodeError, EscapeError, HexError, encode_text, parse_hex

    out: list[bytes] = []
    typed = (getattr(args, "sends", None) or []) + (getattr(args, "sub_sends", None) or [])
    for kind, value in typed:
        try:
            if kind == "text":
                out.append(encode_text(value, config.encoding, escapes=True))
            elif kind == "hex":
                out.append(parse_hex(value))
            else:
                with open(value, "rb") as fh:
                    out.append(fh.read())
        except (HexError, EscapeError, EncodeError) as exc:
            raise UsageError(f"cannot send: {exc}") from None
        except OSError as exc:
            raise UsageError(f"cannot read {value}: {exc.strerror or exc}") from None
    if args.frame_send:
        from netassistant.core.framing import FramingError, encode_frame, parse_frame_spec

        spec = parse_frame_spec(config.framing)
        if spec is None:
            raise UsageError("--frame-send needs --frame")
        try:
            out = [encode_frame(spec, p) for p in out]
        except FramingError as exc:
            raise UsageError(f"cannot frame the data: {exc}") from None
    if args.repeat < 1:
        raise UsageError("--repeat must be at least 1")
    if args.burst:
        return [b"".join(out) * args.repeat] if out else []
    return out * args.repeat
