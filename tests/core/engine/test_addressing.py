"""Multicast joins on an interface, dual-stack sockets and each datagram's destination.

Real loopback sockets only. IPv4 multicast runs on ``lo`` (joined by interface, sent out
of it with ``IP_MULTICAST_IF``); IPv6 multicast is skipped with the kernel's own reason
where ``lo`` has no IPv6 multicast route.
"""

from __future__ import annotations

import socket

import pytest

from netassistant.core import addressing
from netassistant.core.chunk import EventKind, parse_address
from netassistant.core.config import ConfigError, Family, Kind, SessionConfig
from tests.helpers import TIMEOUT, fresh_python, running

GROUP = "239.255.81.7"
LO = socket.if_nametoindex("lo")


def udp_config(**kw) -> SessionConfig:
    return SessionConfig(kind=Kind.UDP, **kw)


def messages(h, prefix: str) -> list[str]:
    return h.wait_for(
        lambda evs: [e.message for e in evs if str(getattr(e, "message", "")).startswith(prefix)]
    )


def multicast_sender(family: int = socket.AF_INET) -> socket.socket:
    s = socket.socket(family, socket.SOCK_DGRAM)
    if family == socket.AF_INET:
        s.setsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_IF, socket.inet_aton("127.0.0.1"))
    else:
        s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_MULTICAST_IF, LO)
    return s


# ------------------------------------------------------------------ parsing, config
def test_membership_spec_reads_group_and_interface():
    assert addressing.parse_membership(" 239.1.2.3@lo ") == addressing.Membership("239.1.2.3", "lo")
    assert str(addressing.parse_membership("FF02::1:3@1")) == "ff02::1:3@1"
    assert addressing.parse_membership("239.1.2.3").interface == ""


def test_membership_spec_errors_say_what_to_write():
    with pytest.raises(addressing.AddressingError, match=r"'x' is not an IP address; write"):
        addressing.parse_membership("x@lo")
    with pytest.raises(addressing.AddressingError, match=r"10.0.0.1 is not a multicast address"):
        addressing.parse_membership("10.0.0.1")


def test_interface_by_name_index_and_address():
    assert addressing.interface_index("lo") == LO
    assert addressing.interface_index(str(LO)) == LO
    assert addressing.interface_index("127.0.0.1") == LO
    with pytest.raises(addressing.AddressingError, match=r"no interface 'nosuch0' on this machine"):
        addressing.interface_index("nosuch0")


def test_interfaces_list_names_indexes_and_loopback_address():
    by_name = {i.name: i for i in addressing.interfaces()}
    assert by_name["lo"].index == LO
    assert "127.0.0.1" in by_name["lo"].addresses


def test_config_checks_the_addressing_fields():
    with pytest.raises(ConfigError, match=r"^multicast_joins: 'g' is not an IP address"):
        udp_config(multicast_joins=["g"]).validate()
    with pytest.raises(ConfigError, match=r"^multicast_joins: ff02::1 is an IPv6 group"):
        udp_config(multicast_joins=["ff02::1"]).validate()
    with pytest.raises(ConfigError, match=r"^dual_stack: dual-stack is for inet6 sessions"):
        udp_config(dual_stack=True).validate()
    with pytest.raises(ConfigError, match=r"^multicast_ttl: must be a whole number from 0"):
        udp_config(multicast_ttl=256).validate()
    with pytest.raises(ConfigError, match=r"^pktinfo: the receiving address is shown for UDP"):
        SessionConfig(pktinfo=True).validate()


def test_documents_leave_out_the_new_settings_at_their_defaults():
    plain = SessionConfig().to_dict()
    assert "dual_stack" not in plain
    assert "multicast_joins" not in plain
    cfg = udp_config(
        family=Family.INET6,
        local_host="::",
        remote_host="",
        dual_stack=True,
        multicast_joins=["ff02::1:3@lo"],
        multicast_ttl=4,
    )
    data = cfg.to_dict()
    assert (data["dual_stack"], data["multicast_joins"], data["multicast_ttl"]) == (
        True,
        ["ff02::1:3@lo"],
        4,
    )
    assert SessionConfig.from_dict(data) == cfg


def test_parse_address_drops_the_interface_suffix():
    assert parse_address("127.0.0.2:5000%lo") == ("127.0.0.2", 5000)
    assert parse_address("[ff02::1:3]:5000%lo") == ("ff02::1:3", 5000)
    assert parse_address("[fe80::1%lo]:80") == ("fe80::1%lo", 80)


