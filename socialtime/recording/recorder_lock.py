"""One recorder per data directory: two would each count the same seconds.

An OS file lock (released by the kernel when the process dies, even by ``kill -9``) on a file
beside the database. ``socialtime track`` and the tray hold it while they record.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from types import TracebackType

from socialtime.base.i18n import translate

LOCK_NAME = "recorder.lock"


class AlreadyRecording(Exception):
    """Another process records into the same data directory."""


class RecorderLock:
    def __init__(self, data_dir: Path) -> None:
        self.path = data_dir / LOCK_NAME
        self._fd: int | None = None

    def __enter__(self) -> RecorderLock:
        self.acquire()
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        value: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()

    def acquire(self) -> None:
        """Take the lock or raise AlreadyRecording."""
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            _lock(fd)
        except OSError:
            os.close(fd)
            message = translate(
                "recorder_lock",
                "{path}: another socialtime is already recording into {folder}; "
                "stop it first (one recorder per data directory)",
            )
            raise AlreadyRecording(
                message.format(path=self.path, folder=self.path.parent)
            ) from None
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing releases the lock
            self._fd = None


def _lock(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
