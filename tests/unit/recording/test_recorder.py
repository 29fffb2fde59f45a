"""The recorder both shells run (socialtime.recording.recorder): what it builds at start, the
ticks and the retention on a fake clock, a fault said once when it begins and once when it
ends, and what stop leaves. Fakes for the probe, the bridge and the store's failures; nothing
here sleeps, and no socket is opened."""

from __future__ import annotations

from datetime import datetime

import pytest
from fakes import FakeBridge, FakeClock, FakeMedia, FakeProbe

from socialtime.recording import tracker as tracker_module
from socialtime.recording.consent import NOTICE_VERSION
from socialtime.recording.recorder import (
    OPENING,
    READING,
    WRITING,
    FaultChange,
    Recorder,
    Stopped,
)
from socialtime.recording.recorder_lock import AlreadyRecording, RecorderLock
from socialtime.recording.store import Store, StoreError, StoreUnavailable
from socialtime.recording.tracker import State
from socialtime.rules.sites import CatalogueError, load_catalogue
from socialtime.rules.work_hours import WorkHours
from socialtime.settings import Config, CustomSite

ALL_DAY = {day: "00:00-24:00" for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}
FULL = StoreUnavailable("db: the disk is full (database or disk is full).", StoreUnavailable.FULL)
BUSY = StoreUnavailable("db: the database is busy.", StoreUnavailable.BUSY)
CONFIG = Config(sample_seconds=5, retention_days=30, work_hours=WorkHours.from_strings(ALL_DAY))
BAD_SITE = CustomSite("bad.example", "Bad", ("not a host!",), (), ())


class FlakyStore(Store):
    """An in-memory Store that fails when told: writes (``write_fault``), reads
    (``read_fault``), opening (``open_fault``, as Store.open would); counts retention runs."""

    def __init__(self) -> None:
        super().__init__(":memory:")
        self.set_consent(NOTICE_VERSION, 0.0)
        self.write_fault: StoreError | None = None
        self.read_fault: StoreUnavailable | None = None
        self.open_fault: StoreError | None = None
        self.retention_fault: StoreError | None = None
        self.opened = self.closed = 0
        self.retention: list[tuple[int, float]] = []

    def opener(self) -> Store:
        self.opened += 1
        if self.open_fault is not None:
            raise self.open_fault
        return self

    def record(self, site: str | None, start: float, end: float, max_gap: float) -> None:
        if self.write_fault is not None:
            raise self.write_fault
        super().record(site, start, end, max_gap)

    def meta(self) -> dict[str, str]:
        if self.read_fault is not None:
            raise self.read_fault
        return super().meta()

    def apply_retention(self, days: int, now: float) -> float:
        self.retention.append((days, now))
        if self.retention_fault is not None:
            raise self.retention_fault
        return super().apply_retention(days, now)

    def close(self) -> None:
        self.closed += 1  # the connection stays open: the test reads it afterwards


class ClosingProbe(FakeProbe):
    def __init__(self) -> None:
        super().__init__()
        self.show("firefox", "(3) Facebook — Mozilla Firefox")
        self.closed = 0

    def close(self) -> None:
        self.closed += 1


@pytest.fixture
def parts(tmp_path):
    store, probe = FlakyStore(), ClosingProbe()
    clock = FakeClock(datetime(2026, 11, 24, 10, 0).timestamp())
    bridges: list[FakeBridge] = []
    media: list[FakeMedia] = []

    def make_bridge(catalogue, sample_seconds, path, refuse=None):
        bridges.append(FakeBridge(catalogue, sample_seconds, path, refuse))
        return bridges[-1]

    def make_media() -> FakeMedia:
        media.append(FakeMedia())
        return media[-1]

    def make(config=CONFIG, **kwargs) -> Recorder:
        kwargs.setdefault("make_bridge", make_bridge)
        kwargs.setdefault("make_media", make_media)
        kwargs.setdefault("probe", probe)
        return Recorder(tmp_path, config, clock=clock, open_store=store.opener, **kwargs)

    make.store, make.probe, make.clock, make.bridges = store, probe, clock, bridges
    make.media = media
    yield make
    store.conn.close()


def spans(store):
    return [(s.start, s.end, s.site) for s in store.spans()]


# --- start ---------------------------------------------------------------------------------------


