"""The recorder's end of the browser bridge: a local channel that browser-host writes to.

The channel is a Transport: an AF_UNIX socket (unixsock.UnixSocket) on Linux and macOS, a named
pipe on Windows (winpipe.PipeServer). Everything else — framing, validation, what is kept, the
status answer for doctor — is the same code (Peer and BrowserBridge) whatever carries the bytes.

Both transports are reachable by this user's processes only and are no network port, so the
promise "no connection, no listening port" holds: see unixsock's and winpipe's docstrings.

What is kept, and for how long: only the latest report per browser process, and only in memory.
A report also says whether a window of that browser has the focus: where the desktop shows no
window in front (GNOME without socialtime's Shell extension, macOS without Accessibility), the
browser that says so, freshly, is taken as the window in front (``focused_window``).
A hostname that is not in the catalogue is replaced by the marker :data:`OTHER` the moment it
arrives, so the name of a non-social site a user visits is never held beyond the parsing of one
message and never reaches the store. A private tab arrives as None (title rules then apply, as
without the extension).

Threading: one listener thread owns the socket (on Windows, it and one reader thread per
client); ``host_for`` and ``connected`` may be called from any thread (the tracker's, Qt's) and
only take a short lock.
"""

from __future__ import annotations

import itertools
import logging
import os
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
from socialtime.probes.base import BROWSER_BRIDGE, Check, Foreground, process_name
from socialtime.sites import Catalogue, classify_host

if TYPE_CHECKING:
    from socialtime.browser import win32api

__all__ = [
    "OTHER",
    "BridgeState",
    "BridgeUnavailable",
    "BrowserBridge",
    "bridge_state",
    "bridge_status",
    "socket_path",
]

log = logging.getLogger("socialtime.browser")

# A browser page that is not a catalogue site. Not a valid hostname, so it can never match a
# catalogue entry, while still telling the classifier "the browser knows: not social".
OTHER = "(other)"
SOCKET_NAME = "bridge.sock"
# The extension repeats its report every 2 s; a report is trusted for two sample intervals
# plus this margin, so a browser whose extension went quiet falls back to title rules.
MARGIN = 3.0


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


@dataclass
class _Report:
    host: str | None  # a catalogue hostname, OTHER, or None (private / not a web page)
    stamp: float
    conn: int  # which connection said it
    focused: bool | None = None  # a window of this browser has the focus (None: not told)
    since: float = 0.0  # when it last gained the focus, to tell the newest of two


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
                return encode(
                    {"browsers": self.bridge.browsers(), "focus": self.bridge.focus_browsers()}
                )
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
        from socialtime.browser.win32api import WinApi
        from socialtime.browser.winpipe import PipeServer

        return PipeServer(WinApi())
    from socialtime.browser.unixsock import UnixSocket

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
        process_name: Callable[[int], str] = process_name,
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
        self._process_name = process_name

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

    def focused_window(self, now: float) -> Foreground | None:
        """The browser in front when the desktop shows no window: the one whose extension
        says, in a report younger than ``max_age``, that one of its windows has the focus (the
        one that gained it last, should two say so). Its title is not known ("")."""
        with self._lock:
            fresh = [
                (report.since, report.stamp, pid)
                for pid, report in self._reports.items()
                if report.focused and report.stamp - 1.0 <= now <= report.stamp + self.max_age
            ]
        if not fresh:
            return None
        pid = max(fresh)[2]
        return Foreground(self._process_name(pid), "", pid)

    def focus_browsers(self) -> int:
        """How many connected browsers tell whether they have the focus (newer extensions)."""
        with self._lock:
            return sum(1 for report in self._reports.values() if report.focused is not None)

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
            before = self._reports.get(message.pid)
            since = before.since if before is not None and before.focused else stamp
            self._reports[message.pid] = _Report(host, stamp, conn_id, message.focused, since)

    def _forget(self, conn_id: int) -> None:
        with self._lock:
            self._conns.pop(conn_id, None)
            for pid, report in list(self._reports.items()):
                if report.conn == conn_id:  # the browser closed: its report is no longer true
                    del self._reports[pid]


# Shown by doctor and the tray, translated there: translate("bridge", NO_BROWSER).
NO_BROWSER = QT_TRANSLATE_NOOP(
    "bridge",
    "no browser is connected: install the socialtime extension in your browser and run "
    "`socialtime browser install`; until then sites are recognised from window titles",
)


class _Channel(Protocol):
    def sendall(self, data: bytes, /) -> None: ...
    def recv(self, size: int, /) -> bytes: ...
    def close(self) -> None: ...


def _open_status(
    path: Path | None, timeout: float, api: win32api.Api | None
) -> tuple[object, _Channel]:
    """Where the bridge is (for messages) and a connection to it; raises OSError."""
    if api is not None or sys.platform == "win32":
        from socialtime.browser import winpipe
        from socialtime.browser.win32api import WinApi

        api = api if api is not None else WinApi()
        return winpipe.pipe_name(api), winpipe.open_pipe(api, int(timeout * 1000), timeout)
    from socialtime.browser.unixsock import connect

    path = path if path is not None else socket_path()
    return path, connect(path, timeout)


@dataclass(frozen=True)
class BridgeState:
    """What a running recorder's bridge told doctor: its line, and how many of the connected
    browsers tell whether they have the focus."""

    check: Check
    focus: int = 0


def bridge_status(
    path: Path | None = None, timeout: float = 1.0, api: win32api.Api | None = None
) -> Check:
    """Ask a running recorder's bridge how many browsers are connected (for doctor): through
    the socket at ``path``, or on Windows (or with a fake ``api``) through the named pipe."""
    return bridge_state(path, timeout, api).check


def bridge_state(
    path: Path | None = None, timeout: float = 1.0, api: win32api.Api | None = None
) -> BridgeState:
    """bridge_status(), with the number of browsers that tell their focus."""
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
        return BridgeState(
            Check(
                BROWSER_BRIDGE,
                False,
                translate(
                    "bridge",
                    "not listening: start socialtime (the tray) or `socialtime track` to "
                    "receive the browser's sites",
                ),
            )
        )
    except OSError as e:
        return BridgeState(Check(BROWSER_BRIDGE, False, f"{where}: {e.strerror or e}"))
    finally:
        if client is not None:
            client.close()
    import json

    try:
        answer = json.loads(frames[0]) if frames else {}
        count, focus = answer.get("browsers"), answer.get("focus", 0)
    except (ValueError, AttributeError):
        count, focus = None, 0
    if not isinstance(count, int):
        text = translate("bridge", "{path}: the recorder did not answer")
        return BridgeState(Check(BROWSER_BRIDGE, False, text.format(path=where)))
    focus = focus if isinstance(focus, int) else 0
    if count == 0:
        return BridgeState(Check(BROWSER_BRIDGE, False, translate("bridge", NO_BROWSER)))
    text = translate("bridge", "connected (%n browser(s))", None, count)
    return BridgeState(Check(BROWSER_BRIDGE, True, text), focus)
