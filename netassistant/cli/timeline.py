"""``--timeline PATH``: the run's socket calls as a sequence diagram, written at the end.

The name's extension picks the format and is checked before any socket opens. The events
go into a bounded :class:`~netassistant.core.timeline.TimelineBuilder` batch by batch (the
newest steps are kept, the file says how many older ones were dropped), never into a list
that grows with the run.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence

from netassistant.cli.parser import UsageError
from netassistant.core.chunk import Event


def check_timeline_option(args: argparse.Namespace) -> str | None:
    """The ``--timeline`` path, or None; a usage error for a name no format fits.

    Raises:
        UsageError: the extension is not ``.svg``, ``.mmd`` or ``.json``.
    """
    path = getattr(args, "timeline", None)
    if not path:
        return None
    from netassistant.core.timeline import check_timeline_path

    try:
        check_timeline_path(path)
    except ValueError as exc:
        raise UsageError(f"--timeline: {exc}") from None
    return str(path)


class TimelineRecorder:
    """Feeds a run's batches into a timeline and writes it once the run is over."""

    def __init__(self, path: str) -> None:
        """Record for ``path`` (already checked by :func:`check_timeline_option`)."""
        from netassistant.core.timeline import TimelineBuilder

        self.path = path
        self.builder = TimelineBuilder()

    def feed(self, events: Sequence[Event]) -> None:
        """Add one batch of the session's events."""
        self.builder.feed(events)

    def write(self) -> str:
        """Write the file; returns "" or the plain-words reason it could not be written."""
        from netassistant.core.timeline.export import write_steps

        try:
            write_steps(self.path, self.builder)
        except OSError as exc:
            return f"cannot write the timeline to {self.path}: {exc.strerror or exc}"
        return ""
