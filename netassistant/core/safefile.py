"""Open user-chosen files without ever blocking on a named pipe or a device.

A path typed or chosen by the user can name anything: a named pipe (FIFO), whose plain
``open()`` waits for a writer or reader forever; ``/dev/zero``, which never ends; a
directory; or a symbolic link that points somewhere the user did not mean to write. Every
place that reads or writes a user's file (profiles, captures, file sends, ``--send-file``)
goes through :func:`open_regular`, which:

1. opens with ``O_NONBLOCK`` (a FIFO opens at once instead of waiting) and, when links are
   refused, ``O_NOFOLLOW`` (a link fails instead of being followed);
2. checks ``S_ISREG`` with ``fstat`` on the descriptor it opened, so the file checked is the
   file used (no race between a check and the open);
3. clears ``O_NONBLOCK`` again, so reads and writes behave as usual;
4. only then truncates, when the mode asks for it.

:func:`check_regular_file` is the same check without opening, for listing a folder,
:func:`read_regular` reads a whole file with a size limit, and :func:`write_atomic` writes
a whole file so that a reader sees the old one or the new one, never half.
Refusals raise :class:`FileKindError` (an ``OSError``) whose message names the file and
says what it is, e.g. ``/tmp/p is a named pipe (FIFO), not a regular file``; its
``strerror`` holds the reason alone, for messages that name the file themselves.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import time
from typing import IO, Any

from netassistant.core.i18n import Text, text, translatable

# What a path is, when it is not a regular file: one phrase per kind for "{path} is {kind}".
KIND_DIRECTORY = translatable("a directory, not a regular file")
KIND_FIFO = translatable("a named pipe (FIFO), not a regular file")
KIND_CHAR_DEVICE = translatable("a character device, not a regular file")
KIND_BLOCK_DEVICE = translatable("a block device, not a regular file")
KIND_SOCKET = translatable("a socket, not a regular file")
KIND_SYMLINK = translatable("a symbolic link; choose the real file")
KIND_OTHER = translatable("not a regular file")

_MODES = {
    # mode -> (open flags, truncate after the check)
    "rb": (os.O_RDONLY, False),
    "ab": (os.O_WRONLY | os.O_APPEND | os.O_CREAT, False),
    "wb": (os.O_WRONLY | os.O_CREAT, True),
}
_O_NONBLOCK = getattr(os, "O_NONBLOCK", 0)
_O_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_O_BINARY = getattr(os, "O_BINARY", 0)


class FileKindError(OSError):
    """A path that is not a regular file (or does not exist); the message says what it is.

    ``args[0]`` and ``str(exc)`` are the whole sentence, naming the file (a translatable
    :class:`~netassistant.core.i18n.Text`); ``strerror`` is the reason alone, so code that
    formats ``"cannot read {path}: {exc.strerror}"`` reads naturally too.

    Attributes:
        path: The path concerned.
        kind: The kind phrase (one of the ``KIND_*`` templates), or "" when it is missing.
    """

    def __init__(self, path: str, kind: str) -> None:
        if kind:
            reason: Text = text(kind)
            message = text("{path} is {kind}", path=path, kind=reason)
        else:
            reason = text("it does not exist")
            message = text("{path} does not exist", path=path)
        super().__init__(message)
        self.strerror = reason
        self.path = path
        self.kind = kind


def kind_of(mode: int) -> str:
    """The ``KIND_*`` phrase for a non-regular ``st_mode``, or "" for a regular file."""
    if stat.S_ISREG(mode):
        return ""
    for test, kind in (
        (stat.S_ISDIR, KIND_DIRECTORY),
        (stat.S_ISFIFO, KIND_FIFO),
        (stat.S_ISCHR, KIND_CHAR_DEVICE),
        (stat.S_ISBLK, KIND_BLOCK_DEVICE),
        (stat.S_ISSOCK, KIND_SOCKET),
        (stat.S_ISLNK, KIND_SYMLINK),
    ):
        if test(mode):
            return kind
    return KIND_OTHER


def check_regular_file(
    path: str | os.PathLike[str], *, follow_symlinks: bool = True
) -> os.stat_result:
    """Return the ``stat`` of ``path`` if it is a regular file; never opens it.

    Args:
        path: The file.
        follow_symlinks: False refuses a symbolic link instead of looking at its target.

    Raises:
        FileKindError: ``path`` is missing, a directory, a FIFO, a device, a socket, or
            (with ``follow_symlinks=False``) a symbolic link.
        OSError: ``path`` cannot be looked at (permissions, a name too long, ...).
    """
    name = os.fspath(path)
    try:
        result = os.stat(name, follow_symlinks=follow_symlinks)
    except FileNotFoundError:
        raise FileKindError(name, "") from None
    kind = kind_of(result.st_mode)
    if kind:
        raise FileKindError(name, kind)
    return result


def open_regular(
    path: str | os.PathLike[str], mode: str = "rb", *, follow_symlinks: bool = True
) -> IO[Any]:
    """Open a regular file in binary ``mode`` without ever blocking on a FIFO or device.

    Args:
        path: The file.
        mode: ``"rb"`` (read), ``"ab"`` (append, created if missing) or ``"wb"``
            (write, created if missing, truncated only once known to be a regular file).
        follow_symlinks: False refuses a symbolic link (``O_NOFOLLOW``) instead of
            opening the file it points to.

    Returns:
        An open binary file object (unbuffered reads and writes block as usual).

    Raises:
        FileKindError: ``path`` is missing (for ``"rb"``), not a regular file, or a
            refused symbolic link; nothing was read, written or truncated.
        OSError: any other failure to open (permissions, a full disk, ...).
        ValueError: an unknown ``mode``.
    """
    if mode not in _MODES:
        raise ValueError(f"open_regular() mode must be 'rb', 'ab' or 'wb', not {mode!r}")
    flags, truncate = _MODES[mode]
    name = os.fspath(path)
    flags |= _O_NONBLOCK | _O_BINARY
    if not follow_symlinks:
        flags |= _O_NOFOLLOW
        if not _O_NOFOLLOW:  # no O_NOFOLLOW (Windows): the best there is, a check first
            _refuse_symlink(name)
    try:
        # 0o666: the umask decides, as for any file the user creates.
        fd = os.open(name, flags, 0o666)
    except OSError as exc:
        raise _explain(name, exc, follow_symlinks, creating=bool(flags & os.O_CREAT)) from None
    try:
        kind = kind_of(os.fstat(fd).st_mode)
        if kind:
            raise FileKindError(name, kind)
        if _O_NONBLOCK:
            import fcntl

            fcntl.fcntl(fd, fcntl.F_SETFL, fcntl.fcntl(fd, fcntl.F_GETFL) & ~_O_NONBLOCK)
        if truncate:
            os.ftruncate(fd, 0)
        return os.fdopen(fd, mode)
    except BaseException:
        os.close(fd)
        raise


def read_regular(
    path: str | os.PathLike[str], limit: int, *, follow_symlinks: bool = True
) -> bytes:
    """The whole content of regular file ``path``, refused if it is over ``limit`` bytes.

    For files read into memory at once (profiles, ``--send-file``): memory stays bounded
    whatever the file, and a FIFO or ``/dev/zero`` is refused instead of read forever.

    Raises:
        FileKindError: ``path`` is missing or not a regular file.
        FileTooLargeError: ``path`` holds more than ``limit`` bytes (nothing is returned).
        OSError: any other failure to open or read.
    """
    name = os.fspath(path)
    with open_regular(name, follow_symlinks=follow_symlinks) as handle:
        size = os.fstat(handle.fileno()).st_size
        # Read one byte past the limit: a file that grew since fstat is caught too.
        data = handle.read(limit + 1) if size <= limit else b""
    if size > limit or len(data) > limit:
        raise FileTooLargeError(name, max(size, len(data)), limit)
    return bytes(data)


class FileTooLargeError(OSError):
    """A file too large to be read into memory; the message names it and the limit.

    Attributes:
        path: The file.
        size: Its size in bytes (at least ``limit + 1``).
        limit: The most that was allowed.
    """

    def __init__(self, path: str, size: int, limit: int) -> None:
        reason = text("it is over {limit} bytes", limit=limit)
        super().__init__(text("{path} is over {limit} bytes", path=path, limit=limit))
        self.strerror = reason
        self.path = path
        self.size = size
        self.limit = limit


def _refuse_symlink(name: str) -> None:
    try:
        if stat.S_ISLNK(os.lstat(name).st_mode):
            raise FileKindError(name, KIND_SYMLINK)
    except FileNotFoundError:
        pass


def _explain(name: str, exc: OSError, follow_symlinks: bool, *, creating: bool) -> OSError:
    """Turn an ``open`` failure into a :class:`FileKindError` when the path's kind explains it."""
    # When creating, ENOENT means a missing folder: the plain OSError says that best.
    if isinstance(exc, FileNotFoundError) and not creating:
        return FileKindError(name, "")
    if exc.errno == errno.ELOOP and not follow_symlinks:
        return FileKindError(name, KIND_SYMLINK)
    if isinstance(exc, IsADirectoryError) or exc.errno in (errno.ENXIO, errno.ENODEV):
        # ENXIO: a FIFO opened for writing with no reader, or a socket file.
        try:
            kind = kind_of(os.stat(name, follow_symlinks=follow_symlinks).st_mode)
        except OSError:
            kind = ""
        if kind:
            return FileKindError(name, kind)
    return exc


