"""The recvmmsg() binding over real loopback sockets: bytes, sizes, senders, errors."""

from __future__ import annotations

import socket
import sys

import pytest

from netassistant.core.engine import recvmmsg
from netassistant.core.engine.recvmmsg import DatagramBatch, decode_address

pytestmark = pytest.mark.skipif(not recvmmsg.AVAILABLE, reason="recvmmsg() is Linux-only")

TRUNC = getattr(socket, "MSG_TRUNC", 0)


def receiver(family: int = socket.AF_INET, where: object = ("127.0.0.1", 0)) -> socket.socket:
    s = socket.socket(family, socket.SOCK_DGRAM)
    s.bind(where)
    s.setblocking(False)
    return s


def received(batch: DatagramBatch, n: int) -> list[bytes]:
    return [batch.slots[i][:length].tobytes() for i, length in enumerate(batch.lengths(n))]


def senders(batch: DatagramBatch, n: int) -> list[object]:
    return [decode_address(batch.name(i, size)) for i, size in enumerate(batch.name_lengths(n))]


def test_one_call_takes_every_waiting_datagram_with_its_sender():
    with receiver() as rx, receiver() as a, receiver() as b:
        for sender, msg in ((a, b"one"), (b, b""), (a, b"three" * 10)):
            sender.sendto(msg, rx.getsockname())
        batch = DatagramBatch(8, 64)
        assert batch.receive(rx.fileno(), 0) == 3
        assert received(batch, 3) == [b"one", b"", b"three" * 10]
        assert batch.lengths(3) == [3, 0, 50]
        assert senders(batch, 3) == [a.getsockname(), b.getsockname(), a.getsockname()]


def test_true_sizes_with_msg_trunc_and_the_first_bytes_kept():
    with receiver() as rx, receiver() as tx:
        for msg in (bytes(range(25)), b"abc", bytes(10), bytes(11)):
            tx.sendto(msg, rx.getsockname())
        batch = DatagramBatch(4, 10)
        assert batch.receive(rx.fileno(), TRUNC) == 4
        assert batch.lengths(4) == [25, 3, 10, 11]
        assert received(batch, 4) == [bytes(range(10)), b"abc", bytes(10), bytes(10)]


def test_without_msg_trunc_lengths_are_what_was_copied():
    with receiver() as rx, receiver() as tx:
        tx.sendto(bytes(range(25)), rx.getsockname())
        batch = DatagramBatch(2, 10)
        assert batch.receive(rx.fileno(), 0) == 1
        assert batch.lengths(1) == [10]


def test_count_limits_one_call_and_the_rest_waits():
    with receiver() as rx, receiver() as tx:
        for i in range(5):
            tx.sendto(bytes([i]), rx.getsockname())
        batch = DatagramBatch(8, 16)
        assert batch.receive(rx.fileno(), 0, 2) == 2
        assert received(batch, 2) == [b"\0", b"\1"]
        assert batch.receive(rx.fileno(), 0) == 3
        assert received(batch, 3) == [b"\2", b"\3", b"\4"]


def test_slots_are_reused_call_after_call():
    with receiver() as rx, receiver() as tx:
        batch = DatagramBatch(3, 8)
        for round_ in range(50):
            msgs = [bytes([round_, i]) * (i + 1) for i in range(3)]
            for msg in msgs:
                tx.sendto(msg, rx.getsockname())
            assert batch.receive(rx.fileno(), TRUNC) == 3
            assert received(batch, 3) == msgs


def test_empty_queue_is_eagain():
    with receiver() as rx:
        with pytest.raises(BlockingIOError, match="Resource temporarily unavailable"):
            DatagramBatch(4, 16).receive(rx.fileno(), 0)


def test_a_closed_descriptor_is_an_os_error():
    rx = receiver()
    fd = rx.fileno()
    rx.close()
    with pytest.raises(OSError, match="Bad file descriptor"):
        DatagramBatch(1, 16).receive(fd, 0)


