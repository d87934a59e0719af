"""``python -m netassistant.cli``."""

import sys

from netassistant.cli.main import main

sys.exit(main())
