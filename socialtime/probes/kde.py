"""KDE Plasma on Wayland: the active window told by a small KWin script. UNTESTED ON REAL KDE.

Why a KWin script: on Wayland only the compositor knows the active window, and KWin offers no
D-Bus query for it, but it runs scripts that may call D-Bus. So socialtime loads a script
(org.kde.KWin /Scripting loadScript + start) that calls socialtime's own connection back
(`Update(caption, resourceClass, pid)`) whenever the active window or its caption changes.
Nothing listens on any socket: the callback goes through the session bus to our unique name,
and the script is unloaded again on close().

What is checked: the script's text, the loading calls, and the callback path, against a private
dbus-daemon with a fake KWin (tests/unit/probes/test_probe_dbus.py). Not checked: KWin itself.
The script uses KWin 6's names (workspace.windowActivated/activeWindow) and falls back to KWin 5's
(clientActivated/activeClient); KWin may pass the pid as a double, which is accepted.
Idle: KDE's org.freedesktop.ScreenSaver.GetSessionIdleTime answers milliseconds under X11 and
"NotSupported" on Wayland (kscreenlocker's source), so on Wayland idle time comes from KWin's
Wayland idle protocol (ext-idle-notify-v1, else org_kde_kwin_idle) through socialtime's own
Wayland client (`wayland_idle`, see wayland_client.py); D-Bus is the fallback.
"""

from __future__ import annotations

import contextlib
import shutil
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from socialtime.base.i18n import format_number, translate
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

if TYPE_CHECKING:
    from socialtime.probes.wayland_client import WaylandClient

KWIN = "org.kde.KWin"
SCRIPTING = ("/Scripting", "org.kde.kwin.Scripting")
PLUGIN = "socialtime-focus"
OBJECT_PATH = "/org/socialtime/Focus"
INTERFACE = "org.socialtime.Focus"
SAVER = ("org.freedesktop.ScreenSaver", "/ScreenSaver", "org.freedesktop.ScreenSaver")
READY_WAIT = 2.0

SCRIPT = """\
// Loaded by socialtime: tells socialtime (and only it) which window is active and its title.
const SERVICE = "{service}", PATH = "{path}", IFACE = "{interface}";
const watched = new Set();
function active() {{
    return workspace.activeWindow !== undefined ? workspace.activeWindow : workspace.activeClient;
}}
function send(w) {{
    if (!w) {{ callDBus(SERVICE, PATH, IFACE, "Update", "", "", 0); return; }}
    callDBus(SERVICE, PATH, IFACE, "Update", String(w.caption), String(w.resourceClass), w.pid);
}}
function watch(w) {{
    send(w);
    if (w && !watched.has(w)) {{
        watched.add(w);
        w.captionChanged.connect(function () {{ if (w === active()) send(w); }});
    }}
}}
(workspace.windowActivated || workspace.clientActivated).connect(watch);
watch(active());
"""  # i18n: ignore - the KWin script's JavaScript source, not shown to anyone


def kwin_script(service: str) -> str:
    """The script's text, calling back `service` (our connection's unique name)."""
    return SCRIPT.format(service=service, path=OBJECT_PATH, interface=INTERFACE)


