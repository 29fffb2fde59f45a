"""End to end on a real, headless sway run by a test user: native Wayland windows (foot with
chosen app ids and titles), real focus changes, real idle time (org_kde_kwin_idle on sway 1.7),
the real ``socialtime track`` of that user, and its totals read back with ``report --json``."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator

import pytest
from desktop_user import DesktopUser, wait_for
from e2e_desk import CANARY, CANARY_APP, Desk, all_bytes, assert_matches, on_screen
from wayland_session import KeepActive, Sway

pytestmark = [pytest.mark.wayland, pytest.mark.slow]


@pytest.fixture
def desk(sway: Sway, request: pytest.FixtureRequest) -> Iterator[Desk]:
    yield Desk(sway, request.node.name)
    for window in list(sway.windows):
        window.close()


def test_records_each_native_wayland_window_as_it_was_on_screen(desk: Desk, sway: Sway) -> None:
    desk.run("consent", "--accept")
    facebook_title = "(3) Facebook — Mozilla Firefox"
    facebook = sway.open_window("firefox", facebook_title)
    notes = sway.open_window(CANARY_APP, f"notes {CANARY}.txt")
    telegram = sway.open_window("org.telegram.desktop", f"Telegram {CANARY}")  # the Flatpak's id
    mouse = KeepActive(sway)
    seen: dict[str, float] = {}
    other = 0.0
    try:
        notes.focus()
        mouse.on.set()
        with desk.tracking() as proc:
            at = desk.wait_for_state("recording")
            start = time.monotonic()
            facebook.focus()
            other += time.monotonic() - start  # notes was in front until the switch
            seen["facebook.com"] = on_screen(6)
            notes.focus()
            other += on_screen(4)
            telegram.focus()
            seen["telegram.org"] = on_screen(3)
            facebook.focus()
            sway.input()
            mouse.on.clear()  # hands off: idle_seconds = 3, so about 3 s still count
            idle_start = time.monotonic()
            at = desk.wait_for_state("idle", at, timeout=20)
            seen["facebook.com"] += 3.0
            on_screen(3)  # idle: none of this counts
            idle_for = time.monotonic() - idle_start
            mouse.on.set()
            desk.wait_for_state("recording", at)
            seen["facebook.com"] += on_screen(4)
            desk.stop(proc)
    finally:
        mouse.close()

    got = desk.report()
    print(f"reported: {got}")
    assert_matches(got, seen, other)
    assert idle_for > 5  # and none of it is in the totals above
    # Titles and app ids never reach the disk, not even in the WAL.
    stored = all_bytes(desk.data)
    for secret in (CANARY, CANARY_APP, "org.telegram.desktop", facebook_title, "Mozilla"):
        assert secret.encode() not in stored, secret


def test_doctor_says_what_it_sees_on_sway(desk: Desk, sway: Sway) -> None:
    window = sway.open_window("chromium", "(2) Feed | LinkedIn - Chromium")
    window.focus()
    out = desk.run("doctor")
    print(out)
    lines = {line.split(":", 1)[0]: line for line in out.splitlines() if line.startswith("[")}
    front = lines["[ok] foreground window"]
    assert "sway" in front and "wlr-foreign-toplevel-management" in front
    assert "in front: chromium (app id chromium)" in front
    assert "sway's IPC socket" in lines["[ok] window titles"]
    idle = lines["[ok] idle time"]
    assert "org_kde_kwin_idle" in idle and "told after 3 s without input" in idle


WATCH = """\
import json, sys, time
from socialtime.probes import make_probe
probe = make_probe(idle_threshold=lambda: 60)
end = time.monotonic() + float(sys.argv[1])
while time.monotonic() < end:
    front = probe.foreground()
    line = {"front": front and [front.process, front.title, front.pid]}
    print(json.dumps({**line, "idle": probe.idle_seconds()}), flush=True)
    time.sleep(0.1)
probe.close()
"""


def test_the_probe_finds_sway_again_after_a_restart(tmp_path_factory: pytest.TempPathFactory):
    """The probe, polled as `socialtime track` polls it, sees the pid of the window in front,
    loses sway when it dies, and finds the new sway on the same socket."""
    user = DesktopUser.create(tmp_path_factory.mktemp("sway-restart"))
    try:
        with Sway.start(user) as sway:
            script = user.write("watch.py", WATCH)
            window = sway.open_window("firefox", "(3) Facebook — Mozilla Firefox")
            window.focus()
            watcher = user.spawn([str(user.python), str(script), "60"], "watch.log", sway.env)

            def saw(front: list | None, after: int = 0) -> int:
                lines = user.log("watch.log", tail=1 << 20).splitlines()
                for number, line in enumerate(lines[after:], start=after):
                    if line.startswith("{") and json.loads(line)["front"] == front:
                        return number + 1
                return 0

            expected = ["firefox", "(3) Facebook — Mozilla Firefox", window.pid]
            seen = wait_for(lambda: saw(expected), "the window with its pid")
            display = sway.display
            sway.restart()
            assert sway.display == display
            seen = wait_for(lambda: saw(None, seen), "the probe to lose sway")
            telegram = sway.open_window("org.telegram.desktop", "Telegram")
            telegram.focus()
            # SWAYSOCK names the old sway's socket: no pid now, the window all the same.
            wait_for(lambda: saw(["telegram-desktop", "Telegram", None], seen), "the new sway")
            assert watcher.poll() is None, user.log("watch.log")
            assert "Traceback" not in user.log("watch.log", tail=1 << 20)
    finally:
        user.cleanup()


def test_on_sway_the_program_opens_no_network_socket(desk: Desk, sway: Sway) -> None:
    """Every socket `socialtime track` creates is logged by an audit hook (test_e2e_x11's):
    only Unix sockets (sway's Wayland and IPC sockets, the bridge's) may appear."""
    from test_e2e_x11 import NO_NETWORK

    user = desk.user
    wrapper = user.write("no_network.py", NO_NETWORK)
    log = user.write("sockets.log", "")
    desk.run("consent", "--accept")
    window = sway.open_window("firefox", "Some video - YouTube — Mozilla Firefox")
    window.focus()
    mouse = KeepActive(sway)
    mouse.on.set()
    argv = [str(user.python), str(wrapper), str(log), *desk.args("track")]
    proc = user.spawn(argv, desk.log, sway.env)
    try:
        desk.wait_for_state("recording")
        on_screen(3)
        desk.stop(proc)
    finally:
        mouse.close()
        if proc.poll() is None:
            proc.kill()
    assert log.read_text() == ""
    assert desk.report()["sites"].get("youtube.com", 0) >= 2  # it did record, hook and all
