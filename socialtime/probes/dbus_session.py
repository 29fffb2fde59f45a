"""Lock and suspend on Linux (any desktop, X11 or Wayland), heard over D-Bus in the background.

Sources, each optional:
- logind on the system bus: `PrepareForSleep(true/false)` on org.freedesktop.login1.Manager
  brackets a suspend; the `LockedHint` property of our session (PropertiesChanged on its object)
  is set by GNOME, KDE and most lockers when the screen locks.
- the screensaver on the session bus: `ActiveChanged(bool)` on org.freedesktop.ScreenSaver (KDE,
  Xfce, ...) or org.gnome.ScreenSaver (GNOME Shell). An active screensaver counts as locked:
  nobody works behind a blank screen. GNOME Shell (3.38 and later) serves that interface under
  its own name org.gnome.Shell.ScreenShield and emits the signal itself; the name
  org.gnome.ScreenSaver is a small proxy that D-Bus starts on demand, which we never do.

Threading: one daemon thread per bus owns that bus's connection, blocks reading it, and writes
into a thread-safe SessionState; the tracker's thread only reads. A bus that is missing or goes
away makes its sources "unknown" (None) and is retried every RETRY_AFTER seconds; nothing here
raises into the tracker. Signals are matched by interface and member, not by sender: a local
program could fake "locked" or "suspended", which can only make socialtime record less.
"""

from __future__ import annotations

import os
import threading
import time
from collections import deque
from collections.abc import Callable
from typing import Any

from socialtime.base.i18n import translate
from socialtime.probes import dbusio
from socialtime.probes.base import SCREEN_LOCK, Check
from socialtime.probes.session import SLEEP, SessionState

RETRY_AFTER = 10.0  # seconds between attempts to reach a bus that is missing or was lost
READ_TIMEOUT = 5.0  # a listener also wakes this often to notice close() (which wakes it anyway)
DIAGNOSE_WAIT = 2.0  # how long doctor waits for the listeners' first answers

LOGIN = "org.freedesktop.login1"
MANAGER_PATH = "/org/freedesktop/login1"
MANAGER = "org.freedesktop.login1.Manager"
SESSION = "org.freedesktop.login1.Session"
PROPERTIES = "org.freedesktop.DBus.Properties"
# (bus name, object path, interface) of screensaver services, asked in this order.
SCREENSAVERS = (
    ("org.gnome.Shell.ScreenShield", "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"),
    ("org.gnome.ScreenSaver", "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver"),
    ("org.freedesktop.ScreenSaver", "/org/freedesktop/ScreenSaver", "org.freedesktop.ScreenSaver"),
    ("org.freedesktop.ScreenSaver", "/ScreenSaver", "org.freedesktop.ScreenSaver"),
)
SAVER_INTERFACES = frozenset(iface for _, _, iface in SCREENSAVERS)
LOCKED_HINT = "session lock"  # i18n: ignore - a SessionState source key, never shown
SCREENSAVER = "screensaver"


