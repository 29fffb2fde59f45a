"""Watching is not idle: the tick rule for a window in front that plays, with a fake clock, a
fake probe and fake media sources (nothing here sleeps).

The rule (socialtime.recording.tracker): once idle for ``idle_seconds``, time goes on counting
while the window in front plays, until ``media_max_minutes`` after the last input; lock,
suspend, pause, work hours and consent come first; nothing about media is stored.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from fakes import FakeClock, FakeProbe

from socialtime.probes.base import Foreground
from socialtime.recording.consent import NOTICE_VERSION
from socialtime.recording.store import Store
from socialtime.recording.tracker import State, Tracker
from socialtime.rules.sites import load_catalogue
from socialtime.rules.work_hours import WorkHours
from socialtime.settings import Config

PARIS = ZoneInfo("Europe/Paris")
HOURS = WorkHours.from_strings(
    {d: "09:00-12:30, 13:30-18:00" for d in ("mon", "tue", "wed", "thu", "fri")}, tz=PARIS
)
IDLE = 180  # the idle threshold of these tests, in seconds


def at(day: int, hour: int, minute: int = 0, second: int = 0) -> float:
    """An instant in November 2026, Paris time (the 23rd is a Monday)."""
    return datetime(2026, 11, day, hour, minute, second, tzinfo=PARIS).timestamp()


class Media:
    """A media source: says ``answer`` for the window whose pid is ``pid``, None for others;
    remembers what it was asked."""

    def __init__(self, answer: bool | None = True, pid: int = 1234) -> None:
        self.answer = answer
        self.pid = pid
        self.asked: list[tuple[Foreground, float]] = []

    def __call__(self, foreground: Foreground, now: float) -> bool | None:
        self.asked.append((foreground, now))
        return self.answer if foreground.pid == self.pid else None


class Desk:
    """A tracker whose probe's idle time follows the fake clock from the last ``touch()``."""

    def __init__(self, media_max_minutes: int = 60, *sources: Media) -> None:
        self.store = Store(":memory:")
        self.store.set_consent(NOTICE_VERSION, 0.0)
        self.probe = FakeProbe()
        self.probe.show("firefox", "Cats - YouTube — Mozilla Firefox")
        self.clock = FakeClock(at(23, 10))
        self.config = Config(
            sample_seconds=5, idle_seconds=IDLE, media_max_minutes=media_max_minutes,
            work_hours=HOURS,
        )  # fmt: skip
        self.tracker = Tracker(
            self.store, self.probe, self.config, load_catalogue(), clock=self.clock,
            media=sources,
        )  # fmt: skip
        self.last_input = self.clock.t

    def touch(self) -> None:
        """Keyboard or mouse input now."""
        self.last_input = self.clock.t
        self.probe.idle = 0.0

    def run(self, seconds: float, step: float = 5.0) -> list:
        results = []
        end = self.clock.t + seconds
        while self.clock.t < end:
            self.clock.advance(step)
            self.probe.idle = self.clock.t - self.last_input
            results.append(self.tracker.tick())
        return results

    def spans(self) -> list[tuple[float, float, str | None]]:
        return [(s.start, s.end, s.site) for s in self.store.spans()]

    def active(self) -> float:
        return self.store.totals(0, self.clock.t + 1).active_seconds


@pytest.fixture
def playing() -> Media:
    return Media(True)


