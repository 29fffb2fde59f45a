"""The recorder's end of the browser bridge: a local channel that browser-host writes to.

The channel is a Transport: an AF_UNIX socket (unixsock.UnixSocket) on Linux and macOS, a named
pipe on Windows (winpipe.PipeServer). Everything else — framing, validation, what is kept, the
status answer for doctor — is the same code (Peer and BrowserBridge) whatever carries the bytes.
What the transports share with the bridge is apart, so that they never import this module: the
connections in peers.py (Peer, Hub), Transport and BridgeUnavailable in channel.py.

Both transports are reachable by this user's processes only and are no network port, so the
promise "no connection, no listening port" holds: see unixsock's and winpipe's docstrings.

What is kept, and for how long: only the latest report per browser process, and only in memory.
A hostname that is not in the catalogue is replaced by the marker :data:`OTHER` the moment it
arrives, so the name of a non-social site a user visits is never held beyond the parsing of one
message and never reaches the store. A private tab arrives as None (title rules then apply, as
without the extension). A report also says whether a window of that browser has the focus:
where the desktop shows no window in front (GNOME without socialtime's Shell extension, macOS
without Accessibility), the browser that says so, freshly, is taken as the window in front
(``focused_window``).

Threading: one listener thread owns the socket (on Windows, it and one reader thread per
client); ``host_for`` and ``connected`` may be called from any thread (the tracker's, Qt's) and
only take a short lock.

Floods and faults: at most MAX_PEERS connections are served at once, and silent ones are
dropped (see peers.py). A transport survives every error of accept() and of a peer's handling:
it says so once, drops that peer or pauses accepting briefly, and goes on listening.
"""

from __future__ import annotations

import contextlib
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

from socialtime.base import paths
from socialtime.base.files import ReadError, parse_json
from socialtime.base.i18n import translate
from socialtime.browser.channel import BridgeUnavailable, Transport
from socialtime.browser.peers import (
    ACCEPT_PAUSE,
    MAX_PEERS,
    NO_BROWSER,
    NOT_LISTENING,
    BridgeStatus,
    Hub,
    Peer,
)
from socialtime.browser.protocol import FrameDecoder, Relay, encode
from socialtime.probes.base import BROWSER_BRIDGE, Check, Foreground, process_name
from socialtime.rules.sites import Catalogue, classify_host

if TYPE_CHECKING:
    from socialtime.browser import win32api

