"""The recorder's end of the browser bridge: a local channel that browser-host writes to.

The channel is a Transport: an AF_UNIX socket (UnixSocket, here) on Linux and macOS, a named
pipe on Windows (winpipe.PipeServer). Everything else — framing, validation, what is kept, the
status answer for doctor — is the same code (Peer and BrowserBridge) whatever carries the bytes.

Why a Unix socket in the user's runtime directory: it is reachable by this user's processes only
(the directory is 0700, the socket 0600, and the peer's uid is checked), it is gone at logout,
and it is no network port, so the promise "no connection, no listening port" holds. The pipe
keeps the same promise on Windows: see winpipe's docstring.

What is kept, and for how long: only the latest report per browser process, and only in memory.
A hostname that is not in the catalogue is replaced by the marker :data:`OTHER` the moment it
arrives, so the name of a non-social site a user visits is never held beyond the parsing of one
message and never reaches the store. A private tab arrives as None (title rules then apply, as
without the extension).

Threading: one listener thread owns the socket (on Windows, it and one reader thread per
client); ``host_for`` and ``connected`` may be called from any thread (the tracker's, Qt's) and
only take a short lock.
"""

from __future__ import annotations

import contextlib
import errno
import itertools
import logging
import os
import selectors
import socket
import sys
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from socialtime import paths
from socialtime.browser.protocol import (
    FrameDecoder,
    ProtocolError,
    Relay,
    encode,
    parse_relay,
)
from socialtime.i18n import QT_TRANSLATE_NOOP, translate
from socialtime.probes.base import BROWSER_BRIDGE, Check, Foreground
from socialtime.sites import Catalogue, classify_host

if TYPE_CHECKING:
    from socialtime.browser import winpipe

__all__ = ["OTHER", "BridgeUnavailable", "BrowserBridge", "bridge_status", "socket_path"]

log = logging.getLogger("socialtime.browser")

# A browser page that is not a catalogue site. Not a valid hostname, so it can never match a
# catalogue entry, while still telling the classifier "the browser knows: not social".
OTHER = "(other)"
SOCKET_NAME = "bridge.sock"
LOCK_NAME = "bridge.lock"
# The extension repeats its report every 2 s; a report is trusted for two sample intervals
# plus this margin, so a browser whose extension went quiet falls back to title rules.
MARGIN = 3.0
# sun_path is 108 bytes on Linux, 104 on macOS (including the terminating NUL).
MAX_SOCKET_PATH = 103


class BridgeUnavailable(Exception):
    """The bridge cannot listen here; the message says why and what to do."""


def socket_path(data_dir: Path | None = None, environ: Mapping[str, str] = os.environ) -> Path:
    """Where the recorder listens and browser-host connects.

    ``$XDG_RUNTIME_DIR/socialtime/bridge.sock`` (a per-user tmpfs on Linux desktops, gone at
    logout), else ``bridge.sock`` in the data directory (default: ``$SOCIALTIME_DATA_DIR`` or
    the platform's). The browser starts browser-host without arguments, so without a runtime
    dir a recorder run with another ``--data-dir`` cannot be found by the browser.
    """
    runtime = environ.get("XDG_RUNTIME_DIR", "")
    if runtime and Path(runtime).is_absolute() and Path(runtime).is_dir():
        return Path(runtime) / "socialtime" / SOCKET_NAME
    return (data_dir or paths.data_dir(None, environ)) / SOCKET_NAME


def private_dir(directory: Path) -> None:
    """Create ``directory`` (0700) or check that an existing one is ours, and make it 0700."""
    directory.mkdir(mode=0o700, parents=True, exist_ok=True)
    st = directory.stat()
    if st.st_uid != os.getuid():
        text = translate("bridge", "{folder} belongs to another user; not listening there")
        raise BridgeUnavailable(text.format(folder=directory))
    if st.st_mode & 0o077:
        os.chmod(directory, 0o700)


@dataclass
class _Report:
    host: str | None  # a catalogue hostname, OTHER, or None (private / not a web page)
    stamp: float
    conn: int  # which connection said it


class Peer:
    """One connection (browser-host, or doctor asking), whatever transport carries its bytes.

    A transport calls ``feed`` with every chunk it reads and ``close`` once when the connection
    ends; both run in the transport's threads, and only ``feed`` and ``close`` touch the bridge.
    """

    def __init__(self, bridge: BrowserBridge, conn_id: int) -> None:
        self.bridge = bridge
        self.conn_id = conn_id
        self.decoder = FrameDecoder()

    def feed(self, data: bytes) -> bytes | None:
        """Handle bytes received. Returns the answer to send, after which the transport hangs
        up, when the peer was doctor asking for the status; None otherwise."""
        for payload in self.decoder.feed(data):
            try:
                message = parse_relay(payload)
            except ProtocolError as e:
                log.warning("browser bridge: dropped a message (%s)", e)
                continue
            if isinstance(message, Relay):
                self.bridge._store(self.conn_id, message)
            else:
                return encode({"browsers": self.bridge.browsers()})
        return None

    def close(self) -> None:
        self.bridge._forget(self.conn_id)


