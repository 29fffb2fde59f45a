"""The bridge's transport on Linux and macOS: an AF_UNIX socket (see channel.Transport).

Why a Unix socket in the user's runtime directory: it is reachable by this user's processes only
(the directory is 0700, the socket 0600, and the peer's uid is checked), it is gone at logout,
and it is no network port, so the promise "no connection, no listening port" holds. A flock on a
file beside the socket makes one listener per folder, so a second recorder says so instead of
taking the socket from the first.

Threading: one listener thread (the bridge's) serves every connection through a selector.
It survives whatever accept() and the peers do (see peers.py for the cap and the deadlines):
out of file descriptors, it leaves the next connection in the backlog, stops asking for
ACCEPT_PAUSE, and takes it once descriptors are free again.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import select
import selectors
import socket
import time
from collections.abc import Callable
from pathlib import Path

from socialtime.base import private_files
from socialtime.base.i18n import translate
from socialtime.browser.channel import BridgeUnavailable
from socialtime.browser.peers import ACCEPT_PAUSE, Hub, Peer

__all__ = ["UnixSocket", "connect", "private_dir"]

log = logging.getLogger("socialtime.browser")

LOCK_NAME = "bridge.lock"
# sun_path is 108 bytes on Linux, 104 on macOS (including the terminating NUL).
MAX_SOCKET_PATH = 103
_ACCEPT = "accept"  # the selector's mark of the listening socket
# Connections the kernel queues until accept(): a burst of browsers and doctors waits there
# instead of being refused by connect(). One round takes up to as many, so a flood of
# connections (each refused in a few microseconds) never keeps the queue full for long.
BACKLOG = 64
CONNECT_RETRY = 0.01  # a client's pause before it tries again to get into a full backlog
# accept() errors that mean only "that client is gone": take the next one at once.
_CLIENT_GONE = {errno.ECONNABORTED, errno.EPROTO}


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
        self._sel: selectors.BaseSelector | None = None  # made by listen()
        self._clients: dict[int, tuple[socket.socket, Peer]] = {}  # fd -> connection, peer
        self._paused_until: float | None = None  # accept() paused (monotonic) until then

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
        try:
            self._open()
        except OSError as e:
            self._release()
            text = translate("bridge", "{path}: cannot listen ({error})")
            raise BridgeUnavailable(text.format(path=self.path, error=e.strerror)) from None

    def _open(self) -> None:
        """The socket, the wake-up pipe and the selector: everything serve() needs is made
        here, so that serve() allocates nothing (a process short of descriptors fails now,
        with a message, rather than in the listener thread)."""
        # We hold the lock, so a socket file left here is stale (its owner died).
        self.path.unlink(missing_ok=True)
        self._server = server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        server.bind(os.fspath(self.path))
        os.chmod(self.path, 0o600)
        server.listen(BACKLOG)
        server.setblocking(False)
        self._wake_r, self._wake_w = os.pipe()
        self._sel = selectors.DefaultSelector()
        self._selector.register(self._wake_r, selectors.EVENT_READ, None)
        self._selector.register(server, selectors.EVENT_READ, _ACCEPT)

    @property
    def _selector(self) -> selectors.BaseSelector:
        assert self._sel is not None, "listen() first"
        return self._sel

    def close(self) -> None:
        """Wake serve(); once it has gone (the bridge joins it), remove the socket."""
        if self._wake_w >= 0:
            os.write(self._wake_w, b"x")

    def serve(self, hub: Hub) -> None:
        """The listener thread: accept, read, drop silent peers, until ``close``. Nothing a
        peer or the system does ends it: an error is logged, the peer dropped, and it goes on.
        """
        assert self._server is not None and self._sel is not None
        last_error = ""
        try:
            while True:
                try:
                    if not self._step(hub):
                        return
                except Exception as e:  # a bug of ours: say so (once), pause, listen on
                    if repr(e) != last_error:
                        log.warning("browser bridge: %r; listening on", e)
                        log.debug("browser bridge", exc_info=True)
                    last_error = repr(e)
                    if self._woken(ACCEPT_PAUSE):
                        return
        finally:
            for fd in list(self._clients):
                self._drop(fd)
            self._release()

    def _step(self, hub: Hub) -> bool:
        """One round: wait for what comes first (bytes, a connection, a deadline, the end of
        a pause), handle it. False once ``close`` was called."""
        events = self._selector.select(self._timeout(hub))
        # Bytes before connections: a peer whose message is here is never dropped as
        # silent to make room for a newcomer.
        for key, _ in sorted(events, key=lambda event: event[0].data == _ACCEPT):
            if key.data is None:
                return False
            if key.data == _ACCEPT:
                for _ in range(BACKLOG):
                    if not self._accept(hub):
                        break
            else:
                self._receive(key.data)
        self._sweep()
        if self._paused_until is not None and hub.monotonic() >= self._paused_until:
            assert self._server is not None
            self._paused_until = None
            self._selector.register(self._server, selectors.EVENT_READ, _ACCEPT)
        return True

    def _timeout(self, hub: Hub) -> float | None:
        """Until the first deadline of a peer, or the end of a pause of accept()."""
        waits = [peer.remaining() for _, peer in self._clients.values()]
        if self._paused_until is not None:
            waits.append(max(0.0, self._paused_until - hub.monotonic()))
        return min(waits) if waits else None

    def _woken(self, seconds: float) -> bool:
        """Wait ``seconds`` unless ``close`` wakes us first (then True)."""
        return bool(select.select([self._wake_r], [], [], seconds)[0])

    def _release(self) -> None:
        """Close whatever listen() made (all of it, or what it made before it failed)."""
        if self._sel is not None:
            self._sel.close()
            self._sel = None
        for fd in (self._wake_r, self._wake_w):
            if fd >= 0:
                os.close(fd)
        self._wake_r = self._wake_w = -1
        if self._server is not None:
            self._server.close()
            self._server = None
            with contextlib.suppress(FileNotFoundError):
                self.path.unlink()
        if self._lock_fd is not None:
            os.close(self._lock_fd)  # releases the lock
            self._lock_fd = None

    def _accept(self, hub: Hub) -> bool:
        """Take one connection; False when there is none, or accept() must pause."""
        assert self._server is not None
        try:
            conn, _ = self._server.accept()
        except (BlockingIOError, InterruptedError):
            return False
        except OSError as e:
            if e.errno in _CLIENT_GONE:
                return True
            # EMFILE, ENFILE, ENOBUFS, ENOMEM…: the client waits in the backlog while we
            # stop asking for a moment (level-triggered, the socket would wake us at once).
            hub.accept_failed(e)
            self._selector.unregister(self._server)
            self._paused_until = hub.monotonic() + ACCEPT_PAUSE
            return False
        hub.accepting()
        try:
            self._admit(hub, conn)
        except Exception as e:  # whatever happens to this one, the listener goes on
            log.warning("browser bridge: dropped a new connection (%r)", e)
            log.debug("browser bridge", exc_info=True)
            conn.close()
        return True

    def _admit(self, hub: Hub, conn: socket.socket) -> None:
        conn.setblocking(False)
        if not _same_user(conn):
            log.warning("browser bridge: refused a connection from another user")
            conn.close()
            return
        self._sweep()  # a slot held by a peer past its deadline is free now
        peer = hub.new_peer()
        if not peer.admitted:  # full: say so (doctor reads it) and hang up at once
            with contextlib.suppress(OSError):
                conn.send(peer.refusal())
            conn.close()
            return
        try:
            self._selector.register(conn, selectors.EVENT_READ, conn.fileno())
        except BaseException:
            peer.close()
            raise
        self._clients[conn.fileno()] = (conn, peer)

    def _receive(self, fd: int) -> None:
        if fd not in self._clients:
            return
        conn, peer = self._clients[fd]
        try:
            data = conn.recv(65536)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            data = b""
        try:
            answer = peer.feed(data) if data else None
        except Exception as e:  # a bug in handling this peer's bytes: drop it, go on
            log.warning("browser bridge: dropped a connection after an error (%r)", e)
            log.debug("browser bridge", exc_info=True)
            self._drop(fd)
            return
        if answer is not None:  # a status query from `socialtime doctor`: answer, hang up
            with contextlib.suppress(OSError):
                conn.send(answer)  # a few dozen bytes: the empty buffer takes them at once
        if not data or answer is not None:
            self._drop(fd)

    def _sweep(self) -> None:
        """Drop the peers past their deadline (Peer.deadline)."""
        for fd, (_, peer) in list(self._clients.items()):
            if peer.expired():
                self._drop(fd, timed_out=True)

    def _drop(self, fd: int, timed_out: bool = False) -> None:
        conn, peer = self._clients.pop(fd)
        with contextlib.suppress(KeyError, ValueError, OSError):
            self._selector.unregister(conn)
        conn.close()
        peer.close(timed_out)


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


def connect(
    path: Path, timeout: float, clock: Callable[[], float] = time.monotonic
) -> socket.socket:
    """A client connection to the bridge at ``path`` (doctor's, browser-host's), whose reads
    and writes time out after ``timeout``; raises OSError.

    With a timeout, an AF_UNIX connect() does not wait while the listen backlog is full: it
    fails at once (EAGAIN). That happens for a moment when many connect at once (a flood the
    bridge is refusing), so it is tried again until ``timeout`` has passed."""
    deadline = time.monotonic() + timeout
    while True:
        client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        client.settimeout(timeout)
        try:
            client.connect(os.fspath(path))
            return client
        except BlockingIOError:
            client.close()
            if time.monotonic() >= deadline:
                raise
            time.sleep(CONNECT_RETRY)
        except OSError:
            client.close()
            raise