class KdeProbe:
    """Probe for KDE Plasma on Wayland; `fallback` (X11 under XWayland) fills the gaps."""

    name = "kde-wayland"

    def __init__(
        self,
        bus: str = dbusio.SESSION,
        *,
        fallback: Probe | None = None,
        connect: Callable[[str], Any] = dbusio.connect,
        process_name: Callable[[int], str] = process_name,
        wayland_idle: WaylandClient | None = None,
    ) -> None:
        self.bus = bus
        self.fallback = fallback
        self.wayland_idle = wayland_idle  # idle time over Wayland, first when there is one
        self.service: str | None = None  # our unique name, which the script calls
        self.last_error = ""
        self._connect = connect
        self._process_name = process_name
        self._guard = threading.Lock()
        self._front: Foreground | None = None
        self._heard = False  # the script has called at least once
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._ready = threading.Event()
        self._conn: Any = None
        self._idle_conn: Any = None
        self._folder: str | None = None

    def __repr__(self) -> str:
        return f"KdeProbe(service={self.service!r}, heard={self._heard})"

    # --- the listener: loads the script, then answers its calls -----------------------------

    def start(self) -> None:
        with self._guard:
            if self._thread is not None:
                return
            self._stop = threading.Event()
            self._ready = threading.Event()
            self._thread = threading.Thread(target=self._run, name="socialtime-kwin", daemon=True)
            self._thread.start()

    def wait_ready(self, timeout: float) -> bool:
        return self._ready.wait(timeout)

    def _run(self) -> None:
        conn = None
        try:
            conn = self._conn = self._connect(self.bus)
            self.service = conn.unique_name
            # A private folder (0700) holds the script until close(): KWin reads it when it
            # runs the script, which may be after start() returns.
            self._folder = tempfile.mkdtemp(prefix="socialtime-kwin-")
            script = Path(self._folder) / "focus.js"
            script.write_text(kwin_script(str(self.service)), encoding="utf-8")
            with_kwin = (KWIN, *SCRIPTING)
            with contextlib.suppress(dbusio.CallError):  # nothing loaded by an earlier run
                dbusio.call(conn, *with_kwin, "unloadScript", "s", (PLUGIN,))
            dbusio.call(conn, *with_kwin, "loadScript", "ss", (str(script), PLUGIN))
            dbusio.call(conn, *with_kwin, "start")
            self._ready.set()
            while not self._stop.is_set():
                try:
                    msg = conn.receive(timeout=1.0)
                except TimeoutError:
                    continue
                self._answer(conn, msg)
        except dbusio.BusError as exc:
            self.last_error = translate("kde", "cannot load the KWin script: {error}").format(
                error=exc
            )
        except Exception as exc:  # the connection broke: the fallback takes over
            if not self._stop.is_set():
                text = translate("kde", "lost the session bus: {error}")
                self.last_error = text.format(error=repr(exc))
        finally:
            self._ready.set()
            if conn is not None:
                dbusio.close_quietly(conn)

    def _answer(self, conn: Any, msg: Any) -> None:
        from jeepney import new_error, new_method_return

        kind, path, iface, member = dbusio.header(msg)
        if kind != "method_call":
            return
        if (path, iface, member) == (OBJECT_PATH, INTERFACE, "Update") and len(msg.body) == 3:
            self.update(str(msg.body[0]), str(msg.body[1]), msg.body[2])
            reply = new_method_return(msg)
        else:
            reply = new_error(msg, "org.freedesktop.DBus.Error.UnknownMethod", "s", (member,))
        conn.send(reply)

    def update(self, caption: str, resource_class: str, pid: Any) -> None:
        """What the script reported (called on the listener's thread)."""
        try:
            number = int(pid)
        except (TypeError, ValueError):
            number = 0
        if not (caption or resource_class or number):
            front = None
        else:
            name = self._process_name(number) if number > 0 else ""
            front = Foreground(name or resource_class.lower(), caption, number or None)
        with self._guard:
            self._front, self._heard = front, True

    # --- queries ---------------------------------------------------------------------------

    def foreground(self) -> Foreground | None:
        self.start()
        with self._guard:
            if self._heard:
                return self._front
        return self.fallback.foreground() if self.fallback else None

    def idle_seconds(self) -> float | None:
        wayland = self.wayland_idle
        if wayland is not None and wayland.poll() and wayland.sees_idle:
            return wayland.idle_seconds()
        if self._idle_conn is None:
            try:
                self._idle_conn = self._connect(self.bus)
            except dbusio.BusError:
                return self.fallback.idle_seconds() if self.fallback else None
        try:
            ms = dbusio.call(self._idle_conn, *SAVER, "GetSessionIdleTime")[0]
        except dbusio.BusError:
            return self.fallback.idle_seconds() if self.fallback else None
        return int(ms) / 1000.0

    def locked(self) -> bool | None:
        return self.fallback.locked() if self.fallback else None

    def diagnose(self) -> list[Check]:
        self.start()
        self.wait_ready(READY_WAIT)
        loaded = self._thread is not None and self._thread.is_alive() and not self.last_error
        if loaded:
            detail = translate(
                "kde", "KWin script (untested on real KDE: please report what you see)"
            )
        else:
            problem = self.last_error or translate("kde", "KWin does not answer")
            if self.fallback:
                text = translate(
                    "kde",
                    "{problem}; is this KDE Plasma? "
                    "Meanwhile only X11 apps (under XWayland) are seen",
                )
            else:
                text = translate("kde", "{problem}; is this KDE Plasma?")
            detail = text.format(problem=problem)
        if self.wayland_idle is not None:
            self.wayland_idle.retry_now()
        idle = self.idle_seconds()
        titles = translate("kde", "window captions from the same script, in memory only")
        return [
            Check(FOREGROUND_WINDOW, loaded, detail),
            Check(WINDOW_TITLES, loaded, titles),
            Check(IDLE_TIME, idle is not None, self._idle_detail(idle)),
            Check(
                SCREEN_LOCK,
                False,
                translate("kde", "KDE reports its lock screen over D-Bus only"),
            ),
        ]

    def _idle_detail(self, idle: float | None) -> str:
        wayland = self.wayland_idle
        if wayland is not None and wayland.sees_idle:
            text = translate(
                "kde", "Wayland {protocol}: told after {seconds} s without input (the idle setting)"
            )
            return text.format(
                protocol=wayland.idle_protocol_name, seconds=format_number(wayland.timeout)
            )
        if idle is not None:
            return translate("kde", "{seconds} s idle").format(seconds=format_number(idle))
        if wayland is not None:
            text = translate(
                "kde",
                "KDE does not tell idle time over D-Bus on Wayland, and the Wayland idle "
                "protocols are not reachable ({error}): idle time is unknown",
            )
            return text.format(error=wayland.last_error or "ext-idle-notify-v1, org_kde_kwin_idle")
        return translate(
            "kde", "KDE does not tell idle time over D-Bus on Wayland: idle time is unknown"
        )

    def close(self) -> None:
        self._stop.set()
        conn, thread = self._conn, self._thread
        if conn is not None and self.service is not None:
            try:  # unload through a fresh connection: the listener's is being closed
                other = self._connect(self.bus)
                dbusio.call(other, KWIN, *SCRIPTING, "unloadScript", "s", (PLUGIN,))
                dbusio.close_quietly(other)
            except dbusio.BusError:
                pass
        if conn is not None:
            dbusio.wake(conn)  # the listener returns from its read and closes it
        if thread is not None:
            thread.join(2.0)
        if self._idle_conn is not None:
            dbusio.close_quietly(self._idle_conn)
        if self.wayland_idle is not None:
            self.wayland_idle.close()
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
        self._conn = self._idle_conn = self._thread = self._folder = None
        with self._guard:
            self._front, self._heard = None, False
        if self.fallback is not None:
            self.fallback.close()
