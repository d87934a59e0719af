"""Tests for netassistant.core.safefile: FIFOs, devices, directories and links never block."""

from __future__ import annotations

import os

import pytest

from netassistant.core.safefile import (
    FileKindError,
    FileTooLargeError,
    check_regular_file,
    open_regular,
    read_regular,
)
from tests.filehelpers import finishes


@pytest.fixture
def fifo(tmp_path):
    path = tmp_path / "pipe"
    os.mkfifo(path)
    return path


@pytest.mark.parametrize("mode", ["rb", "ab", "wb"])
def test_a_fifo_is_refused_at_once_in_every_mode(fifo, mode):
    with pytest.raises(FileKindError, match=r"pipe is a named pipe \(FIFO\), not a regular file$"):
        finishes(open_regular, fifo, mode, fifo=fifo)


def test_a_fifo_behind_a_symlink_is_refused_too(tmp_path, fifo):
    link = tmp_path / "link"
    link.symlink_to(fifo)
    with pytest.raises(FileKindError, match=r"link is a named pipe \(FIFO\)"):
        finishes(open_regular, link, "ab", fifo=fifo)


def test_dev_zero_is_a_character_device():
    with pytest.raises(
        FileKindError, match=r"^/dev/zero is a character device, not a regular file$"
    ):
        finishes(open_regular, "/dev/zero")
    with pytest.raises(FileKindError, match=r"^/dev/zero is a character device"):
        check_regular_file("/dev/zero")


@pytest.mark.parametrize("mode", ["rb", "ab", "wb"])
def test_a_directory_is_refused(tmp_path, mode):
    with pytest.raises(FileKindError, match=r" is a directory, not a regular file$") as info:
        open_regular(tmp_path, mode)
    assert info.value.path == str(tmp_path)


def test_a_missing_file_does_not_exist_for_reading(tmp_path):
    with pytest.raises(FileKindError, match=r"nope does not exist$") as info:
        open_regular(tmp_path / "nope")
    assert info.value.strerror == "it does not exist"
    with pytest.raises(FileKindError, match=r"nope does not exist$"):
        check_regular_file(tmp_path / "nope")


def test_append_creates_a_missing_file(tmp_path):
    with open_regular(tmp_path / "new.bin", "ab") as fh:
        fh.write(b"one")
    with open_regular(tmp_path / "new.bin", "ab") as fh:
        fh.write(b"two")
    assert (tmp_path / "new.bin").read_bytes() == b"onetwo"


def test_write_truncates_only_a_regular_file(tmp_path):
    path = tmp_path / "f"
    path.write_bytes(b"old contents")
    with open_regular(path, "wb") as fh:
        fh.write(b"new")
    assert path.read_bytes() == b"new"


def test_the_opened_file_blocks_as_usual(tmp_path):
    # O_NONBLOCK is cleared after the check: a normal file object comes back.
    path = tmp_path / "f"
    path.write_bytes(b"x" * 100_000)
    with open_regular(path) as fh:
        import fcntl

        assert not fcntl.fcntl(fh.fileno(), fcntl.F_GETFL) & os.O_NONBLOCK
        assert fh.read() == b"x" * 100_000


def test_symlinks_are_followed_unless_refused(tmp_path):
    target = tmp_path / "target"
    target.write_bytes(b"data")
    link = tmp_path / "link"
    link.symlink_to(target)
    with open_regular(link) as fh:
        assert fh.read() == b"data"
    with pytest.raises(FileKindError, match=r"link is a symbolic link; choose the real file$"):
        open_regular(link, "ab", follow_symlinks=False)
    with pytest.raises(FileKindError, match=r"link is a symbolic link; choose the real file$"):
        check_regular_file(link, follow_symlinks=False)
    assert target.read_bytes() == b"data"  # nothing appended through the link


def test_a_dangling_symlink_is_not_created_through(tmp_path):
    link = tmp_path / "link"
    link.symlink_to(tmp_path / "elsewhere")
    with pytest.raises(FileKindError, match=r"link is a symbolic link; choose the real file$"):
        open_regular(link, "ab", follow_symlinks=False)
    assert not (tmp_path / "elsewhere").exists()


def test_a_unix_socket_file_is_refused(tmp_path):
    import socket

    path = str(tmp_path / "sock")
    with socket.socket(socket.AF_UNIX) as server:
        server.bind(path)
        with pytest.raises(FileKindError, match=r"sock is a socket, not a regular file$"):
            open_regular(path, "ab")
        with pytest.raises(FileKindError, match=r"sock is a socket, not a regular file$"):
            check_regular_file(path)


def test_check_regular_file_returns_the_stat(tmp_path):
    path = tmp_path / "f"
    path.write_bytes(b"12345")
    assert check_regular_file(path).st_size == 5


def test_other_errors_stay_plain_os_errors(tmp_path):
    path = tmp_path / "f"
    path.write_bytes(b"")
    path.chmod(0)
    if os.access(path, os.R_OK):
        pytest.skip("running as root: permissions are not enforced")
    with pytest.raises(PermissionError, match="Permission denied"):
        open_regular(path)


def test_unknown_mode():
    with pytest.raises(ValueError, match="mode must be 'rb', 'ab' or 'wb', not 'r'"):
        open_regular("/dev/null", "r")


def test_read_regular_reads_up_to_the_limit(tmp_path):
    path = tmp_path / "f"
    path.write_bytes(b"x" * 10)
    assert read_regular(path, 10) == b"x" * 10
    with pytest.raises(FileTooLargeError, match=r"f is over 9 bytes$") as info:
        read_regular(path, 9)
    assert (info.value.size, info.value.limit, info.value.strerror) == (10, 9, "it is over 9 bytes")


def test_read_regular_refuses_what_never_ends():
    with pytest.raises(FileKindError, match=r"^/dev/zero is a character device"):
        finishes(read_regular, "/dev/zero", 1024)


def test_read_regular_refuses_a_fifo(tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(FileKindError, match=r"pipe is a named pipe \(FIFO\), not a regular file$"):
        finishes(read_regular, fifo, 1024, fifo=fifo)