def test_start_builds_the_recording(parts, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path))
    recorder = parts()
    assert not recorder.started
    assert recorder.start() is None  # no outage to say anything about
    assert recorder.started and recorder.store is parts.store
    assert recorder.probe is parts.probe and recorder.tracker is not None
    (bridge,) = parts.bridges
    assert bridge.started and recorder.bridge is bridge
    catalogue, sample_seconds, path = bridge.made
    assert catalogue is recorder.catalogue and sample_seconds == 5
    assert path == tmp_path / "socialtime" / "bridge.sock"
    assert recorder.tracker.host_source == bridge.host_for
    assert recorder.tracker.clock is parts.clock
    assert parts.store.retention == [(30, parts.clock.t)]  # the retention, at once
    assert recorder.lock is not None and (tmp_path / "recorder.lock").exists()
    assert recorder.start() is None and parts.store.opened == 1  # once started, started
    recorder.stop()


def test_a_bridge_that_cannot_listen_is_said_and_titles_are_used(parts):
    def refusing(catalogue, sample_seconds, path):
        bridge = FakeBridge(catalogue, sample_seconds, path, refuse="the socket is in use")
        parts.bridges.append(bridge)
        return bridge

    recorder = parts(make_bridge=refusing)
    recorder.start()
    assert recorder.bridge is None and recorder.bridge_problem == "the socket is in use"
    assert parts.bridges[0].stopped
    assert recorder.tracker is not None and recorder.tracker.host_source is None
    recorder.stop()


def test_another_recorder_stops_start_unless_shared(parts, tmp_path):
    with RecorderLock(tmp_path):
        alone = parts()
        with pytest.raises(AlreadyRecording, match="another socialtime is already recording"):
            alone.start()
        assert alone.store is None and parts.store.closed == 1  # nothing left open
        shared = parts(shared=True)
        assert shared.start() is None
        assert shared.recording_elsewhere and shared.store is parts.store
        assert shared.tracker is None and shared.probe is None and shared.bridge is None
        tick = shared.tick(then=lambda now, result: ("figures", result))
        assert tick.result is None and tick.read == ("figures", None)
        shared.stop()
    assert parts.probe.closed == 0  # never made, never closed


def test_a_database_unavailable_at_start_is_tried_again_with_back_off(parts):
    recorder = parts()
    parts.store.open_fault = BUSY
    assert recorder.start() == FaultChange(True, OPENING, BUSY)
    assert recorder.fault is BUSY and not recorder.started
    assert not recorder.due(parts.clock.t + 4.9) and recorder.due(parts.clock.t + 5)
    parts.clock.advance(5)
    assert recorder.start() is None  # still busy: the outage goes on, unsaid
    assert recorder.opening.delay == 10
    parts.store.open_fault = None
    parts.clock.advance(10)
    assert recorder.start() == FaultChange(False, OPENING)
    assert recorder.started and recorder.fault is None and not recorder.due()
    recorder.stop()


def test_a_database_that_cannot_be_used_is_raised_and_nothing_is_left_open(parts, tmp_path):
    recorder = parts()
    parts.store.open_fault = StoreError("db: not a readable socialtime database")
    with pytest.raises(StoreError, match="not a readable"):
        recorder.start()
    parts.store.open_fault = None
    (tmp_path / "recorder.lock").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(StoreError, match="is a symbolic link"):
        recorder.start()
    assert recorder.store is None and parts.store.closed == 1 and parts.probe.closed == 0
    parts.store.retention_fault = StoreError("db: not a readable socialtime database")
    (tmp_path / "recorder.lock").unlink()
    with pytest.raises(StoreError):
        recorder.start()
    assert recorder.store is None and recorder.lock is None and recorder.tracker is None
    assert parts.probe.closed == 1 and parts.bridges[-1].stopped
    RecorderLock(tmp_path).acquire()  # released


def test_a_custom_site_that_cannot_be_used_stops_start_before_the_database(parts):
    recorder = parts(Config(custom_sites=(BAD_SITE,)))
    with pytest.raises(CatalogueError, match="invalid host"):
        recorder.start()
    assert parts.store.opened == 0


def test_the_catalogue_given_is_the_one_recorded_with(parts):
    catalogue = load_catalogue(disabled=frozenset({"facebook.com"}))
    recorder = parts(catalogue=catalogue)
    recorder.start()
    assert recorder.tracker is not None and recorder.tracker.catalogue is catalogue
    recorder.stop()


