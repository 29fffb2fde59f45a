"""End to end with Debian's real Firefox ESR, native on Wayland (MOZ_ENABLE_WAYLAND=1), under the
headless sway of the test user (wayland_session.py): a page on a loopback HTTP server titled like
a social site, Firefox and a foot window switched in front, with input and without, the real
``socialtime track`` (the wlroots probe: zwlr_foreign_toplevel_management_v1, org_kde_kwin_idle),
and its totals read back with ``socialtime report --json``.

How Firefox runs here: sway's pixman renderer and no GPU need nothing special (no
MOZ_WEBRENDER=0, no LIBGL_ALWAYS_SOFTWARE: Firefox picks its software WebRender by itself) and
the window is an xdg-shell toplevel with the app id "firefox-esr" and the title
"<page title> — Mozilla Firefox". A fresh profile with a user.js turns off first-run pages,
updates, telemetry and the other services that call home, and sends every request Firefox would
make to anything but loopback to a "proxy" on loopback that only writes down what it was asked
for (the trap): the test fails if anything reached it. The page asks the test's server for its
title a few times a second, so the test changes what Firefox shows without driving Firefox.
"""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest
from desktop_user import DesktopUser, kill_group, require, wait_for
from e2e_desk import CANARY, CANARY_APP, Desk, all_bytes, assert_matches, on_screen
from wayland_session import KeepActive, Sway

pytestmark = [pytest.mark.wayland, pytest.mark.slow]

FIREFOX = "firefox-esr"
START_TIMEOUT = 60.0  # the first start of a profile takes ~4 s here; a loaded machine more
SUFFIX = " — Mozilla Firefox"  # U+2014, as Firefox ESR writes it
PAGE = """\
<!doctype html><html><head><meta charset="utf-8"><title>{title}</title></head>
<body><p>A page on loopback.</p><script>
setInterval(async () => {{
  const answer = await fetch("/title", {{cache: "no-store"}});
  const title = await answer.text();
  if (title && document.title !== title) document.title = title;
}}, 150);
</script></body></html>
"""
# The profile's user.js. Every host but loopback goes to the trap (network.proxy.*; Firefox
# never proxies localhost, so the test's page is reached directly); the rest keeps Firefox
# from trying at all, and from opening first-run tabs.
USER_JS = """\
user_pref("network.proxy.type", 1);
user_pref("network.proxy.http", "127.0.0.1");
user_pref("network.proxy.http_port", {trap});
user_pref("network.proxy.ssl", "127.0.0.1");
user_pref("network.proxy.ssl_port", {trap});
user_pref("network.proxy.share_proxy_settings", true);
user_pref("network.proxy.socks_remote_dns", true);
user_pref("network.proxy.allow_hijacking_localhost", false);
user_pref("network.trr.mode", 5);
user_pref("network.dns.disablePrefetch", true);
user_pref("network.prefetch-next", false);
user_pref("network.http.speculative-parallel-limit", 0);
user_pref("network.captive-portal-service.enabled", false);
user_pref("network.connectivity-service.enabled", false);
user_pref("browser.shell.checkDefaultBrowser", false);
user_pref("browser.startup.homepage_override.mstone", "ignore");
user_pref("browser.startup.homepage", "about:blank");
user_pref("browser.startup.page", 0);
user_pref("startup.homepage_welcome_url", "");
user_pref("startup.homepage_welcome_url.additional", "");
user_pref("browser.aboutwelcome.enabled", false);
user_pref("trailhead.firstrun.didSeeAboutWelcome", true);
user_pref("browser.newtabpage.enabled", false);
user_pref("browser.newtabpage.activity-stream.feeds.topsites", false);
user_pref("browser.newtabpage.activity-stream.feeds.section.topstories", false);
user_pref("browser.newtabpage.activity-stream.feeds.snippets", false);
user_pref("browser.topsites.contile.enabled", false);
user_pref("browser.discovery.enabled", false);
user_pref("browser.region.network.url", "");
user_pref("browser.region.update.enabled", false);
user_pref("browser.safebrowsing.malware.enabled", false);
user_pref("browser.safebrowsing.phishing.enabled", false);
user_pref("browser.safebrowsing.downloads.enabled", false);
user_pref("browser.safebrowsing.provider.google4.updateURL", "");
user_pref("browser.safebrowsing.provider.mozilla.updateURL", "");
user_pref("browser.ping-centre.telemetry", false);
user_pref("browser.search.update", false);
user_pref("browser.search.geoip.url", "");
user_pref("geo.enabled", false);
user_pref("app.update.enabled", false);
user_pref("app.update.auto", false);
user_pref("app.normandy.enabled", false);
user_pref("app.normandy.api_url", "");
user_pref("app.shield.optoutstudies.enabled", false);
user_pref("extensions.update.enabled", false);
user_pref("extensions.getAddons.cache.enabled", false);
user_pref("extensions.blocklist.enabled", false);
user_pref("extensions.systemAddon.update.enabled", false);
user_pref("services.settings.server", "http://127.0.0.1:{trap}/remote-settings");
user_pref("services.settings.poll_interval", 86400000);
user_pref("services.sync.enabled", false);
user_pref("identity.fxaccounts.enabled", false);
user_pref("datareporting.policy.dataSubmissionEnabled", false);
user_pref("datareporting.policy.dataSubmissionPolicyBypassNotification", true);
user_pref("datareporting.policy.firstRunURL", "");
user_pref("datareporting.healthreport.uploadEnabled", false);
user_pref("toolkit.telemetry.enabled", false);
user_pref("toolkit.telemetry.unified", false);
user_pref("datareporting.usage.uploadEnabled", false);
user_pref("toolkit.telemetry.server", "http://127.0.0.1:{trap}/telemetry");
user_pref("telemetry.fog.test.localhost_port", -1);
user_pref("toolkit.telemetry.archive.enabled", false);
user_pref("media.gmp-manager.updateEnabled", false);
user_pref("media.gmp-manager.url", "");
user_pref("media.gmp-manager.chromium-update-url", "");
user_pref("media.gmp-gmpopenh264.enabled", false);
user_pref("media.gmp-widevinecdm.enabled", false);
user_pref("media.gmp-widevinecdm.allow-chromium-update", false);
user_pref("media.eme.enabled", false);
user_pref("dom.push.enabled", false);
user_pref("dom.push.connection.enabled", false);
user_pref("messaging-system.rsexperimentloader.enabled", false);
user_pref("browser.tabs.warnOnClose", false);
user_pref("browser.sessionstore.resume_from_crash", false);
"""


