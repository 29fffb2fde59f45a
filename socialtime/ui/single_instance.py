"""One tray per user and data directory: a lock file, and a request file through which a
second start asks the running one to bring a window forward.

Why a file and not a local socket: the data directory is the user's alone (0700), a file in it
needs no listening endpoint at all, and QtNetwork's QLocalServer would cost the tray about
3 MB, plus the OpenSSL and Kerberos libraries QtNetwork links. The running tray watches the
directory (QFileSystemWatcher: inotify, kqueue or ReadDirectoryChangesW, no polling) and takes
each request as it appears; taking it removes it, which is how the sender knows it arrived.

The lock is an OS file lock on ``tray.lock`` (released by the kernel when the tray dies, even by
``kill -9``), not QLockFile, which creates its file 0666 less the umask (0666 under
``umask 000``); ``tray.lock`` and the request file are opened as ``socialtime.base.private_files``
opens the user's files: never through a symbolic link, 0600 whatever the umask.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QFileSystemWatcher, QObject

from socialtime.base.private_files import UnsafePath, lock_file, open_private

REQUEST = "tray.request"
LOCK = "tray.lock"
TIMEOUT = 1.5  # seconds a second start waits for the running tray to take its request


class SingleInstance(QObject):
    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data_dir = data_dir
        self.lock = data_dir / LOCK
        self._lock_fd: int | None = None
        self.request = data_dir / REQUEST
        self.watcher: QFileSystemWatcher | None = None

    def acquire(self) -> bool:
        """True when this process is the only tray for the data directory (again True when
        it already holds the lock). UnsafePath or OSError when ``tray.lock`` cannot be used."""
        if self._lock_fd is None:
            self._lock_fd = lock_file(self.lock)
        return self._lock_fd is not None

    def listen(self, on_message: Callable[[str], None]) -> None:
        """Take one-line requests from later starts (e.g. "show dashboard") as they come."""
        self.request.unlink(missing_ok=True)  # left by a start that nobody answered
        watcher = QFileSystemWatcher([str(self.data_dir)])
        watcher.directoryChanged.connect(lambda _path: self._take(on_message))
        self.watcher = watcher

    def _take(self, on_message: Callable[[str], None]) -> None:
        taken = self.data_dir / f".{REQUEST}.taken"
        try:
            os.replace(self.request, taken)  # claim it first: a newer request is not lost
        except OSError:
            return  # not there: the directory changed for another reason (the database)
        try:
            with os.fdopen(open_private(taken, os.O_RDONLY), "rb") as handle:
                text = handle.read(4096).decode("utf-8", errors="replace")
        except (OSError, UnsafePath):
            return  # not a regular file of the user's: not a request
        finally:
            taken.unlink(missing_ok=True)
        for line in text.splitlines():
            if line.strip():
                on_message(line.strip())

    def send(
        self,
        message: str,
        timeout: float = TIMEOUT,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> bool:
        """Leave ``message`` for the running instance; True once it has taken it (at once
        with ``timeout=0``), False when nobody did in time (the request is then withdrawn)."""
        part = self.data_dir / f".{REQUEST}.{os.getpid()}"
        try:
            fd = open_private(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(message + "\n")
            os.replace(part, self.request)  # whole, or not at all
        except (OSError, UnsafePath):
            part.unlink(missing_ok=True)
            return False
        if timeout <= 0:
            return True
        deadline = clock() + timeout
        while self.request.exists():
            if clock() >= deadline:
                with contextlib.suppress(OSError):
                    self.request.unlink()
                return False
            sleep(0.02)
        return True

    def release(self) -> None:
        if self.watcher is not None:  # stop watching now, not at some later event
            self.watcher.directoryChanged.disconnect()
            self.watcher.removePaths(self.watcher.directories())
            self.watcher = None
        if self._lock_fd is not None:
            os.close(self._lock_fd)  # closing releases the lock
            self._lock_fd = None
