"""Screen lock and suspend, from whatever reports them, and a probe wrapper that honours them.

Why a separate piece: a window probe answers "what is in front"; lock and suspend come from
elsewhere on every platform (logind and the screensaver over D-Bus on Linux, window messages on
Windows, workspace notifications on macOS), usually as events delivered on another thread. The
tracker only asks `probe.locked()`, so these sources are folded into that one answer here.

A lock or suspend that begins and ends between two ticks would otherwise go unseen, and the tick
after it would count the time since the tick before it. So every source counts the periods that
began (`events`), and `LatchedLock` answers True once for a period it did not see: that tick
records nothing, and the next tick counts only from itself.
"""

from __future__ import annotations

import threading
from typing import Literal, Protocol

from socialtime.base.i18n import translate
from socialtime.probes.base import SCREEN_LOCK, Check, Foreground, Probe

SessionEvent = Literal["locked", "unlocked", "suspend", "resume"]
SLEEP = "sleep"  # the source name for suspend; every other source name is a kind of lock


class LockSource(Protocol):
    """Something that knows whether the session is locked or suspended. Thread-safe."""

    @property
    def events(self) -> int:
        """How many lock or suspend periods have begun so far (only ever grows)."""
        ...

    def locked(self) -> bool | None:
        """True while locked or suspended, False when known unlocked, None when unknown."""
        ...


class SessionState:
    """Lock and suspend state, fed by event callbacks on any thread, read by the tracker.

    Several sources may report at once (logind's LockedHint and the screensaver, say): the
    session counts as locked while any of them says so.
    """

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._values: dict[str, bool | None] = {}
        self._events = 0

    def __repr__(self) -> str:
        return f"SessionState({self._values!r}, events={self._events})"

    def set(self, source: str, active: bool | None) -> None:
        """`source` (SLEEP, or a lock source such as "screensaver") is now active or not."""
        with self._lock:
            if active and not self._values.get(source):
                self._events += 1
            self._values[source] = active

    def apply(self, event: SessionEvent | None) -> None:
        """Apply a decoded platform event ("locked", "unlocked", "suspend", "resume")."""
        if event == "locked" or event == "unlocked":
            self.set("lock", event == "locked")
        elif event == "suspend" or event == "resume":
            self.set(SLEEP, event == "suspend")

    def value(self, source: str) -> bool | None:
        with self._lock:
            return self._values.get(source)

    @property
    def events(self) -> int:
        with self._lock:
            return self._events

    @property
    def suspended(self) -> bool:
        """True between "about to sleep" and "woke up"."""
        return self.value(SLEEP) is True

    def locked(self) -> bool | None:
        """True when suspended or any lock source is active; None when no lock source is known."""
        with self._lock:
            values = dict(self._values)
        if any(values.values()):
            return True
        locks = [v for k, v in values.items() if k != SLEEP]
        return False if False in locks else None


class LatchedLock:
    """`source.locked()`, plus True once for a lock or suspend period that began and ended
    between two calls. Used from the tracker's thread only."""

    def __init__(self, source: LockSource) -> None:
        self.source = source
        self._seen = source.events

    def __call__(self) -> bool | None:
        events = self.source.events
        value = self.source.locked()
        missed = events != self._seen
        self._seen = events
        return True if missed else value


class Watcher(LockSource, Protocol):
    """A lock source that runs in the background (see dbus_session.SessionWatcher)."""

    def start(self) -> None: ...

    def diagnose(self) -> Check: ...

    def close(self) -> None: ...


class LockAwareProbe:
    """A probe whose locked() is also True while the watcher reports a lock or a suspend.

    Everything else is the inner probe's. The watcher starts on first use (its threads are
    not started by make_probe(), so `socialtime doctor` and imports stay cheap).
    """

    def __init__(self, inner: Probe, watcher: Watcher) -> None:
        self.inner = inner
        self.watcher = watcher
        self.name = inner.name
        self._latch: LatchedLock | None = None

    def __repr__(self) -> str:
        return f"LockAwareProbe({self.inner!r})"

    def foreground(self) -> Foreground | None:
        return self.inner.foreground()

    def idle_seconds(self) -> float | None:
        return self.inner.idle_seconds()

    def locked(self) -> bool | None:
        if self._latch is None:
            self.watcher.start()
            self._latch = LatchedLock(self.watcher)
        session = self._latch()
        if session:
            return True
        own = self.inner.locked()
        if own or own is False:
            return own
        return session

    def diagnose(self) -> list[Check]:
        self.watcher.start()
        checks = self.inner.diagnose()
        session = self.watcher.diagnose()
        if not any(check.name == SCREEN_LOCK for check in checks):
            return [*checks, session]
        both = translate("session", "{probe}; {watcher}")  # the probe's own source, then D-Bus's
        return [
            (
                Check(c.name, True, both.format(probe=c.detail, watcher=session.detail))
                if c.ok
                else session
            )
            if c.name == SCREEN_LOCK
            else c
            for c in checks
        ]

    def close(self) -> None:
        self.watcher.close()
        self._latch = None
        self.inner.close()