class Transport(Protocol):
    """What differs between platforms: how the bridge listens and reads bytes.

    ``listen`` runs in ``start()`` and raises BridgeUnavailable; ``serve`` is the listener
    thread's body and returns after ``close``, which another thread calls to wake it and to
    release everything (the bridge then joins the thread).
    """

    def listen(self) -> None: ...
    def serve(self, new_peer: Callable[[], Peer]) -> None: ...
    def close(self) -> None: ...


def default_transport(path: Path) -> Transport:
    """A named pipe on Windows, an AF_UNIX socket at ``path`` elsewhere."""
    if sys.platform == "win32":
        from socialtime.browser.winpipe import PipeServer, WinApi

        return PipeServer(WinApi())
    return UnixSocket(path)


class BrowserBridge:
    """Listens for browser-host, keeps the latest report per browser pid, answers the tracker.

    Usage (``socialtime track`` and the tray do the same)::

        bridge = BrowserBridge(catalogue, config.sample_seconds, socket_path(data_dir))
        bridge.start()          # False when it cannot listen; bridge.problem says why
        tracker = Tracker(..., host_source=bridge.host_for)
        ...
        bridge.stop()

    ``transport`` defaults to the platform's (see default_transport; ``path`` is unused on
    Windows); tests pass another.
    """

    def __init__(
        self,
        catalogue: Catalogue,
        sample_seconds: float = 5.0,
        path: Path | None = None,
        clock: Callable[[], float] = time.time,
        transport: Transport | None = None,
    ) -> None:
        self.catalogue = catalogue
        self.max_age = 2.0 * sample_seconds + MARGIN
        self.path = path if path is not None else socket_path()  # see socket_path()
        self.clock = clock
        self.problem: str | None = None
        self._lock = threading.Lock()
        self._reports: dict[int, _Report] = {}
        self._conns: dict[int, int | None] = {}  # connection id -> browser pid (once known)
        self._thread: threading.Thread | None = None
        self._transport = transport
        self._listening: Transport | None = None
        self._ids = itertools.count(1)

    # --- what the tracker and the UI ask ---------------------------------------------------

    def host_for(self, foreground: Foreground, now: float) -> str | None:
        """The hostname for the window in front, when its browser reported one lately.

        None (title rules apply) unless the window belongs to the browser process that sent
        the report (pid match) and the report is younger than ``max_age``.
        """
        if foreground.pid is None:
            return None
        with self._lock:
            report = self._reports.get(foreground.pid)
        if report is None or not (report.stamp - 1.0 <= now <= report.stamp + self.max_age):
            return None
        return report.host

    def connected(self) -> bool:
        """True while at least one browser's extension is connected."""
        return self.browsers() > 0

    def browsers(self) -> int:
        """How many browser-host processes are connected and have reported."""
        with self._lock:
            return sum(1 for pid in self._conns.values() if pid is not None)

    def update(self, catalogue: Catalogue, sample_seconds: float) -> None:
        """New settings (the user changed their sites or the sample interval): applies to
        reports from now on."""
        self.catalogue = catalogue
        self.max_age = 2.0 * sample_seconds + MARGIN

    def diagnose(self) -> Check:
        """The "browser bridge" line of doctor, for a process that runs the bridge itself."""
        if self.problem:
            return Check(BROWSER_BRIDGE, False, self.problem)
        count = self.browsers()
        if count:
            return Check(
                BROWSER_BRIDGE, True, translate("bridge", "connected (%n browser(s))", None, count)
            )
        return Check(BROWSER_BRIDGE, False, translate("bridge", NO_BROWSER))

    # --- start and stop --------------------------------------------------------------------

    def start(self) -> bool:
        """Listen in a background thread. Returns False (and sets ``problem``) when this
        platform or session cannot have a bridge, or another recorder already has it; the
        tracker then simply gets no hostnames and uses title rules."""
        if self._thread is not None:
            return True
        transport = self._transport or default_transport(self.path)
        try:
            transport.listen()
        except BridgeUnavailable as e:
            self.problem = str(e)
            return False
        self.problem = None
        self._listening = transport
        self._thread = threading.Thread(
            target=self._run, args=(transport,), name="browser-bridge", daemon=True
        )
        self._thread.start()
        return True

    def stop(self) -> None:
        """Stop listening, forget every report and remove the socket."""
        if self._listening is not None:
            self._listening.close()
            self._listening = None
        if self._thread is not None:
            self._thread.join(5)
            self._thread = None
        with self._lock:
            self._reports.clear()
            self._conns.clear()

    # --- the transport's side ----------------------------------------------------------------

    def _run(self, transport: Transport) -> None:
        try:
            transport.serve(self._new_peer)
        except Exception:  # never let the thread die silently: say so, then stop serving
            log.exception("browser bridge stopped")

    def _new_peer(self) -> Peer:
        conn_id = next(self._ids)
        with self._lock:
            self._conns[conn_id] = None
        return Peer(self, conn_id)

    def _store(self, conn_id: int, message: Relay) -> None:
        host = message.host
        if host is not None and classify_host(host, self.catalogue) is None:
            host = OTHER  # not social: forget the name right here
        stamp = min(message.time, self.clock())
        with self._lock:
            if conn_id not in self._conns:
                return  # the bridge stopped meanwhile
            self._conns[conn_id] = message.pid
            self._reports[message.pid] = _Report(host, stamp, conn_id)

    def _forget(self, conn_id: int) -> None:
        with self._lock:
            self._conns.pop(conn_id, None)
            for pid, report in list(self._reports.items()):
                if report.conn == conn_id:  # the browser closed: its report is no longer true
                    del self._reports[pid]


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


