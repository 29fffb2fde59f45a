"""Faults that pass (a full disk, another program's write lock): the back-off, the tracker that
keeps what it sees while the database cannot be written, and `track`'s lines about it, each said
once. A fake clock and a store that fails when told: nothing here sleeps."""

from __future__ import annotations

import threading
from datetime import datetime

import pytest
from fakes import FakeBridge, FakeClock, FakeProbe

from socialtime.cli.track import _track_loop, fault_line, start
from socialtime.recording import tracker as tracker_module
from socialtime.recording.consent import NOTICE_VERSION
from socialtime.recording.outage import Outage
from socialtime.recording.recorder import READING, WRITING, FaultChange, Recorder
from socialtime.recording.store import Store, StoreError, StoreUnavailable
from socialtime.recording.tracker import State, TickResult, Tracker
from socialtime.rules.sites import load_catalogue
from socialtime.rules.work_hours import WorkHours
from socialtime.settings import Config

ALL_DAY = {day: "00:00-24:00" for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}
FULL = StoreUnavailable("db: the disk is full (database or disk is full).", StoreUnavailable.FULL)
BUSY = StoreUnavailable("db: the database is busy.", StoreUnavailable.BUSY)


class FlakyStore(Store):
    """An in-memory Store whose writes (``write_fault``) or reads (``read_fault``) fail with a
    StoreUnavailable while it is set; counts the tries."""

    def __init__(self) -> None:
        super().__init__(":memory:")
        self.write_fault: StoreError | None = None
        self.read_fault: StoreUnavailable | None = None
        self.writes = self.reads = 0

    def record(self, site: str | None, start: float, end: float, max_gap: float) -> None:
        self.writes += 1
        if self.write_fault is not None:
            raise self.write_fault
        super().record(site, start, end, max_gap)

    def meta(self) -> dict[str, str]:
        self.reads += 1
        if self.read_fault is not None:
            raise self.read_fault
        return super().meta()


# --- the back-off ------------------------------------------------------------------------------


def test_the_wait_doubles_from_5_s_up_to_a_minute():
    outage, now, waits = Outage(), 1000.0, []
    for _ in range(7):
        outage.failed(FULL, now)
        waits.append(outage.delay)
        now = outage.next_try
    assert waits == [5, 10, 20, 40, 60, 60, 60]


def test_it_is_due_only_once_its_wait_is_over():
    outage = Outage()
    assert outage.due(0) and not outage.active
    outage.failed(BUSY, 100)
    assert not outage.due(104.9)
    assert outage.due(105)
    outage.failed(BUSY, 105)
    assert not outage.due(114.9) and outage.due(115)


def test_a_clock_set_back_does_not_make_it_wait_longer():
    outage = Outage()
    outage.failed(FULL, 100)
    assert outage.due(50)  # an hour's wait would be nonsense: try now


def test_beginning_and_end_are_told_once_each():
    outage = Outage()
    assert outage.failed(FULL, 0) is True
    assert outage.failed(FULL, 5) is False
    assert outage.failed(BUSY, 15) is False and outage.error is BUSY
    assert outage.failures == 3 and outage.since == 0
    assert outage.cleared() is True
    assert outage.cleared() is False
    assert outage.failed(FULL, 100) is True and outage.delay == 5  # a new outage starts afresh


# --- the tracker -------------------------------------------------------------------------------


@pytest.fixture
def env():
    store = FlakyStore()
    store.set_consent(NOTICE_VERSION, 0.0)
    probe = FakeProbe()
    probe.show("firefox", "(3) Facebook — Mozilla Firefox")
    clock = FakeClock(datetime(2026, 11, 24, 10, 0).timestamp())
    config = Config(sample_seconds=5, work_hours=WorkHours.from_strings(ALL_DAY))
    tracker = Tracker(store, probe, config, load_catalogue(), clock=clock)
    yield tracker, store, probe, clock
    store.close()


def ticks(tracker, clock, n, step=5.0) -> list[TickResult]:
    results = []
    for _ in range(n):
        clock.advance(step)
        results.append(tracker.tick())
    return results


def spans(store):
    return [(s.start, s.end, s.site) for s in store.spans()]


