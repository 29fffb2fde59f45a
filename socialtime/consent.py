"""The privacy notice the user accepts before anything is recorded.

The notice carries a version: when its content changes in a way that matters, the version goes
up and the user is asked again (a stored consent for an older version is no consent).
"""

from __future__ import annotations

from pathlib import Path

NOTICE_VERSION = 1


def notice(data_dir: Path) -> str:
    """The notice in plain language, naming where the data lives."""
    return f"""\
socialtime — privacy notice (version {NOTICE_VERSION})

What is recorded, during your work hours only:
  - time per social site (for example facebook.com, youtube.com), and
  - your total active work time (time at the computer that is not on a social site).

What is never recorded:
  window titles, web addresses (URLs), file names, the names of your other applications,
  keystrokes, screenshots, anything outside your work hours, and idle time (after a few
  minutes without input, time simply stops counting).

Where it is stored: on this computer only, in
  {data_dir}
No network connection is ever opened. Only you can see it: not your employer, not IT.

What you can do at any time:
  pause        socialtime pause 30m   (or 1h, or "tomorrow"), then socialtime resume
  see it       socialtime report
  export it    socialtime export --format csv -o my-data.csv
  erase it     socialtime erase --all   (or --from DATE --to DATE)
  withdraw     socialtime consent --withdraw   (recording stops at once)

Recording starts only after you accept: socialtime consent --accept
"""
