"""The recorder's end of the bridge, over real AF_UNIX sockets in a private temporary folder:
freshness, pid match, non-social hosts reduced to "other" at once, private tabs, permissions,
restarts, and a canary hostname that must leave no trace on disk after a tracker run."""

from __future__ import annotations

import json
import os
import shutil
import socket
import stat
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from fakes import FakeClock, FakeProbe
from helpers import ROOT
from xserver import wait_for

from socialtime.browser.bridge import (
    NO_BROWSER,
    OTHER,
    BrowserBridge,
    bridge_status,
    socket_path,
)
from socialtime.browser.host import RecorderLink
from socialtime.browser.protocol import Relay, encode
from socialtime.probes.base import Check, Foreground
from socialtime.recording.consent import NOTICE_VERSION
from socialtime.recording.store import Store
from socialtime.recording.tracker import Tracker
from socialtime.rules.sites import classify, load_catalogue
from socialtime.rules.work_hours import WorkHours
from socialtime.settings import Config

PID = 31337
T0 = 1_800_000_000.0
CANARY = "canary-q7zx3.example.org"
ALL_DAYS = WorkHours.from_strings(
    {d: "00:00-24:00" for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}
)


@pytest.fixture
def runtime() -> Iterator[Path]:
    """A short private folder: a socket path must fit in 108 bytes, pytest's tmp_path may not."""
    path = Path(tempfile.mkdtemp(prefix="st-", dir="/tmp"))
    yield path
    shutil.rmtree(path, ignore_errors=True)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock(T0)


def names(pid: int) -> str:
    """The process names of the test's "browsers" (probes.base.process_name stands in)."""
    return {PID: "chromium", PID + 1: "firefox-esr"}.get(pid, "")


@pytest.fixture
def bridge(runtime: Path, clock: FakeClock) -> Iterator[BrowserBridge]:
    bridge = BrowserBridge(
        load_catalogue(), 5.0, runtime / "socialtime" / "bridge.sock", clock, process_name=names
    )
    assert bridge.start(), bridge.problem
    yield bridge
    bridge.stop()


@pytest.fixture
def link(bridge: BrowserBridge) -> Iterator[RecorderLink]:
    link = RecorderLink(bridge.path)
    yield link
    link.close()


def front(pid: int | None = PID, title: str = "Some page - Chromium") -> Foreground:
    return Foreground("chromium", title, pid)


def report(
    link: RecorderLink,
    host: str | None,
    pid: int = PID,
    when: float = T0,
    focused: bool | None = None,
    audible: bool | None = None,
) -> None:
    assert link.send(Relay(host, pid, when, focused, audible).encode())


def arrived(
    bridge: BrowserBridge,
    expected: str | None,
    pid: int = PID,
    focused: bool | None = None,
    stamp: float | None = None,
    audible: bool | None = None,
) -> None:
    """Wait until the bridge holds ``expected`` for ``pid`` (sockets are asynchronous), and
    the focus and the sound, and the time of the report when given (a repeated report looks
    the same)."""

    def holds() -> bool:
        with bridge._lock:
            got = bridge._reports.get(pid)
        return (
            got is not None
            and (got.host, got.focused, got.audible) == (expected, focused, audible)
            and stamp in (None, got.stamp)
        )

    wait_for(holds, f"the bridge to hold {expected!r} for pid {pid}")


# --- what the tracker gets -----------------------------------------------------------------------


def test_a_fresh_report_for_the_browser_in_front(bridge, link):
    report(link, "www.facebook.com")
    arrived(bridge, "www.facebook.com")
    assert bridge.host_for(front(), T0) == "www.facebook.com"
    assert bridge.max_age == 2 * 5 + 3
    assert bridge.host_for(front(), T0 + bridge.max_age) == "www.facebook.com"
    assert bridge.host_for(front(), T0 + bridge.max_age + 0.01) is None  # stale: title rules
    assert bridge.host_for(front(), T0 - 5) is None  # a clock that went back: not trusted


