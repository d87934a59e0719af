"""What a socket session is: kind, address family, addresses and socket options.

:class:`SessionConfig` is plain data. ``validate()`` checks it and raises
:class:`ConfigError` naming the field, so the CLI, the profile store and the
window all report a bad port or address the same way.
"""

from __future__ import annotations

import enum

from netassistant.core.i18n import text, translatable
from netassistant.core.records import Record
from netassistant.core.typehints import TYPE_CHECKING

if TYPE_CHECKING:
    from typing import Any

    from netassistant.core.tlsconfig import TlsSettings

MAX_RECV_SIZE = 1024 * 1024
#: A host name (compiled, and cached by re, at the first host that is not an IP address).
_HOSTNAME_PATTERN = (
    r"^(?=.{1,253}$)[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,62})(?:\.[A-Za-z0-9_-]{1,63})*\.?$"
)


class Kind(enum.StrEnum):
    """The session kinds, named as on the command line."""

    TCP_SERVER = "tcp-server"
    TCP_CLIENT = "tcp-client"
    UDP = "udp"
    #: Stands between a client and a server (see :mod:`netassistant.core.engine.relay`).
    RELAY = "relay"


class Family(enum.StrEnum):
    """Address families. ``unix`` is SOCK_STREAM for TCP kinds, SOCK_DGRAM for UDP."""

    INET = "inet"
    INET6 = "inet6"
    UNIX = "unix"


class ConfigError(ValueError):
    """A setting is wrong; ``field`` names it, the message says what to do.

    ``str(exc)`` is ``"field: reason"``; ``args[0]`` is that as a translatable
    :class:`~netassistant.core.i18n.Text`.

    Attributes:
        field: The setting at fault (``remote_port``), as named in :class:`SessionConfig`.
        reason: What is wrong with it: a :class:`~netassistant.core.i18n.Text` when the
            core made it, so a window can show it translated next to its own field label.
    """

    def __init__(self, field_name: str, message: str) -> None:
        super().__init__(text("{field}: {reason}", field=field_name, reason=message))
        self.field = field_name
        self.reason = message


