"""A real, headless KWin for end-to-end tests, run by the desktop user (desktop_user.py).

    with KWin.start(user) as kwin:               # waits for its socket and for its D-Bus
        firefox = kwin.open_window("firefox", "(3) Facebook — Mozilla Firefox")
        notes = kwin.open_window("org.example.Notes", "notes.txt")  # native Wayland windows
        firefox.focus()             # a KWin script makes it the active window, then waits
        firefox.set_title("...")    # the window renames itself; waits until KWin shows it
        kwin.input()                # a pointer motion through org_kde_kwin_fake_input
        kwin.restart()              # KWin alone ends and starts again, on the same bus
        env = kwin.env              # for clients: WAYLAND_DISPLAY, DBUS_SESSION_BUS_ADDRESS...

How KWin 5.27 (Debian 12) runs here (FACTS.md): /usr/bin/kwin_wayland carries a file capability
(cap_sys_resource) that this sandbox refuses, so a plain copy of it (a copy has none) runs with
--virtual --no-lockscreen inside `dbus-run-session`, whose bus is the session bus of KWin and of
its clients, with QT_QPA_PLATFORM=offscreen for KWin itself. That bus lets no other user in (not
even root): D-Bus calls go through `dbus-send` run as the user.

Windows: foot 1.13 dies (SIGFPE) on KWin 5.27's virtual output, whose physical size is -1 x -1
mm, so each window is a small PySide6 window on Qt's wayland platform (kwin_window.py): a native
Wayland client with a chosen app id and title, its own process (KWin tells its pid).

Focus and what KWin sees: a KWin script, loaded and started over D-Bus, sets
workspace.activeWindow (KWin 6) or activeClient (KWin 5) and returns what it sees; KWin writes
a script's print() to its log ("js: ..."), where the answer is read. Headless KWin has no input
device and does not move the focus by itself beyond a newly mapped window.

Input: KWin offers org_kde_kwin_fake_input only to a program whose .desktop file lists it in
X-KDE-Wayland-Interfaces and whose /proc/PID/exe is that file's Exec. So kwin_input.py runs
under a copy of python3 named by such a file in the user's ~/.local/share/applications: that
helper alone gets the protocol (KWin runs without KWIN_WAYLAND_NO_PERMISSION_CHECKS, so
socialtime sees the globals any client sees). A pointer motion through it is user activity to
KWin: its idle timers, ext-idle-notify-v1's and org_kde_kwin_idle's, start again.
Every wait polls a condition with a deadline.
"""

from __future__ import annotations

import json
import os
import select
import shutil
import signal
import subprocess
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from desktop_user import DesktopUser, kill_group, require, wait_for

REQUIRED = {"kwin_wayland": "kwin-wayland", "dbus-run-session": "dbus", "dbus-send": "dbus"}
SOCKET = "wayland-kwin"
START_TIMEOUT = 30.0
HERE = Path(__file__).resolve().parent
INPUT_PROGRAM = "socialtime-e2e-input"  # the copy of python3 granted fake input
DESKTOP_FILE = f".local/share/applications/{INPUT_PROGRAM}.desktop"
# A KWin script's answer: `TOKEN JSON` printed on one line of KWin's log.
SCRIPT = """\
(function () {{
    const ws = workspace;
    function windows() {{ return ws.windowList ? ws.windowList() : ws.clientList(); }}
    const six = ws.activeWindow !== undefined;  // KWin 6's names, else KWin 5's
    function active() {{ return six ? ws.activeWindow : ws.activeClient; }}
    function activate(w) {{ if (six) ws.activeWindow = w; else ws.activeClient = w; }}
    function byId(id) {{
        return windows().filter(function (w) {{ return String(w.internalId) === id; }})[0];
    }}
    function describe(w) {{
        return {{id: String(w.internalId), caption: String(w.caption),
                 app: String(w.resourceClass), pid: w.pid, active: w === active()}};
    }}
    const answer = (function () {{ {body} }})();
    print("{token} " + JSON.stringify(answer));
}})();
"""  # fmt: skip


class Window:
    """A native Wayland window (kwin_window.py) with a chosen app id and title."""

    def __init__(
        self, kwin: KWin, wid: str, pid: int, app_id: str, title_file: Path, proc: Any
    ) -> None:
        self.kwin = kwin
        self.id = wid  # KWin's internalId
        self.pid = pid
        self.app_id = app_id
        self.title_file = title_file
        self.proc = proc

    def __repr__(self) -> str:
        return f"Window({self.app_id!r}, pid={self.pid})"

    @property
    def title(self) -> str:
        return self.title_file.read_text(encoding="utf-8")

    def focus(self) -> None:
        """Make this the active window and wait until KWin says it is."""
        wid = json.dumps(self.id)
        self.kwin.script(f"const w = byId({wid}); if (w) activate(w); return w && describe(w);")
        wait_for(lambda: self.kwin.focused() == self.id, f"{self} to be active", interval=0.1)

    def set_title(self, title: str) -> None:
        """The window renames itself (as a browser does when its tab changes); waits until
        KWin shows the new caption."""
        temporary = self.title_file.with_suffix(".new")
        temporary.write_text(title, encoding="utf-8")
        if self.kwin.user.as_root:
            os.chown(temporary, self.kwin.user.uid, self.kwin.user.gid)
        temporary.replace(self.title_file)

        def shown() -> bool:
            return any(w["id"] == self.id and w["caption"] == title for w in self.kwin.windows())

        wait_for(shown, f"{self} to be called {title!r}", interval=0.1)

    def close(self) -> None:
        if self in self.kwin.windows_open:
            self.kwin.windows_open.remove(self)
        kill_group(self.proc)
        self.kwin.user.forget(self.proc)
        wait_for(
            lambda: all(w["id"] != self.id for w in self.kwin.windows()),
            f"{self} to close",
            interval=0.1,
        )