def test_the_platforms_probe_follows_the_idle_setting(parts, monkeypatch):
    made = []

    def make_probe(idle_threshold):
        made.append(idle_threshold)
        return parts.probe

    monkeypatch.setattr("socialtime.probes.make_probe", make_probe)
    recorder = parts(probe=None)
    recorder.start()
    (threshold,) = made
    assert threshold() == 180 and recorder.probe is parts.probe
    recorder.apply(Config(idle_seconds=60, work_hours=CONFIG.work_hours))
    assert threshold() == 60
    recorder.stop()


# --- ticks ---------------------------------------------------------------------------------------


def ticks(recorder, clock, n, step=5.0, then=None):
    results = []
    for _ in range(n):
        clock.advance(step)
        results.append(recorder.tick(then=then))
    return results


def test_a_tick_records_and_gives_what_the_shell_read(parts):
    recorder = parts()
    recorder.start()
    first = recorder.tick()
    assert first.result is not None and first.result.state is State.RECORDING
    later = ticks(recorder, parts.clock, 2, then=lambda now, result: (now, result.site))
    assert later[-1].read == (parts.clock.t, "facebook.com") and later[-1].change is None
    t = parts.clock.t
    assert spans(parts.store) == [(t - 10, t, "facebook.com")]
    recorder.stop()


def test_a_tick_before_start_is_a_mistake(parts):
    with pytest.raises(RuntimeError):
        parts().tick()


def test_saving_that_fails_is_said_once_when_it_begins_and_once_when_it_ends(parts):
    recorder = parts()
    recorder.start()
    recorder.tick()
    parts.store.write_fault = FULL
    during = ticks(recorder, parts.clock, 6)
    assert [t.change for t in during] == [FaultChange(True, WRITING, FULL)] + [None] * 5
    parts.store.write_fault = BUSY  # another fault while it lasts: nothing more is said
    during += ticks(recorder, parts.clock, 6)
    assert all(t.change is None for t in during[1:]) and recorder.fault is BUSY
    parts.store.write_fault = None
    after = ticks(recorder, parts.clock, 14)  # the next try is at most a minute away
    changes = [t.change for t in after if t.change is not None]
    assert changes == [FaultChange(False, WRITING, None, 0.0)]
    assert recorder.fault is None and recorder.tracker.pending_seconds == 0
    assert parts.store.totals(0, parts.clock.t + 1).active_seconds == 5 * 26  # nothing lost
    recorder.stop()


def test_a_database_that_cannot_be_read_is_a_fault_of_reading(parts):
    recorder = parts()
    recorder.start()
    recorder.tick()
    parts.store.read_fault = FULL
    (began,) = ticks(recorder, parts.clock, 1)
    assert began.result.state is State.STORE_UNAVAILABLE
    assert began.change == FaultChange(True, READING, FULL)
    parts.store.read_fault = None
    after = ticks(recorder, parts.clock, 4)
    assert [t.change for t in after if t.change] == [FaultChange(False, READING)]
    recorder.stop()


def test_what_the_shell_cannot_read_is_a_fault_said_with_the_ticks(parts):
    recorder = parts()
    recorder.start()
    unreadable = [True]

    def figures(now, result):
        if unreadable[0]:
            raise BUSY
        return "figures"

    results = ticks(recorder, parts.clock, 3, then=figures)
    assert results[0].change == FaultChange(True, READING, BUSY)
    assert all(t.read is None and t.read_error is BUSY for t in results)
    assert [t.change for t in results[1:]] == [None, None]  # the tick itself wrote: no flapping
    unreadable[0] = False
    (after,) = ticks(recorder, parts.clock, 1, then=figures)
    assert after.read == "figures" and after.change == FaultChange(False, READING)
    recorder.stop()


def test_the_end_of_an_outage_says_how_much_was_let_go(parts, monkeypatch):
    monkeypatch.setattr(tracker_module, "MAX_PENDING", 3)
    recorder = parts()
    recorder.start()
    recorder.tick()
    parts.store.write_fault = FULL
    for title in ("Facebook", "LinkedIn", "Facebook", "LinkedIn", "Facebook"):
        parts.probe.show("firefox", f"(3) {title} — Mozilla Firefox")
        ticks(recorder, parts.clock, 1)
    parts.store.write_fault = None
    changes = [t.change for t in ticks(recorder, parts.clock, 12) if t.change]
    assert changes == [FaultChange(False, WRITING, None, 10.0)]
    recorder.stop()


