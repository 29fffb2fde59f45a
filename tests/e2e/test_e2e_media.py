"""End to end, watching is not idle: Debian's real Chromium with the extension plays a tone into a
real PulseAudio null sink from a page titled "Cats - YouTube" on loopback, nobody touches the
keyboard or the mouse for many idle thresholds, and ``socialtime report --json`` counts that
time to youtube.com; muted or paused, only up to the idle threshold; and never past the cap.

How the page is youtube.com here: Chromium maps www.youtube.com to a local HTTPS server
(``--host-resolver-rules``; the name is HTTPS-preloaded, so the server speaks TLS with a
certificate made for the test and ``--ignore-certificate-errors``). Chromium plays with
``--autoplay-policy=no-user-gesture-required``. The test process uses loopback TCP, socialtime
does not.

Two recorders, one after the other, on the same data: the first sees only what the extension
says (no session bus and no sound server for it), so it shows that the extension's one boolean
is enough; the second has every source this desktop offers (Chromium's MPRIS player on a private
session bus, its stream on the sound server), as a user would, and shows that none of them
counts a paused page, since the extension's "not audible" for the tab in front wins.
"""

from __future__ import annotations

import json
import shutil
import signal
import sqlite3
import ssl
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
from dbusbus import PrivateBus
from helpers import ROOT
from soundserver import SoundServer, tone
from test_e2e_chromium import Chromium, chromium_binary, kill_tree
from xserver import XServer, wait_for

from socialtime.browser.bridge import bridge_status
from socialtime.browser.install import Machine, install

pytestmark = [pytest.mark.xserver, pytest.mark.slow]


EXTENSION = ROOT / "packaging" / "browser-extension"
IDLE = 3  # seconds: the idle threshold of this test
TOLERANCE = 3.0  # seconds
CONFIG = f"""\
sample_seconds = 1
idle_seconds = {IDLE}
media_max_minutes = 1
[work_hours]
{{days}}
"""
PAGE = """<!doctype html><title>Cats - YouTube</title>
<audio id="a" src="/tone.wav" loop autoplay{muted}></audio>
<script>
const a = document.getElementById("a");
if ({pause}) a.addEventListener("playing", () => setTimeout(() => a.pause(), 500), {{once: true}});
a.addEventListener("pause", () => {{ document.title = "Cats (paused) - YouTube"; }});
</script>
"""


def handler(wav: bytes) -> type[BaseHTTPRequestHandler]:
    class Pages(BaseHTTPRequestHandler):
        """/watch (playing), /watch?muted, /watch?paused, and the tone."""

        def do_GET(self) -> None:  # http.server calls it by this name
            if self.path == "/tone.wav":
                body, kind = wav, "audio/wav"
            else:
                muted, pause = " muted" if "muted" in self.path else "", "paused" in self.path
                body = PAGE.format(muted=muted, pause=str(pause).lower()).encode()
                kind = "text/html; charset=utf-8"
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return Pages