def test_batch_shape_is_checked():
    with pytest.raises(ValueError, match="at least one slot of one byte, not 0 x 16"):
        DatagramBatch(0, 16)
    with pytest.raises(ValueError, match="at least one slot of one byte, not 4 x 0"):
        DatagramBatch(4, 0)


def test_one_comparison_tells_a_batch_from_one_sender():
    with receiver() as rx, receiver() as a, receiver() as b:
        batch = DatagramBatch(4, 16)
        for _ in range(3):
            a.sendto(b"x", rx.getsockname())
        assert batch.receive(rx.fileno(), 0) == 3
        raws = {batch.name(i, size) for i, size in enumerate(batch.name_lengths(3))}
        assert len(raws) == 1
        pattern = batch.slot_pattern(raws.pop())
        for _ in range(3):
            a.sendto(b"x", rx.getsockname())
        assert batch.receive(rx.fileno(), 0) == 3
        assert batch.names_match(3, pattern)
        assert not batch.names_match(3, batch.slot_pattern(b"\2\0" + bytes(14)))
        a.sendto(b"x", rx.getsockname())
        b.sendto(b"y", rx.getsockname())
        assert batch.receive(rx.fileno(), 0) == 2
        assert batch.names_match(1, pattern)
        assert not batch.names_match(2, pattern)


def test_ipv6_sender_decodes_as_recvfrom_gives_it():
    with receiver(socket.AF_INET6, ("::1", 0)) as rx, receiver(socket.AF_INET6, ("::1", 0)) as tx:
        tx.sendto(b"six", rx.getsockname())
        batch = DatagramBatch(2, 16)
        assert batch.receive(rx.fileno(), 0) == 1
        assert senders(batch, 1) == [("::1", tx.getsockname()[1], 0, 0)] == [tx.getsockname()]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="abstract names are Linux-only")
def test_unix_senders_long_short_abstract_and_unnamed(tmp_path):
    """Each decodes as recvfrom() would: a path, a shorter path, bytes, None."""
    long_path = str(tmp_path / ("L" * max(1, 100 - len(str(tmp_path)))))
    short_path = str(tmp_path / "s")
    with (
        receiver(socket.AF_UNIX, str(tmp_path / "rx")) as rx,
        receiver(socket.AF_UNIX, long_path) as long_,
        receiver(socket.AF_UNIX, short_path) as short,
        receiver(socket.AF_UNIX, b"\0netassistant-test-abstract") as abstract,
        socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM) as unnamed,
    ):
        batch = DatagramBatch(4, 16)
        for sender in (long_, short, abstract, unnamed):
            sender.sendto(b"u", rx.getsockname())
        assert batch.receive(rx.fileno(), 0) == 4
        assert senders(batch, 4) == [long_path, short_path, b"\0netassistant-test-abstract", None]
        # Names are decoded by their length, whatever a longer one left in the slot.
        for sender in (short, unnamed):
            sender.sendto(b"v", rx.getsockname())
        assert batch.receive(rx.fileno(), 0) == 2
        assert senders(batch, 2) == [short_path, None]


def test_a_slot_read_is_cleared_so_the_next_shorter_name_still_matches(tmp_path):
    with (
        receiver(socket.AF_UNIX, str(tmp_path / "rx")) as rx,
        receiver(socket.AF_UNIX, str(tmp_path / "a-longer-name")) as long_,
        receiver(socket.AF_UNIX, str(tmp_path / "s")) as short,
    ):
        batch = DatagramBatch(2, 16)
        for sender in (long_, long_, short):
            sender.sendto(b"u", rx.getsockname())
        assert batch.receive(rx.fileno(), 0) == 2
        assert len({batch.name(i, size) for i, size in enumerate(batch.name_lengths(2))}) == 1
        assert batch.receive(rx.fileno(), 0) == 1
        raw = batch.name(0, batch.name_lengths(1)[0])
        for _ in range(2):
            short.sendto(b"v", rx.getsockname())
        assert batch.receive(rx.fileno(), 0) == 2
        assert batch.names_match(2, batch.slot_pattern(raw))


def test_decode_address_of_odd_input():
    assert decode_address(b"") is None
    assert decode_address(b"\x01") is None
