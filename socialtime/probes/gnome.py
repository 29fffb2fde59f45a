"""GNOME on Wayland: idle time from Mutter, the focused window from a GNOME Shell extension.

Why: on Wayland no program may look at other programs' windows; GNOME Shell alone knows which
one has the focus, and it tells only through an extension. Three extensions publish it on the
session bus, asked in this order:
- socialtime's own (packaging/gnome-shell-extension/, installed by `socialtime desktop
  install`, see gnome_extension.py): org.socialtime.Shell.FocusedWindow -> a dictionary of the
  focused window's title, wm_class, gtk_application_id, sandboxed_app_id and pid, and nothing
  else ({} when no window has the focus);
- "Focused Window D-Bus" (focused-window-dbus@flexagoon.com): FocusedWindow.Get -> JSON of the
  focused window ("{}" when none);
- "Window Calls" (window-calls@domandoman.xyz): Windows.List -> JSON of all windows with a
  `focus` flag; the title is in the list or, in newer versions, from GetTitle(id).
Idle time comes from org.gnome.Mutter.IdleMonitor (GetIdletime, milliseconds), which needs no
extension; the lock screen is heard from org.gnome.ScreenSaver (dbus_session.SessionWatcher).
Without an extension, X11 apps under XWayland are still seen through the fallback probe (X11),
a browser with socialtime's extension still tells when one of its windows has the focus (the
browser bridge), and diagnose() says how to add one.

The window's app ids (the Flatpak's, GTK's application id, then the WM class, which on Wayland
is the app id) name its app as app_ids.py maps them, so `foot --app-id=firefox` is taken for
Firefox as on wlroots; an id the table does not know falls back to the pid's process name.

Calls are made on the tracker's thread over one session-bus connection, each with a short
timeout; a missing extension is looked for again every DETECT_EVERY seconds (it may be enabled
while socialtime runs), and every REDETECT_LOST seconds for a while once one that answered went
away (GNOME disables extensions on its lock screen and enables them again at unlock).
"""

from __future__ import annotations

import os
import subprocess
import time
from collections.abc import Callable, Mapping
from typing import Any

from socialtime.base.files import ReadError, parse_json
from socialtime.base.i18n import QT_TRANSLATE_NOOP, format_number, translate
from socialtime.probes import dbusio, gnome_extension
from socialtime.probes.app_ids import guess_process, known_process
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
SOCIALTIME = ("org.socialtime.Shell", "/org/socialtime/Shell", "org.socialtime.Shell")
# The extensions' own names (proper names, as listed on extensions.gnome.org).
EXTENSIONS = {
    "socialtime": "socialtime",  # i18n: ignore - a proper name
    "focused-window": "Focused Window D-Bus",  # i18n: ignore - a proper name
    "window-calls": "Window Calls",  # i18n: ignore - a proper name
}
DETECT_EVERY = 30.0
REDETECT_LOST = 2.0
LOST_FOR = 120.0  # s after losing an extension during which it is looked for every REDETECT_LOST
RECONNECT_AFTER = 5.0
SHELL_EXTENSION = QT_TRANSLATE_NOOP("doctor", "shell extension")  # doctor's line of the extension