def test_only_for_the_browser_that_reported(bridge, link):
    report(link, "www.facebook.com", pid=PID)
    arrived(bridge, "www.facebook.com")
    assert bridge.host_for(front(PID + 1), T0) is None  # another browser, or another app
    assert bridge.host_for(front(None), T0) is None  # a window whose pid is unknown
    assert bridge.host_for(Foreground("xterm", "facebook.com", PID + 2), T0) is None


def test_a_report_from_the_future_counts_from_now(bridge, link, clock):
    report(link, "www.youtube.com", when=T0 + 3600)
    arrived(bridge, "www.youtube.com")
    assert bridge.host_for(front(), T0 + bridge.max_age) == "www.youtube.com"
    assert bridge.host_for(front(), T0 + bridge.max_age + 1) is None


def test_whether_the_tab_plays_is_trusted_like_the_hostname(bridge, link):
    report(link, "www.youtube.com", audible=True)
    arrived(bridge, "www.youtube.com", audible=True)
    assert bridge.audible_for(front(), T0) is True
    assert bridge.audible_for(front(), T0 + bridge.max_age) is True
    assert bridge.audible_for(front(), T0 + bridge.max_age + 0.01) is None  # stale: the desktop
    assert bridge.audible_for(front(), T0 - 5) is None
    assert bridge.audible_for(front(PID + 1), T0) is None  # another browser, or another app
    assert bridge.audible_for(front(None), T0) is None
    report(link, "www.youtube.com", audible=False)  # paused, or muted
    arrived(bridge, "www.youtube.com", audible=False)
    assert bridge.audible_for(front(), T0) is False
    report(link, CANARY, audible=True)  # a page that is not social may play too: "other"
    arrived(bridge, OTHER, audible=True)
    assert bridge.audible_for(front(), T0) is True
    report(link, "www.youtube.com")  # an older extension says nothing of it
    arrived(bridge, "www.youtube.com")
    assert bridge.audible_for(front(), T0) is None
    assert bridge.host_for(front(), T0) == "www.youtube.com"


def test_the_tab_that_plays_counts_while_the_user_is_idle(bridge, link, clock):
    store = Store(":memory:")
    store.set_consent(NOTICE_VERSION, 0.0)
    probe = FakeProbe()
    probe.show("chromium", "Cats - YouTube - Chromium", PID)
    config = Config(sample_seconds=5, idle_seconds=180, work_hours=ALL_DAYS)
    tracker = Tracker(
        store, probe, config, bridge.catalogue, clock, host_source=bridge.host_for,
        media=(bridge.audible_for,),
    )  # fmt: skip

    def watch(audible: bool | None, seconds: float = 30) -> None:
        end = clock.t + seconds
        while clock.t < end:
            clock.advance(5)
            report(link, "www.youtube.com", when=clock.t, audible=audible)
            arrived(bridge, "www.youtube.com", audible=audible, stamp=clock.t)
            tracker.tick()

    probe.idle = 600.0  # ten minutes without input
    tracker.tick()
    watch(True)
    assert store.totals(0, clock.t + 1).sites == {"youtube.com": 25}
    watch(False)  # paused: idle again
    watch(None)  # an older extension: whether it plays is unknown, so idle
    assert store.totals(0, clock.t + 1).sites == {"youtube.com": 25}
    store.close()


def test_a_host_outside_the_catalogue_becomes_other_at_once(bridge, link):
    report(link, CANARY)
    arrived(bridge, OTHER)
    host = bridge.host_for(front(title="Facebook - Chromium"), T0)
    assert host == OTHER
    # The browser knows better than the title: not social, even though the title says Facebook.
    assert classify("chromium", "Facebook - Chromium", bridge.catalogue, host=host) is None
    assert CANARY not in repr(vars(bridge)) and CANARY not in repr(bridge._reports)


def test_a_private_tab_is_never_counted_by_hostname(bridge, link):
    report(link, "www.linkedin.com")
    arrived(bridge, "www.linkedin.com")
    report(link, None)  # the user switched to a private window
    arrived(bridge, None)
    assert bridge.host_for(front(), T0) is None
    catalogue = bridge.catalogue
    assert classify("chromium", "New Incognito Tab - Chromium", catalogue, host=None) is None


