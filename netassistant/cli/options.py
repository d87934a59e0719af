"""From parsed arguments to what the session needs: its config and its payloads.

Checksums, framing, files and profiles are imported by the option that needs them, so
a plain ``--send`` pays for none of them.
"""

from __future__ import annotations

import argparse

from netassistant.cli.parser import CONFIG_OPTIONS, FLAG_OPTIONS, UsageError
from netassistant.cli.tlsoptions import apply_tls_options
from netassistant.core.config import ConfigError, Family, Kind, SessionConfig
from netassistant.core.pipeline import DecodeSettings, SendItem, SendScript
from netassistant.core.sending.plans import MAX_BURST_BYTES
from netassistant.core.typehints import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any

    from netassistant.core.sending.formats import MessageFormat


def overrides(args: argparse.Namespace) -> dict[str, Any]:
    """The session settings typed on the command line (only those given)."""
    fields = [dest for _, dest, _, _ in CONFIG_OPTIONS] + [dest for dest, _, _ in FLAG_OPTIONS]
    fields.append("close_on_peer_fin")  # --stay-open (TCP sub-commands only)
    fields.append("multicast_joins")  # --join, repeatable
    return {f: getattr(args, f) for f in fields if getattr(args, f, None) is not None}


def config_from_args(args: argparse.Namespace) -> SessionConfig:
    """The session settings: a profile (``--profile``) overridden by the options typed.

    Raises:
        UsageError: An unknown profile, no session kind, or a setting out of range.
    """
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
        raise UsageError("choose tcp-server, tcp-client, udp or relay (or --profile NAME)")
    base.update(overrides(args))
    apply_tls_options(args, base)
    if args.command == Kind.RELAY.value:
        from netassistant.cli.relayopts import relay_overrides
        from netassistant.cli.tlsoptions import apply_upstream_tls_options

        base.update(relay_overrides(args))
        apply_upstream_tls_options(args, base)
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


#: What ``--burst`` may join into one send call (the engine's own limit for bursts).
#: Files sent with framing or in a burst are read whole, so they are held to it too.
MAX_WHOLE_BYTES = MAX_BURST_BYTES


def message_format(args: argparse.Namespace, config: SessionConfig) -> MessageFormat | None:
    """The checksum and frame ``--frame-send`` adds to each send, or None without it."""
    if not getattr(args, "frame_send", False):
        return None
    from netassistant.core.framing import FramingError, parse_frame_spec
    from netassistant.core.sending.formats import MessageFormat

    try:
        spec = parse_frame_spec(config.framing)
    except FramingError as exc:
        raise UsageError(str(exc)) from None
    name, order = checksum_option(args, config)
    if spec is None and not name:
        raise UsageError("--frame-send needs --frame (or --checksum)")
    return MessageFormat(name, order, spec)


def checksum_option(args: argparse.Namespace, config: SessionConfig) -> tuple[str, str | None]:
    """``--checksum NAME[:ORDER]`` as (name, order); else the profile's checksum, or ("", None)."""
    value = getattr(args, "checksum", None)
    if not value:
        return config.checksum, config.checksum_order or None
    from netassistant.core.checksum import ALGORITHMS

    name, _, order = str(value).partition(":")
    if name not in ALGORITHMS:
        choices = ", ".join(sorted(ALGORITHMS))
        raise UsageError(f"--checksum: unknown checksum {name!r}; choose one of {choices}")
    if order not in ("", "big", "little"):
        raise UsageError(f"--checksum: the byte order must be big or little, not {order!r}")
    return name, order or None


def decode_settings(args: argparse.Namespace, config: SessionConfig) -> DecodeSettings:
    """How received bytes are cut into messages: ``--frame`` and ``--checksum``."""
    name, order = checksum_option(args, config)
    settings = DecodeSettings(config.framing, name or None, order)
    try:
        settings.build()
    except ValueError as exc:  # FramingError and ChecksumError are ValueErrors
        raise UsageError(str(exc)) from None
    return settings