# ------------------------------------------------------------------ multicast
def test_join_on_lo_receives_and_leave_stops_it():
    with (
        running(udp_config(local_host="0.0.0.0", multicast_joins=[f"{GROUP}@lo"])) as h,
        multicast_sender() as tx,
    ):
        assert messages(h, "joined") == [f"joined multicast group {GROUP} on interface lo"]
        tx.sendto(b"one", (GROUP, h.engine.port))
        h.wait_for(lambda _: h.chunks())
        assert [c.data for c in h.chunks()] == [b"one"]
        h.engine.leave_group(f"{GROUP}@lo")
        assert messages(h, "left") == [f"left multicast group {GROUP} on interface lo"]
        tx.sendto(b"two", (GROUP, h.engine.port))
        # A unicast marker after the group send: once it is in, the group send is not.
        tx.sendto(b"marker", ("127.0.0.1", h.engine.port))
        h.wait_for(lambda _: len(h.chunks()) == 2)
        assert [c.data for c in h.chunks()] == [b"one", b"marker"]


def test_join_while_running_by_address_and_a_bad_interface_is_an_error():
    with running(udp_config(local_host="0.0.0.0")) as h, multicast_sender() as tx:
        h.wait_event(EventKind.LISTENING)
        h.engine.join_group(f"{GROUP}@nosuch0")
        err = h.wait_event(EventKind.ERROR)
        assert err.message.startswith(
            f"cannot join multicast group {GROUP}@nosuch0: no interface 'nosuch0' on this machine"
        )
        h.engine.join_group(f"{GROUP}@127.0.0.1")
        assert messages(h, "joined") == [f"joined multicast group {GROUP} on interface 127.0.0.1"]
        assert h.engine.groups == [f"{GROUP}@127.0.0.1"]
        tx.sendto(b"hello", (GROUP, h.engine.port))
        h.wait_for(lambda _: h.chunks())
        assert h.chunks()[0].data == b"hello"


def test_ttl_loop_and_send_interface_are_set_on_the_socket():
    cfg = udp_config(
        local_host="127.0.0.1", multicast_ttl=7, multicast_loop=False, multicast_if="lo"
    )
    with running(cfg) as h:
        h.wait_event(EventKind.LISTENING)
        sock = h.engine._sock
        assert sock.getsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_TTL) == 7
        assert sock.getsockopt(socket.IPPROTO_IP, socket.IP_MULTICAST_LOOP) == 0


def test_ipv6_group_on_lo_or_the_kernels_reason():
    cfg = udp_config(
        family=Family.INET6, local_host="::", remote_host="", multicast_joins=["ff02::1:3@lo"]
    )
    with running(cfg) as h, multicast_sender(socket.AF_INET6) as tx:
        assert messages(h, "joined") == ["joined multicast group ff02::1:3 on interface lo"]
        try:
            tx.sendto(b"v6", ("ff02::1:3", h.engine.port, 0, LO))
        except OSError as exc:
            pytest.skip(f"this kernel sends no IPv6 multicast on lo: {exc.strerror}")
        h.wait_for(lambda _: h.chunks())
        assert h.chunks()[0].data == b"v6"


# ------------------------------------------------------------------ dual-stack
def test_dual_stack_tcp_server_accepts_ipv4_and_ipv6():
    cfg = SessionConfig(kind=Kind.TCP_SERVER, family=Family.INET6, local_host="::", dual_stack=True)
    with running(cfg) as h:
        h.wait_event(EventKind.LISTENING)
        port = h.engine.port
        with (
            socket.create_connection(("127.0.0.1", port), timeout=TIMEOUT) as v4,
            socket.create_connection(("::1", port), timeout=TIMEOUT) as v6,
        ):
            h.wait_for(
                lambda evs: (
                    len([e for e in evs if getattr(e, "kind", None) is EventKind.ACCEPTED]) == 2
                )
            )
            peers = sorted(
                e.peer for e in h.events if getattr(e, "kind", None) is EventKind.ACCEPTED
            )
            assert peers == sorted(
                [f"127.0.0.1:{v4.getsockname()[1]}", f"[::1]:{v6.getsockname()[1]}"]
            )
            v4.sendall(b"four")
            assert h.wait_rx_bytes(4) == b"four"


def test_without_dual_stack_an_ipv6_server_refuses_ipv4():
    cfg = SessionConfig(kind=Kind.TCP_SERVER, family=Family.INET6, local_host="::")
    with running(cfg) as h:
        h.wait_event(EventKind.LISTENING)
        with pytest.raises(ConnectionRefusedError, match=r"Connection refused"):
            socket.create_connection(("127.0.0.1", h.engine.port), timeout=TIMEOUT)


def test_dual_stack_udp_takes_both_and_replies_to_the_ipv4_peer():
    cfg = udp_config(family=Family.INET6, local_host="::", dual_stack=True, remote_host="")
    with running(cfg) as h:
        h.wait_event(EventKind.LISTENING)
        with (
            socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as v4,
            socket.socket(socket.AF_INET6, socket.SOCK_DGRAM) as v6,
        ):
            v4.bind(("127.0.0.1", 0))
            v4.settimeout(TIMEOUT)
            v6.sendto(b"six", ("::1", h.engine.port))
            h.wait_for(lambda _: len(h.chunks()) == 1)
            v4.sendto(b"four", ("127.0.0.1", h.engine.port))
            h.wait_for(lambda _: len(h.chunks()) == 2)
            assert [(c.data, c.peer) for c in h.chunks()][1] == (
                b"four",
                f"127.0.0.1:{v4.getsockname()[1]}",
            )
            h.engine.reply(b"back")
            assert v4.recvfrom(100)[0] == b"back"


