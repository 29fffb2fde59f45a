"""When to try the database again after a fault that passes (a full disk, another program
holding the write lock, an I/O error): 5 s after the first failure, then 10, 20, 40 s, then every
minute, for as long as it lasts.

Why back off at all: a write that meets another program's lock waits for the store's busy
timeout (5 s) before it fails, and a tray that did so at every tick would freeze its menu; and a
disk that is full stays full for a while. Why never give up: the fault is not in the database, so
recording must go on by itself once it passes, without anyone restarting anything.

A plain class on an injected clock, as the tracker is: ``socialtime track``'s loop and the
tray's timer only call it, and its rules are tested with a fake clock.
"""

from __future__ import annotations

from socialtime.recording.store import StoreUnavailable

FIRST_DELAY = 5.0
LONGEST_DELAY = 60.0


class Outage:
    """The current run of failures, if any. ``failed()`` and ``cleared()`` return True only at
    the first failure of a run and at its end, so that each is said once."""

    def __init__(self, first: float = FIRST_DELAY, longest: float = LONGEST_DELAY) -> None:
        self.first, self.longest = first, longest
        self.error: StoreUnavailable | None = None  # the latest failure of this run
        self.since: float | None = None  # when the run began
        self.delay = 0.0  # the wait before the next try
        self.next_try = 0.0
        self.failures = 0  # in this run

    @property
    def active(self) -> bool:
        return self.error is not None

    def due(self, now: float) -> bool:
        """True when the database may be tried now: no outage, or its wait is over (or the
        clock went back past the failure, after which the wait means nothing)."""
        if self.error is None:
            return True
        return now >= self.next_try or now < self.next_try - self.delay

    def failed(self, error: StoreUnavailable, now: float) -> bool:
        """Note a failure at ``now``; the wait doubles from ``first`` up to ``longest``.
        True when this failure begins an outage."""
        began = self.error is None
        if began:
            self.since, self.failures, self.delay = now, 0, self.first
        else:
            self.delay = min(self.delay * 2, self.longest)
        self.error = error
        self.failures += 1
        self.next_try = now + self.delay
        return began

    def cleared(self) -> bool:
        """Note a success; True when it ends an outage."""
        ended = self.error is not None
        self.error, self.since, self.delay, self.failures = None, None, 0.0, 0
        return ended
