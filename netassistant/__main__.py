"""``python -m netassistant`` starts the desktop app."""

from __future__ import annotations

import sys

from netassistant.app import main

if __name__ == "__main__":
    sys.exit(main())
