"""macOS probe (pyobjc): the frontmost app, its window title, browser hostnames, idle, sleep/lock.

Why these sources:
- NSWorkspace.frontmostApplication is the app receiving input. Main-thread rule: NSWorkspace
  updates it from notifications delivered by the main thread's run loop, so call foreground()
  from the main thread while a run loop turns (the tray's QTimer does: Qt runs the Cocoa run
  loop). A plain loop (`socialtime track`) must turn the run loop between ticks with pump(),
  or the answer never changes.
- Window titles need the Accessibility permission (AXIsProcessTrusted): with it, the focused
  window's kAXTitleAttribute through AXUIElementCreateApplication; without it, the app alone is
  seen, and diagnose() says how to grant it. request_accessibility() shows the system prompt;
  the UI calls it after explaining why (never the probe on its own).
- Safari and the Chrome family tell the front tab's URL over Apple Events (NSAppleScript). The
  first request makes macOS ask the user ("socialtime wants to control Safari", the Automation
  permission). Only the hostname is kept (urllib.parse, no network); the URL is dropped at once.
- Idle: CGEventSourceSecondsSinceLastEventType(combined session state, any input event).
- Sleep, wake and lock arrive as notifications (NSWorkspaceWillSleep/DidWake, the distributed
  com.apple.screenIsLocked/Unlocked), also delivered by the main run loop; the probe subscribes
  on first use of locked() and they feed a SessionState.

Nothing is imported from pyobjc until a MacApi method runs, so this module imports on Linux and
tests hand MacProbe a fake `api`.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, Protocol
from urllib.parse import urlsplit

from socialtime.base.i18n import QT_TRANSLATE_NOOP, format_number, translate
from socialtime.probes.base import (
    BROWSER_PAGES,
    FOREGROUND_WINDOW,
    IDLE_TIME,
    SCREEN_LOCK,
    WINDOW_TITLES,
    Check,
    Foreground,
)
from socialtime.probes.session import LatchedLock, SessionEvent, SessionState

# Bundle id -> AppleScript returning the front tab's URL. `application id` is immune to
# renamed or localised app names.
CHROME_FAMILY = (
    "com.google.Chrome",
    "com.google.Chrome.beta",
    "com.google.Chrome.canary",
    "org.chromium.Chromium",
    "com.brave.Browser",
    "com.microsoft.edgemac",
    "com.vivaldi.Vivaldi",
    "company.thebrowser.Browser",
)
URL_SCRIPTS = {
    "com.apple.Safari": (
        'tell application id "com.apple.Safari" '
        "to return URL of front document"  # i18n: ignore - AppleScript
    ),
    **{
        bid: f'tell application id "{bid}" '
        "to return URL of active tab of front window"  # i18n: ignore - AppleScript
        for bid in CHROME_FAMILY
    },
}
AUTOMATION_DENIED = -1743  # errAEEventNotPermitted: the user said no (or was never asked)
RETRY_DENIED = 60.0  # seconds before asking a browser again after a refusal

# Shown by doctor, translated there: translate("macos", ACCESSIBILITY_FIX).
ACCESSIBILITY_FIX = QT_TRANSLATE_NOOP(
    "macos",
    "window titles need the Accessibility permission: open System Settings › Privacy & "
    "Security › Accessibility, switch on socialtime (add it with + if it is not listed), then "
    "restart socialtime. Until then only the application in front is seen",
)
AUTOMATION_FIX = QT_TRANSLATE_NOOP(
    "macos",
    "to recognise sites in Safari and Chrome-family browsers, allow socialtime to control them: "
    "System Settings › Privacy & Security › Automation › socialtime (macOS asks once, the first "
    "time a browser is in front). Only the hostname is read, never stored with the page",
)


def host_from_url(url: str | None) -> str | None:
    """The hostname of an http(s) URL, lowercased, without user, port, path or query."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
        host = parts.hostname
    except ValueError:  # a malformed URL (bad port, bad IPv6 literal)
        return None
    if parts.scheme not in ("http", "https") or not host:
        return None
    return host.rstrip(".")


class Api(Protocol):
    """The macOS calls the probe makes; MacApi is the real one."""

    def frontmost(self) -> tuple[str, int, str] | None: ...  # (process name, pid, bundle id)
    def accessibility_trusted(self) -> bool: ...
    def request_accessibility(self) -> bool: ...
    def focused_window_title(self, pid: int) -> str | None: ...
    def run_applescript(self, source: str) -> tuple[str | None, int]: ...  # (result, error)
    def idle_seconds(self) -> float | None: ...
    def observe_session(self, callback: Callable[[SessionEvent], None]) -> bool: ...
    def pump(self, seconds: float) -> None: ...