def send_script(args: argparse.Namespace, config: SessionConfig) -> SendScript | None:
    """The ``--send``/``--send-hex``/``--send-file`` sequence, or None when nothing is sent.

    Text and hex are encoded here, so a typo is a usage error before any socket opens.
    Files are checked now and streamed later, unless ``--frame-send`` or ``--burst`` needs
    them whole (then they are read now, up to :data:`MAX_WHOLE_BYTES`).
    """
    from netassistant.core.codec import EncodeError, EscapeError, HexError, encode_text, parse_hex

    fmt = message_format(args, config)
    whole = fmt is not None or args.burst
    items: list[SendItem] = []
    typed = (getattr(args, "sends", None) or []) + (getattr(args, "sub_sends", None) or [])
    for kind, value in typed:
        try:
            if kind == "text":
                data = encode_text(value, config.encoding, escapes=True)
            elif kind == "hex":
                data = parse_hex(value)
            elif kind == "packet":
                items.append(packet_item(value, config, own_interval=not args.interval))
                continue
            elif whole:
                data = _read_whole(value)
            else:
                _check_file(value)
                items.append(SendItem(path=value))
                continue
        except (HexError, EscapeError, EncodeError) as exc:
            raise UsageError(f"cannot send: {exc}") from None
        if fmt is not None:
            data = _formatted(fmt, data)
        items.append(SendItem(data=data))
    if getattr(args, "replay", None):
        from netassistant.cli.sessionfiles import replay_item

        items.append(replay_item(args))
    if not items:
        return None
    if getattr(args, "rate", None) or getattr(args, "bps", None):
        from netassistant.cli.generator import rate_script

        return rate_script(args, items)
    if args.burst:
        joined = b"".join(item.data for item in items)
        total = len(joined) * args.repeat
        if total > MAX_BURST_BYTES:
            raise UsageError(
                f"--burst would put {total} bytes into one send call; the limit is "
                f"{MAX_BURST_BYTES // (1024 * 1024)} MiB: lower --repeat or drop --burst"
            )
        return SendScript([SendItem(data=joined * args.repeat)])
    return SendScript(items, repeat=args.repeat, interval_ms=args.interval)


def packet_item(name: str, config: SessionConfig, *, own_interval: bool = True) -> SendItem:
    """``--send-packet NAME``: the library packet's bytes, to its UDP target if it has one.

    The packet is dressed by its own checksum and frame, not by ``--frame-send``; a
    template packet's bytes are built from its template and values. With
    ``own_interval`` (no ``--interval`` given) the packet's resend interval is the pause
    after each of its sends, so ``--repeat N`` sends it N times that far apart (the last
    send waits for nothing).

    Raises:
        UsageError: no such packet, a packet that cannot be built, or one meant for the
            other kind of session.
    """
    from netassistant.core.packets.library import PacketLibrary
    from netassistant.core.packets.model import PacketError

    try:
        packet = PacketLibrary().get(name)
        data = packet.wire_bytes()
    except PacketError as exc:
        raise UsageError(f"--send-packet: {exc}") from None
    udp = config.kind is Kind.UDP
    if packet.kind != "any" and (packet.kind == "udp") != udp:
        raise UsageError(
            f"--send-packet: packet {name!r} is meant for {packet.kind.upper()} sessions, "
            f"not {config.kind.value}; change its kind in the library to send it here"
        )
    pause = float(packet.interval_ms) if own_interval else 0.0
    if udp and packet.host:
        port = packet.port or config.remote_port
        return SendItem(data=data, host=packet.host, port=port, pause_ms=pause)
    return SendItem(data=data, pause_ms=pause)


def reply_rules(args: argparse.Namespace) -> Any:
    """``--rules FILE`` as checked reply rules, ``--echo`` as the echo rule, or None.

    Raises:
        UsageError: both options, or a rules file that cannot be read or used.
    """
    path = getattr(args, "rules", None)
    if path and args.echo:
        raise UsageError(
            "use --echo or --rules, not both (an echo rule is "
            '{"match_kind": "any", "reply": "{data}"})'
        )
    if args.echo:
        from netassistant.core.autoreply import AutoReplyRule

        return AutoReplyRule()
    if not path:
        return None
    from netassistant.core.replies.rules import RuleError
    from netassistant.core.replies.ruleset import load_rules_file

    try:
        return load_rules_file(path)
    except RuleError as exc:
        raise UsageError(f"--rules: {exc}") from None


def _formatted(fmt: MessageFormat, data: bytes) -> bytes:
    """``data`` with the ``--frame-send`` checksum and frame added."""
    from netassistant.core.framing import FramingError

    try:
        return fmt.apply(data)
    except FramingError as exc:
        raise UsageError(f"cannot frame the data: {exc}") from None


def _check_file(path: str) -> None:
    """A usage error unless ``path`` is a regular file we may stream (never opens it)."""
    from netassistant.core.safefile import check_regular_file

    try:
        check_regular_file(path)
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror or exc}") from None


def _read_whole(path: str) -> bytes:
    """A file that must be sent as one message, read now (at most :data:`MAX_WHOLE_BYTES`)."""
    from netassistant.core.safefile import FileTooLargeError, read_regular

    try:
        return read_regular(path, MAX_WHOLE_BYTES)
    except FileTooLargeError:
        raise UsageError(
            f"cannot send {path} as one message: it is over "
            f"{MAX_WHOLE_BYTES // (1024 * 1024)} MiB (drop --frame-send and --burst to stream it)"
        ) from None
    except OSError as exc:
        raise UsageError(f"cannot read {path}: {exc.strerror or exc}") from None
