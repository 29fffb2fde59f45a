"""A private, real X server for end-to-end tests: Xvfb + openbox + xdotool-driven xterm windows.

Why a real server rather than a fake: the probe's job is to read what a window manager and real
clients publish (EWMH properties, property types, idle counters). Fakes only test our assumptions;
this fixture tests them against the real thing, the same way CI does.

Rules followed here (see STYLE.md): every wait is a poll on a condition with a deadline, never a
bare sleep; every process is started in its own session so teardown can kill its whole process
group; teardown runs even when a test or the start-up itself fails.
"""

from __future__ import annotations

import os
import select
import shutil
import signal
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any, TypeVar

import pytest

T = TypeVar("T")

# Program -> Debian package that provides it; named in the failure message when one is missing.
REQUIRED = {"Xvfb": "xvfb", "openbox": "openbox", "xdotool": "xdotool", "xterm": "xterm"}
SCREEN = "1280x800x24"
START_TIMEOUT = 15.0
STEP_TIMEOUT = 10.0


def wait_for(
    condition: Callable[[], T],
    what: str,
    timeout: float = STEP_TIMEOUT,
    interval: float = 0.01,
) -> T:
    """Poll `condition` until it returns something truthy; fail the test after `timeout` s.

    The sleep inside is only the polling interval of a loop bounded by a deadline.
    """
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() >= deadline:
            pytest.fail(f"timed out after {timeout:.1f} s waiting for {what}")
        time.sleep(interval)


def missing_programs() -> dict[str, str]:
    """The required programs not found on PATH, mapped to their Debian packages."""
    return {prog: pkg for prog, pkg in REQUIRED.items() if shutil.which(prog) is None}


def _kill_group(proc: subprocess.Popen[bytes], timeout: float = 5.0) -> None:
    """SIGTERM the process group of `proc` (started with start_new_session), SIGKILL if needed."""
    if proc.poll() is None:
        for sig in (signal.SIGTERM, signal.SIGKILL):
            try:
                os.killpg(proc.pid, sig)
            except ProcessLookupError:
                break
            try:
                proc.wait(timeout=timeout)
                break
            except subprocess.TimeoutExpired:
                continue
    # Children left in the group after the leader exited (e.g. xterm's `sleep`).
    with suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)
    if proc.poll() is None:
        proc.wait(timeout=timeout)


class Window:
    """An xterm window running under a chosen process name, driven through xdotool."""

    def __init__(self, server: XServer, proc: subprocess.Popen[bytes], wid: int) -> None:
        self._server = server
        self._proc = proc
        self.wid = wid
        self.pid = proc.pid

    def __repr__(self) -> str:
        return f"Window(wid={self.wid:#x}, pid={self.pid})"

    def set_title(self, title: str) -> None:
        """Set the title (xdotool writes `_NET_WM_NAME`) and wait until the server shows it."""
        self._server.xdotool("set_window", "--name", title, str(self.wid))
        wait_for(lambda: self._server.net_wm_name(self.wid) == title, f"title {title!r} on {self}")

    def activate(self) -> None:
        """Give this window the focus and wait until the WM publishes it as active."""
        self._server.xdotool("windowactivate", "--sync", str(self.wid))
        wait_for(lambda: self._server.active_window() == self.wid, f"{self} to become active")

    def close(self) -> None:
        """Kill the xterm (and its child) and wait until the WM no longer manages the window."""
        if self in self._server.windows:
            self._server.windows.remove(self)
        _kill_group(self._proc)
        wait_for(lambda: self.wid not in self._server.client_list(), f"{self} to disappear")