class MacApi:
    """The real calls (pyobjc, imported on first use). Any pyobjc failure answers None/False."""

    def __init__(self) -> None:
        self._scripts: dict[str, Any] = {}
        self._observers: list[tuple[Any, Any]] = []

    def frontmost(self) -> tuple[str, int, str] | None:
        from AppKit import NSWorkspace

        app = NSWorkspace.sharedWorkspace().frontmostApplication()
        if app is None:
            return None
        url = app.executableURL()
        name = str(url.lastPathComponent()) if url is not None else ""
        return (
            name or str(app.localizedName() or ""),
            int(app.processIdentifier()),
            str(app.bundleIdentifier() or ""),
        )

    def accessibility_trusted(self) -> bool:
        from ApplicationServices import AXIsProcessTrusted

        return bool(AXIsProcessTrusted())

    def request_accessibility(self) -> bool:
        from ApplicationServices import AXIsProcessTrustedWithOptions, kAXTrustedCheckOptionPrompt

        return bool(AXIsProcessTrustedWithOptions({kAXTrustedCheckOptionPrompt: True}))

    def focused_window_title(self, pid: int) -> str | None:
        from ApplicationServices import (
            AXUIElementCopyAttributeValue,
            AXUIElementCreateApplication,
            kAXFocusedWindowAttribute,
            kAXTitleAttribute,
        )

        app = AXUIElementCreateApplication(pid)
        err, window = AXUIElementCopyAttributeValue(app, kAXFocusedWindowAttribute, None)
        if err or window is None:
            return None
        err, title = AXUIElementCopyAttributeValue(window, kAXTitleAttribute, None)
        return None if err else str(title or "")

    def run_applescript(self, source: str) -> tuple[str | None, int]:
        from Foundation import NSAppleScript

        script = self._scripts.get(source)
        if script is None:
            script = self._scripts[source] = NSAppleScript.alloc().initWithSource_(source)
        result, error = script.executeAndReturnError_(None)
        if error is not None:
            return None, int(error.get("NSAppleScriptErrorNumber", -1))
        return (str(result.stringValue() or "") if result is not None else None), 0

    def idle_seconds(self) -> float | None:
        from Quartz import (
            CGEventSourceSecondsSinceLastEventType,
            kCGAnyInputEventType,
            kCGEventSourceStateCombinedSessionState,
        )

        return float(
            CGEventSourceSecondsSinceLastEventType(
                kCGEventSourceStateCombinedSessionState, kCGAnyInputEventType
            )
        )

    def observe_session(self, callback: Callable[[SessionEvent], None]) -> bool:
        """Subscribe to sleep/wake and lock/unlock; call on the main thread (run loop)."""
        from AppKit import (
            NSWorkspace,
            NSWorkspaceDidWakeNotification,
            NSWorkspaceWillSleepNotification,
        )
        from Foundation import NSDistributedNotificationCenter

        workspace = NSWorkspace.sharedWorkspace().notificationCenter()
        distributed = NSDistributedNotificationCenter.defaultCenter()
        wanted: list[tuple[Any, str, SessionEvent]] = [
            (workspace, NSWorkspaceWillSleepNotification, "suspend"),
            (workspace, NSWorkspaceDidWakeNotification, "resume"),
            (distributed, "com.apple.screenIsLocked", "locked"),
            (distributed, "com.apple.screenIsUnlocked", "unlocked"),
        ]
        for center, name, event in wanted:
            token = center.addObserverForName_object_queue_usingBlock_(
                name, None, None, lambda note, event=event: callback(event)
            )
            self._observers.append((center, token))
        return True

    def pump(self, seconds: float) -> None:
        from Foundation import NSDate, NSRunLoop

        NSRunLoop.currentRunLoop().runUntilDate_(NSDate.dateWithTimeIntervalSinceNow_(seconds))


