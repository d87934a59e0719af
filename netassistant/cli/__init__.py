"""The headless front end: ``netassistant-cli`` (:func:`run_command`).

The package itself loads only the collector pause: :func:`run_command` imports the
command line (see :mod:`netassistant.cli.main`, whose ``main()`` is the entry point for
callers that pass their own arguments).
"""

from __future__ import annotations

from netassistant.core.collector import collector_paused

# Not core.typehints' flag: importing it (and collections with it) would come first.
TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import NoReturn

__all__ = ["run_command"]


def run_command() -> NoReturn:
    """The ``netassistant-cli`` program: :func:`netassistant.cli.main.run_command`.

    Importing the command line (argparse, re, enum, contextlib, the session's modules)
    makes thousands of objects that live until the process ends and next to no garbage,
    yet the allocations alone start ten collections, one of them of the older generation.
    So the program imports it with the collector paused and then leaves what it made out
    of later walks (:func:`~netassistant.core.collector.collector_paused`, as ``main()``
    does for what the parse makes): 2.8% of the instructions of a one-shot send
    (tests/benchmarks/cli_oneshot.py). A caller of ``main()`` imports it as usual and
    keeps its collections as they were.
    """
    with collector_paused():
        from netassistant.cli.main import run_command as program
    program()
