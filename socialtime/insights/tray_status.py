"""What the tray shows: an icon state and two lines of text, computed without Qt.

The tray only draws what :func:`tray_status` returns, so every state and wording is tested
here with a fixed clock. Wording is neutral: time is described, never judged.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import timedelta

from socialtime.base import i18n
from socialtime.base.i18n import QT_TRANSLATE_NOOP, format_duration, translate
from socialtime.insights.goals import Goals, progress_text
from socialtime.recording.store import StoreUnavailable
from socialtime.recording.tracker import State
from socialtime.rules.periods import local_day, next_midnight, wall_clock
from socialtime.rules.work_hours import WorkHours

# The labels are marked here: show them with translate("status", label), or use pause_choices().
PAUSE_CHOICES: tuple[tuple[str, float | None], ...] = (
    (QT_TRANSLATE_NOOP("status", "30 minutes"), 30 * 60),
    (QT_TRANSLATE_NOOP("status", "1 hour"), 60 * 60),
    (QT_TRANSLATE_NOOP("status", "Until tomorrow"), None),  # None: until the next local midnight
)


class Icon(enum.Enum):
    """Tray icon states; the value is the SVG's name in assets/icons/."""

    RECORDING = "recording"
    PAUSED = "paused"
    OUTSIDE_HOURS = "outside-hours"
    NO_CONSENT = "no-consent"
    GOAL_EXCEEDED = "goal-exceeded"
    UNSAVED = "unsaved"  # the database cannot be written (or read) for now; it passes
    ERROR = "error"


@dataclass(frozen=True)
class Status:
    icon: Icon
    headline: str  # today's figure, e.g. "Today: 42 min on social sites"
    detail: str  # what socialtime is doing now

    @property
    def tooltip(self) -> str:
        return f"socialtime\n{self.headline}\n{self.detail}"


@dataclass(frozen=True)
class MenuState:
    """Which of the tray menu's actions apply now: one that cannot is hidden or disabled,
    never left to do nothing when clicked."""

    pause: bool  # the Pause submenu is shown (not while paused: Resume stands in its place)
    pause_enabled: bool  # ...and usable: there is a recording to pause
    resume: bool  # "Resume" is shown: only while paused
    snooze: bool  # "Not today (no nudges)" is shown: some nudge can come
    snooze_enabled: bool  # ...and usable: not snoozed already, and recording can nudge


# The states in which nothing is recorded whatever the user does: no pause, no nudge apply.
_NOT_RECORDING = frozenset({Icon.NO_CONSENT, Icon.ERROR})


def menu_state(
    icon: Icon, paused: bool, snoozed: bool, can_nudge: bool, store_open: bool = True
) -> MenuState:
    """The menu for a Status with ``icon``: ``paused`` (a pause runs), ``snoozed`` ("Not
    today" was chosen today), ``can_nudge`` (the settings allow some nudge: see
    socialtime.insights.nudges.can_nudge), ``store_open`` (the database is open, so that a
    pause can be saved). Without consent, or once recording has stopped on an error, neither
    a pause nor "Not today" means anything: Pause is disabled and "Not today" too; Resume
    stays while paused so that a pause can still be ended."""
    live = icon not in _NOT_RECORDING and store_open
    return MenuState(
        pause=not paused,
        pause_enabled=live,
        resume=paused and store_open,
        snooze=can_nudge,
        snooze_enabled=live and not snoozed,
    )


def pause_choices() -> tuple[tuple[str, float | None], ...]:
    """PAUSE_CHOICES with their labels in the current language."""
    return tuple((translate("status", label), seconds) for label, seconds in PAUSE_CHOICES)


def pause_end(now: float, seconds: float | None) -> float:
    """When a pause started at ``now`` ends: after ``seconds``, or at the next local midnight."""
    if seconds is not None:
        return now + seconds
    return next_midnight(now)


def _when(t: float, now: float) -> tuple[str, str, str]:
    """("today" | "tomorrow" | "later", the day as shown ("Mon 2 Nov"), the time "09:00")."""
    when, today = wall_clock(t), local_day(now)
    hhmm = i18n.format_time(when)
    if when.date() == today:
        return "today", "", hhmm
    if when.date() == today + timedelta(days=1):
        return "tomorrow", "", hhmm
    weekday, month = i18n.weekday_name(when.weekday(), True), i18n.month_name(when.month, True)
    return "later", f"{weekday} {when.day} {month}", hhmm


