"""Writing a small file of the user's so that it is whole and theirs alone.

Settings, the team goal file and a weekly team summary are all written the same way: through
a temporary file in the same directory, flushed to disk, then renamed into place. A crash
mid-write leaves the old file or the new one, never half of one; and since the temporary file
comes from ``tempfile.mkstemp`` (mode 0600), the result is readable by the user only.

This module imports nothing of socialtime, so any module may use it without a cycle.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_private(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8, line ends as given) to ``path`` atomically, mode 0600.

    The directory must exist: creating it, and with which mode, is the caller's choice."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
