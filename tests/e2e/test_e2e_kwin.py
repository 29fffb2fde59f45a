"""End to end on a real, headless KWin 5.27 run by a test user (kwin_session.py): native Wayland
windows with chosen app ids and titles, made active by KWin scripts, one renamed while in front
(a browser changing tab), real idle time (ext-idle-notify-v1) and real input (KWin's fake
input), the real ``socialtime track`` of that user with its own KWin script, a ``doctor`` run
beside it, and the totals read back with ``report --json``."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator

import pytest
from desktop_user import DesktopUser, wait_for
from e2e_desk import assert_matches
from kwin_session import KWin
from test_e2e_sway import CANARY, CANARY_APP, WATCH, Desk, all_bytes, on_screen
from wayland_session import KeepActive

from socialtime.probes.wayland_client import EXT_IDLE, KDE_IDLE, WaylandClient

pytestmark = [pytest.mark.wayland, pytest.mark.slow]

FACEBOOK = "(3) Facebook — Mozilla Firefox"
LINKEDIN = "(2) Feed | LinkedIn — Mozilla Firefox"


@pytest.fixture
def desk(kwin: KWin, request: pytest.FixtureRequest) -> Iterator[Desk]:
    yield Desk(kwin, request.node.name)  # type: ignore[arg-type]  # has .user and .env, as Sway
    for window in list(kwin.windows_open):
        window.close()


def doctor_lines(out: str) -> dict[str, str]:
    """doctor's lines by their start ("[ok] idle time"), each the whole line."""
    return {line.split(":", 1)[0]: line for line in out.splitlines() if line.startswith("[")}


def test_records_each_native_wayland_window_on_kwin_as_it_was_on_screen(
    desk: Desk, kwin: KWin
) -> None:
    desk.run("consent", "--accept")
    firefox = kwin.open_window("firefox", FACEBOOK)
    notes = kwin.open_window(CANARY_APP, f"notes {CANARY}.txt")
    telegram = kwin.open_window("org.telegram.desktop", f"Telegram {CANARY}")  # the Flatpak's id
    mouse = KeepActive(kwin)  # type: ignore[arg-type]  # anything with input(), as Sway
    seen: dict[str, float] = {}
    other = 0.0
    files: set[str] = set()
    try:
        notes.focus()
        mouse.on.set()
        with desk.tracking() as proc:
            at = desk.wait_for_state("recording")
            start = time.monotonic()
            firefox.focus()
            other += time.monotonic() - start  # notes was in front until the switch
            seen["facebook.com"] = on_screen(6)
            start = time.monotonic()
            notes.focus()
            # doctor beside the tracker: it loads and unloads its own KWin script only.
            lines = doctor_lines(desk.run("doctor"))
            assert lines["[ok] foreground window"].endswith(f"(app id {CANARY_APP})"), lines
            on_screen(2)
            other += time.monotonic() - start
            start = time.monotonic()
            telegram.focus()
            seen["telegram.org"] = on_screen(3)
            start = time.monotonic()
            firefox.focus()
            seen["telegram.org"] += time.monotonic() - start
            start = time.monotonic()
            on_screen(3)
            firefox.set_title(LINKEDIN)  # the tab changed: same window, another site
            seen["facebook.com"] += time.monotonic() - start
            seen["linkedin.com"] = on_screen(3)
            kwin.input()
            mouse.on.clear()  # hands off: idle_seconds = 3, so about 3 s still count
            idle_start = time.monotonic()
            at = desk.wait_for_state("idle", at, timeout=20)
            seen["linkedin.com"] += 3.0
            on_screen(3)  # idle: none of this counts
            idle_for = time.monotonic() - idle_start
            mouse.on.set()
            desk.wait_for_state("recording", at)
            seen["linkedin.com"] += on_screen(4)
            files = {p.name for p in desk.data.iterdir()}
            stored_while_tracking = all_bytes(desk.data)  # the -wal file too, while it is there
            desk.stop(proc)
    finally:
        mouse.close()

    got = desk.report()
    print(f"reported: {got}; files while tracking: {sorted(files)}")
    assert_matches(got, seen, other)
    assert idle_for > 5  # and none of it is in the totals above
    # Titles and app ids never reach the disk, not even in the WAL.
    assert "socialtime.db-wal" in files
    for stored in (stored_while_tracking, all_bytes(desk.data)):
        for secret in (CANARY, CANARY_APP, "org.telegram.desktop", FACEBOOK, LINKEDIN,
                       "Mozilla", "Feed |"):  # fmt: skip
            assert secret.encode() not in stored, secret


