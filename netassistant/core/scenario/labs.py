"""The built-in labs: scenario files with a teaching section, shipped in the package.

They live in ``netassistant/resources/labs/NN-name.yaml``; a lab's name is the file name
without the number and ``.yaml`` (``sticky-slow-reader``). A teacher's own lab is any
scenario file with a ``lab:`` section, opened by path.
"""

from __future__ import annotations

import os
import stat
from importlib import resources

from netassistant.core.i18n import text
from netassistant.core.scenario.nodes import ScenarioError
from netassistant.core.scenario.schema import Scenario, load_scenario


def _folder() -> resources.abc.Traversable:
    return resources.files("netassistant.resources").joinpath("labs")


def lab_files() -> dict[str, str]:
    """Built-in lab names -> their file names, in the labs' order."""
    names = sorted(entry.name for entry in _folder().iterdir() if entry.name.endswith(".yaml"))
    return {_lab_name(file_name): file_name for file_name in names}


def _lab_name(file_name: str) -> str:
    stem = file_name.removesuffix(".yaml")
    number, sep, rest = stem.partition("-")
    return rest if sep and number.isdigit() else stem


def lab_source(name: str) -> str:
    """The YAML text of built-in lab ``name``.

    Raises:
        KeyError: no built-in lab has that name (the message lists them).
    """
    files = lab_files()
    if name not in files:
        raise KeyError(
            text("no lab named {name!r}; the labs are: {names}", name=name, names=", ".join(files))
        )
    return _folder().joinpath(files[name]).read_text(encoding="utf-8")


def load_lab(name: str) -> Scenario:
    """Built-in lab ``name``, checked."""
    return load_scenario(lab_source(name), name=name)


def builtin_labs() -> list[Scenario]:
    """Every built-in lab, in order."""
    return [load_lab(name) for name in lab_files()]


def load_scenario_file(path: str | os.PathLike[str]) -> Scenario:
    """A scenario (or a teacher's lab) from a file; relative ``file:`` paths start at its folder.

    Raises:
        ScenarioError: the file cannot be read, or is not a valid scenario.
    """
    from netassistant.core.scenario.nodes import MAX_FILE_BYTES

    try:
        # Only a regular file: a FIFO or a device would block the reader for ever.
        if not stat.S_ISREG(os.stat(path).st_mode):
            raise ScenarioError(0, text("{path} is not a regular file", path=os.fspath(path)))
        with open(path, "rb") as fh:
            raw = fh.read(MAX_FILE_BYTES + 1)
    except OSError as exc:
        raise ScenarioError(
            0,
            text(
                "cannot read {path}: {reason}",
                path=os.fspath(path),
                reason=exc.strerror or str(exc),
            ),
        ) from None
    try:
        source = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ScenarioError(line, text("the file is not UTF-8 text; save it as UTF-8")) from None
    stem = os.path.splitext(os.path.basename(os.fspath(path)))[0]
    return load_scenario(source, name=stem, base_dir=os.path.dirname(os.path.abspath(path)))
