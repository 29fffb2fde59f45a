"""A real, headless GNOME Shell for end-to-end tests, run by the desktop user (desktop_user.py).

    with GnomeShell.start(user, before=install) as shell:   # install(shell) runs before the
        firefox = shell.open_window("firefox", "(3) Facebook — Mozilla Firefox")  # shell starts
        ...
    with with_extension(user) as shell:   # socialtime's Shell extension, installed before
        ...                               # the shell starts, as before a login; running
        notes = shell.open_window("org.example.Notes", "notes.txt")   # foot: native Wayland
        firefox.focus()                # activated through org.gnome.Shell.Eval, then waited for
        shell.input()                  # pointer motion through Mutter's RemoteDesktop
        shell.idle_ms()                # org.gnome.Mutter.IdleMonitor GetIdletime
        env = shell.env                # for clients: DBUS_SESSION_BUS_ADDRESS, WAYLAND_DISPLAY

How GNOME Shell 43 runs here (FACTS.md, "Wayland compositors"): `gnome-shell --headless --wayland
--no-x11 --virtual-monitor 1280x800 --unsafe-mode`, started as root in a private mount namespace
that puts a tmpfs on /run/systemd (the machine's systemd is no session manager here: the shell
then takes its dummy login manager) and on /run/dbus, with its own system dbus-daemon there;
then the shell itself runs as the user. The session bus is a dbus-daemon of the user at
$XDG_RUNTIME_DIR/bus (dconf and the shell's helpers are activated by it, so they stay in its
process group and end with it). Settings the shell reads at start (enabled-extensions) are
written with gsettings before it starts, as a login would find them.

Headless GNOME does not give the focus to a new window, so windows are activated through
org.gnome.Shell.Eval (allowed by --unsafe-mode). There is no input device either: user activity
is pointer motion sent through org.gnome.Mutter.RemoteDesktop (a session of the control helper,
which stays connected), which resets Mutter's idle monitor as a person's hand would. All D-Bus
calls are made as the user by that helper (a session bus accepts its own user only). Every wait
polls a condition with a deadline.
"""

from __future__ import annotations

import contextlib
import json
import os
import select
import signal
import subprocess
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import pytest
from desktop_user import DesktopUser, kill_group, require, wait_for

REQUIRED = {
    "gnome-shell": "gnome-shell",
    "dbus-daemon": "dbus",
    "gsettings": "libglib2.0-bin",
    "unshare": "util-linux",
    "foot": "foot",
}
START_TIMEOUT = 30.0
CALL_TIMEOUT = 15.0
# As root, in the shell's own mount namespace (see the module doc).
PRIVATE_RUN = """\
mount -t tmpfs -o mode=755 tmpfs /run/systemd
mount -t tmpfs -o mode=755 tmpfs /run/dbus
dbus-daemon --system --nofork --nopidfile &
i=0
while [ ! -S /run/dbus/system_bus_socket ]; do
  i=$((i + 1)); [ "$i" -lt 400 ] || { echo "no system bus after 20 s" >&2; exit 1; }
  sleep 0.05
done
"""
SHELL_ARGV = [
    "gnome-shell", "--headless", "--wayland", "--no-x11",
    "--virtual-monitor", "1280x800", "--unsafe-mode",
]  # fmt: skip
WINDOWS_JS = (
    "global.get_window_actors().map(a => a.meta_window).map(w => ({id: String(w.get_id()), "
    "pid: w.get_pid(), title: w.get_title(), wm_class: w.get_wm_class(), focus: w.has_focus()}))"
)
ACTIVATE_JS = (
    "global.get_window_actors().map(a => a.meta_window).find(w => String(w.get_id()) === {id})"
    ".activate(global.display.get_current_time_roundtrip())"
)
SHIELD = ("org.gnome.Shell.ScreenShield", "/org/gnome/ScreenSaver", "org.gnome.ScreenSaver")
IDLE = ("org.gnome.Mutter.IdleMonitor", "/org/gnome/Mutter/IdleMonitor/Core",
        "org.gnome.Mutter.IdleMonitor")  # fmt: skip