def clock_time(t: float, now: float) -> str:
    """``"14:30"`` today, ``"tomorrow 09:00"``, or ``"Mon 2 Nov 09:00"`` further away."""
    kind, day, hhmm = _when(t, now)
    if kind == "today":
        return hhmm
    if kind == "tomorrow":
        return translate("status", "tomorrow {time}").format(time=hhmm)
    return f"{day} {hhmm}"


def _paused_until(t: float, now: float) -> str:
    kind, day, hhmm = _when(t, now)
    if kind == "today":
        return translate("status", "Paused until {time}").format(time=hhmm)
    if kind == "tomorrow":
        return translate("status", "Paused until tomorrow {time}").format(time=hhmm)
    return translate("status", "Paused until {day} {time}").format(day=day, time=hhmm)


def _outside_hours(start: float | None, now: float) -> str:
    if start is None:
        return translate("status", "Outside your work hours")
    kind, day, hhmm = _when(start, now)
    if kind == "today":
        text = translate("status", "Outside your work hours: recording starts at {time}")
        return text.format(time=hhmm)
    if kind == "tomorrow":
        text = translate("status", "Outside your work hours: recording starts at tomorrow {time}")
        return text.format(time=hhmm)
    text = translate("status", "Outside your work hours: recording starts at {day} {time}")
    return text.format(day=day, time=hhmm)


def fault_status(reason: str, state: State | None) -> Status:
    """The tray when even today's figure cannot be read (the database is unavailable for now:
    a StoreUnavailable's ``reason``)."""
    headline = translate("status", "socialtime cannot use its database for now")
    return Status(Icon.UNSAVED, headline, _fault_detail(reason, state))


def _fault_detail(reason: str, state: State | None) -> str:
    """What a fault that passes means for recording: it goes on in memory, unless even
    consent could not be read (``state`` STORE_UNAVAILABLE)."""
    if state is State.STORE_UNAVAILABLE:
        return translate("status", "Cannot read the database: nothing is counted until it can")
    if reason == StoreUnavailable.FULL:
        return translate("status", "The disk is full: what is recorded waits in memory")
    if reason == StoreUnavailable.BUSY:
        return translate("status", "The database is busy: what is recorded waits in memory")
    return translate("status", "The disk reports errors: what is recorded waits in memory")


def tray_status(
    state: State | None,
    social_today: float,
    now: float,
    work_hours: WorkHours,
    paused_until: float | None = None,
    goal_exceeded: bool = False,
    recording_elsewhere: bool = False,
    goals: Goals | None = None,
    fault: StoreUnavailable | None = None,
) -> Status:
    """The tray's icon and text for the tracker's latest ``state`` (None: before the first
    tick) and the social seconds recorded today; with a daily budget in ``goals``, the
    headline shows the progress towards it ("Today: 24 min of your 30 min on social sites").
    A ``fault`` (the database cannot be written for now) is shown before all but consent."""
    progress = progress_text(goals, social_today) if goals is not None else None
    amount = progress or format_duration(social_today)
    headline = translate("status", "Today: {amount} on social sites").format(amount=amount)
    if state is State.NO_CONSENT:
        detail = translate("status", "Not recording: waiting for your consent")
        return Status(Icon.NO_CONSENT, headline, detail)
    if fault is not None:
        return Status(Icon.UNSAVED, headline, _fault_detail(fault.reason, state))
    if paused_until is not None and now < paused_until:
        return Status(Icon.PAUSED, headline, _paused_until(paused_until, now))
    if recording_elsewhere:
        detail = translate("status", "Recorded by another socialtime (socialtime track)")
        return Status(Icon.RECORDING, headline, detail)
    if state is State.OUTSIDE_HOURS or (state is None and not work_hours.contains(now)):
        return Status(Icon.OUTSIDE_HOURS, headline, _outside_hours(work_hours.next_start(now), now))
    icon = Icon.GOAL_EXCEEDED if goal_exceeded else Icon.RECORDING
    if state is None:
        return Status(icon, headline, translate("status", "Starting…"))
    details = {
        State.IDLE: translate("status", "Recording paused while you are away"),
        State.LOCKED: translate("status", "Screen locked: nothing is counted"),
        State.UNAVAILABLE: translate(
            "status", "Cannot see the desktop here: see socialtime doctor"
        ),
        State.PAUSED: translate("status", "Paused"),
    }
    return Status(icon, headline, details.get(state) or translate("status", "Recording"))
