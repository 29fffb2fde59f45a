"""One tray per user and data directory: a lock file, and a local socket (never TCP) through
which a second start asks the running one to bring a window forward."""

from __future__ import annotations

import getpass
import zlib
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLockFile, QObject
from PySide6.QtNetwork import QLocalServer, QLocalSocket

TIMEOUT_MS = 1500


class SingleInstance(QObject):
    def __init__(self, data_dir: Path, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.lock = QLockFile(str(data_dir / "tray.lock"))
        self.lock.setStaleLockTime(0)  # a lock whose process is gone is stale at once
        # A short tag of the data directory (zlib, not hashlib: OpenSSL would add ~5 MB).
        digest = f"{zlib.crc32(str(data_dir.resolve()).encode()):08x}"
        self.name = f"socialtime-{getpass.getuser()}-{digest}"
        self.server: QLocalServer | None = None

    def acquire(self) -> bool:
        """True when this process is the only tray for the data directory."""
        return bool(self.lock.tryLock(0))

    def listen(self, on_message: Callable[[str], None]) -> None:
        """Accept one-line messages from later starts (e.g. "show dashboard")."""
        QLocalServer.removeServer(self.name)  # a socket left by a crashed run
        server = QLocalServer(self)
        server.setSocketOptions(QLocalServer.SocketOption.UserAccessOption)
        if not server.listen(self.name):
            return  # bringing windows forward is a convenience; recording goes on without it
        self.server = server

        def connected() -> None:
            while server.hasPendingConnections():
                socket = server.nextPendingConnection()

                def read(socket: QLocalSocket = socket) -> None:
                    while socket.canReadLine():
                        on_message(
                            bytes(socket.readLine().data()).decode("utf-8", "replace").strip()
                        )

                socket.readyRead.connect(read)
                socket.disconnected.connect(socket.deleteLater)

        server.newConnection.connect(connected)

    def send(self, message: str) -> bool:
        """Tell the running instance; False when none answered."""
        socket = QLocalSocket()
        socket.connectToServer(self.name)
        if not socket.waitForConnected(TIMEOUT_MS):
            return False
        socket.write(message.encode() + b"\n")
        ok = socket.waitForBytesWritten(TIMEOUT_MS)
        socket.disconnectFromServer()
        return bool(ok)

    def release(self) -> None:
        if self.server is not None:
            self.server.close()
        self.lock.unlock()
