"""Where profiles live: one JSON file each, written atomically, bad files left alone.

:class:`ProfileStore` keeps user profiles under ``<config dir>/profiles/`` (the folder from
``NETASSISTANT_CONFIG_DIR`` or platformdirs). File names derive from profile names so Chinese
names work; the ``name`` inside the JSON is authoritative. The format and validation live in
:mod:`netassistant.core.profiles.model`.
"""

from __future__ import annotations

import builtins
import contextlib
import copy
import dataclasses
import hashlib
import os
import re
import secrets
import stat
import time
import unicodedata
from pathlib import Path

import platformdirs

from netassistant.core.i18n import text
from netassistant.core.profiles.model import (
    CONFIG_DIR_ENV,
    Profile,
    ProfileError,
    ProfileExistsError,
    ProfileListing,
    ProfileNotFoundError,
    _check_name,
    _field_error,
    _parse,
    _read_file,
    builtin_profiles,
    read_profile_file,
)

_STEM_MAX_BYTES = 120  # leaves room for "-<hash>.json" under the usual 255-byte name limit
_WINDOWS_RESERVED = frozenset(
    {"CON", "PRN", "AUX", "NUL"} | {f"{dev}{i}" for dev in ("COM", "LPT") for i in range(1, 10)}
)


# --------------------------------------------------------------------------- files
def _file_stem(name: str) -> str:
    """File name (without ``.json``) for a profile name; collisions are handled by the store."""
    # NFC so the same name typed on macOS (NFD) and elsewhere maps to the same file.
    normalized = unicodedata.normalize("NFC", name)
    stem = "".join(
        c if c.isalnum() or c in "-_." or unicodedata.category(c).startswith("M") else "_"
        for c in normalized
    )
    encoded = stem.encode("utf-8")
    if len(encoded) > _STEM_MAX_BYTES:
        stem = encoded[:_STEM_MAX_BYTES].decode("utf-8", "ignore")
    # A leading dot hides the file ("." and ".." are not files at all); Windows drops trailing ones.
    stem = re.sub(r"^\.+|\.+$", lambda m: "_" * len(m.group()), stem) or "_"
    if stem.split(".", 1)[0].upper() in _WINDOWS_RESERVED:
        stem = "_" + stem
    return stem


def _fold(file_name: str) -> str:
    # Two names that differ only in case or normalization are one file on Windows and macOS.
    return unicodedata.normalize("NFC", file_name).casefold()


def _replace(source: str, target: Path) -> None:
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


