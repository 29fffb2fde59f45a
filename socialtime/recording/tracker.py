"""One tick of recording: clock -> consent -> work hours -> pause -> lock -> idle -> probe ->
classify -> store.

The tracker is a plain class with ``tick(now)``; a QTimer (tray) or a loop (``socialtime track``)
only calls it, so every rule here is tested with a fake clock and a fake probe.

Each tick attributes the time since the previous tick to what is seen now. That time is capped
at two sample intervals, so a suspend, a stalled process or a clock jump never makes a long
span; a clock that goes backwards records nothing. After a tick that recorded nothing (idle,
paused, no consent…), the next tick starts counting from itself, so time from before the
condition ended is never attributed.

A fault that passes (socialtime.recording.store.StoreUnavailable: a full disk, another program
holding the write lock) does not stop recording: what each tick sees is kept in memory, in order,
and written when the database can be written again, tried with back-off
(socialtime.recording.outage); the tick's result carries the fault meanwhile, for the tray and
``track`` to say so once. A tick that cannot even read consent or pause counts nothing, as when
consent is missing.
"""

from __future__ import annotations

import enum
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, replace

from socialtime.base.i18n import QT_TRANSLATE_NOOP, translate
from socialtime.probes.base import Foreground, Probe
from socialtime.recording.consent import NOTICE_VERSION
from socialtime.recording.outage import Outage
from socialtime.recording.store import Store, StoreUnavailable
from socialtime.rules.sites import Catalogue, Site, classify, load_catalogue
from socialtime.settings import Config

Clock = Callable[[], float]
# Given the foreground window and the time, the hostname the browser bridge reports for it,
# or None when it has nothing fresh for that window (then title rules apply).
HostSource = Callable[[Foreground, float], str | None]
# Given the time, the window in front when the probe shows none: the browser whose extension
# freshly says one of its windows has the focus (BrowserBridge.focused_window), or None.
FrontSource = Callable[[float], Foreground | None]
# Spans kept in memory while the database cannot be written: more than a working day of
# switching windows every few seconds (a span holds all the time on one site until the next
# switch); beyond it the oldest are let go, and counted in Tracker.lost_seconds.
MAX_PENDING = 20_000


def catalogue_for(config: Config) -> Catalogue:
    """The site catalogue with the user's disabled sites removed and custom sites added.
    Raises CatalogueError when a custom site cannot be used."""
    custom = [Site(c.id, c.name, c.hosts, c.titles, c.apps) for c in config.custom_sites]
    return load_catalogue(disabled=config.disabled_sites, custom=custom)


class State(enum.Enum):
    """What a tick found. The value is English (logs, tests); ``text`` is for people."""

    NO_CONSENT = QT_TRANSLATE_NOOP("tracker", "no consent")
    OUTSIDE_HOURS = QT_TRANSLATE_NOOP("tracker", "outside work hours")
    PAUSED = QT_TRANSLATE_NOOP("tracker", "paused")
    LOCKED = QT_TRANSLATE_NOOP("tracker", "screen locked")
    IDLE = QT_TRANSLATE_NOOP("tracker", "idle")
    UNAVAILABLE = QT_TRANSLATE_NOOP("tracker", "cannot see the desktop")
    RECORDING = QT_TRANSLATE_NOOP("tracker", "recording")
    # The database could not be read (consent, pause): nothing is counted until it can be.
    STORE_UNAVAILABLE = QT_TRANSLATE_NOOP("tracker", "cannot read the database for now")

    @property
    def text(self) -> str:
        """The state in words, in the current language ("screen locked")."""
        value: str = self.value
        return translate("tracker", value)


@dataclass(frozen=True)
class TickResult:
    state: State
    site: str | None = None  # what was recorded, when state is RECORDING
    seconds: float = 0.0  # how much was recorded by this tick
    # While the database cannot be written (or read): the latest failure. What the ticks
    # recorded meanwhile is kept in memory (Tracker.pending_seconds) until it can be written.
    fault: StoreUnavailable | None = None


