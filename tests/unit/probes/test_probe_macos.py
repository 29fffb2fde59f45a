"""The macOS probe on Linux with a fake pyobjc layer: titles, permissions, hosts, idle, lock."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fakes import FakeClock

from socialtime.probes.base import Foreground
from socialtime.probes.macos import (
    AUTOMATION_DENIED,
    RETRY_DENIED,
    URL_SCRIPTS,
    MacApi,
    MacProbe,
    host_from_url,
)
from socialtime.probes.session import SessionEvent

SAFARI = ("Safari", 501, "com.apple.Safari")
CHROME = ("Google Chrome", 502, "com.google.Chrome")
WORD = ("Microsoft Word", 503, "com.microsoft.Word")


class FakeMacApi:
    def __init__(self) -> None:
        self.front: tuple[str, int, str] | None = SAFARI
        self.trusted = True
        self.titles = {501: "Facebook", 502: "(2) Feed | LinkedIn", 503: "Report.docx"}
        self.urls: dict[str, tuple[str | None, int]] = {}
        self.scripts: list[str] = []
        self.title_asks: list[int] = []
        self.idle: float | None = 12.5
        self.callback: Callable[[SessionEvent], None] | None = None
        self.observe_fails = False
        self.prompted = 0

    def frontmost(self) -> tuple[str, int, str] | None:
        return self.front

    def accessibility_trusted(self) -> bool:
        return self.trusted

    def request_accessibility(self) -> bool:
        self.prompted += 1
        return self.trusted

    def focused_window_title(self, pid: int) -> str | None:
        self.title_asks.append(pid)
        return self.titles.get(pid)

    def run_applescript(self, source: str) -> tuple[str | None, int]:
        self.scripts.append(source)
        for bundle, answer in self.urls.items():
            if f'"{bundle}"' in source:
                return answer
        return None, -1728  # no such object (no window open)

    def idle_seconds(self) -> float | None:
        if self.idle is None:
            raise RuntimeError("CGEventSource failed")  # pyobjc raising is answered with None
        return self.idle

    def observe_session(self, callback: Callable[[SessionEvent], None]) -> bool:
        if self.observe_fails:
            raise ImportError("No module named 'AppKit'")
        self.callback = callback
        return True

    def pump(self, seconds: float) -> None:
        pass


def make() -> tuple[MacProbe, FakeMacApi, FakeClock]:
    api, clock = FakeMacApi(), FakeClock(1000.0)
    return MacProbe(api, clock=clock), api, clock


@pytest.mark.parametrize(
    ("url", "host"),
    [
        ("https://www.Facebook.com/groups/123?ref=secret#top", "www.facebook.com"),
        ("https://user:password@m.facebook.com:8443/x", "m.facebook.com"),
        ("http://linkedin.com", "linkedin.com"),
        ("https://x.com./home", "x.com"),
        ("https://[::1]:8080/", "::1"),
        ("file:///Users/me/secret.html", None),
        ("about:blank", None),
        ("favorites://", None),
        ("", None),
        (None, None),
        ("https://[broken/", None),
        ("https://host:99999999/", "host"),  # a bad port: the hostname alone is still right
    ],
)
def test_only_the_hostname_is_kept(url: str | None, host: str | None) -> None:
    assert host_from_url(url) == host


def test_safari_gives_title_and_hostname_only() -> None:
    probe, api, _ = make()
    api.urls["com.apple.Safari"] = ("https://www.facebook.com/messages/t/123?secret=1", 0)
    front = probe.foreground()
    assert front == Foreground("Safari", "Facebook", 501, host="www.facebook.com")
    assert "secret" not in repr(front) and "messages" not in repr(front)
    assert api.scripts == [URL_SCRIPTS["com.apple.Safari"]]
    assert 'application id "com.apple.Safari"' in api.scripts[0]


def test_chrome_family_uses_the_active_tab() -> None:
    probe, api, _ = make()
    api.front = CHROME
    api.urls["com.google.Chrome"] = ("https://www.linkedin.com/feed/", 0)
    assert probe.foreground() == Foreground(
        "Google Chrome", "(2) Feed | LinkedIn", 502, host="www.linkedin.com"
    )
    assert "active tab of front window" in api.scripts[0]


def test_other_apps_are_not_sent_apple_events() -> None:
    probe, api, _ = make()
    api.front = WORD
    assert probe.foreground() == Foreground("Microsoft Word", "Report.docx", 503)
    assert api.scripts == []


def test_without_accessibility_only_the_app_is_seen() -> None:
    probe, api, _ = make()
    api.trusted = False
    api.front = WORD
    assert probe.foreground() == Foreground("Microsoft Word", "", 503)
    assert api.title_asks == []  # the Accessibility API is not even asked
    assert api.prompted == 0  # and the probe never prompts on its own
    titles = next(c for c in probe.diagnose() if c.name == "window titles")
    assert not titles.ok
    assert "System Settings › Privacy & Security › Accessibility" in titles.detail
    assert probe.request_accessibility() is False and api.prompted == 1


def test_automation_refused_is_not_asked_again_for_a_while() -> None:
    probe, api, clock = make()
    api.urls["com.apple.Safari"] = (None, AUTOMATION_DENIED)
    assert probe.foreground() == Foreground("Safari", "Facebook", 501)
    assert probe.foreground() is not None
    assert len(api.scripts) == 1
    pages = next(c for c in probe.diagnose() if c.name == "browser pages")
    assert not pages.ok and "Privacy & Security › Automation" in pages.detail
    clock.advance(RETRY_DENIED)
    api.urls["com.apple.Safari"] = ("https://x.com/home", 0)
    assert probe.foreground().host == "x.com"  # type: ignore[union-attr]
    assert next(c for c in probe.diagnose() if c.name == "browser pages").ok


def test_no_window_open_is_asked_again_next_tick() -> None:
    probe, api, _ = make()
    assert probe.foreground().host is None  # type: ignore[union-attr]  # -1728: no document
    probe.foreground()
    assert len(api.scripts) == 2


def test_nothing_in_front_and_failures_are_none() -> None:
    probe, api, _ = make()
    api.front = None
    assert probe.foreground() is None
    api.idle = None
    assert probe.idle_seconds() is None
    assert "CGEventSource" in probe.last_error


def test_idle_from_cgeventsource() -> None:
    probe, _, _ = make()
    assert probe.idle_seconds() == 12.5


def test_sleep_wake_and_lock_notifications() -> None:
    probe, api, _ = make()
    assert probe.locked() is False  # subscribed on first use; the session is ours, unlocked
    assert api.callback is not None
    api.callback("locked")
    assert probe.locked() is True
    api.callback("unlocked")
    assert probe.locked() is False
    api.callback("suspend")
    api.callback("resume")
    assert probe.locked() is True  # a sleep between two ticks still stops one tick
    assert probe.locked() is False


def test_notifications_unavailable_is_said() -> None:
    probe, api, _ = make()
    api.observe_fails = True
    assert probe.locked() is None
    lock = probe.diagnose()[-1]
    assert lock.name == "screen lock" and not lock.ok and "AppKit" in lock.detail


def test_diagnose_all_good() -> None:
    probe, api, _ = make()
    checks = {c.name: c for c in probe.diagnose()}
    assert set(checks) == {
        "foreground window",
        "window titles",
        "browser pages",
        "idle time",
        "screen lock",
    }
    assert all(c.ok for c in checks.values()), checks


def test_real_api_imports_nothing_until_called() -> None:
    api = MacApi()  # pyobjc is not installed on Linux: constructing must not need it
    with pytest.raises(ImportError):
        api.frontmost()
    probe = MacProbe(api)
    assert probe.foreground() is None  # and the probe turns that into "cannot tell"
