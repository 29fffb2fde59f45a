"""Real, headless compositors for end-to-end tests, run by the desktop user (desktop_user.py):
sway (below); KWin's is kwin_session.py.

    with Sway.start(user) as sway:                       # waits for its sockets, or fails
        firefox = sway.open_window("firefox", "(3) Facebook — Mozilla Firefox")
        notes = sway.open_window("foot", "notes.txt")   # foot: a native Wayland window
        firefox.focus()                                 # swaymsg [con_id=N] focus, then waits
        sway.input()                                    # input that resets the idle timers
        env = sway.env                                  # for clients: WAYLAND_DISPLAY, SWAYSOCK

sway 1.7 (Debian 12) runs with WLR_BACKENDS=headless, WLR_LIBINPUT_NO_DEVICES=1 and the pixman
renderer; it offers zwlr_foreign_toplevel_manager_v1 and org_kde_kwin_idle. There is no input
device, so `input()` moves the cursor with `swaymsg seat - cursor move`: sway counts that as
user activity (its idle timers, org_kde_kwin_idle's included, restart), whereas `swaymsg focus`
does not. Every wait polls a condition with a deadline.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, Protocol

import pytest
from desktop_user import DesktopUser, kill_group, require, wait_for

REQUIRED = {"sway": "sway", "swaymsg": "sway", "foot": "foot"}
START_TIMEOUT = 20.0
CONFIG = """\
output HEADLESS-1 resolution 1280x800
xwayland disable
"""


class Window:
    """A foot terminal with a chosen app id and title (a native Wayland window)."""

    def __init__(self, sway: Sway, con_id: int, pid: int, app_id: str, title: str) -> None:
        self.sway = sway
        self.con_id = con_id
        self.pid = pid
        self.app_id = app_id
        self.title = title

    def __repr__(self) -> str:
        return f"Window({self.app_id!r}, con_id={self.con_id})"

    def focus(self) -> None:
        """Bring this window in front and wait until sway says it has the focus."""
        self.sway.msg(f"[con_id={self.con_id}] focus")
        wait_for(lambda: self.sway.focused() == self.con_id, f"{self} to have the focus")

    def close(self) -> None:
        if self in self.sway.windows:
            self.sway.windows.remove(self)
        self.sway.msg(f"[con_id={self.con_id}] kill")
        wait_for(lambda: self.con_id not in self.sway.views(), f"{self} to close")


class Sway:
    """A running headless sway of `user`; see `start()`. `env` is the clients' environment."""

    def __init__(self, user: DesktopUser) -> None:
        self.user = user
        self.windows: list[Window] = []
        self.display = ""  # e.g. "wayland-1", in user.runtime_dir
        self.swaysock = ""
        self.env: dict[str, str] = {}
        self._step = 1

    @classmethod
    @contextmanager
    def start(cls, user: DesktopUser, config: str = CONFIG) -> Iterator[Sway]:
        require(REQUIRED, "the sway end-to-end tests")
        sway = cls(user)
        try:
            sway._start(config)
            yield sway
        finally:
            sway.stop()

    def _start(self, config: str) -> None:
        conf = self.user.write("sway.conf", config)
        env = {
            **self.user.base_env(),
            "WLR_BACKENDS": "headless",
            "WLR_LIBINPUT_NO_DEVICES": "1",
            "WLR_RENDERER": "pixman",
        }
        self.proc = self.user.spawn(["sway", "-c", str(conf)], "sway.log", env)
        runtime = self.user.runtime_dir

        def sockets() -> tuple[Path, Path] | None:
            if self.proc.poll() is not None:
                pytest.fail(f"sway exited ({self.proc.returncode}):\n{self.user.log('sway.log')}")
            displays = [p for p in runtime.glob("wayland-*") if not p.name.endswith(".lock")]
            ipc = list(runtime.glob("sway-ipc.*.sock"))
            return (displays[0], ipc[0]) if displays and ipc else None

        display, ipc = wait_for(sockets, "sway's Wayland and IPC sockets", START_TIMEOUT)
        self.display, self.swaysock = display.name, str(ipc)
        self.env = {
            **self.user.base_env(),
            "WAYLAND_DISPLAY": self.display,
            "SWAYSOCK": self.swaysock,
            "XDG_SESSION_TYPE": "wayland",
            "XDG_CURRENT_DESKTOP": "sway",
        }
        wait_for(lambda: self._try("-t", "get_version") is not None, "sway to answer", 10)

    def stop(self) -> None:
        """Close the windows and sway (the user's spawned processes)."""
        self.windows.clear()
        self.user.stop()

    def restart(self, config: str = CONFIG) -> None:
        """Kill sway alone (its windows go with it; other processes of the user stay) and
        start it again in the same runtime dir: it takes the same Wayland socket name."""
        kill_group(self.proc)
        self.user.forget(self.proc)
        self.windows.clear()
        for stale in self.user.runtime_dir.glob("sway-ipc.*.sock"):
            stale.unlink()
        self._start(config)

    # --- talking to sway -----------------------------------------------------------------

    def _try(self, *args: str) -> Any:
        done = self.user.run(["swaymsg", "-s", self.swaysock, "-r", *args], self.env, timeout=15)
        if done.returncode != 0:
            return None
        return json.loads(done.stdout)

    def msg(self, *args: str) -> Any:
        """swaymsg ARGS as the user; its JSON answer. Fails the test when sway refuses."""
        done = self.user.run(["swaymsg", "-s", self.swaysock, "-r", *args], self.env, timeout=15)
        assert done.returncode == 0, f"swaymsg {args}: {done.stdout}{done.stderr}"
        return json.loads(done.stdout)

    def tree(self) -> dict[str, Any]:
        tree: dict[str, Any] = self.msg("-t", "get_tree")
        return tree

    def views(self) -> dict[int, dict[str, Any]]:
        """con_id -> the view's node (app_id, name, pid, focused...) for every window."""
        found: dict[int, dict[str, Any]] = {}

        def walk(node: dict[str, Any]) -> None:
            if node.get("pid") and node.get("type") in ("con", "floating_con"):
                found[int(node["id"])] = node
            for child in node.get("nodes", []) + node.get("floating_nodes", []):
                walk(child)

        walk(self.tree())
        return found

    def focused(self) -> int | None:
        return next((cid for cid, node in self.views().items() if node.get("focused")), None)

    def open_window(self, app_id: str, title: str, *command: str) -> Window:
        """A foot window with this app id and title, running `command` (default a long
        sleep); returns once sway manages it."""
        argv = ["foot", f"--app-id={app_id}", f"--title={title}", *(command or ("sleep", "3600"))]
        proc = self.user.spawn(argv, f"foot-{len(self.windows)}.log", self.env)

        def mapped() -> tuple[int, dict[str, Any]] | None:
            if proc.poll() is not None:
                log = self.user.log(f"foot-{len(self.windows)}.log")
                pytest.fail(f"foot {app_id!r} exited ({proc.returncode}):\n{log}")
            for cid, node in self.views().items():
                taken = any(w.con_id == cid for w in self.windows)
                if not taken and node.get("app_id") == app_id and node.get("name") == title:
                    return cid, node
            return None

        cid, node = wait_for(mapped, f"the window {app_id!r} {title!r}")
        window = Window(self, cid, int(node["pid"]), app_id, title)
        self.windows.append(window)
        return window

    def input(self) -> None:
        """User activity, as sway counts it: the cursor moves (back and forth)."""
        self._step = -self._step
        # One argument: swaymsg would read a separate "-3" as an option.
        self.msg(f"seat - cursor move {3 * self._step} {2 * self._step}")


class Session(Protocol):
    def input(self) -> None: ...


class KeepActive:
    """Calls `sway.input()` a few times a second while `on` is set, like a person at work.
    Any session with an `input()` will do (gnome_session.GnomeShell too)."""

    def __init__(self, sway: Session, every: float = 0.3) -> None:
        self.sway = sway
        self.every = every
        self.on = threading.Event()
        self.done = threading.Event()
        self.errors: list[BaseException] = []
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while not self.done.is_set():
            if self.on.is_set():
                try:
                    self.sway.input()
                except BaseException as exc:  # reported by close(), on the test's thread
                    self.errors.append(exc)
                    return
            self.done.wait(self.every)

    def close(self) -> None:
        self.done.set()
        self.thread.join(10)
        assert not self.errors, self.errors