def test_doctor_says_what_it_sees_on_kde(desk: Desk, kwin: KWin) -> None:
    window = kwin.open_window("chromium", "(2) Feed | LinkedIn - Chromium")
    window.focus()
    out = desk.run("doctor")
    print(out)
    lines = doctor_lines(out)
    front = lines["[ok] foreground window"]
    found = re.search(r"KWin script (socialtime-focus-\d+), told by KWin at each change", front)
    assert found, front
    assert front.endswith("in front: chromium (app id chromium)")
    titles = lines["[ok] window titles"]
    assert "never stored" in titles and "process ids from KWin" in titles
    idle = lines["[ok] idle time"]
    assert "Wayland ext-idle-notify-v1: told after 3 s without input" in idle
    assert "Feed | LinkedIn" not in out  # doctor shows no title
    # doctor took its script out of KWin again.
    loaded = kwin._dbus("isScriptLoaded", f"string:{found.group(1)}")
    assert loaded.returncode == 0 and "boolean false" in loaded.stdout, loaded


@pytest.mark.parametrize("protocol", [EXT_IDLE, KDE_IDLE])
def test_kwin_tells_idle_and_input_through_both_idle_protocols(
    kwin: KWin, protocol: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """KWin 5.27 offers ext-idle-notify-v1 (which the probe takes) and org_kde_kwin_idle (its
    fallback); each says idle after the timeout without input, and not idle at the next input.
    This process (root in CI) may open the test user's Wayland socket."""
    bind = WaylandClient._bind
    other = KDE_IDLE if protocol == EXT_IDLE else EXT_IDLE

    def only(self: WaylandClient, conn: object, interface: str) -> int:
        return 0 if interface == other else bind(self, conn, interface)  # type: ignore[arg-type]

    monkeypatch.setattr(WaylandClient, "_bind", only)
    client = WaylandClient(kwin.env, idle_timeout=lambda: 1.0, windows=False)

    def idle() -> float:
        client.poll()
        return client.idle_seconds() or 0.0

    try:
        wait_for(client.poll, "the Wayland client to be ready", interval=0.02)
        assert client.idle_protocol == protocol, client.offers
        assert {EXT_IDLE, KDE_IDLE} <= set(client.offers)
        kwin.input()
        start = time.monotonic()
        wait_for(idle, f"{protocol} to say idle", interval=0.02)
        waited = time.monotonic() - start
        assert 0.8 <= waited <= 3.0, waited
        kwin.input()
        wait_for(lambda: idle() == 0.0, f"{protocol} to say resumed", interval=0.02)
    finally:
        client.close()


def test_the_input_helper_alone_gets_fake_input(kwin: KWin) -> None:
    """Other clients (socialtime's among them) see the globals a Plasma client sees: KWin
    keeps org_kde_kwin_fake_input for the program that its .desktop file names."""
    client = WaylandClient(kwin.env, windows=False)
    try:
        wait_for(client.poll, "the Wayland client to be ready", interval=0.02)
        assert "org_kde_kwin_fake_input" not in client.offers
        kwin.input()  # and the helper does get it (it fails the test otherwise)
    finally:
        client.close()


def test_the_probe_finds_kwin_again_after_a_restart(
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    """The probe, polled as `socialtime track` polls it (test_e2e_sway.WATCH), sees the window
    in front with its pid, forgets it when KWin ends, and loads its script into the next KWin
    on the same session bus (which has no /Scripting yet for a moment when it takes its name)."""
    user = DesktopUser.create(tmp_path_factory.mktemp("kwin-restart"))
    try:
        with KWin.start(user) as kwin:
            script = user.write("watch.py", WATCH)
            window = kwin.open_window("firefox", FACEBOOK)
            window.focus()
            watcher = user.spawn([str(user.python), str(script), "90"], "watch.log", kwin.env)

            def saw(front: list | None, after: int = 0) -> int:
                lines = user.log("watch.log", tail=1 << 20).splitlines()
                for number, line in enumerate(lines[after:], start=after):
                    if line.startswith("{") and json.loads(line)["front"] == front:
                        return number + 1
                return 0

            seen = wait_for(lambda: saw(["firefox", FACEBOOK, window.pid]), "the window")
            kwin.restart()
            seen = wait_for(lambda: saw(None, seen), "the probe to forget the old KWin's window")
            telegram = kwin.open_window("org.telegram.desktop", "Telegram")
            telegram.focus()
            expected = ["telegram-desktop", "Telegram", telegram.pid]
            wait_for(lambda: saw(expected, seen), "the script in the new KWin", timeout=30)
            assert watcher.poll() is None, user.log("watch.log")
            assert "Traceback" not in user.log("watch.log", tail=1 << 20)
    finally:
        user.cleanup()
