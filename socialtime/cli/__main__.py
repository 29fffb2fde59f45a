"""``python -m socialtime.cli``, as ``python -m socialtime``."""

import sys

from socialtime.cli import main

sys.exit(main())