class MacProbe:
    """Probe for macOS 12+. Call from the main thread (see the module's note)."""

    name = "macos"

    def __init__(self, api: Api | None = None, clock: Callable[[], float] = time.monotonic):
        self.api: Api = MacApi() if api is None else api
        self.session = SessionState()
        self._latch = LatchedLock(self.session)
        self._clock = clock
        self._observing = False
        self._refused: dict[str, float] = {}  # bundle id -> when to ask again
        self.automation_errors: dict[str, int] = {}  # bundle id -> last Apple Events error
        self.last_error = ""

    def __repr__(self) -> str:
        return f"MacProbe({self.session!r})"

    def _ask(self, what: str, call: Callable[[], Any]) -> Any:
        """Run one pyobjc call; a failure (missing framework, objc.error...) answers None."""
        try:
            return call()
        except Exception as exc:  # a system boundary: pyobjc raises many kinds
            self.last_error = f"{what}: {exc!r}"
            return None

    def foreground(self) -> Foreground | None:
        front = self._ask("NSWorkspace", self.api.frontmost)
        if front is None:
            return None
        process, pid, bundle = front
        title = ""
        if self._ask("AXIsProcessTrusted", self.api.accessibility_trusted):
            title = self._ask("Accessibility", lambda: self.api.focused_window_title(pid)) or ""
        return Foreground(process, title, pid or None, host=self._browser_host(bundle))

    def _browser_host(self, bundle: str) -> str | None:
        script = URL_SCRIPTS.get(bundle)
        if script is None or self._clock() < self._refused.get(bundle, float("-inf")):
            return None
        answer = self._ask(
            "Apple Events",  # i18n: ignore - the name of the failing call, with its exception
            lambda: self.api.run_applescript(script),
        )
        url, error = answer if answer is not None else (None, -1)
        if error:  # refused, or no window open (-1728), or the app is quitting (-600)...
            self.automation_errors[bundle] = error
            if error == AUTOMATION_DENIED:  # asking again every tick would only cost time
                self._refused[bundle] = self._clock() + RETRY_DENIED
            return None
        self.automation_errors.pop(bundle, None)
        return host_from_url(url)

    def idle_seconds(self) -> float | None:
        idle = self._ask("CGEventSource", self.api.idle_seconds)
        return None if idle is None else max(0.0, float(idle))

    def locked(self) -> bool | None:
        self.observe_session()
        return self._latch()

    def observe_session(self) -> bool:
        """Subscribe to sleep/wake/lock notifications once (main thread, see the module)."""
        if not self._observing:
            self._observing = bool(
                self._ask("notifications", lambda: self.api.observe_session(self.session.apply))
            )
            if self._observing:
                self.session.set("lock", False)  # we run in the user's unlocked session
        return self._observing

    def request_accessibility(self) -> bool:
        """Show macOS's Accessibility prompt; the UI explains why first. True if granted."""
        return bool(
            self._ask(
                "Accessibility prompt",  # i18n: ignore - the failing call's name, as Apple Events
                self.api.request_accessibility,
            )
        )

    def pump(self, seconds: float = 0.0) -> None:
        """Turn the main run loop (for loops without Qt, such as `socialtime track`)."""
        self._ask("run loop", lambda: self.api.pump(seconds))  # i18n: ignore - the call's name

    # --- doctor ----------------------------------------------------------------------------

    def diagnose(self) -> list[Check]:
        front = self._ask("NSWorkspace", self.api.frontmost)
        trusted = bool(self._ask("AXIsProcessTrusted", self.api.accessibility_trusted))
        idle = self.idle_seconds()
        denied = sorted(b for b, e in self.automation_errors.items() if e == AUTOMATION_DENIED)
        observing = self.observe_session()
        automation = translate("macos", AUTOMATION_FIX)
        if denied:
            text = translate("macos", "Apple Events refused by {browsers}; {fix}")
            automation = text.format(browsers=", ".join(denied), fix=automation)
        return [
            Check(
                FOREGROUND_WINDOW,
                front is not None,
                translate("macos", "NSWorkspace: {app} in front").format(app=front[0])
                if front
                else translate("macos", "unavailable {error}").format(error=self.last_error),
            ),
            Check(
                WINDOW_TITLES,
                trusted,
                translate("macos", "Accessibility API, used in memory only, never stored")
                if trusted
                else translate("macos", ACCESSIBILITY_FIX),
            ),
            Check(BROWSER_PAGES, not denied, automation),
            Check(
                IDLE_TIME,
                idle is not None,
                translate("macos", "CGEventSource: {seconds} s idle").format(
                    seconds=format_number(idle or 0)
                )
                if idle is not None
                else translate("macos", "unavailable"),
            ),
            Check(
                SCREEN_LOCK,
                observing,
                translate(
                    "macos",
                    "sleep, wake and lock notifications, while socialtime's event loop runs",
                )
                if observing
                else translate(
                    "macos", "cannot subscribe to sleep and lock notifications {error}"
                ).format(error=self.last_error),
            ),
        ]

    def close(self) -> None:
        pass
