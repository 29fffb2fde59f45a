"""End to end with Debian's real Chromium: the extension from packaging/, the host registered by
``socialtime browser install`` in the test profile, the real ``socialtime track`` with the real X
probe, and the totals read back with ``socialtime report --json``.

Why Chromium runs with a window on the test X server rather than headless: the tracker trusts a
hostname only for the browser window in front (pid match with the native host's parent), and a
headless browser has no window. On Xvfb + openbox every link is the real one: the window's
``_NET_WM_PID``, the focus, the title (set to "Facebook" on a non-social page, to show that the
browser's hostname wins over the title), the native host started by Chromium, the AF_UNIX socket.
Tabs are opened and switched through the DevTools protocol over ``--remote-debugging-pipe`` (a
pipe, no port). Test hostnames are mapped to a local HTTP server with ``--host-resolver-rules``:
the test process uses loopback TCP, socialtime does not.
"""

from __future__ import annotations

import json
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import psutil
import pytest
from helpers import ROOT
from xserver import XServer, wait_for

from socialtime.browser.bridge import bridge_status
from socialtime.browser.install import Machine, install

pytestmark = [pytest.mark.xserver, pytest.mark.slow]

EXTENSION = ROOT / "packaging" / "browser-extension"
CANARY = "canary-q7zx3.example.test"
TOLERANCE = 2.0  # seconds, per site
# Page titles: none matches a title rule except the canary's, which says "Facebook".
PAGES = {
    "social.example.test": "A quiet page",
    "chat.example.test": "Another page",
    CANARY: "Facebook",
}
CONFIG = """\
sample_seconds = 1
idle_seconds = 3600
[work_hours]
{days}
[[sites.custom]]
id = "social.example.test"
name = "Social (test)"
hosts = ["social.example.test"]
[[sites.custom]]
id = "chat.example.test"
name = "Chat (test)"
hosts = ["chat.example.test"]
"""


def chromium_binary() -> str:
    """Debian's Chromium itself: its /usr/bin wrapper adds flags of its own (extensions)."""
    for candidate in ("/usr/lib/chromium/chromium", shutil.which("chromium")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    pytest.fail("this test needs Debian's chromium: apt-get install chromium")


class Pages(BaseHTTPRequestHandler):
    """Every test hostname gets a small page titled after PAGES, a little late, so that the
    extension reports the new tab (from its pending URL) before the title appears."""

    def do_GET(self) -> None:  # http.server calls it by this name
        host = (self.headers.get("Host") or "").split(":")[0]
        title = PAGES.get(host, "Not found")
        time.sleep(0.3)
        body = f"<!doctype html><title>{title}</title><p>{title}</p>".encode()
        self.send_response(200 if host in PAGES else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@contextmanager
def web_server() -> Iterator[int]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), Pages)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def kill_tree(proc: subprocess.Popen[bytes]) -> None:
    """Kill ``proc``, its process group and every descendant (renderers, the native host)."""
    try:
        family = psutil.Process(proc.pid).children(recursive=True)
    except psutil.NoSuchProcess:
        family = []
    with suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)
    for child in family:
        with suppress(psutil.NoSuchProcess):
            child.kill()
    with suppress(subprocess.TimeoutExpired):
        proc.wait(10)
    psutil.wait_procs(family, timeout=10)


class Chromium:
    """A Chromium driven through the DevTools protocol on fds 3 and 4 (JSON, NUL-separated)."""

    def __init__(
        self,
        argv: list[str],
        env: dict[str, str],
        log: Path,
        spawn: Callable[[list[str]], subprocess.Popen[bytes]] | None = None,
    ) -> None:
        # The shell moves our pipes to fds 3 and 4, where Chromium expects them, then execs
        # Chromium: the pid we hold is the browser's (unless `spawn`, e.g. DesktopUser.spawn
        # with pipes, puts runuser in between).
        wrapped = ["sh", "-c", 'exec "$@" 3<&0 4>&1 </dev/null >/dev/null', "sh", *argv]
        if spawn is not None:
            self.proc = spawn(wrapped)
        else:
            with open(log, "wb") as out:
                self.proc = subprocess.Popen(
                    wrapped,
                    stdin=subprocess.PIPE,
                    stdout=subprocess.PIPE,
                    stderr=out,
                    env=env,
                    start_new_session=True,
                )
        self.pid = self.proc.pid
        self._next_id = 0
        self._buffer = b""

    def call(self, method: str, timeout: float = 15.0, **params: Any) -> dict[str, Any]:
        assert self.proc.stdin is not None and self.proc.stdout is not None
        self._next_id += 1
        request = {"id": self._next_id, "method": method, "params": params}
        self.proc.stdin.write(json.dumps(request).encode() + b"\0")
        self.proc.stdin.flush()
        deadline = time.monotonic() + timeout
        fd = self.proc.stdout.fileno()
        while True:
            while b"\0" in self._buffer:
                raw, _, self._buffer = self._buffer.partition(b"\0")
                answer = json.loads(raw)
                if answer.get("id") == self._next_id:
                    assert "error" not in answer, answer
                    return answer.get("result", {})
            remaining = deadline - time.monotonic()
            if remaining <= 0 or not select.select([fd], [], [], remaining)[0]:
                pytest.fail(f"Chromium did not answer {method} within {timeout} s")
            chunk = os.read(fd, 65536)
            if not chunk:
                pytest.fail(f"Chromium exited ({self.proc.poll()}) during {method}")
            self._buffer += chunk

    def open_tab(self, url: str, **params: Any) -> str:
        return str(self.call("Target.createTarget", url=url, **params)["targetId"])

    def activate(self, target: str) -> None:
        self.call("Target.activateTarget", targetId=target)

    def close(self) -> None:
        kill_tree(self.proc)