# ------------------------------------------------------------------ pktinfo
def test_pktinfo_puts_each_datagrams_destination_in_local():
    with running(udp_config(local_host="0.0.0.0", pktinfo=True)) as h:
        h.wait_event(EventKind.LISTENING)
        port = h.engine.port
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as tx:
            tx.sendto(b"a", ("127.0.0.1", port))
            tx.sendto(b"b", ("127.0.0.2", port))
            h.wait_for(lambda _: len(h.chunks()) == 2)
        assert [(c.data, c.local) for c in h.chunks()] == [
            (b"a", f"127.0.0.1:{port}%lo"),
            (b"b", f"127.0.0.2:{port}%lo"),
        ]


def test_pktinfo_names_the_multicast_group_and_marks_truncation():
    cfg = udp_config(
        local_host="0.0.0.0", pktinfo=True, recv_size=4, multicast_joins=[f"{GROUP}@lo"]
    )
    with running(cfg) as h, multicast_sender() as tx:
        messages(h, "joined")
        tx.sendto(b"123456", (GROUP, h.engine.port))
        h.wait_for(lambda _: h.chunks())
        chunk = h.chunks()[0]
        assert (chunk.data, chunk.local, chunk.truncated) == (
            b"1234",
            f"{GROUP}:{h.engine.port}%lo",
            True,
        )


def test_pktinfo_ipv6_destination():
    cfg = udp_config(family=Family.INET6, local_host="::", pktinfo=True, remote_host="")
    with running(cfg) as h:
        h.wait_event(EventKind.LISTENING)
        with socket.socket(socket.AF_INET6, socket.SOCK_DGRAM) as tx:
            tx.sendto(b"x", ("::1", h.engine.port))
            h.wait_for(lambda _: h.chunks())
        assert h.chunks()[0].local == f"[::1]:{h.engine.port}%lo"


def test_pktinfo_off_keeps_the_bound_address():
    with running(udp_config(local_host="0.0.0.0")) as h:
        h.wait_event(EventKind.LISTENING)
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as tx:
            tx.sendto(b"a", ("127.0.0.2", h.engine.port))
            h.wait_for(lambda _: h.chunks())
        assert h.chunks()[0].local == f"0.0.0.0:{h.engine.port}"


#: IP literals and near misses: ip_version must read each exactly as ipaddress does.
IP_SPELLINGS = [
    "127.0.0.1", "0.0.0.0", "255.255.255.255", "1.2.3.4", "10.0.0.256", "256.1.1.1",
    "127.000.0.1", "127.0.0.01", "01.2.3.4", "0.0.0.00", "1.2.3", "1.2.3.4.5", "1.2.3.",
    ".1.2.3", "1..2.3", "", ".", "...", "1.2.3.4 ", " 1.2.3.4", "1.2.3.-4", "1.2.3.+4",
    "1.2.3.1000", "1.2.3.0x1", "١.٢.٣.٤", "1.2.3.²", "1.2.3.4/32", "localhost", "example.com",
    "127.1", "2130706433", "1_0.0.0.1", "::1", "::", "fe80::1", "::ffff:1.2.3.4",
    "::ffff:1.2.3.04", "1::2::3", ":1", "1:", "12345::", "g::1", "1:2:3:4:5:6:7:8",
    "1:2:3:4:5:6:7:8:9", "1:2:3:4:5:6:7::", "::1:2:3:4:5:6:7", "1:2:3:4:5:6:7::8", "[::1]",
    "fe80::1%lo", "1.2.3.4:80",
]  # fmt: skip


@pytest.mark.parametrize("spelling", IP_SPELLINGS)
def test_ip_version_reads_addresses_as_ipaddress_does(spelling):
    import ipaddress

    try:
        expected: int | None = ipaddress.ip_address(spelling).version
    except ValueError:
        expected = None
    assert addressing.ip_version(spelling) == expected


def test_a_session_on_ipv4_loopback_loads_no_ipaddress():
    """Checking and opening a 127.0.0.1 session reads its addresses without ipaddress."""
    code = (
        "import sys\n"
        "from netassistant.core.config import Kind, SessionConfig\n"
        "from netassistant.core.engine.sockets import resolve\n"
        "from netassistant.core.exposure import exposure_warning\n"
        "config = SessionConfig(kind=Kind.TCP_SERVER, local_host='127.0.0.1').validate()\n"
        "print(exposure_warning(config), resolve(config, '127.0.0.1', 9, passive=False))\n"
        "print('ipaddress' in sys.modules)\n"
    )
    assert fresh_python(code).splitlines() == ["None ('127.0.0.1', 9)", "False"]