__all__ = [
    "NO_BROWSER",
    "OTHER",
    "BridgeUnavailable",
    "BrowserBridge",
    "Hub",
    "Peer",
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
    Windows); tests pass another. ``clock`` stamps reports (wall time, as browser-host's);
    ``monotonic`` times the peers' deadlines and the transports' pauses.
    """

    def __init__(
        self,
        catalogue: Catalogue,
        sample_seconds: float = 5.0,
        path: Path | None = None,
        clock: Callable[[], float] = time.time,
        transport: Transport | None = None,
        monotonic: Callable[[], float] = time.monotonic,
        process_name: Callable[[int], str] = process_name,
    ) -> None:
        self.catalogue = catalogue
        self.max_age = 2.0 * sample_seconds + MARGIN
        self.path = path if path is not None else socket_path()  # see socket_path()
        self.clock = clock
        self.monotonic = monotonic
        self.problem: str | None = None
        self._lock = threading.Lock()
        self._reports: dict[int, _Report] = {}
        self._conns: dict[int, int | None] = {}  # connection id -> browser pid (once known)
        self._thread: threading.Thread | None = None
        self._transport = transport
        self._listening: Transport | None = None
        self._ids = itertools.count(1)
        # What doctor is told, counted since start: connections refused (the bridge was
        # full), dropped for silence, and the times accept() lacked descriptors or memory.
        self.refused = self.dropped = self.shortages = 0
        self._full = False  # refusing now (logged once per episode)
        self._short = False  # accept() failing now (logged once per episode)
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

    def status(self) -> BridgeStatus:
        """What doctor is told: connected browsers and peers, the limit, the counts."""
        with self._lock:
            browsers = sum(1 for pid in self._conns.values() if pid is not None)
            peers = len(self._conns)
            focus = sum(1 for report in self._reports.values() if report.focused is not None)
        return BridgeStatus(
            browsers, peers, MAX_PEERS, self.refused, self.dropped, self.shortages, focus=focus
        )

    def diagnose(self) -> Check:
        """The "browser bridge" line of doctor, for a process that runs the bridge itself."""
        if self.problem:
            return Check(BROWSER_BRIDGE, False, self.problem)
        if self._thread is None or not self._thread.is_alive():
            return Check(BROWSER_BRIDGE, False, translate("bridge", NOT_LISTENING))
        return self.status().check()

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
            transport.serve(self)
        except Exception as e:  # serve() is built not to raise; should it, say so plainly
            text = translate("bridge", "the bridge stopped after an error ({error})")
            self.problem = text.format(error=e)
            log.warning("browser bridge stopped after an error: %r", e)
            log.debug("browser bridge stopped", exc_info=True)

    # --- Hub: what the transport asks while it serves ----------------------------------------

    def new_peer(self) -> Peer:
        """A peer for a connection just accepted: admitted, or (MAX_PEERS already) refused."""
        conn_id = next(self._ids)
        with self._lock:
            admitted = len(self._conns) < MAX_PEERS
            first_refusal = not admitted and not self._full
            self._full = not admitted
            if admitted:
                self._conns[conn_id] = None
            else:
                self.refused += 1
        if first_refusal:
            log.warning(
                "browser bridge: %d connections at once, the limit; refusing more until one "
                "ends (a program may be holding them open)",
                MAX_PEERS,
            )
        return Peer(self, conn_id, admitted)

    def accept_failed(self, error: OSError) -> None:
        """accept() failed for lack of descriptors or memory: the transport pauses; said
        once per episode (until ``accepting``)."""
        with self._lock:
            first, self._short = not self._short, True
            if first:
                self.shortages += 1
        if first:
            log.warning(
                "browser bridge: cannot accept a connection (%s); retrying every %.1f s",
                error.strerror or error,
                ACCEPT_PAUSE,
            )

    def accepting(self) -> None:
        """accept() works (again)."""
        with self._lock:
            was, self._short = self._short, False
        if was:
            log.warning("browser bridge: accepting connections again")

    def status_frame(self, full: bool = False) -> bytes:
        """The answer to doctor's status query, or (``full``) to a refused connection."""
        return encode(self.status().to_json(full))

    def relay(self, conn_id: int, message: Relay) -> None:
        """A report from browser-host (Peer.feed): kept as the latest for its browser."""
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

    def forget(self, conn_id: int, timed_out: bool = False) -> None:
        """A connection ended (Peer.close): its browser's report is no longer true."""
        with self._lock:
            if conn_id in self._conns:
                del self._conns[conn_id]
                if timed_out:
                    self.dropped += 1
            for pid, report in list(self._reports.items()):
                if report.conn == conn_id:  # the browser closed: its report is no longer true
                    del self._reports[pid]


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


def bridge_status(
    path: Path | None = None, timeout: float = 1.0, api: win32api.Api | None = None
) -> Check:
    """Ask a running recorder's bridge how it is (for doctor): through the socket at ``path``,
    or on Windows (or with a fake ``api``) through the named pipe. A full bridge refuses this
    connection too, but tells its status first, so the answer is true even then."""
    return bridge_state(path, timeout, api)[0]


def bridge_state(
    path: Path | None = None, timeout: float = 1.0, api: win32api.Api | None = None
) -> tuple[Check, int]:
    """bridge_status(), and how many of the connected browsers tell whether one of their
    windows has the focus (0 when the recorder does not answer)."""
    check = _ask_status(path, timeout, api)
    if isinstance(check, BridgeStatus):
        return check.check(), check.focus
    return check, 0


def _ask_status(
    path: Path | None, timeout: float, api: win32api.Api | None
) -> Check | BridgeStatus:
    where: object = path
    client: _Channel | None = None
    try:
        where, client = _open_status(path, timeout, api)
        with contextlib.suppress(OSError):  # refused: the bridge may have hung up already
            client.sendall(encode({"query": "status"}))
        decoder = FrameDecoder()
        frames: list[bytes] = []
        while not frames:
            data = client.recv(4096)
            if not data:
                break
            frames = decoder.feed(data)
    except (FileNotFoundError, ConnectionRefusedError):
        return Check(BROWSER_BRIDGE, False, translate("bridge", NOT_LISTENING))
    except TimeoutError:
        text = translate(
            "bridge", "{path}: listening, but the recorder did not answer within {seconds} s"
        )
        return Check(BROWSER_BRIDGE, False, text.format(path=where, seconds=f"{timeout:g}"))
    except OSError as e:
        from socialtime.browser.win32api import ERROR_PIPE_BUSY

        if getattr(e, "code", None) == ERROR_PIPE_BUSY:  # every pipe instance is in use
            return BridgeStatus(0, MAX_PEERS, full=True)
        return Check(BROWSER_BRIDGE, False, f"{where}: {e.strerror or e}")
    finally:
        if client is not None:
            client.close()
    try:
        answer = parse_json(frames[0].decode("utf-8"), str(where)) if frames else None
        status = BridgeStatus.from_json(answer) if frames else None
    except (ReadError, ValueError):  # not JSON, nested too deep, or not a status
        status = None
    if status is None:
        text = translate("bridge", "{path}: the recorder did not answer")
        return Check(BROWSER_BRIDGE, False, text.format(path=where))
    return status