class SessionConfig(Record):
    """Everything needed to open one socket session.

    For ``family == unix`` the host fields hold filesystem paths (a leading ``@``
    means a Linux abstract name) and the port fields are ignored.

    Attributes:
        kind: tcp-server, tcp-client, udp or relay.
        family: inet, inet6 or unix.
        local_host: Address (or path) to bind; "" lets the OS choose (clients).
        local_port: Port to bind; 0 takes an ephemeral port.
        remote_host: Client: where to connect. UDP: default datagram target. Relay:
            the server each client is relayed to.
        remote_port: Port of the remote; 0 for UDP means "no default target".
        recv_size: Bytes asked for per recv()/recvfrom() (1 B .. 1 MiB).
        nodelay: TCP_NODELAY (turn Nagle's algorithm off).
        reuseaddr: SO_REUSEADDR before bind.
        rcvbuf: SO_RCVBUF in bytes, 0 keeps the OS default.
        sndbuf: SO_SNDBUF in bytes, 0 keeps the OS default.
        backlog: listen() backlog; 0 takes the system maximum (``net.core.somaxconn``).
        connect_timeout: Seconds before a connect attempt is given up.
        broadcast: SO_BROADCAST on the UDP socket.
        multicast_group: UDP: group address to join on start ("" for none).
        read_delay_ms: "Slow reader": wait this long before each recv() so data piles up.
        framing: Framing spec (see :mod:`netassistant.core.framing`), "" for raw only.
        checksum: Checksum that ends every framed message (a key of
            :data:`netassistant.core.checksum.ALGORITHMS`), "" for none.
        checksum_order: Its byte order on the wire: ``"big"``, ``"little"``, or "" for
            the algorithm's own.
        encoding: Text encoding used to draw and to send text.
        close_on_peer_fin: When the peer half-closes (FIN), close our side too once our
            answer and queued data are written; False keeps the connection half-open so
            the user can still send.
        relay_udp: Relay: relay UDP datagrams (one upstream socket per sender) rather
            than TCP connections.
        relay_idle_timeout: UDP relay: seconds without a datagram either way after which
            a sender's session (and its upstream socket) expires.
        faults: Relay: fault specs (``up:slicer:size=5``; see
            :mod:`netassistant.core.relay.spec`), applied in this order.
        fault_seed: Relay: seed of the faults' random choices (None: a fresh one each run).
        kernel_state: TCP: watch the sockets' kernel state (TCP_INFO, queues, the peer's
            state on loopback) and report it as STATE events (Linux).
        wire: TCP: show this session's segments on the loopback interface as SEGMENT
            events (Linux, needs CAP_NET_RAW).
        extra: Settings of other parts (front ends) kept with the session.
        tls: TLS settings of a TCP session (:mod:`netassistant.core.tlsconfig`); None
            for plain TCP. A relay speaks it on its client leg, as the TLS server.
        upstream_tls: Relay: TLS settings of the server leg, where the relay is the TLS
            client (None: plain TCP toward the server).
        dual_stack: inet6: IPV6_V6ONLY off, so a socket on ``::`` also takes IPv4 peers
            (shown as plain ``127.0.0.1:port``).
        pktinfo: UDP: ask the kernel for each datagram's destination address and
            interface (``IP_PKTINFO``); the RX chunk's ``local`` becomes e.g.
            ``127.0.0.2:5000%lo``. Off keeps the fast ``recvmmsg()`` path.
        multicast_joins: UDP: more groups to join on start, each ``GROUP[@IFACE]``
            (see :mod:`netassistant.core.addressing`).
        multicast_ttl: UDP: multicast TTL / hop limit, 0 keeps the system default (1).
        multicast_loop: UDP: our own multicast sends are looped back to this host.
        multicast_if: UDP: interface (name, index or address) multicast sends go out of.
    """

    # A Record, not a data class: see netassistant.core.records (start-up time).
    __slots__ = (  # noqa: RUF023 (the fields in order)
        "kind",
        "family",
        "local_host",
        "local_port",
        "remote_host",
        "remote_port",
        "recv_size",
        "nodelay",
        "reuseaddr",
        "rcvbuf",
        "sndbuf",
        "backlog",
        "connect_timeout",
        "broadcast",
        "multicast_group",
        "read_delay_ms",
        "framing",
        "checksum",
        "checksum_order",
        "encoding",
        "close_on_peer_fin",
        "relay_udp",
        "relay_idle_timeout",
        "faults",
        "fault_seed",
        "kernel_state",
        "wire",
        "extra",
        "tls",
        "upstream_tls",
        "dual_stack",
        "pktinfo",
        "multicast_joins",
        "multicast_ttl",
        "multicast_loop",
        "multicast_if",
    )
    kind: Kind
    family: Family
    local_host: str
    local_port: int
    remote_host: str
    remote_port: int
    recv_size: int
    nodelay: bool
    reuseaddr: bool
    rcvbuf: int
    sndbuf: int
    backlog: int
    connect_timeout: float
    broadcast: bool
    multicast_group: str
    read_delay_ms: int
    framing: str
    checksum: str
    checksum_order: str
    encoding: str
    close_on_peer_fin: bool
    relay_udp: bool
    relay_idle_timeout: float
    faults: list[str]
    fault_seed: int | None
    kernel_state: bool
    wire: bool
    extra: dict[str, Any]
    tls: TlsSettings | None
    upstream_tls: TlsSettings | None
    dual_stack: bool
    pktinfo: bool
    multicast_joins: list[str]
    multicast_ttl: int
    multicast_loop: bool
    multicast_if: str

    def __init__(
        self,
        kind: Kind = Kind.TCP_SERVER,
        family: Family = Family.INET,
        local_host: str = "127.0.0.1",
        local_port: int = 0,
        remote_host: str = "127.0.0.1",
        remote_port: int = 0,
        recv_size: int = 65536,
        nodelay: bool = False,
        reuseaddr: bool = True,
        rcvbuf: int = 0,
        sndbuf: int = 0,
        backlog: int = 0,
        connect_timeout: float = 5.0,
        broadcast: bool = False,
        multicast_group: str = "",
        read_delay_ms: int = 0,
        framing: str = "",
        checksum: str = "",
        checksum_order: str = "",
        encoding: str = "utf-8",
        close_on_peer_fin: bool = True,
        relay_udp: bool = False,
        relay_idle_timeout: float = 60.0,
        faults: list[str] | None = None,
        fault_seed: int | None = None,
        kernel_state: bool = True,
        wire: bool = False,
        extra: dict[str, Any] | None = None,
        tls: TlsSettings | None = None,
        upstream_tls: TlsSettings | None = None,
        dual_stack: bool = False,
        pktinfo: bool = False,
        multicast_joins: list[str] | None = None,
        multicast_ttl: int = 0,
        multicast_loop: bool = True,
        multicast_if: str = "",
    ) -> None:
        """Keep the settings as given (:meth:`validate` checks them).

        A list or dict left out is a new empty one.
        """
        self.kind = kind
        self.family = family
        self.local_host = local_host
        self.local_port = local_port
        self.remote_host = remote_host
        self.remote_port = remote_port
        self.recv_size = recv_size
        self.nodelay = nodelay
        self.reuseaddr = reuseaddr
        self.rcvbuf = rcvbuf
        self.sndbuf = sndbuf
        self.backlog = backlog
        self.connect_timeout = connect_timeout
        self.broadcast = broadcast
        self.multicast_group = multicast_group
        self.read_delay_ms = read_delay_ms
        self.framing = framing
        self.checksum = checksum
        self.checksum_order = checksum_order
        self.encoding = encoding
        self.close_on_peer_fin = close_on_peer_fin
        self.relay_udp = relay_udp
        self.relay_idle_timeout = relay_idle_timeout
        self.faults = [] if faults is None else faults
        self.fault_seed = fault_seed
        self.kernel_state = kernel_state
        self.wire = wire
        self.extra = {} if extra is None else extra
        self.tls = tls
        self.upstream_tls = upstream_tls
        self.dual_stack = dual_stack
        self.pktinfo = pktinfo
        self.multicast_joins = [] if multicast_joins is None else multicast_joins
        self.multicast_ttl = multicast_ttl
        self.multicast_loop = multicast_loop
        self.multicast_if = multicast_if

    # ----------------------------------------------------------------- checks
    def validate(self, *, check_files: bool = True) -> SessionConfig:
        """Check every field; raise :class:`ConfigError` on the first bad one.

        Args:
            check_files: Also load the TLS certificate, key and CA files. A stored profile
                is checked without (a file moved away must not make the profile unreadable;
                the session says so when it starts).

        Returns:
            self, so calls can be chained.
        """
        if not isinstance(self.kind, Kind):
            raise ConfigError("kind", _unknown_kind(self.kind))
        if not isinstance(self.family, Family):
            raise ConfigError("family", _unknown_family(self.family))
        # Types first, so no later check meets a None or a number where it expects a string.
        for name in _STRING_FIELDS:
            if not isinstance(getattr(self, name), str):
                raise ConfigError(name, text("must be a string"))
        for name in _BOOL_FIELDS:
            if not isinstance(getattr(self, name), bool):
                raise ConfigError(name, text("must be true or false"))
        if not isinstance(self.extra, dict):
            raise ConfigError("extra", text("must be a JSON object"))
        _check_int("recv_size", self.recv_size, 1, MAX_RECV_SIZE, _RANGE_RECV_SIZE)
        _check_int("rcvbuf", self.rcvbuf, 0, 256 * 1024 * 1024, _RANGE_BUFFER)
        _check_int("sndbuf", self.sndbuf, 0, 256 * 1024 * 1024, _RANGE_BUFFER)
        _check_int("backlog", self.backlog, 0, 65535, _RANGE_BACKLOG)
        _check_int("read_delay_ms", self.read_delay_ms, 0, 60_000, _RANGE_DELAY)
        timeout = self.connect_timeout
        # bool is an int, NaN fails every comparison, inf is over 600: all refused here.
        if (
            isinstance(timeout, bool)
            or not isinstance(timeout, int | float)
            or not 0 < timeout <= 600
        ):
            raise ConfigError("connect_timeout", text("must be between 0 and 600 seconds"))
        _check_encoding(self.encoding)
        if self.framing:
            from netassistant.core.framing import FramingError, parse_frame_spec

            try:
                parse_frame_spec(self.framing)
            except FramingError as exc:
                raise ConfigError("framing", exc.args[0]) from None
        self._validate_checksum()
        if self.tls is not None:
            self._validate_tls(self.tls, check_files)
        if self.upstream_tls is not None:
            from netassistant.core.relay.upstreamtls import validate_upstream_tls

            validate_upstream_tls(self, check_files)
        if self.kind is Kind.RELAY or self.faults != []:
            from netassistant.core.relay.settings import validate_relay

            validate_relay(self)
        if self.family is Family.UNIX:
            self._validate_unix()
        else:
            self._validate_inet()
        from netassistant.core.addressing import check_config

        check_config(self)
        return self

    def _validate_checksum(self) -> None:
        if self.checksum:
            from netassistant.core.checksum import ALGORITHMS

            if self.checksum not in ALGORITHMS:
                names = ", ".join(ALGORITHMS)
                raise ConfigError(
                    "checksum",
                    text(
                        "unknown checksum {name!r}; use one of {names}",
                        name=self.checksum,
                        names=names,
                    ),
                )
        if self.checksum_order not in ("", "big", "little"):
            raise ConfigError(
                "checksum_order", text('must be "big", "little" or "" (the checksum\'s own order)')
            )

    def _validate_tls(self, tls: TlsSettings, check_files: bool) -> None:
        from netassistant.core.tlsconfig import TlsError, TlsSettings

        if not isinstance(tls, TlsSettings):
            raise ConfigError("tls", text("must be a JSON object (or null for plain TCP)"))
        if self.kind is Kind.UDP or self.relay_udp:
            raise ConfigError("tls", text("TLS is for TCP sessions; UDP has none (DTLS)"))
        try:
            # A relay is the TLS server of its client leg.
            server = self.kind in (Kind.TCP_SERVER, Kind.RELAY)
            tls.validate(server=server, check_files=check_files)
        except TlsError as exc:
            raise ConfigError(exc.field, exc.args[0]) from None

    def _validate_unix(self) -> None:
        if self.kind is Kind.TCP_SERVER and not self.local_host:
            raise ConfigError("local_host", text("a unix server needs a socket path to bind"))
        if self.kind is Kind.RELAY and not self.local_host:
            raise ConfigError("local_host", text("a unix relay needs a socket path to bind"))
        if self.kind in (Kind.TCP_CLIENT, Kind.RELAY) and not self.remote_host:
            raise ConfigError(
                "remote_host", text("a unix client needs the socket path to connect to")
            )
        for name in ("local_host", "remote_host"):
            value = getattr(self, name)
            if "\0" in value:
                raise ConfigError(name, text("a socket path cannot contain a NUL character"))
            if len(value.encode()) > 107:
                raise ConfigError(
                    name, text("socket path is longer than 107 bytes; use a shorter path")
                )
        if self.multicast_group or self.broadcast:
            field_name = "multicast_group" if self.multicast_group else "broadcast"
            raise ConfigError(
                field_name, text("broadcast and multicast need inet or inet6, not unix")
            )

    def _validate_inet(self) -> None:
        _check_int("local_port", self.local_port, 0, 65535, _RANGE_LOCAL_PORT)
        low = 1 if self.kind in (Kind.TCP_CLIENT, Kind.RELAY) else 0
        _check_int("remote_port", self.remote_port, low, 65535, _RANGE_PLAIN)
        _check_host("local_host", self.local_host, self.family, allow_empty=True)
        if self.kind in (Kind.TCP_CLIENT, Kind.RELAY) or (
            self.kind is Kind.UDP and self.remote_host
        ):
            _check_host(
                "remote_host", self.remote_host, self.family, allow_empty=self.kind is Kind.UDP
            )
        if self.multicast_group:
            import ipaddress

            try:
                group = ipaddress.ip_address(self.multicast_group)
            except ValueError:
                raise ConfigError(
                    "multicast_group",
                    text("{group!r} is not an IP address", group=self.multicast_group),
                ) from None
            if not group.is_multicast:
                raise ConfigError(
                    "multicast_group",
                    text(
                        "{group} is not a multicast address (224.0.0.0/4 or ff00::/8)",
                        group=str(group),
                    ),
                )
            if (group.version == 6) != (self.family is Family.INET6):
                raise ConfigError(
                    "multicast_group",
                    text(
                        "{group} does not match family {family}",
                        group=str(group),
                        family=str(self.family),
                    ),
                )
        if self.kind is not Kind.UDP and (self.multicast_group or self.broadcast):
            raise ConfigError("broadcast", text("broadcast and multicast are for UDP sessions"))

    # ------------------------------------------------------------ conversion
    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready dict (enums as their strings)."""
        out: dict[str, Any] = {}
        for name in self.__slots__:
            value = getattr(self, name)
            if (
                name in _RELAY_DEFAULTS
                and self.kind is not Kind.RELAY
                and value == _RELAY_DEFAULTS[name]
            ):
                continue  # other kinds' profiles and JSON stay as they were before relays
            if name in _ADDRESSING_DEFAULTS and value == _ADDRESSING_DEFAULTS[name]:
                continue  # documents stay as they were before these settings
            if isinstance(value, enum.Enum):
                value = value.value
            elif isinstance(value, dict | list):
                value = value.copy()
            elif name in ("tls", "upstream_tls"):
                if value is None:
                    continue  # plain TCP: documents stay as they were before TLS
                value = value.to_dict()
            out[name] = value
        return out

    @classmethod
    def from_dict(cls, data: dict[str, Any], *, check_files: bool = True) -> SessionConfig:
        """Build and validate a config from a dict; unknown keys are an error.

        ``check_files`` is passed to :meth:`validate`.

        Raises:
            ConfigError: naming the first bad field.
        """
        if not isinstance(data, dict):
            raise ConfigError("config", text("must be a JSON object"))
        kwargs: dict[str, Any] = {}
        for key, value in data.items():
            if key not in cls.__slots__:
                raise ConfigError(key, text("unknown setting"))
            kwargs[key] = value
        if "kind" in kwargs:
            try:
                kwargs["kind"] = Kind(kwargs["kind"])
            except ValueError:
                raise ConfigError("kind", _unknown_kind(kwargs["kind"])) from None
        if "family" in kwargs:
            try:
                kwargs["family"] = Family(kwargs["family"])
            except ValueError:
                raise ConfigError("family", _unknown_family(kwargs["family"])) from None
        for name in ("tls", "upstream_tls"):
            if kwargs.get(name) is not None:
                from netassistant.core.tlsconfig import TlsError, TlsSettings

                try:
                    kwargs[name] = TlsSettings.from_dict(kwargs[name])
                except TlsError as exc:
                    raise ConfigError(name + exc.field[3:], exc.args[0]) from None
        return cls(**kwargs).validate(check_files=check_files)

    def describe(self) -> str:
        """Short human summary, e.g. ``tcp-client → 127.0.0.1:9000``."""
        if self.family is Family.UNIX:
            local, remote = self.local_host, self.remote_host
        else:
            local = _hostport(self.local_host or "*", self.local_port)
            remote = _hostport(self.remote_host, self.remote_port)
        if self.kind is Kind.TCP_SERVER:
            return f"{self.kind.value} {local}"
        if self.kind is Kind.TCP_CLIENT:
            return f"{self.kind.value} → {remote}"
        if self.kind is Kind.RELAY:
            return f"{self.kind.value}{' udp' if self.relay_udp else ''} {local} → {remote}"
        return f"{self.kind.value} {local}" + (
            f" → {remote}"
            if self.remote_host and (self.remote_port or self.family is Family.UNIX)
            else ""
        )


_STRING_FIELDS = (
    "local_host",
    "remote_host",
    "multicast_group",
    "framing",
    "checksum",
    "checksum_order",
    "encoding",
)
_BOOL_FIELDS = (
    "nodelay",
    "reuseaddr",
    "broadcast",
    "close_on_peer_fin",
    "relay_udp",
    "kernel_state",
    "wire",
    "dual_stack",
    "pktinfo",
    "multicast_loop",
)


#: Settings of relay sessions only (left out of other kinds' dicts while at their defaults).
_RELAY_DEFAULTS: dict[str, Any] = {
    "relay_udp": False,
    "relay_idle_timeout": 60.0,
    "faults": [],
    "fault_seed": None,
}


#: Settings added with multicast/dual-stack/pktinfo, left out of documents at their default.
_ADDRESSING_DEFAULTS: dict[str, Any] = {
    "dual_stack": False,
    "pktinfo": False,
    "multicast_joins": [],
    "multicast_ttl": 0,
    "multicast_loop": True,
    "multicast_if": "",
}


def _hostport(host: str, port: int) -> str:
    return f"[{host}]:{port}" if ":" in host else f"{host}:{port}"


# "out of range" sentences, one per unit, so a translator sees each one whole.
_RANGE_PLAIN = translatable("{value} is out of range {low}..{high}")
_RANGE_RECV_SIZE = translatable("{value} is out of range {low}..{high} bytes (1 B .. 1 MiB)")
_RANGE_BUFFER = translatable("{value} is out of range {low}..{high} bytes (0 = system default)")
_RANGE_BACKLOG = translatable("{value} is out of range {low}..{high} connections")
_RANGE_DELAY = translatable("{value} is out of range {low}..{high} milliseconds")
_RANGE_LOCAL_PORT = translatable("{value} is out of range {low}..{high} (0 = any free port)")


def _unknown_kind(kind: Any) -> str:
    return text("unknown kind {kind!r}; use tcp-server, tcp-client, udp or relay", kind=kind)


def _unknown_family(family: Any) -> str:
    return text("unknown family {family!r}; use inet, inet6 or unix", family=family)


def _check_int(name: str, value: Any, low: int, high: int, out_of_range: str) -> None:
    """Raise ConfigError unless ``value`` is an int in ``low..high`` (``out_of_range`` says so)."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ConfigError(name, text("must be a whole number, not {value!r}", value=value))
    if not low <= value <= high:
        raise ConfigError(name, text(out_of_range, value=value, low=low, high=high))


