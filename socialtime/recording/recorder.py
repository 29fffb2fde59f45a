"""The recorder: the store, the site catalogue, the probe, the browser bridge, the tracker, the
recorder lock and the retention, put together once, Qt-free, for both shells.

Why one class (ActivityWatch's aw-qt manager is the model): the tray (socialtime/ui/app.py) and
``socialtime track`` (socialtime/cli/track.py) record the same way, so the way they build and
stop a recorder lives here, tested with fakes and a fake clock; the tray keeps only what is Qt
(its timer, icon, windows and nudges) and ``track`` only its loop, its signals and its lines on
standard error. Each shell calls :meth:`Recorder.start` until the database opens, then
:meth:`Recorder.tick` at every sample interval, then :meth:`Recorder.stop`.

Faults that pass (socialtime.recording.store.StoreUnavailable: a full disk, another program's
write lock) never end recording. The recorder keeps one state for them, whatever met them:
opening the database (``OPENING``, tried again with back-off, socialtime.recording.outage),
reading it (``READING``: consent, a pause, the tray's figures) or writing what the ticks saw
(``WRITING``, kept in memory meanwhile by the tracker). A :class:`FaultChange` comes out once
when such an outage begins and once when it ends, for each shell to say in its own words. A
database that cannot be used at all (StoreError) is raised to the shell, which stops.

The lock: one recorder per data directory (socialtime.recording.recorder_lock). With
``shared``, another recorder holding it is not an error: this one records nothing and shows
figures only (``recording_elsewhere``), as the tray does while ``track`` runs; without it,
``start`` raises AlreadyRecording, as ``track`` does.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from socialtime.recording.outage import Outage
from socialtime.recording.recorder_lock import AlreadyRecording, RecorderLock
from socialtime.recording.store import Store, StoreError, StoreUnavailable
from socialtime.recording.tracker import State, TickResult, Tracker, catalogue_for
from socialtime.rules.sites import Catalogue, CatalogueError

if TYPE_CHECKING:
    from socialtime.probes.base import Foreground, Probe
    from socialtime.settings import Config

Clock = Callable[[], float]
OPENING, READING, WRITING = "opening", "reading", "writing"  # what a fault stopped
DAY = 86400.0
RETENTION_RETRY = 3600.0  # erasing old days can wait an hour when the database is busy


class Bridge(Protocol):
    """What the recorder needs of socialtime.browser.BrowserBridge (tests give a fake)."""

    problem: str | None

    def start(self) -> bool: ...
    def stop(self) -> None: ...
    def update(self, catalogue: Catalogue, sample_seconds: float) -> None: ...
    def host_for(self, foreground: Foreground, now: float) -> str | None: ...
    def focused_window(self, now: float) -> Foreground | None: ...


MakeBridge = Callable[[Catalogue, float, Path], Bridge]


@dataclass(frozen=True)
class FaultChange:
    """An outage of the database began (``began``) or ended. ``doing`` is what it stopped
    (OPENING, READING or WRITING; at the end, what it stopped when it began); ``error`` the
    failure that began it; ``lost_seconds``, at the end, what was recorded meanwhile but let
    go because too much waited in memory (socialtime.recording.tracker.MAX_PENDING)."""

    began: bool
    doing: str
    error: StoreUnavailable | None = None
    lost_seconds: float = 0.0


@dataclass(frozen=True)
class Tick:
    """One tick of an open recorder. ``result`` is the tracker's (None when another recorder
    records: figures only); ``change`` an outage that began or ended with it; ``read`` what
    the shell's ``then`` returned, or None when it met ``read_error``."""

    now: float
    result: TickResult | None
    change: FaultChange | None = None
    read: Any = None
    read_error: StoreUnavailable | None = None


@dataclass(frozen=True)
class Stopped:
    """What :meth:`Recorder.stop` could not save: ``lost_seconds`` recorded while the database
    could not be written and still not written at the end (0.0: everything is saved), and the
    ``error`` of a database that could not be used at all, if the last try met one."""

    lost_seconds: float = 0.0
    error: StoreError | None = None


