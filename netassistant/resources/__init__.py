"""Package data: built-in profiles, icons and translations, read with importlib.resources.

The window's start reads its icon and translations through :func:`file_path` instead:
Qt wants a file name for both, and ``importlib.resources`` (a few milliseconds to import)
would only have worked out the same folder.
"""

from __future__ import annotations

import os

#: This package's folder: the data files sit beside this module (a wheel, a source tree,
#: and the PyInstaller bundle, which collects them to the same relative place).
FOLDER = os.path.dirname(os.path.abspath(__file__))


def file_path(*parts: str) -> str:
    """The file name of a data file of this package, e.g. ``file_path("icons", "x.svg")``."""
    return os.path.join(FOLDER, *parts)