def write_atomic(
    path: str | os.PathLike[str], data: bytes, *, refuse_symlinks: bool = False
) -> None:
    """Write ``data`` to ``path`` atomically: a temporary file, flushed, renamed over it.

    A reader, a second process or a crash sees the old file or the new one, never half of
    one. What is there already must be a regular file: a FIFO, a device or a folder is
    refused (replacing one with a file is never what was meant). A symbolic link is
    replaced by the file (profiles), or refused with ``refuse_symlinks``.

    Raises:
        FileKindError: ``path`` is not a regular file (or a refused link); nothing written.
        OSError: any other failure (permissions, a full disk, a missing folder).
    """
    name = os.fspath(path)
    if os.path.islink(name):
        if refuse_symlinks:
            raise FileKindError(name, KIND_SYMLINK)
    elif os.path.lexists(name):
        check_regular_file(name)
    folder = os.path.dirname(name) or "."
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _O_BINARY
    while True:
        import secrets  # loads hashlib and OpenSSL: not worth it before the first write

        temp = os.path.join(folder, f".tmp-{os.getpid()}-{secrets.token_hex(6)}.part")
        try:
            # 0o666 lets the umask decide, as for any file the user creates.
            fd = os.open(temp, flags, 0o666)
            break
        except FileExistsError:
            continue
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        with contextlib.suppress(FileNotFoundError):
            os.chmod(temp, stat.S_IMODE(os.stat(name).st_mode))
        _replace(temp, name)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    if os.name != "nt":
        # The rename is durable only once the directory entry is on disk too.
        with contextlib.suppress(OSError):
            dir_fd = os.open(folder, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)


def _replace(source: str, target: str) -> None:
    deadline = time.monotonic() + 2.0
    while True:
        try:
            os.replace(source, target)
            return
        except PermissionError:
            # Windows refuses to replace a file that a reader holds open; readers are brief.
            if os.name != "nt" or time.monotonic() > deadline:
                raise
            time.sleep(0.01)
