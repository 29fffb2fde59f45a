"""GNOME on Wayland: idle time from Mutter, the focused window from a GNOME Shell extension.

Why: on Wayland no program may look at other programs' windows; GNOME Shell alone knows which
one has the focus, and it tells only through an extension. Two small, widely used extensions
publish it on the session bus, and either will do:
- "Focused Window D-Bus" (focused-window-dbus@flexagoon.com): FocusedWindow.Get -> JSON of the
  focused window ("{}" when none);
- "Window Calls" (window-calls@domandoman.xyz): Windows.List -> JSON of all windows with a
  `focus` flag; the title is in the list or, in newer versions, from GetTitle(id).
Idle time comes from org.gnome.Mutter.IdleMonitor (GetIdletime, milliseconds), which needs no
extension. Without an extension, X11 apps under XWayland are still seen through the fallback
probe (X11), and diagnose() says how to add one.

Calls are made on the tracker's thread over one session-bus connection, each with a short
timeout; a missing extension is looked for again every DETECT_EVERY seconds (it may be enabled
while socialtime runs).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

from socialtime.files import ReadError, parse_json
from socialtime.i18n import QT_TRANSLATE_NOOP, format_number, translate
from socialtime.probes import dbusio
from socialtime.probes.base import (
    FOREGROUND_WINDOW,
    IDLE_TIME,
    SCREEN_LOCK,
    WINDOW_TITLES,
    Check,
    Foreground,
    Probe,
    process_name,
)

SHELL = "org.gnome.Shell"
# (bus name, object path, interface) of each service asked.
IDLE = (
    "org.gnome.Mutter.IdleMonitor",
    "/org/gnome/Mutter/IdleMonitor/Core",
    "org.gnome.Mutter.IdleMonitor",
)
FOCUSED_WINDOW = (
    SHELL,
    "/org/gnome/shell/extensions/FocusedWindow",
    "org.gnome.shell.extensions.FocusedWindow",
)
WINDOW_CALLS = (SHELL, "/org/gnome/Shell/Extensions/Windows", "org.gnome.Shell.Extensions.Windows")
# The extensions' own names (proper names, as listed on extensions.gnome.org).
EXTENSIONS = {
    "focused-window": "Focused Window D-Bus",  # i18n: ignore - a proper name
    "window-calls": "Window Calls",  # i18n: ignore - a proper name
}
DETECT_EVERY = 30.0
RECONNECT_AFTER = 5.0

INSTALL_HINT = QT_TRANSLATE_NOOP(
    "gnome",
    "GNOME on Wayland shows the window in front only to a GNOME Shell extension: install "
    '"Focused Window D-Bus" (extensions.gnome.org/extension/5592) or "Window Calls" '
    "(extensions.gnome.org/extension/4724) with the Extension Manager app or from the website, "
    "enable it (e.g. `gnome-extensions enable focused-window-dbus@flexagoon.com`), then log "
    "out and back in",
)


class GnomeProbe:
    """Probe for GNOME Shell on Wayland; `fallback` (X11 under XWayland) fills the gaps."""

    name = "gnome-wayland"

    def __init__(
        self,
        bus: str = dbusio.SESSION,
        *,
        fallback: Probe | None = None,
        connect: Callable[[str], Any] = dbusio.connect,
        process_name: Callable[[int], str] = process_name,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.bus = bus
        self.fallback = fallback
        self.source: str | None = None  # which extension answers: a key of EXTENSIONS
        self.last_error = ""
        self._connect = connect
        self._process_name = process_name
        self._clock = clock
        self._conn: Any = None
        self._retry_at = float("-inf")
        self._detect_at = float("-inf")

    def __repr__(self) -> str:
        return f"GnomeProbe(source={self.source!r}, fallback={self.fallback!r})"

    # --- connection ------------------------------------------------------------------------

    def _connection(self) -> Any:
        if self._conn is None and self._clock() >= self._retry_at:
            self._retry_at = self._clock() + RECONNECT_AFTER
            try:
                self._conn = self._connect(self.bus)
            except dbusio.BusError as exc:
                self.last_error = str(exc)
        return self._conn

    def _call(self, target: tuple[str, str, str], method: str, *args: Any) -> Any:
        """One call; None when it failed (the reason is kept for diagnose())."""
        conn = self._connection()
        if conn is None:
            return None
        sig = "u" * len(args) if args else None
        try:
            return dbusio.call(conn, *target, method, sig, args)[0]
        except dbusio.CallError as exc:
            self.last_error = str(exc)
            if exc.absent and target != IDLE:
                self.source = None  # the extension was disabled: look for one again later
            return None
        except dbusio.BusError as exc:  # timeout or a broken connection: start afresh
            self.last_error = str(exc)
            self.close_connection()
            return None

    def close_connection(self) -> None:
        if self._conn is not None:
            dbusio.close_quietly(self._conn)
            self._conn = None

    # --- queries ---------------------------------------------------------------------------

    def _detect(self) -> str | None:
        if self.source is None and self._clock() >= self._detect_at:
            self._detect_at = self._clock() + DETECT_EVERY
            if self._call(FOCUSED_WINDOW, "Get") is not None:
                self.source = "focused-window"
            elif self._call(WINDOW_CALLS, "List") is not None:
                self.source = "window-calls"
        return self.source

    def foreground(self) -> Foreground | None:
        source = self._detect()
        if source is None:
            return self.fallback.foreground() if self.fallback else None
        if source == "focused-window":
            window = _parse(self._call(FOCUSED_WINDOW, "Get"), dict)
        else:
            listed = _parse(self._call(WINDOW_CALLS, "List"), list)
            window = next((w for w in listed or () if isinstance(w, dict) and w.get("focus")), None)
            if window is not None and "title" not in window and "id" in window:
                window["title"] = self._call(WINDOW_CALLS, "GetTitle", int(window["id"]))
        if not window:
            return None  # nothing has the focus (the overview, a shell menu)
        pid = _int(window.get("pid"))
        process = self._process_name(pid) if pid else ""
        if not process:
            process = str(window.get("wm_class") or "").lower()
        return Foreground(process=process, title=str(window.get("title") or ""), pid=pid)

    def idle_seconds(self) -> float | None:
        ms = self._call(IDLE, "GetIdletime")
        if ms is None:
            return self.fallback.idle_seconds() if self.fallback else None
        return int(ms) / 1000.0

    def locked(self) -> bool | None:
        """GNOME's lock screen is heard over D-Bus (make_probe wraps this probe for that)."""
        return self.fallback.locked() if self.fallback else None

    def diagnose(self) -> list[Check]:
        self._detect_at = float("-inf")  # the user asked now: look again
        source = self._detect()
        if source is not None:
            text = translate("gnome", 'GNOME Shell extension "{extension}"')
            front = Check(FOREGROUND_WINDOW, True, text.format(extension=EXTENSIONS[source]))
        else:
            hint = translate("gnome", INSTALL_HINT)
            if self.fallback:
                text = translate(
                    "gnome", "{hint}; meanwhile only X11 apps (under XWayland) are seen"
                )
                hint = text.format(hint=hint)
            front = Check(FOREGROUND_WINDOW, False, hint)
        titles = Check(
            WINDOW_TITLES,
            front.ok,
            translate("gnome", "from the same extension, used in memory only, never stored")
            if front.ok
            else translate("gnome", "no titles without the extension (see above)"),
        )
        idle = self._call(IDLE, "GetIdletime")
        if idle is not None:
            text = translate("gnome", "Mutter IdleMonitor: {seconds} s idle")
            detail = text.format(seconds=format_number(int(idle) / 1000))
        else:
            text = translate(
                "gnome", "Mutter IdleMonitor does not answer ({error}); is this GNOME?"
            )
            detail = text.format(error=self.last_error)
        idle_check = Check(IDLE_TIME, idle is not None, detail)
        text = translate("gnome", "GNOME reports its lock screen over D-Bus only")
        lock = Check(SCREEN_LOCK, False, text)
        return [front, titles, idle_check, lock]

    def close(self) -> None:
        self.close_connection()
        self._retry_at = self._detect_at = float("-inf")
        self.source = None
        if self.fallback is not None:
            self.fallback.close()


# A window's description is a few hundred bytes; an answer of more is not one.
MAX_ANSWER = 64 * 1024


def _parse(text: Any, kind: type) -> Any:
    """JSON of the expected kind, or None (an extension answering something else)."""
    if not isinstance(text, str):
        return None
    try:
        value = parse_json(text[:MAX_ANSWER], "org.gnome.Shell")
    except ReadError:  # not JSON, or nested deeper than any window's description
        return None
    return value if isinstance(value, kind) else None


def _int(value: Any) -> int | None:
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if number > 0 else None