class Tracker:
    """Turns what the probe sees into spans in the store. Called from one thread only."""

    def __init__(
        self,
        store: Store,
        probe: Probe,
        config: Config,
        catalogue: Catalogue,
        clock: Clock = time.time,
        host_source: HostSource | None = None,
        outage: Outage | None = None,
        front_source: FrontSource | None = None,
    ) -> None:
        self.store = store
        self.probe = probe
        self.config = config
        self.catalogue = catalogue
        self.clock = clock
        self.host_source = host_source
        self.front_source = front_source
        self._last_tick: float | None = None
        self._last_state: State | None = None
        self._last_site: str | None = None
        self.outage = Outage() if outage is None else outage
        self._pending: deque[tuple[str | None, float, float]] = deque()  # not yet written
        self._blind = False  # the latest failure was a read: ticks wait for the back-off too
        self.lost_seconds = 0.0  # let go of because too much was pending (MAX_PENDING)

    @property
    def max_step(self) -> float:
        """The most time one tick may add: two sample intervals."""
        return 2.0 * self.config.sample_seconds

    @property
    def pending_seconds(self) -> float:
        """Recorded time not yet in the database (only while it cannot be written)."""
        return sum(b - a for _site, a, b in self._pending)

    def tick(self, now: float | None = None) -> TickResult:
        now = self.clock() if now is None else now
        if self._blind and not self.outage.due(now):
            return TickResult(State.STORE_UNAVAILABLE, fault=self.outage.error)
        previous, previous_state = self._last_tick, self._last_state
        try:
            result = self._observe(now, previous, previous_state)
        except StoreUnavailable as e:
            # Consent or pause could not be read: count nothing; the next tick starts afresh.
            self._blind = True
            self.outage.failed(e, now)
            self._last_tick, self._last_state = now, State.STORE_UNAVAILABLE
            return TickResult(State.STORE_UNAVAILABLE, fault=e)
        self._last_tick, self._last_state = now, result.state
        if result.state is State.RECORDING:
            self._last_site = result.site
        self._blind = False
        if not self._pending:
            self.outage.cleared()  # readable, and nothing waits to be written: no fault left
        self._write(now)
        return replace(result, fault=self.outage.error) if self.outage.active else result

    def flush(self, now: float | None = None) -> bool:
        """Try to write what is kept in memory now, whatever the back-off says (before
        stopping); True when nothing is left unwritten."""
        self._write(self.clock() if now is None else now, force=True)
        return not self._pending

    def _write(self, now: float, force: bool = False) -> None:
        """Write the pending spans, oldest first, when the back-off allows; each one leaves
        the queue only once it is in the database."""
        if not self._pending or not (force or self.outage.due(now)):
            return
        try:
            while self._pending:
                site, a, b = self._pending[0]
                self.store.record(site, a, b, max_gap=self.max_step)
                self._pending.popleft()
        except StoreUnavailable as e:
            self.outage.failed(e, now)
        else:
            self.outage.cleared()

    def _keep(self, site: str | None, a: float, b: float) -> None:
        """Queue ``[a, b)`` for writing, merged into the newest pending span when it continues
        it (as the store would merge them)."""
        if self._pending:
            last_site, last_a, last_b = self._pending[-1]
            if last_site == site and 0 <= a - last_b <= self.max_step:
                self._pending[-1] = (site, last_a, b)
                return
        self._pending.append((site, a, b))
        while len(self._pending) > MAX_PENDING:
            _site, old_a, old_b = self._pending.popleft()
            self.lost_seconds += old_b - old_a

    def _observe(
        self, now: float, previous: float | None, previous_state: State | None
    ) -> TickResult:
        if self.store.consent_version() != NOTICE_VERSION:
            self._pending.clear()  # consent withdrawn meanwhile: nothing more is written
            return TickResult(State.NO_CONSENT)
        hours = self.config.work_hours
        if not hours.contains(now):
            # Work hours ended since the last tick: its site keeps the time up to the end.
            seconds = 0.0
            if previous_state is State.RECORDING and previous is not None:
                seconds = self._record(self._last_site, previous, now)
            return TickResult(State.OUTSIDE_HOURS, seconds=seconds)
        paused_until = self.store.paused_until(now)
        if paused_until is not None and now < paused_until:
            return TickResult(State.PAUSED)
        if self.probe.locked():
            return TickResult(State.LOCKED)
        idle = self.probe.idle_seconds()
        if idle is not None and idle >= self.config.idle_seconds:
            return TickResult(State.IDLE)
        foreground = self.probe.foreground()
        if foreground is None and self.front_source is not None:
            foreground = self.front_source(now)  # no window seen: a browser may say it is
        if foreground is None and idle is None:
            return TickResult(State.UNAVAILABLE)
        site = self._classify(foreground, now)

        # Time since the previous tick, if it was counting too (outside-hours ticks count:
        # the work-hours clip below removes what lay outside).
        if previous is None or now <= previous:
            return TickResult(State.RECORDING, site)
        if previous_state not in (State.RECORDING, State.OUTSIDE_HOURS):
            return TickResult(State.RECORDING, site)
        if paused_until is not None:
            previous = max(previous, paused_until)
        return TickResult(State.RECORDING, site, self._record(site, previous, now))

    def _record(self, site: str | None, previous: float, now: float) -> float:
        """Store the part of ``[previous, now)`` that lies inside work hours, capped."""
        recorded = 0.0
        start = max(previous, now - self.max_step)
        for a, b in self.config.work_hours.intervals_inside(start, now):
            self._keep(site, a, b)  # written at the end of the tick (Tracker._write)
            recorded += b - a
        return recorded

    def _classify(self, foreground: Foreground | None, now: float) -> str | None:
        if foreground is None:
            return None  # active, nothing in front (a bare desktop): other
        host = self.host_source(foreground, now) if self.host_source else None
        return classify(foreground.process, foreground.title, self.catalogue, host=host)
