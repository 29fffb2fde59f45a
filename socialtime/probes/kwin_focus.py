"""The window KWin says is active, told by socialtime's own small KWin script (KDE Plasma).

Why a KWin script: on Wayland only the compositor knows the active window, and KWin offers no
D-Bus query for it, but it runs scripts that may call D-Bus. So socialtime loads a script
(org.kde.KWin /Scripting loadScript + start) that calls socialtime's own connection back
(`Update(caption, resourceClass, pid)`) whenever the active window or its caption changes.
Nothing listens on any socket: the callback goes through the session bus to our unique name,
and only calls from KWin's own connection are taken. Each process loads its copy under its own
name (socialtime-focus-PID), so `socialtime doctor` run beside the tray does not unload the
tray's; close() unloads it again. On Wayland a window's resourceClass is its app id, turned into
the classifier's process name as on wlroots (app_ids.window_process); KWin also tells the pid.

The script uses KWin 6's names (workspace.windowActivated/activeWindow) and falls back to KWin
5's (clientActivated/activeClient), which are the ones 5.27 has (tested on a real, headless
KWin 5.27: tests/e2e/test_e2e_kwin.py; KWin 6 itself is not tried here). When KWin leaves the bus (a
crash, a restart by kwin_wayland_wrapper) the window it told last is forgotten, and the script
is loaded into the next KWin once it takes its name and has its /Scripting object.

Threading: a listener thread owns the connection the script calls and stores what it heard
under a lock; `window()` only reads that, from any thread.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
import threading
import time
from collections import deque
from collections.abc import Callable
from pathlib import Path
from typing import Any

from socialtime.base.i18n import translate
from socialtime.probes import dbusio
from socialtime.probes.app_ids import window_process
from socialtime.probes.base import Foreground, process_name

KWIN = "org.kde.KWin"
SCRIPTING = ("/Scripting", "org.kde.kwin.Scripting")
BUS_DAEMON = ("org.freedesktop.DBus", "/org/freedesktop/DBus", "org.freedesktop.DBus")
PLUGIN = "socialtime-focus"  # the script's name in KWin: PLUGIN-PID
OBJECT_PATH = "/org/socialtime/Focus"
INTERFACE = "org.socialtime.Focus"
RESTART_AFTER = 5.0  # s before a listener that lost the session bus connects again
# s before the script is offered again to a KWin that refused it, doubled at each refusal: a
# KWin that has just taken its name has no /Scripting yet for a moment (seen on KWin 5.27).
RELOAD_AFTER = 1.0
RELOAD_MAX = 60.0
# KWin is not on the bus: wait for it to take its name instead of asking again.
NOT_THERE = frozenset(
    {"org.freedesktop.DBus.Error.ServiceUnknown", "org.freedesktop.DBus.Error.NameHasNoOwner"}
)

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


def plugin_name(pid: int | None = None) -> str:
    """The name this process loads its script under (one per process, see the module doc)."""
    return f"{PLUGIN}-{os.getpid() if pid is None else pid}"


class KWinFocus:
    """Loads the script into KWin on `bus` and keeps what it last told; see the module doc.

    `loaded`: KWin took the script (it may not have called yet); `last_error`: why not, in
    the user's language; `service`: our unique name, which the script calls."""

    def __init__(
        self,
        bus: str = dbusio.SESSION,
        *,
        connect: Callable[[str], Any] = dbusio.connect,
        process_name: Callable[[int], str] = process_name,
        clock: Callable[[], float] = time.monotonic,
        plugin: str | None = None,
    ) -> None:
        self.bus = bus
        self.plugin = plugin or plugin_name()
        self.service: str | None = None
        self.loaded = False
        self.last_error = ""
        self._connect = connect
        self._process_name = process_name
        self._clock = clock
        self._guard = threading.Lock()
        self._front: Foreground | None = None
        self._app_id = ""
        self._heard = False  # the script has called since it was last loaded
        self._heard_event = threading.Event()
        self._kwin = ""  # KWin's unique name: the only caller taken
        self._thread: threading.Thread | None = None
        self._restart_at = float("-inf")
        self._reload_at: float | None = None
        self._reload_after = RELOAD_AFTER
        self._stop = threading.Event()
        self._ready = threading.Event()
        self._conn: Any = None
        self._folder: str | None = None

    def __repr__(self) -> str:
        return f"KWinFocus(service={self.service!r}, heard={self._heard})"

    def window(self) -> tuple[bool, Foreground | None, str]:
        """(heard, the window in front or None, its app id): `heard` is False until the
        script has called since it was loaded, and again once KWin has left the bus."""
        with self._guard:
            return self._heard, self._front, self._app_id

    def start(self) -> None:
        """Start the listener, or start it again RESTART_AFTER s after it lost the bus."""
        with self._guard:
            thread = self._thread
            if thread is not None and (thread.is_alive() or self._clock() < self._restart_at):
                return
            self._stop = threading.Event()
            self._ready = threading.Event()
            self._thread = threading.Thread(target=self._run, name="socialtime-kwin", daemon=True)
            self._thread.start()

    def wait_ready(self, timeout: float) -> bool:
        """Wait until the first attempt to load the script is over (loaded or not)."""
        return self._ready.wait(timeout)

    def wait_heard(self, timeout: float) -> bool:
        """Wait until the script has called (it does as soon as it runs)."""
        return self._heard_event.wait(timeout)

    # --- the listener: loads the script, then answers its calls -------------------------------

    def _run(self) -> None:
        from jeepney import MatchRule

        conn = None
        try:
            conn = self._conn = self._connect(self.bus)
            self.service = conn.unique_name
            # jeepney drops what arrives while a call waits for its reply: the script may call
            # before KWin answers `start`. Everything else is kept here, and handled below.
            pending: deque[Any] = deque()
            conn.filter(MatchRule(), queue=pending)
            dbusio.add_match(
                conn,
                arg0=KWIN,
                sender=BUS_DAEMON[0],
                interface=BUS_DAEMON[2],
                member="NameOwnerChanged",
            )
            self._load(conn)
            self._ready.set()
            while not self._stop.is_set():
                if pending:
                    self._handle(conn, pending.popleft())
                    continue
                reload_at = self._reload_at
                if reload_at is not None and self._clock() >= reload_at:
                    self._load(conn)
                    continue
                try:
                    msg = conn.receive(timeout=1.0)
                except TimeoutError:
                    continue
                self._handle(conn, msg)
        except dbusio.BusError as exc:
            self.last_error = str(exc)
        except Exception as exc:  # the connection broke: the probe's fallback takes over
            if not self._stop.is_set():
                text = translate("kde", "lost the session bus: {error}")
                self.last_error = text.format(error=repr(exc))
        finally:
            self.loaded = False
            self._forget()
            self._restart_at = self._clock() + RESTART_AFTER
            self._ready.set()
            if conn is not None:
                dbusio.close_quietly(conn)

    def _load(self, conn: Any) -> bool:
        """Load our script into KWin (again); False, with last_error, when KWin refuses."""
        self._reload_at = None
        with_kwin = (KWIN, *SCRIPTING)
        try:
            self._kwin = str(dbusio.call(conn, *BUS_DAEMON, "GetNameOwner", "s", (KWIN,))[0])
            script = self._write_script()
            with contextlib.suppress(dbusio.CallError):  # nothing loaded under this name yet
                dbusio.call(conn, *with_kwin, "unloadScript", "s", (self.plugin,))
            number = dbusio.call(conn, *with_kwin, "loadScript", "ss", (script, self.plugin))
            if not number or int(number[0]) < 0:
                text = translate("kde", "KWin refused the script {path} (loadScript said {answer})")
                raise dbusio.BusError(text.format(path=script, answer=number))
            dbusio.call(conn, *with_kwin, "start")
        except dbusio.BusError as exc:
            self.loaded = False
            text = translate("kde", "cannot load the KWin script: {error}")
            self.last_error = text.format(error=exc)
            if not (isinstance(exc, dbusio.CallError) and exc.name in NOT_THERE):
                self._reload_at = self._clock() + self._reload_after
                self._reload_after = min(2 * self._reload_after, RELOAD_MAX)
            return False
        self.loaded, self.last_error = True, ""
        self._reload_after = RELOAD_AFTER
        return True

    def _write_script(self) -> str:
        """The script for this connection, in a private folder (0700) kept until close():
        KWin reads it when it runs the script, which may be after `start` returns."""
        if self._folder is None:
            self._folder = tempfile.mkdtemp(prefix="socialtime-kwin-")
        script = Path(self._folder) / "focus.js"
        script.write_text(kwin_script(str(self.service)), encoding="utf-8")
        return str(script)

    def _handle(self, conn: Any, msg: Any) -> None:
        from jeepney import HeaderFields, new_error, new_method_return

        kind, path, iface, member = dbusio.header(msg)
        if kind == "signal":
            if member == "NameOwnerChanged" and len(msg.body) == 3 and msg.body[0] == KWIN:
                self._forget()  # the KWin that told us is gone; a new one knows no script
                self.loaded = False
                if msg.body[2]:
                    self._load(conn)
                else:
                    self._kwin = ""
                    self.last_error = translate("kde", "KWin left the session bus")
            return
        if kind != "method_call":
            return
        sender = msg.header.fields.get(HeaderFields.sender, "")
        if (path, iface, member) != (OBJECT_PATH, INTERFACE, "Update") or len(msg.body) != 3:
            reply = new_error(msg, "org.freedesktop.DBus.Error.UnknownMethod", "s", (member,))
        elif sender != self._kwin:
            denied = "only KWin may call this"  # i18n: ignore - an answer to another program
            reply = new_error(msg, "org.freedesktop.DBus.Error.AccessDenied", "s", (denied,))
        else:
            self.update(str(msg.body[0]), str(msg.body[1]), msg.body[2])
            reply = new_method_return(msg)
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
            process = window_process(resource_class, number, self._process_name)
            front = Foreground(process, caption, number if number > 0 else None)
        with self._guard:
            self._front, self._app_id, self._heard = front, resource_class, True
        self._heard_event.set()

    def _forget(self) -> None:
        with self._guard:
            self._front, self._app_id, self._heard = None, "", False
        self._heard_event.clear()

    def close(self) -> None:
        """Unload the script, stop the listener, remove the script's folder. start() may
        be called again afterwards."""
        self._stop.set()
        conn, thread = self._conn, self._thread
        if conn is not None and self.service is not None:
            # Unload through a fresh connection: the listener's is being closed.
            with contextlib.suppress(dbusio.BusError):
                other = self._connect(self.bus)
                try:
                    dbusio.call(other, KWIN, *SCRIPTING, "unloadScript", "s", (self.plugin,))
                finally:
                    dbusio.close_quietly(other)
        if conn is not None:
            dbusio.wake(conn)  # the listener returns from its read and closes it
        if thread is not None:
            thread.join(2.0)
        if self._folder is not None:
            shutil.rmtree(self._folder, ignore_errors=True)
        self._conn = self._thread = self._folder = None
        self._restart_at = float("-inf")
        self.loaded = False
        self._forget()