def _atomic_write(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` so that readers see the old file or the new one, never half."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    while True:
        temp = str(target.parent / f".tmp-{os.getpid()}-{secrets.token_hex(6)}.part")
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
            os.chmod(temp, stat.S_IMODE(os.stat(target).st_mode))
        _replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    if os.name != "nt":
        # The rename is durable only once the directory entry is on disk too.
        with contextlib.suppress(OSError):
            dir_fd = os.open(target.parent, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)


def _write_file(target: Path, data: bytes) -> None:
    try:
        _atomic_write(target, data)
    except OSError as exc:
        message = text(
            "cannot write profile file {path}: {reason}",
            path=str(target),
            reason=exc.strerror or str(exc),
        )
        raise ProfileError(message, path=str(target)) from None


class ProfileStore:
    """The user's profiles: one JSON file each in ``<config dir>/profiles/``.

    The ``name`` inside a file is authoritative; file names only follow it (unicode letters
    and digits kept, anything else ``_``, a short hash added when two names would share a
    file). The store keeps no state besides its folder, so several windows or processes
    can use the same folder.

    Attributes:
        config_dir: The configuration folder.
        profiles_dir: ``config_dir / "profiles"``; created on the first write.
    """

    def __init__(self, directory: str | os.PathLike[str] | None = None) -> None:
        """Open a store.

        Args:
            directory: The configuration folder. Default: ``$NETASSISTANT_CONFIG_DIR`` if
                set, else the platform's user config folder for "netassistant".
        """
        if directory is None:
            directory = os.environ.get(CONFIG_DIR_ENV) or platformdirs.user_config_dir(
                "netassistant", appauthor=False
            )
        self.config_dir = Path(directory).absolute()
        self.profiles_dir = self.config_dir / "profiles"

    # ------------------------------------------------------------------ lookup
    def _entries(self) -> builtins.list[os.DirEntry[str]]:
        try:
            with os.scandir(self.profiles_dir) as it:
                return builtins.list(it)
        except FileNotFoundError:
            return []
        except OSError as exc:
            message = text(
                "cannot read profile folder {path}: {reason}",
                path=str(self.profiles_dir),
                reason=exc.strerror or str(exc),
            )
            raise ProfileError(message, path=str(self.profiles_dir)) from None

    def _files(self) -> builtins.list[Path]:
        # Dot files are our temporary files (and editors' backups), never profiles.
        return sorted(
            Path(e.path)
            for e in self._entries()
            if e.name.endswith(".json") and not e.name.startswith(".") and not e.is_dir()
        )

    def _candidates(self, name: str) -> builtins.list[Path]:
        stem = _file_stem(name)
        digest = hashlib.sha256(name.encode("utf-8", "surrogatepass")).hexdigest()
        stems = [stem] + [f"{stem}-{digest[:n]}" for n in (8, 16, 64)]
        return [self.profiles_dir / f"{s}.json" for s in stems]

    @staticmethod
    def _name_in(path: Path) -> str | None:
        # Only a valid file holds a name: a broken or newer-schema file is never picked for
        # overwriting (a new file is written beside it), so bad files stay as they are.
        try:
            return read_profile_file(path).name
        except ProfileError:
            return None

    def _find(self, name: str) -> Path | None:
        candidates = self._candidates(name)
        for path in candidates:
            if self._name_in(path) == name:
                return path
        # A file renamed by hand still holds its profile: the name inside is what counts.
        for path in self._files():
            if path not in candidates and self._name_in(path) == name:
                return path
        return None

    def _new_path(self, name: str, ignore: Path | None = None) -> Path:
        taken = {_fold(e.name) for e in self._entries()}
        if ignore is not None:
            taken.discard(_fold(ignore.name))
        for path in self._candidates(name):
            if _fold(path.name) not in taken:
                return path
        message = text(
            "cannot find a free file name for profile {name!r} in {folder}",
            name=name,
            folder=str(self.profiles_dir),
        )
        raise ProfileError(message, field="name")

    def _locate(self, name: str) -> Path:
        path = self._find(name)
        if path is None:
            raise ProfileNotFoundError(text("no profile named {name!r}", name=name), field="name")
        return path

    def _store(self, target: Path, data: bytes) -> None:
        try:
            self.profiles_dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            message = text(
                "cannot create profile folder {path}: {reason}",
                path=str(self.profiles_dir),
                reason=exc.strerror or str(exc),
            )
            raise ProfileError(message, path=str(self.profiles_dir)) from None
        _write_file(target, data)

    def _exists_error(self, name: str, path: str | None = None) -> ProfileExistsError:
        message = text("a profile named {name!r} already exists", name=name)
        return ProfileExistsError(message, path=path, field="name")

    # ------------------------------------------------------------------ public
    def path_for(self, name: str) -> Path:
        """The file that holds (or would hold) the profile called ``name``.

        Raises:
            ProfileError: if ``name`` is not a valid profile name.
        """
        _check_name(name, "name", None)
        return self._find(name) or self._new_path(name)

    def exists(self, name: str) -> bool:
        """Whether a file in the store holds a profile called ``name``."""
        return self._find(name) is not None

    def list(self) -> ProfileListing:
        """Load every profile; bad files are reported in ``errors`` and left untouched."""
        listing = ProfileListing()
        try:
            files = self._files()
        except ProfileError as exc:
            listing.errors.append(exc)
            return listing
        by_name: dict[str, builtins.list[tuple[Path, Profile]]] = {}
        for path in files:
            try:
                profile = read_profile_file(path)
            except ProfileError as exc:
                listing.errors.append(exc)
                continue
            by_name.setdefault(profile.name, []).append((path, profile))
        for name, entries in by_name.items():
            # Hand-copied files can share a name; keep the one load() would pick.
            order = {p: i for i, p in enumerate(self._candidates(name))}
            winner = min(entries, key=lambda e: (order.get(e[0], len(order)), str(e[0])))
            listing.profiles.append(winner[1])
            for path, _ in entries:
                if path != winner[0]:
                    reason = text(
                        "{name!r} is also used by {path}; rename or delete one of them",
                        name=name,
                        path=str(winner[0]),
                    )
                    listing.errors.append(_field_error("name", reason, str(path)))
        listing.profiles.sort(key=lambda p: (p.name.casefold(), p.name))
        listing.errors.sort(key=lambda e: e.path or "")
        return listing

    def load(self, name: str) -> Profile:
        """Load and validate one profile.

        Raises:
            ProfileNotFoundError: if no file holds that name.
            ProfileError: if the file is unreadable or invalid (message names file and field).
        """
        return read_profile_file(self._locate(name))

    def save(self, profile: Profile, *, overwrite: bool = True) -> Path:
        """Validate and write a profile atomically (a built-in one becomes a user copy).

        Returns:
            The file written.

        Raises:
            ProfileExistsError: if the name exists and ``overwrite`` is False.
            ProfileError: if the profile is invalid or the file cannot be written.
        """
        data = profile.to_json_bytes()
        target = self._find(profile.name)
        if target is not None and not overwrite:
            raise self._exists_error(profile.name)
        target = target or self._new_path(profile.name)
        self._store(target, data)
        return target

    def delete(self, name: str) -> None:
        """Delete a profile's file.

        Raises:
            ProfileNotFoundError: if no file holds that name.
        """
        path = self._locate(name)
        try:
            path.unlink()
        except OSError as exc:
            message = text(
                "cannot delete profile file {path}: {reason}",
                path=str(path),
                reason=exc.strerror or str(exc),
            )
            raise ProfileError(message, path=str(path)) from None

    def rename(self, old: str, new: str) -> Profile:
        """Give a profile a new name (and a matching file name).

        Returns:
            The renamed profile.

        Raises:
            ProfileNotFoundError: if ``old`` does not exist.
            ProfileExistsError: if ``new`` exists.
            ProfileError: if ``new`` is not a valid name or a file cannot be read or written.
        """
        source = self._locate(old)
        profile = read_profile_file(source)
        if new == old:
            return profile
        renamed = dataclasses.replace(profile, name=new)
        data = renamed.to_json_bytes()
        if self._find(new) is not None:
            raise self._exists_error(new)
        target = self._new_path(new, ignore=source)
        # New file first, then remove the old one: a crash in between leaves two profiles, not none.
        self._store(target, data)
        try:
            same = os.path.samefile(source, target)
        except OSError:
            same = False
        if not same:
            with contextlib.suppress(FileNotFoundError):
                source.unlink()
        return renamed

    def duplicate(self, name: str, new_name: str) -> Profile:
        """Save a copy of profile ``name`` as ``new_name``.

        Returns:
            The copy.

        Raises:
            ProfileExistsError: if ``new_name`` exists.
        """
        duplicate = copy.deepcopy(self.load(name))
        duplicate.name = new_name
        self.save(duplicate, overwrite=False)
        return duplicate

    def export(self, name: str, path: str | os.PathLike[str]) -> None:
        """Write the stored file of profile ``name``, byte for byte, to ``path``.

        Raises:
            ProfileError: if the profile is missing or invalid, or ``path`` cannot be written.
        """
        source = self._locate(name)
        raw = _read_file(source)
        _parse(raw, str(source))  # never hand out a file that would not import
        _write_file(Path(path), raw)

    def import_file(self, path: str | os.PathLike[str], *, overwrite: bool = False) -> Profile:
        """Validate a profile file and add it to the store.

        Returns:
            The imported profile.

        Raises:
            ProfileExistsError: if its name exists and ``overwrite`` is False.
            ProfileError: if the file is unreadable, not a profile or invalid.
        """
        profile = read_profile_file(path)
        existing = self._find(profile.name)
        if existing is not None and not overwrite:
            raise self._exists_error(profile.name, os.fspath(path))
        # Rewritten rather than copied, so older schemas are stored upgraded.
        self._store(existing or self._new_path(profile.name), profile.to_json_bytes())
        return profile

    def all_with_builtins(self) -> tuple[builtins.list[Profile], ProfileListing]:
        """Built-in examples and the user's profiles, kept apart (names may repeat between them).

        Returns:
            ``(builtins, listing)``; the listing iterates like a list of profiles and also
            carries the errors of files that could not be loaded.
        """
        return builtin_profiles(), self.list()