@contextmanager
def youtube_on_loopback(folder: Path) -> Iterator[int]:
    """An HTTPS server on 127.0.0.1 with a certificate for www.youtube.com; yields its port."""
    if shutil.which("openssl") is None:
        pytest.fail("this test needs openssl to make its certificate: apt-get install openssl")
    key, cert = folder / "key.pem", folder / "cert.pem"
    subprocess.run(
        [
            "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
            "-nodes", "-keyout", str(key), "-out", str(cert), "-days", "2",
            "-subj", "/CN=www.youtube.com", "-addext", "subjectAltName=DNS:www.youtube.com",
        ],
        check=True, capture_output=True, timeout=60,
    )  # fmt: skip
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler(tone(120)))
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    server.socket = context.wrap_socket(server.socket, server_side=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


def all_bytes(directory: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file())


@pytest.fixture
def runtime() -> Iterator[Path]:
    """A short private runtime dir (XDG_RUNTIME_DIR): socket paths must fit in 108 bytes."""
    path = Path(tempfile.mkdtemp(prefix="st-", dir="/tmp"))
    path.chmod(0o700)
    yield path
    shutil.rmtree(path, ignore_errors=True)


def test_watching_counts_up_to_the_cap_and_muted_or_paused_does_not(
    xserver: XServer, tmp_path: Path, runtime: Path
) -> None:
    chromium = chromium_binary()
    home, data, config = tmp_path / "home", tmp_path / "data", tmp_path / "config.toml"
    days = "\n".join(
        f'{d} = "00:00-24:00"' for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
    )
    config.write_text(CONFIG.format(days=days))
    machine = Machine("linux", home, tmp_path / "root", {"XDG_CONFIG_HOME": str(home / ".config")})
    install(["chromium"], machine=machine)
    profile = home / ".config" / "chromium"

    def socialtime(*args: str) -> list[str]:
        return [sys.executable, "-m", "socialtime", *args, "--data-dir", str(data),
                "--config", str(config)]  # fmt: skip

    with SoundServer.start(runtime, home), PrivateBus.start() as bus:
        desktop = dict(xserver.env, HOME=str(home), XDG_RUNTIME_DIR=str(runtime))
        for name in ("SOCIALTIME_DATA_DIR", "SOCIALTIME_CONFIG", "XDG_CONFIG_HOME", "PULSE_SERVER"):
            desktop.pop(name, None)
        desktop["DBUS_SESSION_BUS_ADDRESS"] = bus.address
        # The first recorder hears only the browser: no session bus, no sound server.
        browser_only = dict(desktop, PULSE_SERVER=f"unix:{runtime}/no-such-server")
        del browser_only["DBUS_SESSION_BUS_ADDRESS"]
        done = subprocess.run(
            socialtime("consent", "--accept"), env=desktop, capture_output=True, timeout=60
        )
        assert done.returncode == 0, done.stderr

        def youtube() -> float:
            done = subprocess.run(
                socialtime("report", "--json"), env=desktop, capture_output=True, timeout=60
            )
            assert done.returncode == 0, done.stderr
            return float(json.loads(done.stdout)["sites"].get("youtube.com", 0))

        logs: list[Path] = []

        @contextmanager
        def recording(env: dict[str, str]) -> Iterator[subprocess.Popen[bytes]]:
            log = tmp_path / f"track-{len(logs)}.log"
            logs.append(log)
            with open(log, "wb") as out:
                track = subprocess.Popen(
                    socialtime("track"), env=env, stdout=out, stderr=subprocess.STDOUT,
                    start_new_session=True,
                )  # fmt: skip
            try:
                wait_for(lambda: b"started" in log.read_bytes(), "track to start", 20)
                yield track
                track.send_signal(signal.SIGTERM)
                assert track.wait(15) == 0, log.read_text()
            finally:
                kill_tree(track)

        with youtube_on_loopback(tmp_path) as port:
            browser: Chromium | None = None
            seen: dict[str, tuple[float, float]] = {}  # scenario -> (on screen, counted)
            try:
                with recording(browser_only):
                    browser = Chromium(
                        [
                            chromium,
                            f"--user-data-dir={profile}",
                            f"--load-extension={EXTENSION}",
                            f"--host-resolver-rules=MAP www.youtube.com 127.0.0.1:{port}",
                            "--ignore-certificate-errors",
                            "--autoplay-policy=no-user-gesture-required",
                            "--remote-debugging-pipe",
                            "--no-sandbox", "--no-first-run", "--no-default-browser-check",
                            "--disable-background-networking", "--disable-component-update",
                            "--disable-sync", "--disable-dev-shm-usage", "--disable-gpu",
                            "--ozone-platform=x11", "--password-store=basic",
                            "--window-size=900,700",
                            "about:blank",
                        ],
                        desktop,
                        tmp_path / "chromium.log",
                    )  # fmt: skip
                    socket = runtime / "socialtime" / "bridge.sock"
                    wait_for(lambda: bridge_status(socket).ok, "the extension to connect", 30, 0.2)
                    window = wait_for(
                        lambda: next(
                            (
                                w
                                for w in xserver.client_list()
                                if xserver.window_pid(w) == browser.pid
                            ),
                            0,
                        ),
                        "Chromium's window",
                        20,
                    )
                    xserver.xdotool("windowactivate", "--sync", str(window))
                    wait_for(lambda: xserver.active_window() == window, "Chromium to be in front")

                    def title(target: str) -> str:
                        infos = browser.call("Target.getTargets")["targetInfos"]
                        return next(t["title"] for t in infos if t["targetId"] == target)

                    def watch(name: str, query: str, seconds: float) -> None:
                        """Open the page, touch the mouse once, then nothing for ``seconds``;
                        then a blank tab in front and the page closed. A page that pauses
                        itself (it played for half a second) is paused before that touch, and
                        the browser's "recently audible" (about 2 s) has passed."""
                        page = browser.open_tab(f"https://www.youtube.com/watch{query}")
                        if "paused" in query:
                            wait_for(lambda: "(paused)" in title(page), "the page to pause", 20)
                            time.sleep(3.0)  # the user paused it, then sits still
                        # (what played before, within the cap of the last scenario's input,
                        # counted: that is the rule; this scenario counts from here)
                        before = youtube()
                        xserver.move_mouse()  # the last input of the scenario
                        start = time.monotonic()
                        time.sleep(seconds)  # the scenario's own timeline: nobody touches
                        on_screen = time.monotonic() - start
                        browser.open_tab("about:blank")
                        browser.call("Target.closeTarget", targetId=page)
                        time.sleep(2 * 1.0)  # two ticks, for the last one to be written
                        seen[name] = (on_screen, youtube() - before)

                    wait_for(lambda: xserver.idle_ms() > IDLE * 1000, "an idle start", 10)
                    watch("playing", "", 15)
                    watch("muted", "?muted", 10)

                with recording(desktop):  # every source this desktop offers
                    wait_for(
                        lambda: bridge_status(socket).ok, "the extension to reconnect", 30, 0.2
                    )
                    watch("paused", "?paused", 10)
                    page = browser.open_tab("https://www.youtube.com/watch")
                    before = youtube()
                    xserver.move_mouse()
                    start = time.monotonic()
                    time.sleep(5)
                    doctor = subprocess.run(
                        socialtime("doctor"), env=desktop, capture_output=True, text=True,
                        timeout=60,
                    )  # fmt: skip
                    time.sleep(max(0.0, 75 - (time.monotonic() - start)))  # past the 1-min cap
                    on_screen = time.monotonic() - start
                    browser.open_tab("about:blank")
                    browser.call("Target.closeTarget", targetId=page)
                    time.sleep(2.0)
                    seen["cap"] = (on_screen, youtube() - before)
            finally:
                if browser is not None:
                    browser.close()

    print(
        "\n[e2e media] on screen / counted to youtube.com (s): "
        + ", ".join(f"{k} {v[0]:.1f} / {v[1]:.1f}" for k, v in seen.items())
    )
    logs_text = "\n".join(p.read_text(errors="replace") for p in logs)
    playing_on_screen, playing = seen["playing"]
    assert abs(playing - playing_on_screen) <= TOLERANCE, (seen, logs_text)  # 5 thresholds
    for quiet in ("muted", "paused"):
        assert abs(seen[quiet][1] - IDLE) <= TOLERANCE, (quiet, seen, logs_text)
    assert seen["cap"][0] > 70 and abs(seen["cap"][1] - 60) <= TOLERANCE, (seen, logs_text)

    # What doctor saw while the page played: every source of this desktop, and the extension's.
    assert doctor.returncode == 0, doctor.stderr
    line = next(x for x in doctor.stdout.splitlines() if "sound and video:" in x)
    assert line.startswith("[ok] sound and video: counts up to 1 min after the last input"), line
    assert "MPRIS: 1 media player on the session bus" in line, line
    assert "PulseAudio/PipeWire: 1 stream playing now" in line, line
    assert "1 of them tells whether the tab in front plays sound" in doctor.stdout, doctor.stdout

    # Nothing of it on disk: the same spans as typing would leave, no column for media.
    db = sqlite3.connect(data / "socialtime.db")
    schema = " ".join(row[0] or "" for row in db.execute("SELECT sql FROM sqlite_master"))
    db.close()
    for word in ("audible", "media", "sound", "playing"):
        assert word not in schema.lower(), schema
    stored = all_bytes(data)
    for secret in (b"audible", b"Cats", b"tone.wav", b"watch", b"Chromium"):
        assert secret not in stored, secret