def test_a_closed_browser_is_forgotten(bridge, link):
    report(link, "www.reddit.com")
    arrived(bridge, "www.reddit.com")
    assert bridge.connected() and bridge.browsers() == 1
    link.close()
    wait_for(lambda: not bridge.connected(), "the bridge to see the browser go")
    assert bridge.host_for(front(), T0) is None


def test_junk_on_the_socket_is_dropped_and_the_connection_goes_on(bridge, link):
    assert link.send(encode({"host": "x.com/path", "pid": PID, "time": T0}))
    assert link.send(b"\x05\x00\x00\x00nope!")
    assert link.send(encode({"host": "www.tiktok.com", "pid": PID, "time": T0, "x": 1}))
    report(link, "www.instagram.com")
    arrived(bridge, "www.instagram.com")


def test_new_settings_apply_to_new_reports(bridge, link):
    report(link, "www.facebook.com")
    arrived(bridge, "www.facebook.com")
    bridge.update(load_catalogue(disabled=["facebook.com"]), sample_seconds=1)
    assert bridge.max_age == 5
    report(link, "www.facebook.com")
    arrived(bridge, OTHER)


# --- the socket ----------------------------------------------------------------------------------


def test_the_socket_is_for_this_user_only(bridge):
    assert stat.S_IMODE(os.stat(bridge.path).st_mode) == 0o600
    assert stat.S_ISSOCK(os.stat(bridge.path).st_mode)
    assert stat.S_IMODE(os.stat(bridge.path.parent).st_mode) == 0o700


def test_a_loose_folder_is_tightened(runtime, clock):
    (runtime / "socialtime").mkdir(mode=0o755)
    os.chmod(runtime / "socialtime", 0o755)
    bridge = BrowserBridge(load_catalogue(), 5.0, runtime / "socialtime" / "bridge.sock", clock)
    try:
        assert bridge.start()
        assert stat.S_IMODE(os.stat(runtime / "socialtime").st_mode) == 0o700
    finally:
        bridge.stop()
    assert not bridge.path.exists()


@pytest.mark.skipif(os.geteuid() != 0, reason="needs root to run a peer as another user")
def test_another_user_is_refused(bridge, runtime):
    os.chmod(runtime, 0o711)  # let the other user reach the socket at all
    os.chmod(bridge.path.parent, 0o711)
    os.chmod(bridge.path, 0o666)
    child = f"""
import os, socket, sys
os.setgid(65534); os.setuid(65534)
s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
s.settimeout(10)
s.connect({str(bridge.path)!r})
try:
    s.sendall({encode({"host": "www.facebook.com", "pid": 4321, "time": T0})!r})
    sys.exit(0 if s.recv(10) == b"" else 1)  # the bridge hangs up on it...
except (BrokenPipeError, ConnectionResetError):
    sys.exit(0)  # ...maybe before it could even write
"""
    done = subprocess.run([sys.executable, "-c", child], capture_output=True, timeout=20)
    assert done.returncode == 0, done.stderr
    assert bridge.host_for(front(4321), T0) is None


def test_one_bridge_per_runtime_folder(bridge, clock):
    second = BrowserBridge(load_catalogue(), 5.0, bridge.path, clock)
    assert not second.start()
    assert "another socialtime" in (second.problem or "")
    assert second.diagnose().ok is False
    second.stop()  # harmless, and must not remove the first one's socket
    assert bridge.path.exists()


def test_a_restarted_recorder_gets_reports_again(bridge, link, clock):
    report(link, "www.facebook.com")
    arrived(bridge, "www.facebook.com")
    bridge.stop()
    assert not bridge.path.exists()
    again = BrowserBridge(load_catalogue(), 5.0, bridge.path, clock)
    assert again.start(), again.problem
    try:
        report(link, "www.youtube.com")  # the old connection is dead: the link reconnects
        arrived(again, "www.youtube.com")
    finally:
        again.stop()