# The control helper, run as the user with the venv's Python (jeepney): one JSON request a
# line on stdin, one JSON answer a line on stdout.
CONTROL = r"""
import json, sys
from jeepney import DBusAddress, MessageType, new_method_call
from jeepney.io.blocking import open_dbus_connection

conn = open_dbus_connection("SESSION")
RD = "org.gnome.Mutter.RemoteDesktop"
remote = None


def call(dest, path, iface, method, sig=None, body=()):
    msg = new_method_call(DBusAddress(path, dest, iface), method, sig, tuple(body))
    reply = conn.send_and_get_reply(msg, timeout=10)
    if reply.header.message_type == MessageType.error:
        return {"error": repr(reply.body)}
    return {"body": list(reply.body)}


for line in sys.stdin:
    ask = json.loads(line)
    try:
        if "pointer" in ask or "key" in ask:
            if remote is None:
                made = call(RD, "/org/gnome/Mutter/RemoteDesktop", RD, "CreateSession")
                if "error" in made:
                    print(json.dumps(made), flush=True)
                    continue
                remote = made["body"][0]
                started = call(RD, remote, RD + ".Session", "Start")
                if "error" in started:
                    remote = None
                    print(json.dumps(started), flush=True)
                    continue
            if "key" in ask:  # a keysym pressed and released (a virtual keyboard)
                for down in (True, False):
                    answer = call(RD, remote, RD + ".Session", "NotifyKeyboardKeysym", "ub",
                                  [ask["key"], down])
            else:
                answer = call(RD, remote, RD + ".Session", "NotifyPointerMotionRelative", "dd",
                              ask["pointer"])
        else:
            answer = call(*ask["call"])
    except Exception as exc:
        answer = {"error": repr(exc)}
    print(json.dumps(answer, default=repr), flush=True)
"""


class Window:
    """A foot terminal with a chosen app id and title (a native Wayland window)."""

    def __init__(self, shell: GnomeShell, meta_id: str, pid: int, app_id: str, title: str):
        self.shell = shell
        self.meta_id = meta_id  # Meta.Window.get_id(), as a string (a 64-bit number)
        self.pid = pid
        self.app_id = app_id
        self.title = title
        self.proc: subprocess.Popen[bytes] | None = None

    def __repr__(self) -> str:
        return f"Window({self.app_id!r}, id={self.meta_id})"

    def focus(self) -> None:
        """Bring this window in front and wait until GNOME says it has the focus. The request
        is repeated every half second: one made just as the window appears may be lost."""
        asked = [float("-inf")]

        def focused() -> bool:
            if self.shell.focused() == self.meta_id:
                return True
            if time.monotonic() - asked[0] >= 0.5:
                self.shell.eval(ACTIVATE_JS.format(id=json.dumps(self.meta_id)))
                asked[0] = time.monotonic()
            return False

        wait_for(focused, f"{self} to have the focus")

    def close(self) -> None:
        if self in self.shell.windows:
            self.shell.windows.remove(self)
        if self.proc is not None:
            with contextlib.suppress(ProcessLookupError):
                os.kill(self.pid, signal.SIGTERM)  # foot itself: runuser then ends with it
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.proc.wait(10)  # (runuser, signalled itself, would wait 2 s)
            kill_group(self.proc)  # anything left in its group
            self.shell.user.forget(self.proc)
        wait_for(lambda: self.meta_id not in self.shell.views(), f"{self} to close")


