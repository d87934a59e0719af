"""``python -m netassistant`` starts the desktop app."""

from __future__ import annotations

import sys

from netassistant.core.collector import collector_paused

# Importing Qt and the app makes tens of thousands of long-lived objects and no garbage,
# yet starts ~30 collections (12-14 ms of the launch).
with collector_paused():
    from netassistant.app import main

if __name__ == "__main__":
    sys.exit(main())
