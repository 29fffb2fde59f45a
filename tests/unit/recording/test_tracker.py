"""The tick rules, with a fake clock and a fake probe: nothing here sleeps."""

from datetime import datetime
from zoneinfo import ZoneInfo

import pytest
from fakes import FakeClock, FakeProbe

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


def at(day: int, hour: int, minute: int = 0, second: int = 0) -> float:
    """An instant in November 2026, Paris time (the 23rd is a Monday)."""
    return datetime(2026, 11, day, hour, minute, second, tzinfo=PARIS).timestamp()


@pytest.fixture
def env():
    store = Store(":memory:")
    store.set_consent(NOTICE_VERSION, 0.0)
    probe = FakeProbe()
    probe.show("firefox", "(3) Facebook — Mozilla Firefox")
    clock = FakeClock(at(23, 10))
    config = Config(sample_seconds=5, idle_seconds=180, work_hours=HOURS)
    tracker = Tracker(store, probe, config, load_catalogue(), clock=clock)
    yield tracker, store, probe, clock
    store.close()


def run(tracker, clock, seconds, step=5.0):
    results = []
    end = clock.t + seconds
    while clock.t < end:
        clock.advance(step)
        results.append(tracker.tick())
    return results


def spans(store):
    return [(s.start, s.end, s.site) for s in store.spans()]


def test_records_the_site_in_front_as_one_merged_span(env):
    tracker, store, probe, clock = env
    t0 = clock.t
    tracker.tick()  # the first tick only sets the starting point
    results = run(tracker, clock, 60)
    assert {r.state for r in results} == {State.RECORDING}
    assert spans(store) == [(t0, t0 + 60, "facebook.com")]


def test_switching_sites_splits_spans(env):
    tracker, store, probe, clock = env
    t0 = clock.t
    tracker.tick()
    run(tracker, clock, 20)
    probe.show("chromium", "Home / X - Chromium")
    run(tracker, clock, 10)
    probe.show("xterm", "vim notes.txt")
    run(tracker, clock, 15)
    assert spans(store) == [
        (t0, t0 + 20, "facebook.com"),
        (t0 + 20, t0 + 30, "x.com"),
        (t0 + 30, t0 + 45, None),
    ]


def test_a_title_in_a_non_browser_app_is_other_time(env):
    tracker, store, probe, clock = env
    probe.show("soffice.bin", "Facebook ads.xlsx - LibreOffice Calc")
    tracker.tick()
    run(tracker, clock, 10)
    assert store.totals(0, clock.t + 1).sites == {}
    assert store.totals(0, clock.t + 1).active_seconds == 10


def test_nothing_is_recorded_or_even_looked_at_without_consent(env):
    tracker, store, probe, clock = env
    store.withdraw_consent()
    tracker.tick()
    results = run(tracker, clock, 30)
    assert {r.state for r in results} == {State.NO_CONSENT}
    assert store.count() == 0
    assert probe.calls == 0


def test_withdrawing_consent_stops_at_the_next_tick(env):
    tracker, store, probe, clock = env
    tracker.tick()
    run(tracker, clock, 10)
    store.withdraw_consent()
    assert tracker.tick().state is State.NO_CONSENT
    run(tracker, clock, 30)
    assert store.totals(0, clock.t + 1).active_seconds == 10


def test_consent_given_later_counts_only_from_then_on(env):
    tracker, store, probe, clock = env
    store.withdraw_consent()
    tracker.tick()
    run(tracker, clock, 30)
    store.set_consent(NOTICE_VERSION, clock.t)
    accepted = clock.t
    run(tracker, clock, 20)
    assert min(s.start for s in store.spans()) >= accepted


def test_consent_to_an_older_notice_is_no_consent(env):
    tracker, store, probe, clock = env
    store.set_consent(NOTICE_VERSION - 1, 0.0)
    tracker.tick()
    run(tracker, clock, 10)
    assert store.count() == 0


def test_idle_time_is_not_counted(env):
    tracker, store, probe, clock = env
    tracker.tick()
    run(tracker, clock, 30)
    probe.idle = 180  # the threshold reached: from now on nothing counts
    results = run(tracker, clock, 300)
    assert {r.state for r in results} == {State.IDLE}
    probe.idle = 0.5
    run(tracker, clock, 20)  # the first active tick restarts counting, from itself
    assert store.totals(0, clock.t + 1).active_seconds == 30 + 15


def test_idle_below_the_threshold_still_counts(env):
    tracker, store, probe, clock = env
    probe.idle = 179
    tracker.tick()
    run(tracker, clock, 30)
    assert store.totals(0, clock.t + 1).active_seconds == 30