class XServer:
    """A running Xvfb + openbox; see `start()`. Attributes: `display` (":N"), `env`."""

    def __init__(self, workdir: Path) -> None:
        self.workdir = workdir
        self.display = ""
        self.env: dict[str, str] = {}
        self.windows: list[Window] = []
        self._procs: list[subprocess.Popen[bytes]] = []
        self._dpy: Any = None  # python-xlib Display, our own connection for checks
        self._atoms: dict[str, int] = {}
        self._mouse_toggle = False

    @classmethod
    @contextmanager
    def start(cls, workdir: Path) -> Iterator[XServer]:
        """Start Xvfb and openbox; yield the server; always tear everything down afterwards."""
        missing = missing_programs()
        if missing:
            pytest.fail(
                "end-to-end tests need a real X server; missing programs: "
                + ", ".join(sorted(missing))
                + ". Install the Debian packages: apt-get install "
                + " ".join(sorted(set(missing.values())))
            )
        server = cls(workdir)
        try:
            server._start_xvfb()
            server._connect()
            server._start_openbox()
            yield server
        finally:
            server.stop()

    # --- start-up -------------------------------------------------------------------------

    def _spawn(self, argv: list[str], log: str, **kwargs: Any) -> subprocess.Popen[bytes]:
        with open(self.workdir / log, "ab") as out:
            proc = subprocess.Popen(
                argv,
                stdin=subprocess.DEVNULL,
                stdout=out,
                stderr=subprocess.STDOUT,
                start_new_session=True,
                **kwargs,
            )
        self._procs.append(proc)
        return proc

    def _log(self, name: str) -> str:
        path = self.workdir / name
        return path.read_text(errors="replace")[-2000:] if path.exists() else ""

    def _start_xvfb(self) -> None:
        """Let Xvfb pick a free display number itself (-displayfd): no races with other runs."""
        read_fd, write_fd = os.pipe()
        try:
            proc = self._spawn(
                ["Xvfb", "-displayfd", str(write_fd), "-screen", "0", SCREEN, "-nolisten", "tcp"],
                "xvfb.log",
                pass_fds=(write_fd,),
            )
            os.close(write_fd)
            write_fd = -1
            number = b""
            deadline = time.monotonic() + START_TIMEOUT
            while not number.endswith(b"\n"):
                remaining = deadline - time.monotonic()
                if remaining <= 0 or not select.select([read_fd], [], [], remaining)[0]:
                    pytest.fail(f"Xvfb did not report a display in time:\n{self._log('xvfb.log')}")
                chunk = os.read(read_fd, 32)
                if not chunk:
                    pytest.fail(f"Xvfb exited ({proc.poll()}):\n{self._log('xvfb.log')}")
                number += chunk
        finally:
            os.close(read_fd)
            if write_fd >= 0:
                os.close(write_fd)
        self.display = f":{int(number)}"
        env = dict(os.environ)
        env.pop("WAYLAND_DISPLAY", None)
        env["DISPLAY"] = self.display
        env["XDG_SESSION_TYPE"] = "x11"
        self.env = env

    def _connect(self) -> None:
        from Xlib import display as xdisplay

        self._dpy = xdisplay.Display(self.display)
        # Windows we look at may vanish at any time; errors are handled where they happen.
        self._dpy.set_error_handler(lambda *args: None)

    def _start_openbox(self) -> None:
        proc = self._spawn(["openbox", "--sm-disable"], "openbox.log", env=self.env)

        def ready() -> bool:
            if proc.poll() is not None:
                pytest.fail(f"openbox exited ({proc.returncode}):\n{self._log('openbox.log')}")
            return self._root_window_prop("_NET_SUPPORTING_WM_CHECK") is not None

        wait_for(ready, "openbox to set _NET_SUPPORTING_WM_CHECK", timeout=START_TIMEOUT)

    def stop(self) -> None:
        """Kill everything this server started, newest first (windows, openbox, Xvfb)."""
        if self._dpy is not None:
            with suppress(Exception):
                self._dpy.close()
            self._dpy = None
        for proc in reversed(self._procs):
            with suppress(Exception):
                _kill_group(proc)
        self._procs.clear()
        self.windows.clear()

    # --- reading server state (own connection) --------------------------------------------

    def _atom(self, name: str) -> int:
        if name not in self._atoms:
            self._atoms[name] = self._dpy.intern_atom(name)
        return self._atoms[name]

    def _root_window_prop(self, name: str) -> list[int] | None:
        from Xlib import X

        root = self._dpy.screen().root
        prop = root.get_property(self._atom(name), X.AnyPropertyType, 0, 4096)
        return None if prop is None else list(prop.value)

    def active_window(self) -> int:
        """`_NET_ACTIVE_WINDOW` on the root window (0 when none)."""
        value = self._root_window_prop("_NET_ACTIVE_WINDOW")
        return value[0] if value else 0

    def client_list(self) -> list[int]:
        """Windows the window manager manages (`_NET_CLIENT_LIST`)."""
        return self._root_window_prop("_NET_CLIENT_LIST") or []

    def _window_prop(self, wid: int, name: str) -> Any:
        from Xlib import X, error

        window = self._dpy.create_resource_object("window", wid)
        try:
            return window.get_property(self._atom(name), X.AnyPropertyType, 0, 4096)
        except error.XError:
            return None

    def net_wm_name(self, wid: int) -> str | None:
        prop = self._window_prop(wid, "_NET_WM_NAME")
        return None if prop is None else bytes(prop.value).decode("utf-8", "replace")

    def window_pid(self, wid: int) -> int | None:
        prop = self._window_prop(wid, "_NET_WM_PID")
        return int(prop.value[0]) if prop is not None and len(prop.value) else None

    def idle_ms(self) -> int:
        """Milliseconds since the last input, from the MIT-SCREEN-SAVER extension."""
        return int(self._dpy.screen().root.screensaver_query_info().idle)

    # --- driving the server ---------------------------------------------------------------

    def xdotool(self, *args: str) -> None:
        subprocess.run(
            ["xdotool", *args], env=self.env, check=True, timeout=STEP_TIMEOUT, capture_output=True
        )

    def open_window(self, process_name: str, title: str) -> Window:
        """Start an xterm that runs as `process_name` (via a symlink), titled `title`.

        Returns once the window manager manages the window and its title is set.
        """
        bindir = self.workdir / "bin"
        bindir.mkdir(exist_ok=True)
        link = bindir / process_name
        if not link.exists():
            link.symlink_to(shutil.which("xterm") or "/usr/bin/xterm")
        proc = self._spawn(
            [str(link), "-geometry", "80x20", "-e", "sleep", "3600"], "xterm.log", env=self.env
        )

        def managed() -> int:
            if proc.poll() is not None:
                pytest.fail(
                    f"{process_name} (xterm) exited ({proc.returncode}):\n{self._log('xterm.log')}"
                )
            for wid in self.client_list():
                if self.window_pid(wid) == proc.pid:
                    return wid
            return 0

        wid = wait_for(managed, f"the window of {process_name} (pid {proc.pid})")
        window = Window(self, proc, wid)
        self.windows.append(window)
        window.set_title(title)
        return window

    def move_mouse(self) -> None:
        """Move the pointer to alternate positions: real input, so the idle counter resets."""
        self._mouse_toggle = not self._mouse_toggle
        x, y = (311, 207) if self._mouse_toggle else (617, 419)
        self.xdotool("mousemove", str(x), str(y))

    def screenshot(self, path: str | os.PathLike[str]) -> None:
        """Save the whole screen (imagemagick's `import`), e.g. to attach to a failing test."""
        if shutil.which("import") is None:
            pytest.fail("screenshot needs `import`: apt-get install imagemagick")
        subprocess.run(
            ["import", "-window", "root", os.fspath(path)],
            env=self.env,
            check=True,
            timeout=STEP_TIMEOUT,
            capture_output=True,
        )
