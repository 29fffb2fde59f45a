"""One tick of recording: clock -> consent -> work hours -> pause -> lock -> idle -> probe ->
classify -> store.

The tracker is a plain class with ``tick(now)``; a QTimer (tray) or a loop (``socialtime track``)
only calls it, so every rule here is tested with a fake clock and a fake probe.

Each tick attributes the time since the previous tick to what is seen now. That time is capped
at two sample intervals, so a suspend, a stalled process or a clock jump never makes a long
span; a clock that goes backwards records nothing. After a tick that recorded nothing (idle,
paused, no consent…), the next tick starts counting from itself, so time from before the
condition ended is never attributed.
"""

from __future__ import annotations

import enum
import time
from collections.abc import Callable
from dataclasses import dataclass

from socialtime.config import Config
from socialtime.consent import NOTICE_VERSION
from socialtime.i18n import QT_TRANSLATE_NOOP, translate
from socialtime.probes.base import Foreground, Probe
from socialtime.sites import Catalogue, Site, classify, load_catalogue
from socialtime.store import Store

Clock = Callable[[], float]
# Given the foreground window and the time, the hostname the browser bridge reports for it,
# or None when it has nothing fresh for that window (then title rules apply).
HostSource = Callable[[Foreground, float], str | None]
# Given the time, the window in front when the probe shows none: the browser whose extension
# freshly says one of its windows has the focus (BrowserBridge.focused_window), or None.
FrontSource = Callable[[float], Foreground | None]


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

    @property
    def max_step(self) -> float:
        """The most time one tick may add: two sample intervals."""
        return 2.0 * self.config.sample_seconds

    def tick(self, now: float | None = None) -> TickResult:
        now = self.clock() if now is None else now
        previous, previous_state = self._last_tick, self._last_state
        result = self._observe(now, previous, previous_state)
        self._last_tick, self._last_state = now, result.state
        if result.state is State.RECORDING:
            self._last_site = result.site
        return result

    def _observe(
        self, now: float, previous: float | None, previous_state: State | None
    ) -> TickResult:
        if self.store.consent_version() != NOTICE_VERSION:
            return TickResult(State.NO_CONSENT)
        hours = self.config.work_hours
        if not hours.contains(now):
            # Work hours ended since the last tick: its site keeps the time up to the end.
            seconds = 0.0
            if previous_state is State.RECORDING and previous is not None:
                seconds = self._record(self._last_site, previous, now)
            return TickResult(State.OUTSIDE_HOURS, seconds=seconds)
        paused_until = self.store.paused_until()
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
            self.store.record(site, a, b, max_gap=self.max_step)
            recorded += b - a
        return recorded

    def _classify(self, foreground: Foreground | None, now: float) -> str | None:
        if foreground is None:
            return None  # active, nothing in front (a bare desktop): other
        host = self.host_source(foreground, now) if self.host_source else None
        return classify(foreground.process, foreground.title, self.catalogue, host=host)
