"""The one small interface every platform probe implements, and the values it returns.

Why a Protocol and not a base class: probes for different platforms share no code, only a
contract; the tracker and `socialtime doctor` depend on this contract alone, so tests can hand
them any fake that has these methods.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from socialtime.base.i18n import QT_TRANSLATE_NOOP, translate

# The names of doctor's lines (Check.name). They stay English: code and tests compare them;
# Check.label is the name a person reads.
FOREGROUND_WINDOW = QT_TRANSLATE_NOOP("doctor", "foreground window")
WINDOW_TITLES = QT_TRANSLATE_NOOP("doctor", "window titles")
IDLE_TIME = QT_TRANSLATE_NOOP("doctor", "idle time")
SCREEN_LOCK = QT_TRANSLATE_NOOP("doctor", "screen lock")
BROWSER_PAGES = QT_TRANSLATE_NOOP("doctor", "browser pages")  # macOS: Apple Events
BROWSER_BRIDGE = QT_TRANSLATE_NOOP("doctor", "browser bridge")  # answered by socialtime.browser
# The doctor lines every probe answers.
PROBE_CHECKS = (FOREGROUND_WINDOW, WINDOW_TITLES, IDLE_TIME, SCREEN_LOCK)


@dataclass(frozen=True)
class Foreground:
    """What is in front right now.

    `title` is used in memory only (to classify the window) and is never stored or logged.
    """

    process: str  # process name of the window's owner (psutil name()), "" if unknown
    title: str  # window title, "" if none
    pid: int | None
    # The page's hostname when the platform itself tells it (macOS Apple Events for Safari and
    # the Chrome family), else None; like the title, used in memory only and never stored.
    host: str | None = None


@dataclass(frozen=True)
class Check:
    """One line of `socialtime doctor`: can we see this, and if not, how to fix it."""

    name: str  # "foreground window", "window titles", "idle time", "screen lock", "browser bridge"
    ok: bool
    # What was seen, or an actionable fix ("install X", "set DISPLAY", ...), in the user's language.
    detail: str

    @property
    def label(self) -> str:
        """The line's name in the user's language (``name`` is the English key)."""
        name = self.name  # a plain name: the translation tests accept a variable, not self.x
        return translate("doctor", name)


class Probe(Protocol):
    """What the platform lets us see: the foreground window, idle time, screen lock.

    Threading: all methods are called from one thread (the tracker's). They must not block for
    long (< 50 ms) and must never raise for ordinary conditions (the window closed meanwhile, no
    window in front, a display error): they return None instead, meaning "cannot tell this tick".
    """

    name: str

    def foreground(self) -> Foreground | None:
        """The window in front, or None when nothing is in front or we cannot tell."""
        ...

    def idle_seconds(self) -> float | None:
        """Seconds since the last user input, or None when we cannot tell."""
        ...

    def locked(self) -> bool | None:
        """True when the screen is locked or the screensaver runs; None when we cannot tell."""
        ...

    def diagnose(self) -> list[Check]:
        """What this probe can and cannot see here, with fixes for what is missing."""
        ...

    def close(self) -> None:
        """Release system resources (display connections); the probe may be used again after."""
        ...


# The kernel keeps a process's name in 15 bytes (TASK_COMM_LEN - 1): longer ones are cut.
_COMM_LEN = 15


def process_name(pid: int, proc: Path | None = None) -> str:
    """The name `pid` runs as — what psutil's ``name()`` gives — or "" when it is gone or not
    ours to see. On Linux it is read from ``/proc`` (``proc`` for tests): importing psutil for
    this one call would cost the tray about 4 MB. A name cut at 15 bytes is completed from the
    command line when that starts the same way, as psutil does."""
    if proc is None and not sys.platform.startswith("linux"):
        import psutil  # here: only probes that know a pid need it

        try:
            return str(psutil.Process(pid).name())
        except psutil.Error:
            return ""
    folder = (proc or Path("/proc")) / str(pid)
    if pid <= 0:
        return ""
    try:
        name = (folder / "comm").read_bytes().rstrip(b"\n").decode("utf-8", "replace")
    except OSError:
        return ""
    if len(name.encode()) >= _COMM_LEN:
        try:
            argv0 = (folder / "cmdline").read_bytes().split(b"\0", 1)[0]
        except OSError:
            return name
        full = Path(argv0.decode("utf-8", "replace")).name
        if full.startswith(name):
            return full
    return name