class Titles:
    """The page's title, served at /title and changed by the test."""

    def __init__(self, first: str) -> None:
        self.current = first
        self.asked = 0


def handler(titles: Titles) -> type[BaseHTTPRequestHandler]:
    class Page(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # http.server calls it by this name
            if self.path == "/title":
                titles.asked += 1
                body = titles.current.encode()
                kind = "text/plain; charset=utf-8"
            else:
                body = PAGE.format(title=titles.current).encode()
                kind = "text/html; charset=utf-8"
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.send_header("Cache-Control", "no-store")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: Any) -> None:
            pass

    return Page


@contextmanager
def serving(server: ThreadingHTTPServer) -> Iterator[int]:
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()
        thread.join(5)


class Trap:
    """A listening socket on loopback that Firefox takes for its proxy: whatever Firefox would
    have sent beyond loopback arrives here, and its first line is written down. It answers
    nothing. Some services are pointed at it directly too (a path, not a host: "GET /x"):
    `beyond()` leaves those out and keeps what went through the proxy (CONNECT host:443,
    GET http://host/...)."""

    def __init__(self) -> None:
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.sock.settimeout(0.2)
        self.port = self.sock.getsockname()[1]
        self.asked: list[str] = []
        self.done = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while not self.done.is_set():
            try:
                conn, _ = self.sock.accept()
            except TimeoutError:
                continue
            with conn:
                conn.settimeout(2)
                try:
                    first = conn.recv(4096).split(b"\r\n", 1)[0]
                except OSError:
                    first = b"(nothing said)"
                self.asked.append(first.decode(errors="replace"))

    def beyond(self) -> dict[str, int]:
        """What Firefox asked for beyond loopback: request line without its version -> times."""
        asked: dict[str, int] = {}
        for line in self.asked:
            method, _, target = line.partition(" ")
            if method == "CONNECT" or "://" in target.split(" ")[0]:
                what = line.rsplit(" HTTP/", 1)[0]
                asked[what] = asked.get(what, 0) + 1
        return asked

    def close(self) -> None:
        self.done.set()
        self.thread.join(5)
        self.sock.close()