INSTALL_HINT = QT_TRANSLATE_NOOP(
    "gnome",
    "GNOME on Wayland shows the window in front only to a GNOME Shell extension: run "
    "`socialtime desktop install` (socialtime's own), then log out and back in; or install "
    '"Focused Window D-Bus" (extensions.gnome.org/extension/5592) or "Window Calls" '
    "(extensions.gnome.org/extension/4724) and enable it",
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
        environ: Mapping[str, str] | None = None,
        run: gnome_extension.Run = subprocess.run,
    ) -> None:
        """`environ` and `run` (subprocess.run) are for doctor's lines about the extension:
        where it is installed, and `gsettings` / `gnome-shell --version`."""
        self.bus = bus
        self.fallback = fallback
        self.source: str | None = None  # which extension answers: a key of EXTENSIONS
        self.last_error = ""
        self._lost_at = float("-inf")  # when an extension that answered went away
        self._connect = connect
        self._process_name = process_name
        self._clock = clock
        self._environ = os.environ if environ is None else environ
        self._run = run
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
            if exc.absent and target != IDLE and self.source is not None:
                self.source = None  # the extension was disabled: look for one again soon
                self._lost_at = self._clock()
                self._detect_at = self._lost_at + REDETECT_LOST
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
            soon = self._clock() < self._lost_at + LOST_FOR
            self._detect_at = self._clock() + (REDETECT_LOST if soon else DETECT_EVERY)
            if isinstance(self._call(SOCIALTIME, "FocusedWindow"), dict):
                self.source = "socialtime"
            elif self._call(FOCUSED_WINDOW, "Get") is not None:
                self.source = "focused-window"
            elif self._call(WINDOW_CALLS, "List") is not None:
                self.source = "window-calls"
        return self.source

    def foreground(self) -> Foreground | None:
        source = self._detect()
        if source is None:
            return self.fallback.foreground() if self.fallback else None
        window = self._window(source)
        if not window:
            return None  # nothing has the focus (the overview, a shell menu)
        pid = _int(window.get("pid"))
        return Foreground(self._app(window, pid), str(window.get("title") or ""), pid)

    def _window(self, source: str) -> dict[str, Any] | None:
        """The focused window's description from the extension `source`; None or {} when
        no window has the focus or the extension did not answer."""
        window: dict[str, Any] | None
        if source == "socialtime":
            window = _unwrap(self._call(SOCIALTIME, "FocusedWindow"))
        elif source == "focused-window":
            window = _parse(self._call(FOCUSED_WINDOW, "Get"), dict)
        else:
            listed = _parse(self._call(WINDOW_CALLS, "List"), list)
            window = next((w for w in listed or () if isinstance(w, dict) and w.get("focus")), None)
            if window is not None and "title" not in window and "id" in window:
                window["title"] = self._call(WINDOW_CALLS, "GetTitle", int(window["id"]))
        return window

    def _app(self, window: dict[str, Any], pid: int | None) -> str:
        """The process name the classifier knows for this window (see the module doc)."""
        ids = _app_ids(window)
        for app_id in ids:
            name = known_process(app_id)
            if name is not None:
                return name
        process = self._process_name(pid) if pid else ""
        return process or (guess_process(ids[0]) if ids else "")

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
            window = self._window(source)
            if window:
                ids = _app_ids(window)
                app = self._app(window, _int(window.get("pid")))
                text = translate("gnome", "{source}; in front: {app} (app id {app_id})")
                detail = text.format(source=front.detail, app=app, app_id=ids[0] if ids else "?")
                front = Check(front.name, True, detail)
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
        ok, detail = gnome_extension.diagnose(self._connection(), self._environ, self._run)
        if not ok and source is not None and source != "socialtime":
            text = translate("gnome", '{status}; meanwhile "{extension}" shows the window')
            detail, ok = text.format(status=detail, extension=EXTENSIONS[source]), True
        return [front, titles, idle_check, lock, Check(SHELL_EXTENSION, ok, detail)]

    def close(self) -> None:
        self.close_connection()
        self._retry_at = self._detect_at = float("-inf")
        self.source = None
        if self.fallback is not None:
            self.fallback.close()


# The keys of a window's description that hold app ids, most precise first.
APP_ID_KEYS = ("sandboxed_app_id", "gtk_application_id", "wm_class")


def _app_ids(window: dict[str, Any]) -> list[str]:
    return [v for v in (window.get(key) for key in APP_ID_KEYS) if isinstance(v, str) and v]


def _unwrap(answer: Any) -> dict[str, Any] | None:
    """socialtime's extension answers a{sv}: jeepney gives each value as (signature, value)."""
    if not isinstance(answer, dict):
        return None
    return {
        key: value[1]
        for key, value in answer.items()
        if isinstance(key, str) and isinstance(value, tuple) and len(value) == 2
    }


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