class KWin:
    """A running headless KWin of `user`; see `start()`. `env` is the clients' environment."""

    def __init__(self, user: DesktopUser) -> None:
        self.user = user
        self.windows_open: list[Window] = []
        self.env: dict[str, str] = {}
        self.bus = ""
        self._scripts = 0
        self._windows_made = 0
        self._input: subprocess.Popen[bytes] | None = None
        self._input_lock = threading.Lock()

    @classmethod
    @contextmanager
    def start(cls, user: DesktopUser) -> Iterator[KWin]:
        require(REQUIRED, "the KWin end-to-end tests")
        kwin = cls(user)
        try:
            kwin._start()
            yield kwin
        finally:
            kwin.stop()

    def _start(self) -> None:
        user = self.user
        programs = user.make_dir(user.workdir / "kwin-programs")
        binary = programs / "kwin_wayland"
        shutil.copyfile(str(shutil.which("kwin_wayland")), binary)  # without its capability
        binary.chmod(0o755)
        python = programs / INPUT_PROGRAM
        shutil.copyfile(os.path.realpath("/usr/bin/python3"), python)
        python.chmod(0o755)
        user.write(
            DESKTOP_FILE,
            "[Desktop Entry]\nType=Application\nName=socialtime end-to-end input\n"
            f"Exec={python}\nNoDisplay=true\n"
            "X-KDE-Wayland-Interfaces=org_kde_kwin_fake_input\n",
        )
        self.input_script = user.write("kwin_input.py", (HERE / "kwin_input.py").read_text())
        self.window_script = user.write("kwin_window.py", (HERE / "kwin_window.py").read_text())
        bus_file = user.home_dir / "kwin-bus.address"
        bus_file.unlink(missing_ok=True)
        self._restart_flag = user.home_dir / "kwin-restart"
        # KWin runs again when it ends while the restart flag is there (restart()).
        launch = (
            'printf "%s\\n" "$DBUS_SESSION_BUS_ADDRESS" > "$1"; '
            'while "$2" --virtual --no-lockscreen --width 1280 --height 800 --socket "$3"; '
            '[ -e "$4" ]; do rm -f "$4"; done'
        )
        argv = ["dbus-run-session", "--", "sh", "-c", launch, "sh", str(bus_file), str(binary)]
        env = {**user.base_env(), "QT_QPA_PLATFORM": "offscreen"}
        self.proc = user.spawn([*argv, SOCKET, str(self._restart_flag)], "kwin.log", env)

        def started() -> str:
            if self.proc.poll() is not None:
                pytest.fail(f"KWin exited ({self.proc.returncode}):\n{user.log('kwin.log')}")
            if not (user.runtime_dir / SOCKET).exists() or not bus_file.exists():
                return ""
            return bus_file.read_text().strip()

        self.bus = wait_for(started, "KWin's Wayland socket and session bus", START_TIMEOUT)
        self.pid = wait_for(self._kwin_pid, "KWin's process")
        self.env = {
            **user.base_env(),
            "WAYLAND_DISPLAY": SOCKET,
            "DBUS_SESSION_BUS_ADDRESS": self.bus,
            "XDG_SESSION_TYPE": "wayland",
            "XDG_CURRENT_DESKTOP": "KDE",
        }
        wait_for(
            lambda: self._dbus("isScriptLoaded", "string:none").returncode == 0,
            "KWin's scripting on its session bus",
            START_TIMEOUT,
            interval=0.2,
        )

    def _kwin_pid(self) -> int | None:
        """The kwin_wayland process of this session (in the launcher's process group)."""
        for stat in Path("/proc").glob("[0-9]*/stat"):
            try:
                fields = stat.read_text().rsplit(")", 1)[1].split()
                comm = stat.with_name("comm").read_text().strip()
            except (OSError, IndexError):
                continue
            if comm == "kwin_wayland" and int(fields[2]) == self.proc.pid:  # its pgid
                return int(stat.parent.name)
        return None

    def restart(self) -> None:
        """End KWin alone (SIGTERM) and wait for the next one on the same session bus and
        socket: the launcher starts it again. Its windows end with it."""
        old = self.pid
        self.user.write(self._restart_flag.name, "")
        os.kill(old, signal.SIGTERM)
        self.windows_open.clear()
        self.pid = wait_for(
            lambda: (pid := self._kwin_pid()) != old and pid, "a new KWin", START_TIMEOUT
        )
        wait_for(
            lambda: self._dbus("isScriptLoaded", "string:none").returncode == 0,
            "the new KWin's scripting",
            START_TIMEOUT,
            interval=0.2,
        )

    def stop(self) -> None:
        """Close the windows, the input helper and KWin (the user's spawned processes)."""
        self.windows_open.clear()
        if self._input is not None:
            kill_group(self._input)
            self._input = None
        self.user.stop()

    # --- talking to KWin ---------------------------------------------------------------------

    def _dbus(self, method: str, *args: str) -> subprocess.CompletedProcess[str]:
        argv = [
            "dbus-send", "--session", "--print-reply", "--dest=org.kde.KWin", "/Scripting",
            f"org.kde.kwin.Scripting.{method}", *args,
        ]  # fmt: skip
        return self.user.run(argv, self.env, timeout=15)

    def script(self, body: str) -> Any:
        """Run `body` (a JavaScript function body, with SCRIPT's helpers) as a KWin script;
        what it returns, through JSON."""
        self._scripts += 1
        token = f"socialtime-e2e-{self._scripts}"
        path = self.user.write(f"kwin-scripts/{token}.js", SCRIPT.format(body=body, token=token))
        for method, args in (
            ("loadScript", (f"string:{path}", f"string:{token}")),
            ("start", ()),
        ):
            done = self._dbus(method, *args)
            assert done.returncode == 0, f"KWin {method}: {done.stdout}{done.stderr}"

        def answered() -> str:
            for line in self.user.log("kwin.log", tail=1 << 22).splitlines():
                if f" {token} " in f" {line}":
                    return line.split(f"{token} ", 1)[1] or "null"
            return ""

        answer = wait_for(answered, f"the KWin script {token} to answer", interval=0.05)
        self._dbus("unloadScript", f"string:{token}")
        return json.loads(answer)

    def windows(self) -> list[dict[str, Any]]:
        """Every window KWin manages: id, caption, app (resourceClass), pid, active."""
        found: list[dict[str, Any]] = self.script("return windows().map(describe);")
        return found

    def focused(self) -> str | None:
        return next((w["id"] for w in self.windows() if w["active"]), None)

    def open_window(self, app_id: str, title: str) -> Window:
        """A native Wayland window with this app id and title; returns once KWin manages it."""
        self._windows_made += 1
        number = self._windows_made
        title_file = self.user.write(f"window-{number}.title", title)
        env = {**self.env, "QT_QPA_PLATFORM": "wayland"}
        argv = [str(self.user.python), str(self.window_script), app_id, str(title_file)]
        log = f"window-{number}.log"
        proc = self.user.spawn(argv, log, env)

        def managed() -> dict[str, Any] | None:
            if proc.poll() is not None:
                pytest.fail(f"the window {app_id!r} exited:\n{self.user.log(log)}")
            taken = {w.id for w in self.windows_open}
            for seen in self.windows():
                if seen["app"] == app_id and seen["caption"] == title and seen["id"] not in taken:
                    return seen
            return None

        seen = wait_for(managed, f"KWin to manage the window {app_id!r}", interval=0.2)
        window = Window(self, seen["id"], int(seen["pid"]), app_id, title_file, proc)
        self.windows_open.append(window)
        return window

    def input(self) -> None:
        """User activity, as KWin counts it: the pointer moves (back and forth)."""
        with self._input_lock:
            helper = self._input or self._start_input()
            assert helper.stdin is not None and helper.stdout is not None
            helper.stdin.write(b"\n")
            helper.stdin.flush()
            assert self._line(helper) == "moved", self.user.log("kwin-input.log")

    def _start_input(self) -> subprocess.Popen[bytes]:
        env = {**self.env, "PYTHONPATH": ""}
        program = self.user.workdir / "kwin-programs" / INPUT_PROGRAM
        argv = self.user.argv([str(program), str(self.input_script)], env)
        with open(self.user.workdir / "kwin-input.log", "ab") as log:
            helper = subprocess.Popen(
                argv,
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=log,
                start_new_session=True,
                cwd=self.user.home_dir,
            )
        self._input = helper
        said = self._line(helper)
        if said != "ready":
            pytest.fail(f"the fake input helper: {said}\n{self.user.log('kwin-input.log')}")
        return helper

    def _line(self, helper: subprocess.Popen[bytes], timeout: float = 10.0) -> str:
        assert helper.stdout is not None
        if not select.select([helper.stdout], [], [], timeout)[0]:
            pytest.fail(f"the fake input helper said nothing for {timeout} s")
        return helper.stdout.readline().decode(errors="replace").strip()