class Firefox:
    """Firefox ESR of the sway session's user, native on Wayland, on a fresh profile."""

    def __init__(self, sway: Sway, name: str, trap: Trap) -> None:
        require({FIREFOX: "firefox-esr"}, "the Firefox end-to-end test")
        self.sway = sway
        self.user: DesktopUser = sway.user
        self.profile = self.user.make_dir(self.user.home_dir / f"firefox-{name}", mode=0o700)
        self.user.write(f"firefox-{name}/user.js", USER_JS.format(trap=trap.port))
        self.log = f"firefox-{name}.log"
        self.env = {
            **sway.env,
            "MOZ_ENABLE_WAYLAND": "1",
            "MOZ_CRASHREPORTER_DISABLE": "1",
            # Release builds ignore services.settings.server (remote settings) without it.
            "MOZ_REMOTE_SETTINGS_DEVTOOLS": "1",
        }
        self.proc: Any = None

    def open(self, url: str, title: str) -> tuple[int, dict[str, Any]]:
        """Start Firefox on `url`; once sway shows its window titled `title`: (con_id, node)."""
        argv = [FIREFOX, "--no-remote", "--new-instance", "--profile", str(self.profile), url]
        self.proc = self.user.spawn(argv, self.log, self.env)
        return self.wait_title(title, START_TIMEOUT)

    def wait_title(self, title: str, timeout: float = 15) -> tuple[int, dict[str, Any]]:
        def shown() -> tuple[int, dict[str, Any]] | None:
            if self.proc.poll() is not None:
                pytest.fail(f"Firefox exited ({self.proc.returncode}):\n{self.user.log(self.log)}")
            for cid, node in self.sway.views().items():
                if node.get("app_id") == FIREFOX and node.get("name") == title + SUFFIX:
                    return cid, node
            return None

        found: tuple[int, dict[str, Any]] = wait_for(shown, f"Firefox to show {title!r}", timeout)
        return found

    def focus(self, con_id: int) -> None:
        self.sway.msg(f"[con_id={con_id}] focus")
        wait_for(lambda: self.sway.focused() == con_id, "Firefox to have the focus")

    def close(self) -> None:
        if self.proc is not None:
            kill_group(self.proc)
            self.user.forget(self.proc)


@pytest.fixture
def desk(sway: Sway, request: pytest.FixtureRequest) -> Iterator[Desk]:
    yield Desk(sway, request.node.name)
    for window in list(sway.windows):
        window.close()


def test_real_firefox_on_wayland_counts_as_it_was_on_screen(desk: Desk, sway: Sway) -> None:
    desk.run("consent", "--accept")
    titles = Titles("(3) Facebook")
    trap = Trap()
    firefox = Firefox(sway, "e2e", trap)
    notes = sway.open_window(CANARY_APP, f"notes {CANARY}.txt")
    mouse = KeepActive(sway)
    seen: dict[str, float] = {}
    other = 0.0
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler(titles))
    try:
        with serving(server) as port:
            started = time.monotonic()
            window, node = firefox.open(f"http://127.0.0.1:{port}/", "(3) Facebook")
            print(f"\nFirefox's window after {time.monotonic() - started:.1f} s: {node['name']!r}")
            assert node["shell"] == "xdg_shell", node  # native Wayland, not Xwayland
            firefox.focus(window)
            doctor = desk.run("doctor")
            notes.focus()
            mouse.on.set()
            with desk.tracking() as proc:
                at = desk.wait_for_state("recording")
                start = time.monotonic()
                firefox.focus(window)
                other += time.monotonic() - start  # notes was in front until the switch
                seen["facebook.com"] = on_screen(6)
                notes.focus()
                other += on_screen(4)
                start = time.monotonic()
                firefox.focus(window)
                titles.current = "Home / X"  # the page takes it within 150 ms
                firefox.wait_title("Home / X")
                seen["facebook.com"] += time.monotonic() - start
                seen["x.com"] = on_screen(3)
                sway.input()
                mouse.on.clear()  # hands off: idle_seconds = 3, so about 3 s still count
                idle_start = time.monotonic()
                at = desk.wait_for_state("idle", at, timeout=20)
                seen["x.com"] += 3.0
                on_screen(3)  # idle: none of this counts
                idle_for = time.monotonic() - idle_start
                mouse.on.set()
                desk.wait_for_state("recording", at)
                seen["x.com"] += on_screen(4)
                desk.stop(proc)
    finally:
        mouse.close()
        firefox.close()
        trap.close()

    got = desk.report()
    print(f"reported: {got}")
    assert_matches(got, seen, other)
    assert idle_for > 5  # and none of it is in the totals above
    assert titles.asked > 0  # the page did ask for its titles
    direct = len(trap.asked) - sum(trap.beyond().values())
    print(f"Firefox asked the trap directly {direct} times (the services pointed at it)")
    assert trap.beyond() == {}, f"Firefox tried to reach beyond loopback: {trap.beyond()}"
    lines = {line.split(":", 1)[0]: line for line in doctor.splitlines() if line.startswith("[")}
    assert "in front: firefox-esr (app id firefox-esr)" in lines["[ok] foreground window"], doctor
    stored = all_bytes(desk.data)
    for secret in (CANARY, CANARY_APP, "(3) Facebook", "Home / X", "Mozilla", "127.0.0.1"):
        assert secret.encode() not in stored, secret