def test_a_full_disk_loses_nothing_and_the_time_is_written_once_it_passes(env):
    tracker, store, probe, clock = env
    t0 = clock.t
    tracker.tick()
    ticks(tracker, clock, 2)
    store.write_fault = FULL
    during = ticks(tracker, clock, 24)  # two minutes of a full disk
    assert {r.state for r in during} == {State.RECORDING}
    assert all(r.fault is FULL for r in during)
    assert tracker.pending_seconds == 120
    assert spans(store) == [(t0, t0 + 10, "facebook.com")]  # what was written before stays
    probe.show("chromium", "Feed | LinkedIn - Chromium")  # what is in front changes meanwhile
    during += ticks(tracker, clock, 2)
    store.write_fault = None
    after = ticks(tracker, clock, 30)  # the next try is at most a minute away
    assert after[-1].fault is None and tracker.pending_seconds == 0
    assert spans(store) == [
        (t0, t0 + 130, "facebook.com"),  # one span, as if the disk had never been full
        (t0 + 130, t0 + 290, "linkedin.com"),
    ]


def test_writes_are_tried_with_back_off_not_at_every_tick(env):
    tracker, store, _probe, clock = env
    tracker.tick()
    store.write_fault = BUSY
    start, writes = clock.t, []
    for _ in range(60):  # five minutes, a tick every 5 s
        before = store.writes
        clock.advance(5)
        tracker.tick()
        if store.writes > before:
            writes.append(clock.t - start)
    assert writes == [5, 10, 20, 40, 80, 140, 200, 260]  # waits of 5, 10, 20, 40, then 60 s


def test_the_fault_ends_with_the_first_write_that_succeeds(env):
    tracker, store, _probe, clock = env
    tracker.tick()
    store.write_fault = FULL
    ticks(tracker, clock, 4)  # tries at +5, +10 and +20 s fail; the next is at +40 s
    store.write_fault = None
    results = ticks(tracker, clock, 5)
    assert [r.fault for r in results] == [FULL, FULL, FULL, None, None]
    assert store.totals(0, clock.t + 1).active_seconds == 45  # the try at +40 s wrote it all


def test_a_database_that_cannot_be_read_counts_nothing_and_waits_too(env):
    tracker, store, _probe, clock = env
    tracker.tick()
    ticks(tracker, clock, 2)
    store.read_fault = FULL
    reads = store.reads
    results = ticks(tracker, clock, 6)  # 30 s
    assert {r.state for r in results} == {State.STORE_UNAVAILABLE}
    assert all(r.fault is FULL for r in results)
    assert store.reads - reads == 3  # at 5, 10 (+5 s) and 25 s (+10 s), not at every tick
    store.read_fault = None
    results = ticks(tracker, clock, 6)
    assert results[-1].fault is None and results[-1].state is State.RECORDING
    # Consent could not be checked meanwhile: that time is not counted.
    assert store.totals(0, clock.t + 1).active_seconds < 10 + 30


def test_withdrawn_consent_drops_what_was_kept(env):
    tracker, store, _probe, clock = env
    tracker.tick()
    store.write_fault = FULL
    ticks(tracker, clock, 4)
    assert tracker.pending_seconds == 20
    store.write_fault = None
    Store.withdraw_consent(store)  # as another process would (this store's own writes fail)
    result = tracker.tick(clock.advance(5))
    assert result.state is State.NO_CONSENT and tracker.pending_seconds == 0
    assert store.count() == 0 and result.fault is None


def test_too_much_kept_lets_the_oldest_go_and_says_how_much(env, monkeypatch):
    monkeypatch.setattr(tracker_module, "MAX_PENDING", 3)
    tracker, store, probe, clock = env
    tracker.tick()
    store.write_fault = FULL
    for title in ("Facebook", "LinkedIn", "Facebook", "LinkedIn", "Facebook"):
        probe.show("firefox", f"(3) {title} — Mozilla Firefox")
        ticks(tracker, clock, 1)
    assert tracker.lost_seconds == 10 and tracker.pending_seconds == 15


def test_flush_tries_at_once_whatever_the_back_off(env):
    tracker, store, _probe, clock = env
    tracker.tick()
    store.write_fault = BUSY
    ticks(tracker, clock, 2)
    assert tracker.flush() is False
    store.write_fault = None
    assert tracker.flush() is True and tracker.pending_seconds == 0
    assert store.totals(0, clock.t + 1).active_seconds == 10


def test_a_lasting_error_still_stops_the_tick(env):
    tracker, store, _probe, clock = env
    tracker.tick()
    store.write_fault = StoreError("db: not a readable socialtime database")
    with pytest.raises(StoreError):
        tracker.tick(clock.advance(5))


