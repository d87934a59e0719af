"""UDP (or AF_UNIX datagram) session: one chunk per datagram, truncation made visible."""

from __future__ import annotations

import collections
import selectors
import socket
import sys
from collections.abc import Callable
from typing import Any

from netassistant.core import addressing, errors
from netassistant.core.chunk import Direction, EventKind, format_address
from netassistant.core.config import Family
from netassistant.core.engine.base import Engine, check_data, check_port
from netassistant.core.engine.sockets import (
    SetupError,
    bind,
    bound_name,
    new_socket,
    remove_unix_path,
    resolve,
)
from netassistant.core.engine.udp_receive import DatagramReader, batched_by_default
from netassistant.core.i18n import text
from netassistant.core.sending.plans import Route

_UDP_LIMIT = {socket.AF_INET: 65507, socket.AF_INET6: 65527}


_NOBODY_TO_REPLY = text(
    "no datagram received yet, so there is nobody to reply to; nothing was sent"
)


class UdpEngine(Engine):
    """A bound datagram socket; sends to a target, to the last sender, or anywhere.

    Receiving is done by a :class:`~.udp_receive.DatagramReader` (``recvmmsg()`` on
    Linux, one ``recvfrom_into()`` per datagram elsewhere or when ``batched`` is False).

    Attributes:
        port: The bound port (0 for AF_UNIX).
        groups: Multicast groups joined.
        batched: Read with ``recvmmsg()``; set before :meth:`run` to choose the path
            (default: :func:`~.udp_receive.batched_by_default`).
    """

    datagrams = True

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._sock: socket.socket | None = None
        self._reader: DatagramReader | None = None
        self.batched = batched_by_default()
        self.port = 0
        self.groups: list[str] = []
        self._outq: collections.deque[tuple[bytes, Any, str]] = collections.deque()
        self._queued = 0
        self._send_failures = 0
        self._drain_waiters: list[Callable[[], None]] = []
        self._bound_path = ""
        self._interest = 0
        self._read_paused = False

    # ------------------------------------------------------------ commands
    def send(self, data: bytes, conn_id: int | None = None) -> None:
        """Send one datagram to the configured target."""
        cfg = self.config
        self._post(self._do_send_to, check_data(data), cfg.remote_host, cfg.remote_port)

    def send_to(self, data: bytes, host: str, port: int = 0) -> None:
        """Send one datagram to ``host:port`` (or a unix path)."""
        data = check_data(data)
        if not isinstance(host, str):
            raise TypeError(f"host must be a string, not {host!r}")
        check_port(port)
        self._post(self._do_send_to, data, host, port)

    def reply(self, data: bytes) -> None:
        """Send one datagram back to whoever sent the last one."""
        self._post(self._do_reply, check_data(data))

    def join_group(self, group: str) -> None:
        """Join a multicast group: ``GROUP[@IFACE]`` (see :mod:`~netassistant.core.addressing`)."""
        self._post(self._do_membership, group, True)

    def leave_group(self, group: str) -> None:
        """Leave a multicast group joined as ``GROUP[@IFACE]``."""
        self._post(self._do_membership, group, False)

    def set_broadcast(self, on: bool) -> None:
        """SO_BROADCAST on or off."""
        self._post(self._do_broadcast, on)

    def queued_bytes(self, conn_id: int | None = None) -> int:
        """Bytes of datagrams waiting for the socket to take them (approximate; any thread)."""
        return self._queued

    # ------------------------------------------------- state (for send routes, taps, UI)
    @property
    def is_open(self) -> bool:
        """True while the socket is open (between a successful open and the stop)."""
        return self._sock is not None

    @property
    def last_sender(self) -> tuple[Any, str] | None:
        """``(address, formatted address)`` of the last sender; None before any datagram.

        The address is as ``recvfrom()`` gives it, ready for :meth:`queue_datagram`.
        """
        reader = self._reader
        if reader is None or reader.last_addr is None:
            return None
        return reader.last_addr, reader.last_peer

    @property
    def last_peer(self) -> str:
        """Formatted address of the last sender ("" before any datagram)."""
        return self._reader.last_peer if self._reader is not None else ""

    @property
    def dropped(self) -> int:
        """Datagrams the kernel reported dropped so far (see :mod:`.udp_receive`)."""
        return self._reader.dropped if self._reader is not None else 0

    # ------------------------------------------------ sending (loop thread only)
    def queue_datagram(self, data: bytes, addr: Any, peer: str) -> bool:
        """Send one datagram to ``addr`` now, or queue it if the socket is full.

        Loop thread only (send plans and file sends run there).

        Args:
            data: The whole datagram.
            addr: A socket address, e.g. from :meth:`last_sender` or resolved.
            peer: ``addr`` formatted, for the TX chunk and messages.

        Returns:
            False if it was not sent and will not be: too large, or the kernel refused it
            at once. Either is reported as one ERROR event.
        """
        failures = self._send_failures
        return self._queue(data, addr, peer) and self._send_failures == failures

    def when_drained(self, fn: Callable[[], None]) -> None:
        """Call ``fn`` (loop thread) once every queued datagram is handed to the kernel."""
        if self._outq and self._sock is not None:
            self._drain_waiters.append(fn)
        else:
            self.call_later(0, fn)

    # ------------------------------------------------------------- handlers
    def _do_send_to(self, data: bytes, host: str, port: int) -> None:
        target = self._target(host, port)
        if isinstance(target, str):
            self.emit_event(EventKind.ERROR, local=self.local_address, message=target)
            return
        self._queue(data, *target)

    def _target(self, host: str, port: int) -> tuple[Any, str] | str:
        """(sockaddr, formatted peer) for host/port, or why there is none."""
        unix = self.config.family is Family.UNIX
        if not host or (not unix and not port):
            return text("no target address: set the remote host and port; nothing was sent")
        try:
            addr = resolve(self.config, host, port, passive=False)
        except SetupError as exc:
            reason: str = exc.args[0]  # the translatable Text, not str(exc)
            return reason
        return addr, host if unix else format_address((host, port))

    def _do_reply(self, data: bytes) -> None:
        sender = self.last_sender
        if sender is None:
            self.emit_event(EventKind.ERROR, local=self.local_address, message=_NOBODY_TO_REPLY)
            return
        self._queue(data, *sender)

    def plan_routes(
        self, conn_id: int | None, host: str, port: int, reply: bool, fan_out: bool
    ) -> list[Route] | str:
        """Where a plan or file send goes; see :meth:`Engine.plan_routes`."""
        if reply:
            sender = self.last_sender
            if sender is None:
                return _NOBODY_TO_REPLY
            return [DatagramRoute(self, *sender)]
        if not host:
            host, port = self.config.remote_host, self.config.remote_port
        target = self._target(host, port)
        if isinstance(target, str):
            return target
        return [DatagramRoute(self, *target)]

    def _queue(self, data: bytes, addr: Any, peer: str) -> bool:
        """Send or queue one datagram; False if it was refused (reported as an ERROR)."""
        assert self._sock is not None
        limit = _UDP_LIMIT.get(self._sock.family)
        if limit is not None and len(data) > limit:
            self.emit_event(
                EventKind.ERROR,
                local=self.local_address,
                peer=peer,
                message=errors.datagram_too_large(len(data), peer, limit),
            )
            return False
        self._outq.append((data, addr, peer))
        self._queued += len(data)
        if len(self._outq) == 1:
            self._write()
        return True

    def _write(self) -> None:
        sock = self._sock
        assert sock is not None
        while self._outq:
            data, addr, peer = self._outq[0]
            try:
                sock.sendto(data, addr)
            except (BlockingIOError, InterruptedError):
                break
            except OSError as exc:
                self._outq.popleft()
                self._queued -= len(data)
                self._send_failures += 1
                self.emit_event(
                    EventKind.ERROR,
                    local=self.local_address,
                    peer=peer,
                    message=text(
                        "{error}; the datagram was not sent",
                        error=errors.io_error(exc, "send", peer),
                    ),
                )
                continue
            self._outq.popleft()
            self._queued -= len(data)
            self.emit_chunk(0, Direction.TX, self.local_address, peer, data)
        self._update_interest()
        if not self._outq and self._drain_waiters:
            waiters, self._drain_waiters = self._drain_waiters, []
            for fn in waiters:
                self.call_later(0, fn)

    def _do_membership(self, spec: str, join: bool) -> None:
        sock = self._sock
        assert sock is not None
        member: addressing.Membership | None = None
        try:
            member = addressing.parse_membership(spec)
            level, option, value = addressing.membership_request(member, sock.family)
            if not join:
                option = addressing.leave_option(sock.family)
            sock.setsockopt(level, option, value)
        except (OSError, addressing.AddressingError) as exc:
            template = (
                "cannot join multicast group {group}: {reason}"
                if join
                else "cannot leave multicast group {group}: {reason}"
            )
            if isinstance(exc, addressing.AddressingError):
                reason = exc.args[0]
            else:
                reason = exc.strerror or str(exc)
            self.emit_event(
                EventKind.ERROR,
                local=self.local_address,
                message=text(template, group=spec, reason=reason),
            )
            return
        name = str(member)
        if join:
            self.groups.append(name)
        elif name in self.groups:
            self.groups.remove(name)
        if member.interface:
            template = (
                "joined multicast group {group} on interface {iface}"
                if join
                else "left multicast group {group} on interface {iface}"
            )
        else:
            template = "joined multicast group {group}" if join else "left multicast group {group}"
        self.emit_event(
            EventKind.LISTENING,
            local=self.local_address,
            message=text(template, group=member.group, iface=member.interface),
            detail={
                "multicast": "joined" if join else "left",
                "group": member.group,
                "interface": member.interface,
            },
        )

    def _do_broadcast(self, on: bool) -> None:
        if self._sock is not None:
            self._sock.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1 if on else 0)

    # ----------------------------------------------------------------- loop
    def _open(self) -> None:
        cfg = self.config
        unix = cfg.family is Family.UNIX
        sock = new_socket(cfg, socket.SOCK_DGRAM)
        try:
            if cfg.broadcast:
                sock.setsockopt(socket.SOL_SOCKET, socket.SO_BROADCAST, 1)
            if not unix:
                addressing.apply_send_options(sock, cfg)
                if cfg.multicast_if:
                    addressing.set_send_interface(sock, cfg.multicast_if)
            if unix:
                if cfg.local_host:
                    bind(sock, cfg, cfg.local_host, 0)
                    self._bound_path = cfg.local_host
                elif sys.platform.startswith("linux"):
                    sock.bind("")  # autobind an abstract name so replies can reach us
            else:
                bind(sock, cfg, cfg.local_host, cfg.local_port)
        except SetupError:
            sock.close()
            raise
        except (OSError, addressing.AddressingError) as exc:
            sock.close()
            why = exc.args[0] if isinstance(exc, addressing.AddressingError) else None
            raise SetupError(
                text(
                    "cannot open the UDP socket: {reason}",
                    reason=why or getattr(exc, "strerror", None) or str(exc),
                )
            ) from None
        if cfg.pktinfo and not unix:
            self._reader = _pktinfo_reader(self, sock)
        else:
            self._reader = DatagramReader(self, sock, self.batched)
        self._sock = sock
        self.local_address, self.port = bound_name(sock, cfg)
        self._update_interest()
        self.emit_event(
            EventKind.LISTENING,
            local=self.local_address,
            message=text("bound to {local}", local=self.local_address)
            if self.local_address
            else text("bound to an unnamed socket"),
        )
        for spec in [cfg.multicast_group, *cfg.multicast_joins]:
            if spec:
                self._do_membership(spec, True)

    def _on_ready(self, sock: socket.socket, mask: int) -> None:
        reader = self._reader
        if mask & selectors.EVENT_READ and reader is not None and reader.read() and self.read_delay:
            self._pause()  # the slow reader: one datagram, then wait
        if mask & selectors.EVENT_WRITE:
            self._write()

    def _pause(self) -> None:
        self._read_paused = True
        self._update_interest()

        def resume() -> None:
            self._read_paused = False
            self._update_interest()

        self.call_later(self.read_delay, resume)

    def _update_interest(self) -> None:
        if self._sock is None:
            return
        wanted = (0 if self._read_paused else selectors.EVENT_READ) | (
            selectors.EVENT_WRITE if self._outq else 0
        )
        self._interest = self.set_interest(self._sock, self._interest, wanted, self._on_ready)

    def _close_all(self) -> None:
        if self._reader is not None:
            self._reader.close()  # the last count of drops, before the socket goes
        if self._sock is not None:
            self._interest = self.set_interest(self._sock, self._interest, 0, self._on_ready)
            self._sock.close()
            self._sock = None
        if self._bound_path:
            remove_unix_path(self._bound_path)


