"""One recorder per data directory: two would each count the same seconds.

An OS file lock (released by the kernel when the process dies, even by ``kill -9``) on a file
beside the database. ``socialtime track`` and the tray hold it while they record. The file is
opened as ``socialtime.base.private_files`` opens the user's files: never through a symbolic link,
0600 whatever the umask.
"""

from __future__ import annotations

import os
from pathlib import Path
from types import TracebackType

from socialtime.base.i18n import translate
from socialtime.base.private_files import UnsafePath, lock_file
from socialtime.recording.store import StoreError

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
        """Take the lock or raise AlreadyRecording; StoreError when the lock file cannot be
        used (a symbolic link, another user's, a read-only folder: the message says which)."""
        try:
            fd = lock_file(self.path)
        except UnsafePath as e:
            raise StoreError(str(e)) from None
        except OSError as e:
            text = translate("recorder_lock", "{path}: cannot use this lock file ({error})")
            raise StoreError(text.format(path=self.path, error=e.strerror)) from None
        if fd is None:
            message = translate(
                "recorder_lock",
                "{path}: another socialtime is already recording into {folder}; "
                "stop it first (one recorder per data directory)",
            )
            raise AlreadyRecording(message.format(path=self.path, folder=self.path.parent))
        self._fd = fd

    def release(self) -> None:
        if self._fd is not None:
            os.close(self._fd)  # closing releases the lock
            self._fd = None