def _check_encoding(encoding: str) -> None:
    import codecs

    try:
        codecs.lookup(encoding)
    except (LookupError, TypeError):
        raise ConfigError(
            "encoding",
            text("unknown text encoding {encoding!r}; try utf-8 or gbk", encoding=encoding),
        ) from None


def _check_host(name: str, host: str, family: Family, *, allow_empty: bool) -> None:
    if not host:
        if allow_empty:
            return
        raise ConfigError(name, text("an address is needed"))
    from netassistant.core.addressing import ip_version

    version = ip_version(host.split("%", 1)[0])
    if version is None:
        import re

        if re.match(_HOSTNAME_PATTERN, host):
            return
        raise ConfigError(name, text("{host!r} is not an IP address or host name", host=host))
    if family is Family.INET and version != 4:
        raise ConfigError(
            name,
            text("{host} is an IPv6 address; choose family inet6 or an IPv4 address", host=host),
        )
    if family is Family.INET6 and version != 6:
        raise ConfigError(
            name,
            text("{host} is an IPv4 address; choose family inet or an IPv6 address", host=host),
        )


def default_config(kind: Kind) -> SessionConfig:
    """What a new pane starts with: NetAssist's habit of port 8080, on this machine only."""
    if kind is Kind.TCP_SERVER:
        return SessionConfig(kind=kind, local_port=8080)
    if kind is Kind.TCP_CLIENT:
        return SessionConfig(kind=kind, local_host="", remote_port=8080)
    if kind is Kind.RELAY:
        return SessionConfig(kind=kind, local_port=8083, remote_port=8080)
    return SessionConfig(kind=kind, local_port=8081, remote_port=8082)
