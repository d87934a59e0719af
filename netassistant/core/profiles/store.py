"""Where profiles live: one JSON file each, written atomically, bad files left alone.

:class:`ProfileStore` keeps user profiles under ``<config dir>/profiles/`` (the folder from
``NETASSISTANT_CONFIG_DIR`` or platformdirs). File names derive from profile names so Chinese
names work; the ``name`` inside the JSON is authoritative. The format and validation live in
:mod:`netassistant.core.profiles.schema`.

Names are unique across the built-in examples and the user's profiles: saving or renaming
to a built-in's name is refused, an import that would take a taken name is renamed
(``Echo server (2)``), and a file that holds a built-in's name anyway (an older version, a
hand copy) is listed as an error, not as a second profile of that name. Nothing here ever
opens a named pipe or device in a way that blocks (:mod:`netassistant.core.safefile`).
"""

from __future__ import annotations

import builtins
import contextlib
import copy
import os
from pathlib import Path

import platformdirs

from netassistant.core.i18n import text
from netassistant.core.profiles.errors import (
    ProfileError,
    ProfileExistsError,
    ProfileNotFoundError,
)
from netassistant.core.profiles.files import file_stem, fold, write_file
from netassistant.core.profiles.model import (
    CONFIG_DIR_ENV,
    Profile,
    ProfileListing,
    builtin_profiles,
    is_builtin_name,
    name_key,
    parse_file,
    read_file,
    read_profile_file,
    same_name,
)
from netassistant.core.profiles.schema import MAX_NAME_LENGTH, check_name, field_error
from netassistant.core.records import FrozenRecord


class Imported(FrozenRecord):
    """What :meth:`ProfileStore.import_profile` did.

    Attributes:
        profile: The profile as stored (``profile.name`` is the name it got).
        original_name: The name in the imported file.
        replaced: True if it replaced a saved profile of that name (``overwrite``).
    """

    __slots__ = ("profile", "original_name", "replaced")  # noqa: RUF023 (in order)
    profile: Profile
    original_name: str
    replaced: bool

    def __init__(self, profile: Profile, original_name: str, replaced: bool) -> None:
        self._fill(profile, original_name, replaced)

    @property
    def renamed(self) -> bool:
        """True if the profile was stored under another name than the file's."""
        return self.profile.name != self.original_name


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
        stem = file_stem(name)
        import hashlib  # OpenSSL's start-up, only for names that clash

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

    def _holds(self, path: Path, name: str) -> bool:
        found = self._name_in(path)
        return found is not None and same_name(found, name)

    def _find(self, name: str) -> Path | None:
        candidates = self._candidates(name)
        for path in candidates:
            if self._holds(path, name):
                return path
        # A file renamed by hand still holds its profile: the name inside is what counts.
        for path in self._files():
            if path not in candidates and self._holds(path, name):
                return path
        return None

    def _new_path(self, name: str, ignore: Path | None = None) -> Path:
        taken = {fold(e.name) for e in self._entries()}
        if ignore is not None:
            taken.discard(fold(ignore.name))
        for path in self._candidates(name):
            if fold(path.name) not in taken:
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
        write_file(target, data)

    def _exists_error(self, name: str, path: str | None = None) -> ProfileExistsError:
        message = text("a profile named {name!r} already exists", name=name)
        return ProfileExistsError(message, path=path, field="name")

    @staticmethod
    def _refuse_builtin_name(name: str) -> None:
        if is_builtin_name(name):
            message = text(
                "{name!r} is the name of a built-in example; choose another name", name=name
            )
            raise ProfileError(message, field="name")

    def free_name(self, name: str) -> str:
        """``name`` if no built-in or saved profile has it, else the first free ``name (N)``.

        The name is shortened, never the suffix, to stay within the length limit.
        """
        number = 1
        while True:
            candidate = name
            if number > 1:
                suffix = f" ({number})"
                candidate = name[: MAX_NAME_LENGTH - len(suffix)].rstrip() + suffix
            if not is_builtin_name(candidate) and not self.exists(candidate):
                return candidate
            number += 1

    # ------------------------------------------------------------------ public
    def path_for(self, name: str) -> Path:
        """The file that holds (or would hold) the profile called ``name``.

        Raises:
            ProfileError: if ``name`` is not a valid profile name.
        """
        check_name(name, "name", None)
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
            if is_builtin_name(profile.name):
                reason = text(
                    "{name!r} is the name of a built-in example, so this file is not used; "
                    "rename or delete it",
                    name=profile.name,
                )
                listing.errors.append(field_error("name", reason, str(path)))
                continue
            by_name.setdefault(name_key(profile.name), []).append((path, profile))
        for entries in by_name.values():
            # Hand-copied files can share a name; keep the one load() would pick.
            name = entries[0][1].name
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
                    listing.errors.append(field_error("name", reason, str(path)))
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
            ProfileError: if the profile is invalid, has a built-in example's name, or the
                file cannot be written.
        """
        data = profile.to_json_bytes()
        self._refuse_builtin_name(profile.name)
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
            ProfileError: if ``new`` is not a valid name, is a built-in example's name, or a
                file cannot be read or written.
        """
        source = self._locate(old)
        profile = read_profile_file(source)
        if new == old:
            return profile
        renamed = profile.replace(name=new)
        data = renamed.to_json_bytes()
        self._refuse_builtin_name(new)
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
        """Write profile ``name`` to ``path``.

        A saved profile is copied byte for byte, a built-in is written as its canonical file.

        Raises:
            ProfileError: if the profile is missing or invalid, or ``path`` cannot be written
                (a named pipe, device or folder there is refused, never written into).
        """
        builtin = next((p for p in builtin_profiles() if same_name(p.name, name)), None)
        if builtin is not None:
            raw = builtin.to_json_bytes()
        else:
            source = self._locate(name)
            raw = read_file(source)
            parse_file(raw, str(source))  # never hand out a file that would not import
        write_file(Path(path), raw)

    def import_profile(self, path: str | os.PathLike[str], *, overwrite: bool = False) -> Imported:
        """Validate a profile file and add it to the store under a free name.

        A name a built-in example has is never taken: the import is saved as
        ``name (2)`` (or the next free number). A name a saved profile has is taken only
        with ``overwrite`` (that profile is replaced); without it the import is renamed
        the same way.

        Returns:
            What was stored, under which name, and whether it replaced a profile.

        Raises:
            ProfileError: if the file is unreadable, not a regular file, not a profile, or
                invalid.
        """
        profile = read_profile_file(path)
        original = profile.name
        existing = None if is_builtin_name(original) else self._find(original)
        if existing is None or not overwrite:
            profile.name = self.free_name(original)
            existing = None
        # Rewritten rather than copied, so older schemas are stored upgraded.
        self._store(existing or self._new_path(profile.name), profile.to_json_bytes())
        return Imported(profile, original, existing is not None)

    def import_file(self, path: str | os.PathLike[str], *, overwrite: bool = False) -> Profile:
        """:meth:`import_profile`, returning just the stored profile (with its final name)."""
        return self.import_profile(path, overwrite=overwrite).profile

    def all_with_builtins(self) -> tuple[builtins.list[Profile], ProfileListing]:
        """Built-in examples and the user's profiles, kept apart (no name is in both).

        Returns:
            ``(builtins, listing)``; the listing iterates like a list of profiles and also
            carries the errors of files that could not be loaded.
        """
        return builtin_profiles(), self.list()
