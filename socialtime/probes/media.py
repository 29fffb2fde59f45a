"""Is the window in front playing sound or video? What the desktop can tell of it.

Why it matters: without input, time stops counting after the idle threshold; but watching a
video or sitting in a call is not idle (DESIGN.md, promise 5). The tracker asks this only once
the user has been idle that long (socialtime.recording.tracker), and counts on, up to the cap,
while the answer is yes.

Every source answers one question, "is the process of the window in front playing?":
- the browser extension, for the active tab of the focused window (``tabs.audible``), through the
  bridge: socialtime.browser.bridge.BrowserBridge.audible_for. It knows the tab, so for a browser
  it wins over the sources here, which know only the process;
- on Linux, the desktop's sources gathered in DesktopMedia below: MPRIS media players on the
  session bus whose connection belongs to that process (socialtime.probes.mpris), and sound
  streams of that process (or of a child of it, as Chromium and Electron apps play from a child)
  on the PulseAudio or PipeWire sound server (socialtime.probes.pulse). A call in Discord,
  Telegram or WhatsApp, a player, any app: a stream of theirs that plays is "playing".
- on Windows and macOS, nothing yet besides the extension; doctor says so.

Nothing here is stored, logged or kept beyond the latest answer: each source keeps, in memory,
the set of process ids that play now, and nothing else of what it hears (no player names, no
media titles). Answers are cheap and never block: the sources listen on their own threads and
the tracker only reads a set (see each source's docstring for its threading).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from typing import Protocol

from socialtime.base.i18n import QT_TRANSLATE_NOOP, translate
from socialtime.probes.base import Check, Foreground

__all__ = [
    "PLAYING_MEDIA",
    "DesktopMedia",
    "MediaWatcher",
    "PlayingSource",
    "make_media",
]

# doctor's line name (Check.name): English, compared by code; Check.label translates it.
PLAYING_MEDIA = QT_TRANSLATE_NOOP("doctor", "sound and video")
# Given the window in front and the time: True when it plays sound or video, False when it
# does not, None when this source cannot tell (then the next source is asked).
PlayingSource = Callable[[Foreground, float], bool | None]

NOT_YET = QT_TRANSLATE_NOOP(
    "media",
    "on {platform}, socialtime cannot yet see whether a desktop app plays sound (a player, a "
    "call): only the browser extension tells it, for the tab in front",
)
_PLATFORM_NAMES = {"win32": "Windows", "cygwin": "Windows", "darwin": "macOS"}


class MediaWatcher(Protocol):
    """One desktop source of "who plays now". Thread-safe: it listens on its own thread,
    started by ``start`` and stopped by ``close``; ``playing_pids`` only reads."""

    name: str  # for doctor ("MPRIS", "PulseAudio/PipeWire"), not translated: proper names

    def start(self) -> None: ...

    def playing_pids(self) -> frozenset[int] | None:
        """The processes whose window counts as playing now; None when this source cannot
        tell (not connected)."""
        ...

    def wait_ready(self, timeout: float) -> bool: ...

    def describe(self) -> tuple[bool, str]:
        """For doctor: whether this source works here, and what it sees or why not."""
        ...

    def close(self) -> None: ...


class DesktopMedia:
    """The desktop's sources together: the window in front plays when any source says its
    process does. ``playing`` is a PlayingSource for the tracker.

    ``missing`` (Windows, macOS) says why there is no source at all. Nothing starts before
    ``start``; ``close`` stops every source and may be followed by ``start`` again.
    """

    def __init__(self, watchers: Sequence[MediaWatcher] = (), missing: str | None = None) -> None:
        self.watchers = tuple(watchers)
        self.missing = missing

    def __repr__(self) -> str:
        return f"DesktopMedia({[w.name for w in self.watchers]!r})"

    def start(self) -> None:
        for watcher in self.watchers:
            watcher.start()

    def playing(self, foreground: Foreground, now: float) -> bool | None:
        """True when a source sees the process of ``foreground`` play; False when the sources
        that can tell see it silent; None when none can tell (or the window has no pid)."""
        if foreground.pid is None:
            return None
        known = False
        for watcher in self.watchers:
            pids = watcher.playing_pids()
            if pids is None:
                continue
            if foreground.pid in pids:
                return True
            known = True
        return False if known else None

    def diagnose(self, wait: float = 2.0) -> Check:
        """doctor's "sound and video" line for the desktop's sources (the browser's is told on
        the browser bridge's line). Starts the sources and waits up to ``wait`` s for them."""
        if not self.watchers:
            return Check(PLAYING_MEDIA, False, self.missing or "")
        self.start()
        deadline = time.monotonic() + wait
        for watcher in self.watchers:
            watcher.wait_ready(max(0.0, deadline - time.monotonic()))
        parts, ok = [], False
        for watcher in self.watchers:
            works, detail = watcher.describe()
            ok = ok or works
            parts.append(translate("media", "{source}: {detail}").format(
                source=watcher.name, detail=detail
            ))  # fmt: skip
        return Check(PLAYING_MEDIA, ok, "; ".join(parts))

    def close(self) -> None:
        for watcher in self.watchers:
            watcher.close()


def make_media(
    platform: str | None = None, environ: Mapping[str, str] | None = None
) -> DesktopMedia:
    """The desktop's media sources for ``platform`` (default ``sys.platform``). Nothing
    connects or starts before ``start()``; importing this module loads no source."""
    platform = sys.platform if platform is None else platform
    environ = os.environ if environ is None else environ
    if platform in _PLATFORM_NAMES:
        text = translate("media", NOT_YET).format(platform=_PLATFORM_NAMES[platform])
        return DesktopMedia(missing=text)
    from socialtime.probes.mpris import MprisWatcher
    from socialtime.probes.pulse import PulseWatcher

    return DesktopMedia([MprisWatcher(), PulseWatcher(environ)])
