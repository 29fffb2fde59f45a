"""X11 probe (python-xlib): the EWMH active window, its title and owner, and X idle time.

Why these sources:
- `_NET_ACTIVE_WINDOW` on the root window is what every EWMH window manager publishes (GNOME,
  KDE, Xfce, openbox, i3...); input focus alone would point at inner widgets or at nothing.
- Titles: `_NET_WM_NAME` is asked for with any type and decoded as UTF-8, because some clients
  (xdotool, older toolkits) store UTF-8 bytes with type STRING; python-xlib would decode those as
  latin-1 and give mojibake. `WM_NAME` is the fallback for clients that set only it (xterm).
- The owner comes from `_NET_WM_PID` then /proc (the name the process runs as); `WM_CLASS` is the
  fallback when a client does not publish its pid.
- Idle time and screensaver state come from the MIT-SCREEN-SAVER extension, one request each.

Cost: one tick does 3 to 4 small round trips on one reused connection with atoms interned once;
process names are cached per (window, pid). Importing this module opens nothing: the display is
opened on first use and reopened (at most every RECONNECT_AFTER seconds) after it is lost.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from typing import Any

from Xlib import X, Xatom
from Xlib import error as xerror
from Xlib.ext import screensaver

from socialtime.base.i18n import format_number, translate
from socialtime.probes.base import (
    FOREGROUND_WINDOW,
    IDLE_TIME,
    PROBE_CHECKS,
    SCREEN_LOCK,
    WINDOW_TITLES,
    Check,
    Foreground,
    process_name,
)

TITLE_LONGS = 1024  # read up to 4 KiB of title in one request; longer titles are truncated
NAME_TTL = 30.0  # seconds a (window, pid) -> process name answer is reused
RECONNECT_AFTER = 2.0  # seconds between attempts to reopen a display that failed or was lost
SAVER = "MIT-SCREEN-SAVER"

# The connection is gone (server exited, socket closed): drop it and reconnect later.
CONNECTION_ERRORS: tuple[type[BaseException], ...] = (xerror.ConnectionClosedError, OSError)
# One request failed (BadWindow: the window closed meanwhile, ...): the connection is still fine.
REQUEST_ERRORS: tuple[type[BaseException], ...] = (xerror.XError,)


def open_display(name: str | None) -> Any:
    """Open a python-xlib display (imported here: loading the protocol tables costs time)."""
    from Xlib import display

    return display.Display(name)


def _text(prop: Any) -> bytes | None:
    """The bytes of an 8-bit property, or None when it is missing, empty or not text."""
    if prop is None or prop.format != 8 or not prop.value:
        return None
    value = prop.value
    return (value if isinstance(value, bytes) else bytes(value)).rstrip(b"\0")


class _Connection:
    """One open display with the atoms we need, interned once (each is a round trip)."""

    def __init__(self, dpy: Any) -> None:
        self.dpy = dpy
        self.root = dpy.screen().root
        self.active_window = dpy.intern_atom("_NET_ACTIVE_WINDOW")
        self.wm_name = dpy.intern_atom("_NET_WM_NAME")
        self.wm_pid = dpy.intern_atom("_NET_WM_PID")
        self.supported = dpy.intern_atom("_NET_SUPPORTED")
        self.wm_check = dpy.intern_atom("_NET_SUPPORTING_WM_CHECK")
        self.has_saver = bool(dpy.has_extension(SAVER))


class X11Probe:
    """Probe for X11 sessions, including X11 apps under XWayland (see `diagnose()`)."""

    name = "x11"

    def __init__(
        self,
        display: str | None = None,
        *,
        wayland: bool = False,
        open_display: Callable[[str | None], Any] = open_display,
        process_name: Callable[[int], str] = process_name,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        """Does not connect; `display` None means python-xlib reads $DISPLAY on first use."""
        self.display = display
        self.wayland = wayland
        self.last_error = ""  # why the display is unusable, for diagnose()
        self._open_display = open_display
        self._process_name = process_name
        self._clock = clock
        self._conn: _Connection | None = None
        self._retry_at = float("-inf")
        self._names: dict[tuple[int, int], tuple[str, float]] = {}

    def __repr__(self) -> str:
        return f"X11Probe(display={self.display!r}, connected={self.connected})"

    @property
    def connected(self) -> bool:
        """Whether a display connection is open now (it opens on first use, not before)."""
        return self._conn is not None

    # --- connection ----------------------------------------------------------------------

    def _connection(self) -> _Connection | None:
        if self._conn is not None:
            return self._conn
        now = self._clock()
        if now < self._retry_at:
            return None
        self._retry_at = now + RECONNECT_AFTER
        dpy = None
        try:
            dpy = self._open_display(self.display)
            self._conn = _Connection(dpy)
        # A system boundary: python-xlib raises DisplayError, XauthError, OSError, struct
        # errors... here, and "cannot open the display" must be an answer, not a crash.
        except Exception as exc:
            self.last_error = translate("x11", "cannot open X display {display}: {error}").format(
                display=repr(self.display or "$DISPLAY"), error=exc
            )
            if dpy is not None:
                self._close_quietly(dpy)
            return None
        self.last_error = ""
        return self._conn

    def _lost(self, exc: BaseException) -> None:
        """The connection broke: forget it; the next call after RECONNECT_AFTER reopens it."""
        self.last_error = translate("x11", "lost the X display {display}: {error}").format(
            display=repr(self.display or "$DISPLAY"), error=exc
        )
        if self._conn is not None:
            self._close_quietly(self._conn.dpy)
            self._conn = None
        self._retry_at = self._clock() + RECONNECT_AFTER

    @staticmethod
    def _close_quietly(dpy: Any) -> None:
        with contextlib.suppress(Exception):  # already broken: nothing more to release
            dpy.close()

    def close(self) -> None:
        if self._conn is not None:
            self._close_quietly(self._conn.dpy)
            self._conn = None
        self._retry_at = float("-inf")
        self._names.clear()

    # --- queries -------------------------------------------------------------------------

    def foreground(self) -> Foreground | None:
        conn = self._connection()
        if conn is None:
            return None
        try:
            return self._foreground(conn)
        except REQUEST_ERRORS:
            return None
        except CONNECTION_ERRORS as exc:
            self._lost(exc)
            return None

    def _foreground(self, conn: _Connection) -> Foreground | None:
        prop = conn.root.get_property(conn.active_window, Xatom.WINDOW, 0, 1)
        if prop is None or prop.format != 32 or not prop.value or not prop.value[0]:
            return None
        wid = int(prop.value[0])
        window = conn.dpy.create_resource_object("window", wid)
        title = self._title(conn, window)
        pid = self._pid(conn, window)
        process = self._class_name(window) if pid is None else self._name(wid, pid)
        return Foreground(process=process, title=title, pid=pid)

    @staticmethod
    def _title(conn: _Connection, window: Any) -> str:
        raw = _text(window.get_property(conn.wm_name, X.AnyPropertyType, 0, TITLE_LONGS))
        if raw is not None:
            return raw.decode("utf-8", errors="replace")
        raw = _text(window.get_property(Xatom.WM_NAME, X.AnyPropertyType, 0, TITLE_LONGS))
        if raw is None:
            return ""
        try:
            return raw.decode("utf-8")
        except UnicodeDecodeError:
            return raw.decode("latin-1")  # ICCCM STRING is latin-1

    @staticmethod
    def _pid(conn: _Connection, window: Any) -> int | None:
        prop = window.get_property(conn.wm_pid, Xatom.CARDINAL, 0, 1)
        if prop is None or prop.format != 32 or not prop.value:
            return None
        pid = int(prop.value[0])
        return pid if pid > 0 else None

    @staticmethod
    def _class_name(window: Any) -> str:
        """WM_CLASS's class part, lowercased ("Firefox-esr" -> "firefox-esr"); "" if none."""
        raw = _text(window.get_property(Xatom.WM_CLASS, Xatom.STRING, 0, 256))
        parts = [] if raw is None else raw.split(b"\0")
        return parts[1].decode("latin-1").lower() if len(parts) > 1 else ""

    def _name(self, wid: int, pid: int) -> str:
        """Process name, cached per (window, pid): a live window keeps its owner, and the TTL
        bounds the damage should a pid be reused under a recycled window id."""
        now = self._clock()
        cached = self._names.get((wid, pid))
        if cached is not None and cached[1] > now:
            return cached[0]
        if len(self._names) > 256:
            self._names.clear()
        name = self._process_name(pid)
        self._names[(wid, pid)] = (name, now + NAME_TTL)
        return name

    def _saver_info(self) -> Any:
        conn = self._connection()
        if conn is None or not conn.has_saver:
            return None
        try:
            return conn.root.screensaver_query_info()
        except REQUEST_ERRORS:
            return None
        except CONNECTION_ERRORS as exc:
            self._lost(exc)
            return None

    def idle_seconds(self) -> float | None:
        info = self._saver_info()
        return None if info is None else info.idle / 1000.0

    def locked(self) -> bool | None:
        """True while the X screensaver is on. Lockers that do not start it (GNOME, KDE) are
        heard over D-Bus instead: make_probe() wraps this probe in a LockAwareProbe."""
        info = self._saver_info()
        return None if info is None else info.state == screensaver.StateOn

    # --- doctor --------------------------------------------------------------------------

    def diagnose(self) -> list[Check]:
        self._retry_at = float("-inf")  # the user asked now: try to connect even if it just failed
        conn = self._connection()
        if conn is None:
            fix = translate(
                "x11",
                "{error}; check DISPLAY (and XAUTHORITY), "
                "or start socialtime from inside your desktop session",
            ).format(error=self.last_error)
            return [Check(name, False, fix) for name in PROBE_CHECKS]
        try:
            return self._diagnose(conn)
        except REQUEST_ERRORS + CONNECTION_ERRORS as exc:
            self._lost(exc)
            fix = translate("x11", "{error}; check that the X server is still running").format(
                error=self.last_error
            )
            return [Check(name, False, fix) for name in PROBE_CHECKS]

    def _wm_name(self, conn: _Connection) -> str | None:
        """The EWMH window manager's name, or None when no EWMH window manager runs."""
        prop = conn.root.get_property(conn.wm_check, Xatom.WINDOW, 0, 1)
        if prop is None or prop.format != 32 or not prop.value:
            return None
        child = conn.dpy.create_resource_object("window", int(prop.value[0]))
        try:
            return self._title(conn, child) or translate("x11", "unnamed")
        except REQUEST_ERRORS:  # a stale check window: the window manager exited
            return None

    def _diagnose(self, conn: _Connection) -> list[Check]:
        where = translate("x11", "X display {display}").format(display=self.display or "$DISPLAY")
        wm = self._wm_name(conn)
        prop = conn.root.get_property(conn.supported, Xatom.ATOM, 0, 1024)
        supported = prop is not None and conn.active_window in (prop.value or ())
        if wm is None or not supported:
            text = translate(
                "x11",
                "{where}: the window manager ({wm}) does not publish _NET_ACTIVE_WINDOW; "
                "use an EWMH window manager (GNOME, KDE, Xfce, openbox, i3...)",
            )
            wm = wm or translate("x11", "none found")
            front = Check(FOREGROUND_WINDOW, False, text.format(where=where, wm=wm))
        elif self.wayland:
            text = translate(
                "x11",
                "Wayland session, XWayland {where}: only X11 apps are visible; windows of native "
                "Wayland apps are not. For full coverage choose an X11 session at login "
                "(e.g. 'GNOME on Xorg'), or run browsers under XWayland",
            )
            front = Check(FOREGROUND_WINDOW, False, text.format(where=where))
        else:
            text = translate("x11", "{where}, window manager {wm}")
            front = Check(FOREGROUND_WINDOW, True, text.format(where=where, wm=wm))
        titles = Check(
            WINDOW_TITLES,
            front.ok,
            translate("x11", "read from _NET_WM_NAME / WM_NAME, used in memory only, never stored")
            if front.ok
            else translate("x11", "no titles without the foreground window (see above)"),
        )
        if conn.has_saver:
            idle = self.idle_seconds()
            if self.wayland:
                text = translate(
                    "x11",
                    "{extension} extension: {seconds} s idle "
                    "(Wayland: input to native Wayland apps may not count)",
                )
            else:
                text = translate("x11", "{extension} extension: {seconds} s idle")
            seconds = format_number(idle or 0)
            idle_check = Check(
                IDLE_TIME, idle is not None, text.format(extension=SAVER, seconds=seconds)
            )
            text = translate("x11", "X screensaver state ({extension})")
            lock = Check(SCREEN_LOCK, True, text.format(extension=SAVER))
        else:
            text = translate(
                "x11",
                "the X server lacks the {extension} extension; enable it in the X server: "
                "idle time is counted as active",
            )
            idle_check = Check(IDLE_TIME, False, text.format(extension=SAVER))
            text = translate(
                "x11",
                "the X server lacks the {extension} extension; enable it in the X server: "
                "the screensaver state is unknown",
            )
            lock = Check(SCREEN_LOCK, False, text.format(extension=SAVER))
        return [front, titles, idle_check, lock]