def test_the_retention_runs_at_start_then_once_a_day_and_waits_an_hour_when_busy(parts):
    recorder = parts()
    recorder.start()
    start = parts.clock.t
    ticks(recorder, parts.clock, 12 * 60, step=60)  # twelve hours
    assert [now - start for _days, now in parts.store.retention] == [0]
    parts.store.retention_fault = BUSY
    ticks(recorder, parts.clock, 12 * 60 + 30, step=60)  # the day is over: busy
    parts.store.retention_fault = None
    ticks(recorder, parts.clock, 60, step=60)  # an hour later: tried again
    assert [now - start for _days, now in parts.store.retention] == [0, 86400, 86400 + 3600]
    recorder.stop()


def test_apply_gives_the_new_settings_to_the_tracker_and_the_bridge(parts):
    recorder = parts()
    recorder.start()
    new = Config(sample_seconds=2, disabled_sites=frozenset({"facebook.com"}))
    assert recorder.apply(new) is None
    assert recorder.config is new and recorder.tracker.config is new
    assert recorder.tracker.catalogue is recorder.catalogue
    assert "facebook.com" not in {site.id for site in recorder.catalogue.sites}
    assert parts.bridges[0].updates == [(recorder.catalogue, 2)]
    before = recorder.catalogue
    problem = recorder.apply(Config(custom_sites=(BAD_SITE,)))
    assert isinstance(problem, CatalogueError) and recorder.catalogue is before
    recorder.stop()


def test_the_media_sources_listen_while_watching_may_count(parts):
    recorder = parts()
    recorder.start()
    (media,) = parts.media
    (bridge,) = parts.bridges
    assert media.listening and recorder.media is media
    assert recorder.tracker.media == (bridge.audible_for, media.playing)  # the tab first
    recorder.apply(Config(media_max_minutes=0, work_hours=CONFIG.work_hours))
    assert not media.listening  # switched off: nothing listens
    recorder.apply(CONFIG)
    assert media.listening and media.starts == 2
    recorder.stop()
    assert not media.listening and recorder.media is None


def test_switched_off_at_start_the_media_sources_do_not_listen(parts):
    recorder = parts(Config(media_max_minutes=0))
    recorder.start()
    (media,) = parts.media
    assert media.starts == 0 and not media.listening
    recorder.stop()


def test_without_a_bridge_only_the_desktop_tells_what_plays(parts):
    def refusing(catalogue, sample_seconds, path):
        return FakeBridge(catalogue, sample_seconds, path, refuse="no runtime folder")

    recorder = parts(make_bridge=refusing)
    recorder.start()
    assert recorder.tracker.media == (parts.media[0].playing,)
    recorder.stop()


def test_a_recorder_that_only_shows_figures_starts_no_media_source(parts, tmp_path):
    other = RecorderLock(tmp_path)
    other.acquire()
    try:
        recorder = parts(shared=True)
        recorder.start()
        assert recorder.recording_elsewhere and parts.media == []
        recorder.stop()
    finally:
        other.release()


# --- stop ----------------------------------------------------------------------------------------


def test_stop_writes_what_was_kept_and_closes_everything(parts, tmp_path):
    recorder = parts()
    recorder.start()
    recorder.tick()
    parts.store.write_fault = BUSY
    ticks(recorder, parts.clock, 2)
    parts.store.write_fault = None  # free again before the next try: stop writes it
    assert recorder.stop() == Stopped(0.0)
    assert parts.store.totals(0, parts.clock.t + 1).active_seconds == 10
    assert parts.probe.closed == 1 and parts.bridges[0].stopped and parts.store.closed == 1
    assert recorder.store is None and recorder.tracker is None and recorder.lock is None
    RecorderLock(tmp_path).acquire()  # released
    assert recorder.stop() == Stopped(0.0) and parts.probe.closed == 1  # once


def test_stop_says_what_could_not_be_written(parts):
    recorder = parts()
    recorder.start()
    recorder.tick()
    parts.store.write_fault = FULL
    ticks(recorder, parts.clock, 3)
    assert recorder.stop() == Stopped(15.0)
    assert parts.store.closed == 1


def test_stop_gives_a_database_that_cannot_be_used_after_closing(parts):
    recorder = parts()
    recorder.start()
    recorder.tick()
    parts.store.write_fault = BUSY
    ticks(recorder, parts.clock, 2)
    broken = StoreError("db: not a readable socialtime database")
    parts.store.write_fault = broken
    assert recorder.stop() == Stopped(10.0, broken)
    assert parts.store.closed == 1 and recorder.lock is None