def chromium_argv(profile: Path, extension: Path, port: int, platform: str) -> list[str]:
    """Debian's Chromium with the extension, test hostnames mapped to the local server, the
    DevTools protocol on a pipe, nothing that reaches the network; `platform`: x11 or wayland."""
    return [
        chromium_binary(),
        f"--user-data-dir={profile}",
        f"--load-extension={extension}",
        f"--host-resolver-rules=MAP *.example.test 127.0.0.1:{port}",
        "--remote-debugging-pipe",
        "--no-sandbox", "--no-first-run", "--no-default-browser-check",
        "--disable-background-networking", "--disable-component-update",
        "--disable-sync", "--disable-dev-shm-usage", "--disable-gpu",
        f"--ozone-platform={platform}", "--password-store=basic", "--window-size=900,700",
        "about:blank",
    ]  # fmt: skip


def on_screen(seconds: float) -> float:
    """Stay on the current tab for ``seconds``; return how long it really lasted."""
    start = time.monotonic()
    time.sleep(seconds)  # the scenario's own timeline: this is what is on screen
    return time.monotonic() - start


def all_bytes(directory: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file())


@pytest.fixture
def runtime() -> Iterator[Path]:
    """A short private runtime dir (XDG_RUNTIME_DIR): socket paths must fit in 108 bytes."""
    path = Path(tempfile.mkdtemp(prefix="st-", dir="/tmp"))
    yield path
    shutil.rmtree(path, ignore_errors=True)


def test_chromium_tells_the_active_site(xserver: XServer, tmp_path: Path, runtime: Path) -> None:
    home, data, config = tmp_path / "home", tmp_path / "data", tmp_path / "config.toml"
    days = "\n".join(
        f'{d} = "00:00-24:00"' for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
    )
    config.write_text(CONFIG.format(days=days))
    # The real installer, writing into the test profile: Chromium reads
    # <user-data-dir>/NativeMessagingHosts/, and <XDG_CONFIG_HOME>/chromium is that dir.
    machine = Machine("linux", home, tmp_path / "root", {"XDG_CONFIG_HOME": str(home / ".config")})
    install(["chromium"], machine=machine)
    profile = home / ".config" / "chromium"
    assert (profile / "NativeMessagingHosts" / "org.socialtime.bridge.json").exists()

    env = dict(xserver.env, HOME=str(home), XDG_RUNTIME_DIR=str(runtime))
    for name in ("SOCIALTIME_DATA_DIR", "SOCIALTIME_CONFIG", "XDG_CONFIG_HOME", "XDG_DATA_HOME"):
        env.pop(name, None)

    def socialtime(*args: str) -> list[str]:
        return [sys.executable, "-m", "socialtime", *args, "--data-dir", str(data),
                "--config", str(config)]  # fmt: skip

    done = subprocess.run(
        socialtime("consent", "--accept"), env=env, capture_output=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    track_log = tmp_path / "track.log"
    seen: dict[str, float] = {}
    with web_server() as port, open(track_log, "wb") as log:
        xserver.move_mouse()  # fresh input: nothing here is idle
        track = subprocess.Popen(
            socialtime("track"), env=env, stdout=log, stderr=subprocess.STDOUT,
            start_new_session=True,
        )  # fmt: skip
        browser: Chromium | None = None
        try:
            wait_for(lambda: b"recording" in track_log.read_bytes(), "track to record", 20)
            browser = Chromium(
                chromium_argv(profile, EXTENSION, port, "x11"), env, tmp_path / "chromium.log"
            )
            socket = runtime / "socialtime" / "bridge.sock"
            wait_for(lambda: bridge_status(socket).ok, "the extension to connect", 30, 0.2)
            window = wait_for(
                lambda: next(
                    (w for w in xserver.client_list() if xserver.window_pid(w) == browser.pid), 0
                ),
                "Chromium's window",
                20,
            )
            xserver.xdotool("windowactivate", "--sync", str(window))
            wait_for(lambda: xserver.active_window() == window, "Chromium to be in front")

            social = browser.open_tab("http://social.example.test/")
            seen["social.example.test"] = on_screen(4)
            browser.open_tab(f"http://{CANARY}/")  # titled "Facebook", but not social
            on_screen(3)
            browser.activate(social)
            seen["social.example.test"] += on_screen(3)
            browser.open_tab("http://chat.example.test/a/path?q=secret")
            seen["chat.example.test"] = on_screen(3)
            track.send_signal(signal.SIGTERM)
            assert track.wait(15) == 0, track_log.read_text()
        finally:
            if browser is not None:
                browser.close()
            kill_tree(track)

    done = subprocess.run(socialtime("report", "--json"), env=env, capture_output=True, timeout=60)
    assert done.returncode == 0, done.stderr
    got = json.loads(done.stdout)
    print(f"\non screen: { {k: round(v, 1) for k, v in seen.items()} }\nreported: {got['sites']}")
    assert set(got["sites"]) == set(seen), (got, track_log.read_text())
    for site, seconds in seen.items():
        assert abs(got["sites"][site] - seconds) <= TOLERANCE, (site, got["sites"][site], seconds)
    other = got["active_seconds"] - got["social_seconds"]
    assert other >= 3 - TOLERANCE, got  # the canary's page, at least
    # Neither the non-social hostname nor anything of the addresses reaches the disk.
    stored = all_bytes(data)
    for secret in (CANARY.encode(), b"canary", b"secret", b"/a/path", b"Facebook"):
        assert secret not in stored, secret