class SessionWatcher:
    """Listens to logind and the screensaver; `locked()` and `suspended` answer at once.

    `system_bus` and `session_bus` are "SYSTEM"/"SESSION" (from the environment) or D-Bus
    addresses; None skips that bus. `session_path` names the logind session object to follow
    (default: found from $XDG_SESSION_ID, our pid, or the user's graphical session).
    """

    def __init__(
        self,
        system_bus: str | None = dbusio.SYSTEM,
        session_bus: str | None = dbusio.SESSION,
        *,
        session_path: str | None = None,
        session_id: str | None = None,
        connect: Callable[[str], Any] = dbusio.connect,
        retry_after: float = RETRY_AFTER,
    ) -> None:
        self.buses = {"system": system_bus, "session": session_bus}
        self.session_path = session_path
        self.session_id = os.environ.get("XDG_SESSION_ID") if session_id is None else session_id
        self.state = SessionState()
        self._connect = connect
        self._retry_after = retry_after
        self._guard = threading.Lock()
        self._threads: list[threading.Thread] = []
        self._stop = threading.Event()
        self._ready: dict[str, threading.Event] = {}
        self._conns: dict[str, Any] = {}
        self.status: dict[str, str] = {}  # bus role -> what was seen there, for doctor
        self.saver: str | None = None  # the screensaver's bus name that answered, if any

    def __repr__(self) -> str:
        return f"SessionWatcher({self.buses!r}, {self.state!r})"

    # --- what the tracker reads ------------------------------------------------------------

    @property
    def events(self) -> int:
        return self.state.events

    @property
    def suspended(self) -> bool:
        return self.state.suspended

    def locked(self) -> bool | None:
        return self.state.locked()

    # --- life cycle ------------------------------------------------------------------------

    def start(self) -> None:
        """Start the listeners (once; again after close())."""
        with self._guard:
            if self._threads:
                return
            self._stop = stop = threading.Event()
            for role, bus in self.buses.items():
                ready = self._ready[role] = threading.Event()
                if bus is None:
                    self.status[role] = translate("dbus_session", "not used")
                    ready.set()
                    continue
                thread = threading.Thread(
                    target=self._run, args=(role, bus, stop, ready), name=f"socialtime-{role}-bus"
                )
                thread.daemon = True  # a forgotten close() must not keep the program alive
                self._threads.append(thread)
                thread.start()

    def wait_ready(self, timeout: float) -> bool:
        """Wait until each listener has subscribed and read the current state (or failed)."""
        deadline = time.monotonic() + timeout
        for event in list(self._ready.values()):
            if not event.wait(max(0.0, deadline - time.monotonic())):
                return False
        return bool(self._ready)

    def close(self) -> None:
        """Stop the listeners and wait for them (at most about a second)."""
        with self._guard:
            self._stop.set()
            for conn in list(self._conns.values()):
                dbusio.wake(conn)  # the listener returns from its read and closes it
            threads, self._threads = self._threads, []
        for thread in threads:
            thread.join(READ_TIMEOUT + 1.0)

    # --- the listener threads --------------------------------------------------------------

    def _run(self, role: str, bus: str, stop: threading.Event, ready: threading.Event) -> None:
        setup, handle = (
            (self._setup_system, self._on_system)
            if role == "system"
            else (self._setup_session, self._on_session)
        )
        while not stop.is_set():
            conn = None
            try:
                conn = self._connect(bus)
                with self._guard:
                    if stop.is_set():
                        break
                    self._conns[role] = conn
                queued = _collect_signals(conn)
                setup(conn)
                while queued:  # signals that came while we asked for the current state
                    handle(queued.popleft())
                ready.set()
                while not stop.is_set():
                    try:
                        msg = conn.receive(timeout=READ_TIMEOUT)
                    except TimeoutError:
                        continue
                    handle(msg)
            except dbusio.BusError as exc:
                self.status[role] = str(exc)
            # A system boundary: a broken socket raises OSError, ConnectionResetError, parser
            # errors...; the listener must survive them all and try again later.
            except Exception as exc:
                if not stop.is_set():
                    text = translate("dbus_session", "lost {bus}: {error}")
                    self.status[role] = text.format(bus=dbusio.describe(bus), error=repr(exc))
            finally:
                if conn is not None:
                    dbusio.close_quietly(conn)
                    self._conns.pop(role, None)
                self._forget(role)
                ready.set()
            stop.wait(self._retry_after)

    def _forget(self, role: str) -> None:
        """The bus is gone: what it told us is no longer known."""
        for source in (SLEEP, LOCKED_HINT) if role == "system" else (SCREENSAVER,):
            self.state.set(source, None)

    def _setup_system(self, conn: Any) -> None:
        dbusio.add_match(conn, interface=MANAGER, member="PrepareForSleep", path=MANAGER_PATH)
        try:
            sleeping = bool(
                dbusio.get_property(conn, LOGIN, MANAGER_PATH, MANAGER, "PreparingForSleep")
            )
        except dbusio.BusError:
            sleeping = False  # no logind answering: its signal would still be heard
        self.state.set(SLEEP, sleeping)
        path = self.session_path or self._find_session(conn)
        self.session_path = path
        if path is None:
            self.status["system"] = translate(
                "dbus_session", "logind: suspend is seen; no logind session found for LockedHint"
            )
            return
        dbusio.add_match(conn, interface=PROPERTIES, member="PropertiesChanged", path=path)
        try:
            hint = dbusio.get_property(conn, LOGIN, path, SESSION, "LockedHint")
            self.state.set(LOCKED_HINT, bool(hint))
        except dbusio.BusError:
            pass  # logind is not answering now; its PropertiesChanged will tell
        text = translate("dbus_session", "logind: suspend and the lock of session {path} are seen")
        self.status["system"] = text.format(path=path)

    def _find_session(self, conn: Any) -> str | None:
        """Our logind session's object path, or None (no logind, or not in a session)."""
        asks: list[tuple[str, str, str, str | None, tuple[Any, ...]]] = []
        if self.session_id:
            asks.append((MANAGER_PATH, MANAGER, "GetSession", "s", (self.session_id,)))
        asks.append((MANAGER_PATH, MANAGER, "GetSessionByPID", "u", (os.getpid(),)))
        for path, iface, method, sig, body in asks:
            try:
                return str(dbusio.call(conn, LOGIN, path, iface, method, sig, body)[0])
            except dbusio.CallError as exc:
                if exc.name == "org.freedesktop.DBus.Error.ServiceUnknown":
                    return None
            except dbusio.BusError:
                return None
        try:  # started outside a session (a systemd user service): the user's graphical one
            _, display = dbusio.get_property(
                conn,
                LOGIN,
                "/org/freedesktop/login1/user/self",
                "org.freedesktop.login1.User",
                "Display",
            )
        except (dbusio.BusError, TypeError, ValueError):
            return None
        return str(display) if display and display != "/" else None

    def _on_system(self, msg: Any) -> None:
        kind, path, iface, member = dbusio.header(msg)
        if kind != "signal":
            return
        if iface == MANAGER and member == "PrepareForSleep" and msg.body:
            self.state.set(SLEEP, bool(msg.body[0]))
        elif member == "PropertiesChanged" and path == self.session_path and len(msg.body) >= 2:
            changed_iface, changed = msg.body[0], msg.body[1]
            if changed_iface == SESSION and "LockedHint" in changed:
                self.state.set(LOCKED_HINT, bool(changed["LockedHint"][1]))

    def _setup_session(self, conn: Any) -> None:
        for iface in sorted(SAVER_INTERFACES):
            dbusio.add_match(conn, interface=iface, member="ActiveChanged")
        for dest, path, iface in SCREENSAVERS:
            try:
                active = dbusio.call(conn, dest, path, iface, "GetActive")[0]
            except dbusio.BusError:
                continue
            self.saver = dest
            self.state.set(SCREENSAVER, bool(active))
            text = translate("dbus_session", "screensaver: {service}")
            self.status["session"] = text.format(service=dest)
            return
        self.status["session"] = translate(
            "dbus_session", "no screensaver service answers (its signal is still heard)"
        )

    def _on_session(self, msg: Any) -> None:
        kind, _, iface, member = dbusio.header(msg)
        if (
            kind == "signal"
            and member == "ActiveChanged"
            and iface in SAVER_INTERFACES
            and msg.body
        ):
            self.state.set(SCREENSAVER, bool(msg.body[0]))

    # --- doctor ----------------------------------------------------------------------------

    def diagnose(self) -> Check:
        """One "screen lock" line: which sources are heard, and what to do when none is."""
        self.start()
        self.wait_ready(DIAGNOSE_WAIT)
        system_ok = self.state.value(SLEEP) is not None
        lock_known = (
            self.state.value(LOCKED_HINT) is not None or self.state.value(SCREENSAVER) is not None
        )
        detail = self.status.get("system") or translate("dbus_session", "system bus: no answer yet")
        if self.buses["session"] is not None:
            session = self.status.get("session") or translate(
                "dbus_session", "session bus: no answer yet"
            )
            text = translate("dbus_session", "{system}; {session}")
            detail = text.format(system=detail, session=session)
        if not (system_ok or lock_known):
            text = translate(
                "dbus_session",
                "{status} — lock and suspend are not seen over D-Bus; a locked screen still "
                "counts as idle once the idle threshold passes (install and start dbus and "
                "systemd-logind or elogind to fix this)",
            )
            detail = text.format(status=detail)
        return Check(SCREEN_LOCK, lock_known or system_ok, detail)


def _collect_signals(conn: Any) -> deque[Any]:
    """Keep signals that arrive while a method call waits for its reply (jeepney would drop
    them): they are applied after the current state was read, so the newest value wins."""
    from jeepney import MatchRule

    queued: deque[Any] = deque(maxlen=64)
    conn.filter(MatchRule(type="signal"), queue=queued)
    return queued