def _browser_bridge(catalogue: Catalogue, sample_seconds: float, path: Path) -> Bridge:
    from socialtime.browser import BrowserBridge  # sockets: only in a recorder that starts

    return BrowserBridge(catalogue, sample_seconds, path)


class Recorder:
    """Builds, runs and stops the recording of one data directory. Called from one thread.

    ``clock`` gives the time of every tick (the tracker's); ``probe`` replaces the platform's
    (socialtime.probes.make_probe, made at start with the idle setting); ``open_store`` the
    opening of the database (``Store.open(data_dir)``); ``make_bridge`` the browser bridge
    (listening on socialtime.browser.socket_path); ``catalogue`` the one made from the
    settings at start. All for tests, except ``catalogue``, which ``track`` checks first."""

    def __init__(
        self,
        data_dir: Path,
        config: Config,
        *,
        clock: Clock = time.time,
        probe: Probe | None = None,
        open_store: Callable[[], Store] | None = None,
        make_bridge: MakeBridge | None = None,
        catalogue: Catalogue | None = None,
        shared: bool = False,
    ) -> None:
        self.data_dir, self.config, self.clock = Path(data_dir), config, clock
        self.shared = shared
        self._given_probe = probe
        self._open_store = open_store or (lambda: Store.open(self.data_dir))
        self._make_bridge = make_bridge or _browser_bridge
        self.catalogue = catalogue
        self.store: Store | None = None
        self.probe: Probe | None = None
        self.bridge: Bridge | None = None
        self.bridge_problem: str | None = None  # why the bridge is off, when it is
        self.tracker: Tracker | None = None
        self.lock: RecorderLock | None = None
        self.recording_elsewhere = False
        self.opening = Outage()  # Store.open's back-off while the database is unavailable
        self.fault: StoreUnavailable | None = None  # the database cannot be used for now
        self.doing = WRITING  # what the fault stopped
        self._lost_before = 0.0
        self._next_retention = 0.0

    @property
    def started(self) -> bool:
        return self.store is not None

    def due(self, now: float | None = None) -> bool:
        """Whether :meth:`start` should be tried again now (its back-off is over)."""
        return not self.started and self.opening.due(self.clock() if now is None else now)

    # --- start and stop ---------------------------------------------------------------------

    def start(self) -> FaultChange | None:
        """Open the database and start recording. While the database is unavailable for now,
        nothing else happens: try again when :meth:`due` (the change says when the outage
        begins and when it ends). Raises CatalogueError for a custom site that cannot be used,
        StoreError for a database or lock file that cannot be used at all, AlreadyRecording
        when another recorder holds the lock (unless ``shared``)."""
        if self.started:
            return None
        now = self.clock()
        if self.catalogue is None:
            self.catalogue = catalogue_for(self.config)
        try:
            store = self._open_store()
        except StoreUnavailable as e:
            self.opening.failed(e, now)
            return self._note(e, OPENING)
        self.opening.cleared()
        self.store = store
        try:
            self._take_lock()
            if not self.recording_elsewhere:
                self._assemble(store, self.catalogue)
            self._next_retention = now
            self._retention(now)
        except BaseException:
            self.stop()  # all or nothing: no store, lock or probe is left open
            raise
        return self._note(None, OPENING)

    def _take_lock(self) -> None:
        lock = RecorderLock(self.data_dir)
        try:
            lock.acquire()
        except AlreadyRecording:
            if not self.shared:
                raise
            self.recording_elsewhere = True  # figures only: the other recorder records them
            return
        self.lock = lock

    def _assemble(self, store: Store, catalogue: Catalogue) -> None:
        probe = self._given_probe
        if probe is None:
            from socialtime.probes import make_probe  # platform code: only when recording

            probe = make_probe(idle_threshold=lambda: self.config.idle_seconds)
        self.probe = probe
        # The browser extension's exact hostnames; without it, window titles are used.
        from socialtime.browser import socket_path

        bridge = self._make_bridge(
            catalogue, self.config.sample_seconds, socket_path(self.data_dir)
        )
        if bridge.start():
            self.bridge = bridge
        else:
            self.bridge_problem = bridge.problem
            bridge.stop()
        running = self.bridge
        self.tracker = Tracker(
            store,
            probe,
            self.config,
            catalogue,
            clock=self.clock,
            host_source=running.host_for if running is not None else None,
            # the browser in front, where the probe sees no window (GNOME without the
            # extension, macOS without Accessibility)
            front_source=running.focused_window if running is not None else None,
        )

    def stop(self) -> Stopped:
        """Stop the bridge and the probe, try once more to write what a fault kept in memory,
        release the lock and close the database. Safe to call more than once."""
        stopped = Stopped()
        if self.bridge is not None:
            self.bridge.stop()
            self.bridge = None
        if self.probe is not None:
            self.probe.close()
            self.probe = None
        if self.tracker is not None:
            try:
                if not self.tracker.flush():
                    stopped = Stopped(self.tracker.pending_seconds)
            except StoreError as e:
                stopped = Stopped(self.tracker.pending_seconds, e)
            self.tracker = None
        if self.lock is not None:
            self.lock.release()
            self.lock = None
        if self.store is not None:
            self.store.close()
            self.store = None
        return stopped

    # --- recording --------------------------------------------------------------------------

    def tick(self, then: Callable[[float, TickResult | None], Any] | None = None) -> Tick:
        """One tick of an open recorder, and the retention once a day. ``then(now, result)``
        is what the shell reads from the database after it (the tray's figures): a
        StoreUnavailable it raises is a fault of reading, said with the tick's own. StoreError
        (a database that cannot be used at all) goes to the caller."""
        if self.store is None:
            raise RuntimeError("the recorder is not started")  # i18n: ignore - a programming error
        now = self.clock()
        result = None
        fault, doing = None, WRITING
        if self.tracker is not None:
            result = self.tracker.tick(now)
            fault = result.fault
            if result.state is State.STORE_UNAVAILABLE:
                doing = READING
        read, read_error = None, None
        if then is not None:
            try:
                read = then(now, result)
            except StoreUnavailable as e:
                fault, doing, read_error = e, READING, e
        change = self._note(fault, doing)
        self._retention(now)
        return Tick(now, result, change, read, read_error)

    def _retention(self, now: float) -> None:
        """Erase what is older than the retention setting: at start, then once a day."""
        if self.store is None or now < self._next_retention:
            return
        try:
            self.store.apply_retention(self.config.retention_days, now)
            self._next_retention = now + DAY
        except StoreUnavailable:
            self._next_retention = now + RETENTION_RETRY

    def _note(self, fault: StoreUnavailable | None, doing: str) -> FaultChange | None:
        """The change, if ``fault`` (None: everything worked) begins or ends an outage."""
        if (fault is None) == (self.fault is None):
            self.fault = fault if fault is not None else self.fault  # the latest failure
            return None
        if fault is not None:
            self.fault, self.doing = fault, doing
            self._lost_before = self.tracker.lost_seconds if self.tracker else 0.0
            return FaultChange(True, doing, fault)
        lost = (self.tracker.lost_seconds if self.tracker else 0.0) - self._lost_before
        self.fault = None
        return FaultChange(False, self.doing, None, max(0.0, lost))

    def apply(self, config: Config) -> CatalogueError | None:
        """Use new settings from the next tick. A custom site that cannot be used keeps the
        catalogue as it was; its error is returned, for the shell to say."""
        self.config = config
        if self.catalogue is None or not self.started:
            self.catalogue = None  # built from these settings at start
            return None
        problem: CatalogueError | None = None
        try:
            self.catalogue = catalogue_for(config)
        except CatalogueError as e:
            problem = e
        if self.bridge is not None:
            self.bridge.update(self.catalogue, config.sample_seconds)
        if self.tracker is not None:
            self.tracker.catalogue = self.catalogue
            self.tracker.config = config
        return problem