def test_a_stale_socket_from_a_killed_recorder_is_replaced(runtime, clock):
    path = runtime / "socialtime" / "bridge.sock"
    path.parent.mkdir(mode=0o700)
    dead = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    dead.bind(str(path))
    dead.close()  # the file stays, as after kill -9
    bridge = BrowserBridge(load_catalogue(), 5.0, path, clock)
    link = RecorderLink(path)
    try:
        assert bridge.start(), bridge.problem
        report(link, "www.x.com")
        arrived(bridge, "www.x.com")
    finally:
        link.close()
        bridge.stop()


def test_a_link_without_recorder_drops_quietly_and_retries_at_most_once_a_second(runtime):
    now = [0.0]
    link = RecorderLink(runtime / "nobody.sock", clock=lambda: now[0])
    assert not link.send(b"x")
    assert not link.send(b"x")  # no second attempt within the second
    now[0] = 1.5
    assert not link.send(b"x")


def test_too_long_a_path_is_said_clearly(tmp_path, clock):
    bridge = BrowserBridge(load_catalogue(), 5.0, tmp_path / ("x" * 120) / "bridge.sock", clock)
    assert not bridge.start()
    assert "too long" in (bridge.problem or "")


def test_where_the_socket_lives(tmp_path):
    run = tmp_path / "run"
    run.mkdir()
    assert socket_path(tmp_path / "d", {"XDG_RUNTIME_DIR": str(run)}) == run / "socialtime" / (
        "bridge.sock"
    )
    assert socket_path(tmp_path / "d", {}) == tmp_path / "d" / "bridge.sock"
    assert socket_path(None, {"SOCIALTIME_DATA_DIR": str(tmp_path / "e")}) == (
        tmp_path / "e" / "bridge.sock"
    )
    assert socket_path(tmp_path / "d", {"XDG_RUNTIME_DIR": "relative"}).parent == tmp_path / "d"


# --- the browser that says it has the focus, where the desktop shows no window -------------


def test_the_browser_that_says_it_has_the_focus_is_the_window_in_front(bridge, link, clock):
    assert bridge.focused_window(T0) is None
    report(link, "www.facebook.com", focused=True)
    arrived(bridge, "www.facebook.com", focused=True)
    assert bridge.focused_window(T0) == Foreground("chromium", "", PID)
    assert bridge.focused_window(T0 + bridge.max_age) == Foreground("chromium", "", PID)
    assert bridge.focused_window(T0 + bridge.max_age + 0.01) is None  # not fresh: nothing
    assert bridge.host_for(Foreground("chromium", "", PID), T0) == "www.facebook.com"
    report(link, None, focused=False)  # another application came in front
    arrived(bridge, None, focused=False)
    assert bridge.focused_window(T0) is None


def test_a_private_window_in_front_tells_nothing(bridge, link):
    """The extension says "not focused" for a private window: no browser is in front."""
    report(link, None, focused=False)
    arrived(bridge, None, focused=False)
    assert bridge.focused_window(T0) is None


def test_an_older_extension_never_makes_its_browser_the_window_in_front(bridge, link):
    report(link, "www.facebook.com")  # no "focused": unknown, not taken for yes
    arrived(bridge, "www.facebook.com")
    assert bridge.focused_window(T0) is None
    assert bridge.focus_browsers() == 0


def test_of_two_browsers_that_say_so_the_one_focused_last_wins(bridge, runtime, clock):
    first, second = RecorderLink(bridge.path), RecorderLink(bridge.path)
    try:
        report(first, "www.facebook.com", PID, T0, True)
        arrived(bridge, "www.facebook.com", PID, True)
        report(second, "x.com", PID + 1, clock.advance(1), True)
        arrived(bridge, "x.com", PID + 1, True)
        report(first, "www.facebook.com", PID, clock.advance(1), True)  # a heartbeat only
        arrived(bridge, "www.facebook.com", PID, True, clock.t)
        clock.advance(1)
        assert bridge.focused_window(clock.t) == Foreground("firefox-esr", "", PID + 1)
        assert bridge.focus_browsers() == 2
        first.close()  # that browser closed: its report goes with it
        wait_for(lambda: bridge.browsers() == 1, "the bridge to forget the first browser")
        assert bridge.focused_window(clock.t) == Foreground("firefox-esr", "", PID + 1)
    finally:
        first.close()
        second.close()