class GnomeShell:
    """A running headless GNOME Shell of `user`; see `start()`. `env` is the clients' one."""

    def __init__(self, user: DesktopUser) -> None:
        self.user = user
        self.windows: list[Window] = []
        self.bus = f"unix:path={user.runtime_dir / 'bus'}"
        self.env: dict[str, str] = {
            **user.base_env(),
            "DBUS_SESSION_BUS_ADDRESS": self.bus,
            "XDG_CURRENT_DESKTOP": "GNOME",
            "XDG_SESSION_TYPE": "wayland",
        }
        self.version = ""
        self.install_output = ""  # what `socialtime desktop install` said (with_extension)
        self._control: subprocess.Popen[bytes] | None = None
        self._control_lock = threading.Lock()
        self._pending = b""
        self._step = 1

    @classmethod
    @contextmanager
    def start(
        cls, user: DesktopUser, before: Callable[[GnomeShell], object] | None = None
    ) -> Iterator[GnomeShell]:
        """The session bus, then `before(shell)` (e.g. installing an extension with the
        shell's env), then GNOME Shell; yields once the shell answers on the bus."""
        require(REQUIRED, "the GNOME Shell end-to-end tests")
        shell = cls(user)
        try:
            shell._start_bus()
            shell.gsettings("set", "org.gnome.shell", "disable-user-extensions", "false")
            if before is not None:
                before(shell)
            shell._start_shell()
            yield shell
        finally:
            shell.stop()

    def _start_bus(self) -> None:
        socket = self.user.runtime_dir / "bus"
        argv = ["dbus-daemon", "--session", "--nofork", "--nopidfile", f"--address={self.bus}"]
        self.bus_proc = self.user.spawn(argv, "session-bus.log", self.user.base_env())
        wait_for(socket.exists, "the session bus socket", 10)
        script = self.user.write("gnome-control.py", CONTROL)
        self._control = self.user.spawn(
            [str(self.user.python), str(script)], "gnome-control.log", self.env, pipes=True
        )

    def _start_shell(self) -> None:
        self.proc = self.user.spawn(
            SHELL_ARGV, "gnome-shell.log", self.env, as_root_first=PRIVATE_RUN
        )
        runtime = self.user.runtime_dir

        def up() -> str | None:
            if self.proc.poll() is not None:
                log = self.user.log("gnome-shell.log")
                pytest.fail(f"gnome-shell exited ({self.proc.returncode}):\n{log}")
            displays = [p for p in runtime.glob("wayland-*") if not p.name.endswith(".lock")]
            if not displays:
                return None
            answer = self.call(
                "org.gnome.Shell", "/org/gnome/Shell", "org.freedesktop.DBus.Properties", "Get",
                "ss", ["org.gnome.Shell", "ShellVersion"],
            )  # fmt: skip
            if "body" not in answer:
                return None
            self.env["WAYLAND_DISPLAY"] = displays[0].name
            return str(answer["body"][0][1])

        self.version = wait_for(up, "GNOME Shell to start", START_TIMEOUT)
        # GNOME ends its start-up animation in the overview, which holds the keyboard: no
        # window would get the keyboard focus (Chromium counts itself active only with it).
        # Once started, leave the overview, as a user would.
        started = "Main.layoutManager._startingUp === false"
        wait_for(lambda: self.eval(started), "GNOME Shell's start-up animation", START_TIMEOUT)
        self.eval("Main.overview.hide()")
        wait_for(lambda: self.eval("Main.overview.visible") is False, "the overview to close")

    def stop(self) -> None:
        """Close the windows, the shell, the helper and the session bus."""
        self.windows.clear()
        if self._control is not None and self._control.stdin is not None:
            self._control.stdin.close()
        self.user.stop()

    # --- talking to the shell, as the user -------------------------------------------------

    def gsettings(self, *args: str) -> str:
        done = self.user.run(["gsettings", *args], self.env, timeout=30)
        assert done.returncode == 0, f"gsettings {args}: {done.stdout}{done.stderr}"
        return done.stdout.strip()

    def _ask(self, request: dict[str, Any]) -> dict[str, Any]:
        control = self._control
        assert control is not None and control.stdin is not None and control.stdout is not None
        with self._control_lock:
            control.stdin.write(json.dumps(request).encode() + b"\n")
            control.stdin.flush()
            deadline = time.monotonic() + CALL_TIMEOUT
            while b"\n" not in self._pending:
                left = deadline - time.monotonic()
                ready, _, _ = select.select([control.stdout], [], [], max(0.0, left))
                if not ready:
                    log = self.user.log("gnome-control.log")
                    pytest.fail(f"the D-Bus helper did not answer {request}:\n{log}")
                chunk = os.read(control.stdout.fileno(), 65536)
                if not chunk:
                    pytest.fail(f"the D-Bus helper exited:\n{self.user.log('gnome-control.log')}")
                self._pending += chunk
            line, self._pending = self._pending.split(b"\n", 1)
        answer: dict[str, Any] = json.loads(line)
        return answer

    def call(
        self, dest: str, path: str, iface: str, method: str, sig: str | None = None,
        body: list[Any] | None = None,
    ) -> dict[str, Any]:  # fmt: skip
        """A D-Bus method call on the session bus: {"body": [...]} or {"error": "..."}."""
        return self._ask({"call": [dest, path, iface, method, sig, body or []]})

    def eval(self, code: str) -> Any:
        """org.gnome.Shell.Eval: the value of `code` (JSON), or the test fails."""
        answer = self.call("org.gnome.Shell", "/org/gnome/Shell", "org.gnome.Shell", "Eval", "s",
                           [code])  # fmt: skip
        assert "body" in answer and answer["body"][0], f"Eval {code!r}: {answer}"
        text = answer["body"][1]
        return json.loads(text) if text else None

    def views(self) -> dict[str, dict[str, Any]]:
        """Meta window id -> {pid, title, wm_class, focus} of every window."""
        return {w["id"]: w for w in self.eval(WINDOWS_JS)}

    def focused(self) -> str | None:
        return next((wid for wid, w in self.views().items() if w["focus"]), None)

    def open_window(self, app_id: str, title: str, *command: str) -> Window:
        """A foot window with this app id and title, running `command` (default a long
        sleep); returns once GNOME Shell manages it."""
        log = f"foot-{len(self.user._procs)}.log"
        argv = ["foot", f"--app-id={app_id}", f"--title={title}", *(command or ("sleep", "3600"))]
        proc = self.user.spawn(argv, log, self.env)

        def mapped() -> tuple[str, dict[str, Any]] | None:
            if proc.poll() is not None:
                pytest.fail(f"foot {app_id!r} exited ({proc.returncode}):\n{self.user.log(log)}")
            for wid, view in self.views().items():
                taken = any(w.meta_id == wid for w in self.windows)
                if not taken and view["wm_class"] == app_id and view["title"] == title:
                    return wid, view
            return None

        wid, view = wait_for(mapped, f"the window {app_id!r} {title!r}")
        window = Window(self, wid, int(view["pid"]), app_id, title)
        window.proc = proc
        self.windows.append(window)
        return window

    def new_window(self, wm_class: str, timeout: float = 30.0) -> Window:
        """The next window of `wm_class` that appears (one opened by other means than
        open_window, e.g. a browser's), once GNOME Shell manages it."""

        def appeared() -> tuple[str, dict[str, Any]] | None:
            for wid, view in self.views().items():
                if view["wm_class"] == wm_class and all(w.meta_id != wid for w in self.windows):
                    return wid, view
            return None

        wid, view = wait_for(appeared, f"a new {wm_class!r} window", timeout)
        window = Window(self, wid, int(view["pid"]), wm_class, str(view["title"]))
        self.windows.append(window)
        return window

    def input(self) -> None:
        """User activity, as Mutter counts it: the pointer moves (back and forth)."""
        self._step = -self._step
        answer = self._ask({"pointer": [3.0 * self._step, 2.0 * self._step]})
        assert "body" in answer, f"RemoteDesktop pointer motion: {answer}"

    def press(self, keysym: int = 0xFFE1) -> None:
        """A key pressed and released (default Shift_L) on Mutter's virtual keyboard: the
        seat then has a keyboard, so the focused window gets the keyboard focus."""
        answer = self._ask({"key": keysym})
        assert "body" in answer, f"RemoteDesktop key: {answer}"

    def idle_ms(self) -> int:
        answer = self.call(*IDLE, "GetIdletime")
        assert "body" in answer, answer
        return int(answer["body"][0])

    # --- the lock screen --------------------------------------------------------------------

    def lockable(self) -> None:
        """GNOME's own lock screen and its org.gnome.ScreenSaver interface (served as
        org.gnome.Shell.ScreenShield). The shell builds them at start only when it can lock:
        with GDM and systemd-logind (LoginManager.canLock()), which this headless session has
        not. So GNOME's ScreenShield is built here, through Eval, as the shell would have."""
        made = self.eval(
            "Main.screenShield || (Main.screenShield = new imports.ui.screenShield.ScreenShield())"
            ", true"
        )
        assert made is True
        wait_for(lambda: self.has_name(SHIELD[0]), "GNOME's ScreenShield on the bus")

    def lock(self) -> None:
        """Lock the screen (org.gnome.ScreenSaver.Lock) and wait until GNOME says it is."""
        assert "body" in self.call(*SHIELD, "Lock"), "ScreenSaver.Lock"
        wait_for(lambda: self.call(*SHIELD, "GetActive").get("body") == [True], "the lock")

    def unlock(self) -> None:
        """What a user's password would do: the lock screen goes (SetActive false)."""
        assert "body" in self.call(*SHIELD, "SetActive", "b", [False]), "ScreenSaver.SetActive"
        wait_for(lambda: self.call(*SHIELD, "GetActive").get("body") == [False], "the unlock")

    def has_name(self, name: str) -> bool:
        answer = self.call("org.freedesktop.DBus", "/org/freedesktop/DBus",
                           "org.freedesktop.DBus", "NameHasOwner", "s", [name])  # fmt: skip
        return bool(answer.get("body", [False])[0])


@contextmanager
def with_extension(user: DesktopUser) -> Iterator[GnomeShell]:
    """GNOME Shell with socialtime's own Shell extension, installed by `socialtime desktop
    install` before the shell starts (as before a login; `shell.install_output` is what it
    said); yields once the extension is on the session bus."""
    said: list[str] = []

    def install(shell: GnomeShell) -> None:
        done = user.socialtime("desktop", "install", env=shell.env)
        assert done.returncode == 0, done.stdout + done.stderr
        said.append(done.stdout)

    with GnomeShell.start(user, before=install) as shell:
        shell.install_output = said[0]
        wait_for(lambda: shell.has_name("org.socialtime.Shell"), "socialtime's extension")
        yield shell