def test_a_locked_screen_counts_nothing(env):
    tracker, store, probe, clock = env
    tracker.tick()
    probe.lock = True
    results = run(tracker, clock, 30)
    assert {r.state for r in results} == {State.LOCKED}
    assert store.count() == 0


def test_a_suspend_or_clock_jump_adds_at_most_two_intervals(env):
    tracker, store, probe, clock = env
    tracker.tick()
    clock.advance(3600)  # suspended for an hour, the clock jumped
    result = tracker.tick()
    assert result.seconds == 10.0
    assert store.totals(0, clock.t + 1).active_seconds == 10.0


def test_a_clock_going_backwards_records_nothing(env):
    tracker, store, probe, clock = env
    tracker.tick()
    clock.advance(-600)
    assert tracker.tick().seconds == 0
    clock.advance(5)
    assert tracker.tick().seconds == 5
    assert store.totals(0, at(24, 0)).active_seconds == 5


def test_work_hour_edges_clip_the_interval(env):
    tracker, store, probe, clock = env
    clock.t = at(23, 12, 29, 52)
    tracker.tick()
    results = run(tracker, clock, 60)  # ticks at :57, 12:30:02, ... the lunch break
    assert results[0].state is State.RECORDING
    assert {r.state for r in results[1:]} == {State.OUTSIDE_HOURS}
    assert spans(store) == [(at(23, 12, 29, 52), at(23, 12, 30), "facebook.com")]


def test_recording_starts_exactly_when_work_hours_begin(env):
    tracker, store, probe, clock = env
    clock.t = at(23, 8, 59, 57)
    tracker.tick()
    run(tracker, clock, 10)  # ticks at 09:00:02 and 09:00:07
    assert spans(store) == [(at(23, 9), at(23, 9, 0, 7), "facebook.com")]


def test_nothing_is_recorded_on_weekends_or_at_night(env):
    tracker, store, probe, clock = env
    for start in (at(28, 10), at(29, 15), at(23, 22), at(24, 3)):  # Sat, Sun, night
        clock.t = start
        tracker.tick()
        results = run(tracker, clock, 30)
        assert {r.state for r in results} == {State.OUTSIDE_HOURS}
    assert store.count() == 0
    assert probe.calls == 0


def test_days_off_record_nothing(env):
    tracker, store, probe, clock = env
    from datetime import date

    tracker.config = Config(
        sample_seconds=5,
        work_hours=WorkHours(HOURS.days, days_off=frozenset({date(2026, 11, 23)}), tz=PARIS),
    )
    tracker.tick()
    run(tracker, clock, 30)
    assert store.count() == 0


def test_pause_until_a_time(env):
    tracker, store, probe, clock = env
    tracker.tick()
    run(tracker, clock, 10)
    store.set_paused_until(clock.t + 62)
    resume = clock.t + 62
    results = run(tracker, clock, 60)
    assert {r.state for r in results} == {State.PAUSED}
    run(tracker, clock, 20)  # the pause ends at +62: counting restarts from the next tick
    recorded = [s for s in store.spans() if s.start >= resume - 1]
    assert recorded and recorded[0].start >= resume
    assert store.totals(0, clock.t + 1).active_seconds == 10 + (clock.t - resume) - 3


def test_active_with_no_window_in_front_is_other_time(env):
    tracker, store, probe, clock = env
    probe.front = None
    tracker.tick()
    run(tracker, clock, 10)
    assert spans(store) == [(clock.t - 10, clock.t, None)]


def test_a_probe_that_sees_nothing_records_nothing(env):
    tracker, store, probe, clock = env
    probe.front, probe.idle = None, None
    tracker.tick()
    results = run(tracker, clock, 10)
    assert {r.state for r in results} == {State.UNAVAILABLE}
    assert store.count() == 0


def test_the_browser_hostname_wins_over_the_title(env):
    tracker, store, probe, clock = env
    tracker.host_source = lambda front, now: "www.youtube.com" if front.pid == 1234 else None
    tracker.tick()
    run(tracker, clock, 10)
    assert store.totals(0, clock.t + 1).sites == {"youtube.com": 10}


def test_the_clock_is_injected(env):
    tracker, store, probe, clock = env
    tracker.tick()
    clock.advance(5)
    assert tracker.tick().seconds == 5  # no argument: the tracker asks its clock


def test_states_in_words(request):
    assert State.LOCKED.value == State.LOCKED.text == "screen locked"
    request.getfixturevalue("french")
    assert State.LOCKED.value == "screen locked"  # the value never changes: logs, tests
    assert State.LOCKED.text == "écran verrouillé"
    assert State.IDLE.text == "absence de saisie"  # never "inactivité" (promise 5)
