"""The bridge's transport on Linux and macOS: an AF_UNIX socket (see channel.Transport).

Why a Unix socket in the user's runtime directory: it is reachable by this user's processes only
(the directory is 0700, the socket 0600, and the peer's uid is checked), it is gone at logout,
and it is no network port, so the promise "no connection, no listening port" holds. A flock on a
file beside the socket makes one listener per folder, so a second recorder says so instead of
taking the socket from the first.

Threading: one listener thread (the bridge's) serves every connection through a selector.
"""

from __future__ import annotations

import contextlib
import logging
import os
import selectors
import socket
from collections.abc import Callable
from pathlib import Path

from socialtime.base import private_files
from socialtime.base.i18n import translate
from socialtime.browser.channel import BridgeUnavailable, Peer

__all__ = ["UnixSocket", "connect", "private_dir"]

log = logging.getLogger("socialtime.browser")

LOCK_NAME = "bridge.lock"
# sun_path is 108 bytes on Linux, 104 on macOS (including the terminating NUL).
MAX_SOCKET_PATH = 103


def private_dir(directory: Path) -> None:
    """Create ``directory`` (0700) or check that an existing one is ours and no one else's to
    write to, and make it 0700 (``socialtime.base.private_files``' rule). BridgeUnavailable saying
    which folder and why when it is refused; OSError when the system says no."""
    try:
        private_files.private_dir(directory)
    except private_files.UnsafePath as e:
        text = translate("bridge", "{problem}; not listening there")
        raise BridgeUnavailable(text.format(problem=e)) from None


class UnixSocket:
    """The transport on Linux and macOS: an AF_UNIX stream socket at ``path``, in a 0700
    folder, 0600, one listener per folder (a flock), the peer's uid checked. One thread
    serves every connection through a selector; a pipe wakes it for ``close``."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._server: socket.socket | None = None
        self._lock_fd: int | None = None
        self._wake_r = self._wake_w = -1

    def listen(self) -> None:
        if len(os.fsencode(self.path)) > MAX_SOCKET_PATH:
            text = translate("bridge", "{path}: the path is too long for a local socket")
            raise BridgeUnavailable(text.format(path=self.path))
        try:
            private_dir(self.path.parent)
            self._lock_fd = _try_lock(self.path.parent / LOCK_NAME)
        except OSError as e:
            raise BridgeUnavailable(f"{self.path.parent}: {e.strerror}") from None
        if self._lock_fd is None:
            raise BridgeUnavailable(
                translate(
                    "bridge",
                    "another socialtime (the tray or `socialtime track`) already receives the "
                    "browser's sites; this one uses window titles",
                )
            )
        # We hold the lock, so a socket file left here is stale (its owner died).
        self.path.unlink(missing_ok=True)
        server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        try:
            server.bind(os.fspath(self.path))
            os.chmod(self.path, 0o600)
            server.listen(8)
        except OSError as e:
            server.close()
            os.close(self._lock_fd)
            self._lock_fd = None
            text = translate("bridge", "{path}: cannot listen ({error})")
            raise BridgeUnavailable(text.format(path=self.path, error=e.strerror)) from None
        server.setblocking(False)
        self._server = server
        self._wake_r, self._wake_w = os.pipe()

    def close(self) -> None:
        """Wake serve(); once it has gone (the bridge joins it), remove the socket."""
        if self._wake_w >= 0:
            os.write(self._wake_w, b"x")

    def serve(self, new_peer: Callable[[], Peer]) -> None:
        assert self._server is not None
        sel = selectors.DefaultSelector()
        sel.register(self._wake_r, selectors.EVENT_READ, None)
        sel.register(self._server, selectors.EVENT_READ, "accept")
        clients: dict[int, tuple[socket.socket, Peer]] = {}
        try:
            while True:
                for key, _ in sel.select():
                    if key.data is None:
                        return
                    if key.data == "accept":
                        self._accept(sel, clients, new_peer)
                    else:
                        self._receive(key.data, sel, clients)
        finally:
            for fd in list(clients):
                self._drop(fd, sel, clients)
            sel.close()
            self._release()

    def _release(self) -> None:
        wake_r, wake_w = self._wake_r, self._wake_w
        self._wake_r = self._wake_w = -1
        os.close(wake_r)
        os.close(wake_w)
        if self._server is not None:
            self._server.close()
            self._server = None
            with contextlib.suppress(FileNotFoundError):
                self.path.unlink()
        if self._lock_fd is not None:
            os.close(self._lock_fd)  # releases the lock
            self._lock_fd = None

    def _accept(
        self,
        sel: selectors.BaseSelector,
        clients: dict[int, tuple[socket.socket, Peer]],
        new_peer: Callable[[], Peer],
    ) -> None:
        assert self._server is not None
        try:
            conn, _ = self._server.accept()
        except (BlockingIOError, InterruptedError):
            return
        if not _same_user(conn):
            log.warning("browser bridge: refused a connection from another user")
            conn.close()
            return
        conn.setblocking(False)
        clients[conn.fileno()] = (conn, new_peer())
        sel.register(conn, selectors.EVENT_READ, conn.fileno())

    def _receive(
        self, fd: int, sel: selectors.BaseSelector, clients: dict[int, tuple[socket.socket, Peer]]
    ) -> None:
        conn, peer = clients[fd]
        try:
            data = conn.recv(65536)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            data = b""
        answer = peer.feed(data) if data else None
        if answer is not None:  # a status query from `socialtime doctor`: answer and hang up
            try:
                conn.setblocking(True)
                conn.settimeout(1.0)
                conn.sendall(answer)
            except OSError:
                pass
        if not data or answer is not None:
            self._drop(fd, sel, clients)

    @staticmethod
    def _drop(
        fd: int, sel: selectors.BaseSelector, clients: dict[int, tuple[socket.socket, Peer]]
    ) -> None:
        conn, peer = clients.pop(fd)
        sel.unregister(conn)
        conn.close()
        peer.close()


def _try_lock(path: Path) -> int | None:
    """An exclusive, non-blocking flock on ``path`` (0600, never through a symbolic link):
    the fd, or None when someone holds it."""
    try:
        return private_files.lock_file(path)
    except private_files.UnsafePath as e:
        text = translate("bridge", "{problem}; not listening there")
        raise BridgeUnavailable(text.format(problem=e)) from None


def _same_user(conn: socket.socket) -> bool:
    """The peer runs as this user (SO_PEERCRED on Linux; elsewhere the 0700 directory and the
    0600 socket already keep other users out)."""
    peercred = getattr(socket, "SO_PEERCRED", None)
    if peercred is None:
        return True
    import struct

    try:
        creds = conn.getsockopt(socket.SOL_SOCKET, peercred, struct.calcsize("3i"))
    except OSError:
        return False
    _pid, uid, _gid = struct.unpack("3i", creds)
    return uid == os.getuid()


def connect(path: Path, timeout: float) -> socket.socket:
    """A client connection to the bridge at ``path`` (doctor's status query); raises OSError."""
    client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    client.settimeout(timeout)
    try:
        client.connect(os.fspath(path))
    except OSError:
        client.close()
        raise
    return client