def _pktinfo_reader(engine: UdpEngine, sock: socket.socket) -> DatagramReader:
    """The reader that reports each datagram's destination (loaded only when asked for)."""
    from netassistant.core.engine import pktinfo

    try:
        pktinfo.enable(sock)
    except OSError as exc:
        sock.close()
        raise SetupError(
            text(
                "this system cannot report the receiving address ({reason}); turn the option off",
                reason=exc.strerror or str(exc),
            )
        ) from None
    return pktinfo.PktinfoReader(engine, sock, False)


class DatagramRoute:
    """A send plan's route to one datagram address (see :class:`~.sendplan.Route`).

    Any queued datagram means the socket said EAGAIN: the runner then waits for
    the socket to take it before handing over more, so the queue stays bounded.
    """

    conn_id = 0
    high_water = 1

    def __init__(self, engine: UdpEngine, addr: Any, peer: str) -> None:
        self.engine = engine
        self.addr = addr
        self.peer = peer
        self.local = engine.local_address

    def refusal(self) -> str:
        """Why nothing can be sent now ("" if it can)."""
        return "" if self.engine.is_open else text("the socket is closed")

    def send(self, data: bytes) -> bool:
        """Send or queue one datagram; False if it was refused (reported as an ERROR)."""
        return self.engine.queue_datagram(data, self.addr, self.peer)

    def backlog(self) -> int:
        """Bytes queued in the engine, not yet taken by the kernel."""
        return self.engine.queued_bytes()

    def when_drained(self, fn: Callable[[], None]) -> None:
        """Call ``fn`` once the queue is empty (loop thread)."""
        self.engine.when_drained(fn)
