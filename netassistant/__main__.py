"""``python -m netassistant`` starts the desktop app."""

from __future__ import annotations

import gc
import sys

# Importing Qt and the app makes tens of thousands of long-lived objects and no garbage,
# yet starts ~30 collections (12-14 ms of the launch): the collector is paused meanwhile
# and what was made is left out of its walks, as main() does while it builds the window
# (netassistant.app.collector_paused).
gc.disable()
try:
    from netassistant.app import main
finally:
    gc.freeze()
    gc.enable()

if __name__ == "__main__":
    sys.exit(main())