def test_a_social_site_that_plays_keeps_counting_without_input(playing):
    desk = Desk(60, playing)
    t0 = desk.clock.t
    desk.tracker.tick()
    results = desk.run(600)  # ten minutes without input: more than three idle thresholds
    assert {r.state for r in results} == {State.RECORDING}
    assert desk.spans() == [(t0, t0 + 600, "youtube.com")]  # one span, across the threshold
    # Before the threshold the ticks counted as usual; after it, because of the media.
    assert [r.media for r in results[: IDLE // 5 - 1]] == [False] * (IDLE // 5 - 1)
    assert all(r.media for r in results[IDLE // 5 :])


def test_without_media_idle_is_unchanged():
    silent = Media(False)
    desk = Desk(60, silent)
    desk.tracker.tick()
    results = desk.run(600)
    assert results[-1].state is State.IDLE and not results[-1].media
    assert desk.active() == IDLE - 5  # the last tick below the threshold, as without media
    assert silent.asked  # it was asked, and said no


def test_no_media_source_at_all_is_idle_as_before():
    desk = Desk(60)
    desk.tracker.tick()
    desk.run(600)
    assert desk.active() == IDLE - 5


def test_the_sources_are_asked_only_once_the_user_is_idle(playing):
    desk = Desk(60, playing)
    desk.tracker.tick()
    desk.run(IDLE - 5)
    assert playing.asked == []  # an ordinary tick costs nothing more than before
    desk.run(5)
    assert len(playing.asked) == 1
    foreground, now = playing.asked[0]
    assert foreground.pid == 1234 and now == desk.clock.t


def test_media_and_a_locked_screen_count_nothing(playing):
    desk = Desk(60, playing)
    desk.tracker.tick()
    desk.run(IDLE + 60)
    recorded = desk.active()
    desk.probe.lock = True  # locked (or suspended: LockAwareProbe says locked) while it plays
    results = desk.run(300)
    assert {r.state for r in results} == {State.LOCKED}
    assert desk.active() == recorded


def test_media_outside_work_hours_counts_nothing(playing):
    desk = Desk(60, playing)
    desk.clock.t = at(23, 12, 25)
    desk.last_input = desk.clock.t
    desk.tracker.tick()
    results = desk.run(600)  # 12:25 to 12:35: lunch starts at 12:30
    assert desk.active() == 300  # up to 12:30, not a second of lunch
    assert results[-1].state is State.OUTSIDE_HOURS
    desk.clock.t = at(28, 10)  # a Saturday
    desk.last_input = desk.clock.t
    results = desk.run(300)
    assert {r.state for r in results} == {State.OUTSIDE_HOURS}
    assert desk.active() == 300


def test_media_while_paused_counts_nothing(playing):
    desk = Desk(60, playing)
    desk.tracker.tick()
    desk.run(IDLE + 60)
    recorded = desk.active()
    desk.store.set_paused_until(desk.clock.t + 300)
    results = desk.run(300)
    assert {r.state for r in results[:-1]} == {State.PAUSED}
    assert desk.active() == recorded  # the tick at the pause's end counts from then on only
    desk.run(60)
    assert desk.active() == recorded + 60


def test_media_in_a_window_that_is_not_social_is_other_active_time():
    call = Media(True, pid=4242)
    desk = Desk(60, call)
    desk.probe.show("zoom", "Zoom Meeting", pid=4242)  # a video call, nobody typing
    t0 = desk.clock.t
    desk.tracker.tick()
    results = desk.run(600)
    assert {r.state for r in results} == {State.RECORDING}
    assert desk.spans() == [(t0, t0 + 600, None)]  # "other", as any active time
    totals = desk.store.totals(0, desk.clock.t + 1)
    assert totals.social_seconds == 0 and totals.active_seconds == 600


def test_the_cap_counts_from_the_last_input(playing):
    desk = Desk(10, playing)  # ten minutes
    t0 = desk.clock.t
    desk.tracker.tick()
    results = desk.run(3600)  # an hour of video, never touched
    assert desk.spans() == [(t0, t0 + 600 - 5, "youtube.com")]  # the last tick before 10 min
    assert results[-1].state is State.IDLE
    desk.touch()  # back at the keyboard: counting resumes, and so does the cap
    t1 = desk.clock.t
    desk.run(900)
    assert desk.spans()[-1] == (t1 + 5, t1 + 600 - 5, "youtube.com")
    assert desk.active() == 2 * 595 - 5  # the first tick after input starts afresh


def test_a_cap_shorter_than_the_idle_threshold_adds_nothing(playing):
    desk = Desk(2, playing)  # 2 minutes < the 3-minute idle threshold
    desk.tracker.tick()
    desk.run(600)
    assert desk.active() == IDLE - 5
    assert playing.asked == []  # past the cap already: not even asked


def test_switched_off_it_is_idle_as_before_and_asks_no_source(playing):
    desk = Desk(0, playing)
    desk.tracker.tick()
    results = desk.run(600)
    assert results[-1].state is State.IDLE
    assert desk.active() == IDLE - 5
    assert playing.asked == []


def test_playback_that_stops_stops_counting_at_the_next_tick(playing):
    desk = Desk(60, playing)
    desk.tracker.tick()
    desk.run(IDLE + 60)
    playing.answer = False  # paused, or muted
    results = desk.run(60)
    assert {r.state for r in results} == {State.IDLE}
    assert desk.active() == IDLE + 60
    playing.answer = True  # playing again, still without input: counts from this tick on
    desk.run(20)
    assert desk.active() == IDLE + 60 + 15


def test_the_first_source_that_can_tell_answers():
    browser, desktop = Media(False), Media(True)  # the tab in front is silent; the browser's
    desk = Desk(60, browser, desktop)  # process plays (another tab): the tab wins
    desk.tracker.tick()
    desk.run(IDLE + 60)
    assert desk.active() == IDLE - 5
    assert desktop.asked == []
    browser.answer = None  # the extension cannot tell (not installed, report too old)
    desk.run(30)
    assert desk.active() == IDLE - 5 + 25
    assert desktop.asked


def test_a_window_without_a_pid_or_nothing_in_front_is_idle(playing):
    desk = Desk(60, playing)
    desk.tracker.tick()
    desk.run(IDLE)
    desk.probe.front = None
    assert desk.run(10)[-1].state is State.IDLE
    desk.probe.show("firefox", "Cats - YouTube — Mozilla Firefox", pid=None)
    assert desk.run(10)[-1].state is State.IDLE


def test_a_suspend_while_playing_adds_at_most_two_intervals(playing):
    desk = Desk(60, playing)
    desk.tracker.tick()
    desk.run(IDLE + 60)
    before = desk.active()
    desk.clock.advance(1200)  # the lid closed; on resume, still idle and still playing
    desk.probe.idle = desk.clock.t - desk.last_input
    result = desk.tracker.tick()
    assert result.seconds == 10.0
    assert desk.active() == before + 10


def test_the_media_flag_never_reaches_the_database(playing):
    """The canary: ten minutes watched without input leave exactly the database that ten
    minutes of typing leave, and no table or column speaks of media."""
    watched = Desk(60, playing)
    watched.tracker.tick()
    watched.run(600)
    typed = Desk(60)
    typed.tracker.tick()
    for _ in range(120):
        typed.touch()
        typed.run(5)
    dump = list(watched.store.conn.iterdump())
    assert dump == list(typed.store.conn.iterdump())
    text = "\n".join(dump).lower()
    for word in ("audible", "media", "playing", "sound", "video", "watch"):
        assert word not in text, word
