"""Writing a small file of the user's so that it is whole and theirs alone.

Settings, the team goal file and a weekly team summary are all written the same way: through
a temporary file in the same directory, flushed to disk, then renamed into place. A crash
mid-write leaves the old file or the new one, never half of one; and since the temporary file
comes from ``tempfile.mkstemp`` (mode 0600), the result is readable by the user only.

This module imports nothing of socialtime, so any module may use it without a cycle.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import IO, TypeVar

T = TypeVar("T")


def write_private(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8, line ends as given) to ``path`` atomically, mode 0600.

    The directory must exist: creating it, and with which mode, is the caller's choice."""
    write_private_with(path, lambda handle: handle.write(text))


def write_private_with(path: Path, fill: Callable[[IO[str]], T]) -> T:
    """As :func:`write_private`, for a file that ``fill`` writes bit by bit (an export);
    returns what ``fill`` returns. Any OSError (no such folder, no permission, disk full)
    leaves nothing behind: neither the temporary file nor a part of the new one."""
    path = Path(path)
    # A short temporary name: one built from a long file name would be refused as too long
    # where the name itself is not.
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name[:24]}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            result = fill(handle)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            Path(tmp).unlink(missing_ok=True)
        raise
    return result