def test_the_tracker_counts_the_focused_browser_when_no_window_is_seen(bridge, link, clock):
    """GNOME without an extension: the probe sees no window but knows the idle time."""
    store = Store(":memory:")
    store.set_consent(NOTICE_VERSION, 0.0)
    probe = FakeProbe(front=None, idle=0.0)
    config = Config(sample_seconds=5, idle_seconds=180, work_hours=ALL_DAYS)
    tracker = Tracker(
        store,
        probe,
        config,
        bridge.catalogue,
        clock,
        host_source=bridge.host_for,
        front_source=bridge.focused_window,
    )

    def show(host: str | None, focused: bool, seconds: float = 20) -> None:
        end = clock.t + seconds
        while clock.t < end:  # the extension's heartbeat keeps its report fresh
            report(link, host, when=clock.t, focused=focused)
            arrived(bridge, OTHER if host == CANARY else host, focused=focused, stamp=clock.t)
            clock.advance(5)
            tracker.tick()

    tracker.tick()
    show("www.facebook.com", True)
    show(None, False)  # another app (or a private window) in front: "other"
    show("www.youtube.com", True)
    show(CANARY, True)  # a page that is not social: "other"
    probe.show("telegram-desktop", "Telegram", 777)  # a window seen again: the probe wins
    show("www.facebook.com", True)
    spans = [(s.end - s.start, s.site) for s in store.spans()]
    store.close()
    assert spans == [(20, "facebook.com"), (20, None), (20, "youtube.com"), (20, None),
                     (20, "telegram.org")]  # fmt: skip


def test_doctor_asks_the_running_bridge(bridge, link, runtime):
    assert bridge_status(bridge.path).detail == NO_BROWSER
    report(link, "www.facebook.com")
    arrived(bridge, "www.facebook.com")
    status = bridge_status(bridge.path)
    assert status.ok and status.detail == "connected (1 browser)"  # an older extension
    assert bridge.diagnose().ok
    report(link, "www.facebook.com", audible=False)
    arrived(bridge, "www.facebook.com", audible=False)
    status = bridge_status(bridge.path)
    assert status.detail == (
        "connected (1 browser), 1 of them tells whether the tab in front plays sound"
    )
    missing = bridge_status(runtime / "elsewhere.sock")
    assert not missing.ok and "not listening" in missing.detail


def test_doctor_says_when_the_browser_is_what_is_seen_in_front(bridge, link, runtime, monkeypatch):
    from socialtime.cli.browser import doctor_checks

    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))  # where doctor finds this bridge
    probe = [Check("foreground window", False, "run `socialtime desktop install`"),
             Check("idle time", True, "Mutter")]  # fmt: skip
    front, idle, line = doctor_checks(probe, runtime / "data")
    assert not front.ok and front.detail.startswith("run `socialtime desktop install`; meanwhile")
    assert idle == probe[1] and line.name == "browser bridge" and not line.ok
    report(link, "www.facebook.com")  # an older extension: no focus told
    arrived(bridge, "www.facebook.com")
    front, _, line = doctor_checks(probe, runtime / "data")
    assert not front.ok and line.ok
    report(link, "www.facebook.com", focused=True)
    arrived(bridge, "www.facebook.com", focused=True)
    front, _, line = doctor_checks(probe, runtime / "data")
    assert front.ok and line.ok
    assert front.detail.startswith(
        "from the browser extension only: 1 browser tells when one of its windows has the focus"
    )
    assert front.detail.endswith("to see every window: run `socialtime desktop install`")
    seen = [Check("foreground window", True, "sway"), probe[1]]
    assert doctor_checks(seen, runtime / "data")[:2] == seen  # a probe that sees: unchanged