# Shown by doctor and the tray, translated there: translate("bridge", NO_BROWSER).
NO_BROWSER = QT_TRANSLATE_NOOP(
    "bridge",
    "no browser is connected: install the socialtime extension in your browser and run "
    "`socialtime browser install`; until then sites are recognised from window titles",
)


def _try_lock(path: Path) -> int | None:
    """An exclusive, non-blocking flock on ``path``: the fd, or None when someone holds it."""
    import fcntl

    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as e:
        os.close(fd)
        if e.errno in (errno.EWOULDBLOCK, errno.EAGAIN, errno.EACCES):
            return None
        raise
    return fd


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


class _Channel(Protocol):
    def sendall(self, data: bytes, /) -> None: ...
    def recv(self, size: int, /) -> bytes: ...
    def close(self) -> None: ...


def _open_status(
    path: Path | None, timeout: float, api: winpipe.Api | None
) -> tuple[object, _Channel]:
    """Where the bridge is (for messages) and a connection to it; raises OSError."""
    if api is not None or sys.platform == "win32":
        from socialtime.browser import winpipe

        api = api if api is not None else winpipe.WinApi()
        return winpipe.pipe_name(api), winpipe.open_pipe(api, int(timeout * 1000), timeout)
    path = path if path is not None else socket_path()
    client = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    client.settimeout(timeout)
    try:
        client.connect(os.fspath(path))
    except OSError:
        client.close()
        raise
    return path, client


def bridge_status(
    path: Path | None = None, timeout: float = 1.0, api: winpipe.Api | None = None
) -> Check:
    """Ask a running recorder's bridge how many browsers are connected (for doctor): through
    the socket at ``path``, or on Windows (or with a fake ``api``) through the named pipe."""
    where: object = path
    client: _Channel | None = None
    try:
        where, client = _open_status(path, timeout, api)
        client.sendall(encode({"query": "status"}))
        decoder = FrameDecoder()
        frames: list[bytes] = []
        while not frames:
            data = client.recv(4096)
            if not data:
                break
            frames = decoder.feed(data)
    except (FileNotFoundError, ConnectionRefusedError):
        return Check(
            BROWSER_BRIDGE,
            False,
            translate(
                "bridge",
                "not listening: start socialtime (the tray) or `socialtime track` to receive "
                "the browser's sites",
            ),
        )
    except OSError as e:
        return Check(BROWSER_BRIDGE, False, f"{where}: {e.strerror or e}")
    finally:
        if client is not None:
            client.close()
    import json

    try:
        count = json.loads(frames[0])["browsers"] if frames else None
    except (ValueError, KeyError, TypeError):
        count = None
    if not isinstance(count, int):
        text = translate("bridge", "{path}: the recorder did not answer")
        return Check(BROWSER_BRIDGE, False, text.format(path=where))
    if count == 0:
        return Check(BROWSER_BRIDGE, False, translate("bridge", NO_BROWSER))
    return Check(
        BROWSER_BRIDGE, True, translate("bridge", "connected (%n browser(s))", None, count)
    )
