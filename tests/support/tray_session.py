"""The real tray application on the test X server, with Debian's `trayer` as the system tray.

Every wait is a poll with a deadline. The tray icon is found the way a person would see it: a
window of ours embedded in trayer's panel, mapped, and painted with more than one colour.
"""

from __future__ import annotations

import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from Xlib import X
from Xlib import display as xdisplay
from Xlib.error import XError
from xserver import XServer, wait_for

ALL_DAY = "\n".join(
    f'{d} = "00:00-24:00"' for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
)


@contextmanager
def trayer(server: XServer, workdir: Path) -> Any:
    """A system tray host in the top-right corner."""
    log = open(workdir / "trayer.log", "wb")  # noqa: SIM115 - closed below
    proc = subprocess.Popen(
        ["trayer", "--edge", "top", "--align", "right", "--widthtype", "request",
         "--height", "32", "--SetDockType", "true", "--transparent", "false"],
        env=server.env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True,
    )  # fmt: skip
    try:
        wait_for(lambda: find_window(server, ("panel", "trayer")) is not None, "trayer's panel")
        yield proc
    finally:
        proc.terminate()
        proc.wait(10)
        log.close()


def _walk(d: Any, window: Any) -> Any:
    try:
        children = window.query_tree().children
    except XError:
        return
    for child in children:
        yield child
        yield from _walk(d, child)


def _wm_class(window: Any) -> tuple[str, str] | None:
    try:
        value = window.get_wm_class()
    except XError:
        return None
    return tuple(value) if value else None  # type: ignore[return-value]


def find_window(server: XServer, wm_class: tuple[str, str], inside: Any = None) -> Any:
    d = xdisplay.Display(server.display)
    try:
        top = inside if inside is not None else d.screen().root
        for window in _walk(d, d.create_resource_object("window", top.id)):
            if _wm_class(window) == wm_class:
                return window.id
        return None
    finally:
        d.close()


def tray_icon_geometry(server: XServer) -> tuple[int, int, int, int] | None:
    """(x, y, width, height) of our icon inside trayer's panel, when it is mapped."""
    d = xdisplay.Display(server.display)
    try:
        root = d.screen().root
        panel = next((w for w in _walk(d, root) if _wm_class(w) == ("panel", "trayer")), None)
        if panel is None:
            return None
        for window in _walk(d, panel):
            cls = _wm_class(window)
            if cls and cls[1] == "socialtime":
                if window.get_attributes().map_state != X.IsViewable:
                    return None
                geometry = window.get_geometry()
                origin = window.translate_coords(root, 0, 0)
                return (-origin.x, -origin.y, geometry.width, geometry.height)
        return None
    except XError:
        return None
    finally:
        d.close()


def window_geometry(server: XServer, wid: int) -> tuple[int, int, int, int]:
    """(x, y, width, height) of a window on the screen."""
    d = xdisplay.Display(server.display)
    try:
        window = d.create_resource_object("window", wid)
        geometry = window.get_geometry()
        origin = window.translate_coords(d.screen().root, 0, 0)
        return (-origin.x, -origin.y, geometry.width, geometry.height)
    finally:
        d.close()


def settled(server: XServer, wid: int, path: Path) -> bool:
    """The window is painted and its pixels no longer change (e.g. charts drawn): two looks a
    moment apart show the same picture. Leaves the screenshot at ``path``. A blinking text
    cursor makes one look in two differ, and each look takes a while on a loaded machine: give
    the wait for it a generous deadline (30 s), it returns as soon as the window is still."""
    geometry = window_geometry(server, wid)
    if not is_painted(server, geometry, path):
        return False
    first = path.with_name(path.stem + "-window.png").read_bytes()
    time.sleep(0.3)  # the interval between the two looks of one poll
    return (
        is_painted(server, geometry, path)
        and first == path.with_name(path.stem + "-window.png").read_bytes()
    )


def is_painted(server: XServer, geometry: tuple[int, int, int, int], path: Path) -> bool:
    """True when the screen area shows more than a flat colour (the icon is drawn)."""
    x, y, w, h = geometry
    server.screenshot(path)
    crop = path.with_name(path.stem + "-window.png")
    subprocess.run(["convert", str(path), "-crop", f"{w}x{h}+{x}+{y}", str(crop)], check=True)
    deviation = subprocess.run(
        ["convert", str(crop), "-format", "%[fx:standard_deviation]", "info:"],
        check=True, capture_output=True, text=True,
    ).stdout  # fmt: skip
    return float(deviation) > 0.05


class TrayApp:
    """`socialtime` (the tray) as a user starts it, with its own data dir and config."""

    def __init__(self, server: XServer, workdir: Path, config: str = "") -> None:
        self.server = server
        self.data = workdir / "data"
        self.config = workdir / "config.toml"
        self.config.write_text(config or f"[work_hours]\n{ALL_DAY}\n")
        self.runtime = runtime = workdir / "runtime"  # the bridge's socket: never a developer's
        runtime.mkdir(mode=0o700, exist_ok=True)  # real session
        self.env = dict(server.env, QT_QPA_PLATFORM="xcb", XDG_RUNTIME_DIR=str(runtime))
        self.log = workdir / "tray.log"
        self.proc: subprocess.Popen[bytes] | None = None

    def argv(self, *args: str) -> list[str]:
        return [sys.executable, "-m", "socialtime", *args,
                "--data-dir", str(self.data), "--config", str(self.config)]  # fmt: skip

    def start(self) -> float:
        """Start the tray; returns the seconds until its icon was visible in the panel."""
        started = time.monotonic()
        with open(self.log, "wb") as log:
            self.proc = subprocess.Popen(
                self.argv(), env=self.env, stdout=log, stderr=subprocess.STDOUT
            )
        wait_for(self.icon, "the tray icon in trayer's panel", timeout=20, interval=0.02)
        return time.monotonic() - started

    def icon(self) -> tuple[int, int, int, int] | None:
        assert self.proc is not None
        if self.proc.poll() is not None:
            raise AssertionError(
                f"the tray exited ({self.proc.returncode}):\n{self.log.read_text()}"
            )
        return tray_icon_geometry(self.server)

    def run(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            self.argv(*args), env=self.env, capture_output=True, text=True, timeout=60
        )

    def windows(self) -> dict[int, str]:
        """Our top-level windows managed by the window manager: id -> title."""
        assert self.proc is not None
        return {
            wid: self.server.net_wm_name(wid) or ""
            for wid in self.server.client_list()
            if self.server.window_pid(wid) == self.proc.pid
        }

    def wait_window(self, fragment: str, timeout: float = 20) -> int:
        def found() -> int:
            return next((w for w, t in self.windows().items() if fragment in t), 0)

        return wait_for(found, f"a window titled …{fragment}…", timeout=timeout)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(10)