def test_doctor_tells_the_bridge_in_french(bridge, link, runtime, french):
    missing = bridge_status(runtime / "elsewhere.sock")
    assert missing.label == "passerelle du navigateur"
    assert missing.detail.startswith("pas d'écoute\u00a0: lancez socialtime")
    assert bridge_status(bridge.path).detail.startswith("aucun navigateur n'est connecté")
    report(link, "www.facebook.com")
    arrived(bridge, "www.facebook.com")
    assert bridge_status(bridge.path).detail == "connecté (1 navigateur)"


# --- socialtime browser-host, as the browser runs it -----------------------------------------


def frames(*docs: object) -> bytes:
    return b"".join(
        len(raw).to_bytes(4, sys.byteorder) + raw for raw in (json.dumps(d).encode() for d in docs)
    )


def browser_host(runtime: Path) -> subprocess.Popen[bytes]:
    env = dict(os.environ, XDG_RUNTIME_DIR=str(runtime))
    return subprocess.Popen(
        [sys.executable, "-m", "socialtime", "browser-host", "chrome-extension://abc/"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env,
        cwd=ROOT,
    )


def test_browser_host_relays_with_its_parent_pid(bridge, runtime):
    host = browser_host(runtime)
    try:
        assert host.stdin is not None
        host.stdin.write(frames({"host": "junk/path"}, {"host": "www.youtube.com"}, {"oops": 1}))
        host.stdin.flush()
        arrived(bridge, "www.youtube.com", pid=os.getpid())  # we are the "browser" here
        assert bridge.connected()
        out, err = host.communicate(timeout=30)  # end of input: the browser closed the port
    finally:
        if host.poll() is None:
            host.kill()
            host.wait(10)
    assert host.returncode == 0
    assert out == b""  # stdout belongs to the protocol
    assert b"dropped" in err and b"junk" not in err
    wait_for(lambda: not bridge.connected(), "the bridge to see browser-host go")


def test_browser_host_without_a_recorder_exits_cleanly(runtime):
    host = browser_host(runtime)
    out, err = host.communicate(frames({"host": "www.youtube.com"}), timeout=30)
    assert host.returncode == 0, err
    assert out == b""


# --- the canary: a tracker run leaves no trace of a non-social hostname ----------------------


def all_bytes(directory: Path) -> bytes:
    return b"".join(p.read_bytes() for p in sorted(directory.rglob("*")) if p.is_file())


def test_a_non_social_hostname_leaves_no_trace_on_disk(bridge, link, clock, tmp_path):
    data = tmp_path / "data"
    store = Store.open(data)
    store.set_consent(NOTICE_VERSION, 0.0)
    probe = FakeProbe()
    config = Config(sample_seconds=5, idle_seconds=180, work_hours=ALL_DAYS)
    tracker = Tracker(store, probe, config, bridge.catalogue, clock, host_source=bridge.host_for)

    def show(title: str, host: str | None, expected: str | None, seconds: float = 20) -> None:
        probe.show("chromium", title, PID)
        report(link, host, when=clock.t)
        arrived(bridge, expected)
        end = clock.t + seconds
        while clock.t < end:
            clock.advance(5)
            tracker.tick()

    tracker.tick()
    show(f"{CANARY} - Chromium", CANARY, OTHER)
    show("Feed | LinkedIn - Chromium", "www.linkedin.com", "www.linkedin.com")
    show("A page titled Facebook - Chromium", CANARY, OTHER)  # host wins over the title
    show("New Incognito Tab - Chromium", None, None)  # private: title rules, not social
    show("(2) Facebook - Chromium", None, None)  # private: title rules say Facebook
    store.close()

    store = Store.open(data)
    spans = [(s.end - s.start, s.site) for s in store.spans()]
    store.close()
    assert spans == [(20, None), (20, "linkedin.com"), (40, None), (20, "facebook.com")]
    assert CANARY.encode() not in all_bytes(data)
    assert b"canary" not in all_bytes(data)
    assert CANARY not in repr(bridge._reports)