# --- what `track` says -------------------------------------------------------------------------
# When: once when an outage begins and once when it ends (socialtime.recording.recorder, whose
# changes are tested in test_recorder.py); what: below.


def test_track_says_when_saving_fails_and_when_it_works_again():
    line = fault_line(FaultChange(True, WRITING, FULL))
    assert line.startswith("cannot save for now: db: the disk is full")
    assert "kept in memory" in line and "after 5 s" in line
    assert fault_line(FaultChange(False, WRITING)) == (
        "saving again; nothing recorded meanwhile was lost."
    )


def test_track_says_when_not_even_consent_can_be_read():
    line = fault_line(FaultChange(True, READING, FULL))
    assert line.startswith("cannot read the database for now: db: the disk")
    assert "Nothing is counted until it can be read" in line


def test_track_says_how_much_was_let_go():
    assert fault_line(FaultChange(False, WRITING, lost_seconds=125)) == (
        "saving again; 2 min recorded meanwhile could not be kept."
    )


def recorder_over(store: Store, tmp_path, clock, probe=None, config=None) -> Recorder:
    """A Recorder of tmp_path over ``store``, with a fake probe and bridge."""
    config = config or Config(sample_seconds=5, work_hours=WorkHours.from_strings(ALL_DAY))
    return Recorder(
        tmp_path,
        config,
        clock=clock,
        probe=probe or FakeProbe(),
        open_store=lambda: store,
        make_bridge=FakeBridge,
    )


def test_the_track_loop_says_each_end_of_an_outage_once(env, tmp_path, capsys):
    _tracker, store, probe, clock = env
    recorder = recorder_over(store, tmp_path, clock, probe)
    assert recorder.start() is None and recorder.started
    stop, turns = threading.Event(), []

    def wait(seconds: float) -> bool:
        turns.append(seconds)
        clock.advance(5)
        store.write_fault = FULL if 3 <= len(turns) < 30 else None
        if len(turns) == 45:
            stop.set()
        return stop.is_set()

    _track_loop(recorder, stop, wait)
    err = capsys.readouterr().err
    assert err.count("socialtime: cannot save for now: db: the disk is full") == 1, err
    assert err.count("socialtime: saving again; nothing recorded meanwhile was lost.") == 1
    assert err.count("socialtime: recording.") == 1
    assert store.totals(0, clock.t + 1).active_seconds == 5 * 44
    recorder.stop()


class Opener:
    """Store.open failing ``times`` times, then giving ``store``."""

    def __init__(self, times: int, error: StoreError = BUSY) -> None:
        self.times, self.error, self.calls = times, error, 0
        self.store = Store(":memory:")

    def __call__(self) -> Store:
        self.calls += 1
        if self.calls <= self.times:
            raise self.error
        return self.store


def opening(opener: Opener, tmp_path, clock) -> Recorder:
    config = Config(work_hours=WorkHours.from_strings(ALL_DAY))
    return Recorder(
        tmp_path, config, clock=clock, probe=FakeProbe(), open_store=opener, make_bridge=FakeBridge
    )


def test_track_waits_for_a_busy_database_at_start(tmp_path, capsys):
    opener, waits, clock = Opener(times=4), [], FakeClock(0)

    def wait(seconds: float) -> bool:
        waits.append(seconds)
        clock.advance(seconds)
        return False

    recorder = opening(opener, tmp_path, clock)
    assert start(recorder, wait) is True and recorder.store is opener.store
    assert waits == [5, 10, 20, 40]
    err = capsys.readouterr().err
    assert err.count("cannot open the database for now: db: the database is busy.") == 1
    assert err.count("the database can be used again.") == 1
    recorder.stop()


def test_track_stops_waiting_when_told(tmp_path):
    opener = Opener(times=100)
    recorder = opening(opener, tmp_path, FakeClock(0))
    assert start(recorder, lambda seconds: opener.calls == 3) is False
    assert opener.calls == 3 and recorder.store is None


def test_an_unusable_database_at_start_is_not_waited_for(tmp_path):
    opener = Opener(times=1, error=StoreError("db: not a readable socialtime database"))
    recorder = opening(opener, tmp_path, FakeClock(0))
    with pytest.raises(StoreError, match="not a readable"):
        start(recorder, lambda seconds: pytest.fail("waited"))
