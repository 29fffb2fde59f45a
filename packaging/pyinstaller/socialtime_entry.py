"""The frozen program's entry point (PyInstaller runs this file; it is `socialtime` itself)."""

import sys

from socialtime.cli import main

if __name__ == "__main__":
    sys.exit(main())
