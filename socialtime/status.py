"""What the tray shows: an icon state and two lines of text, computed without Qt.

The tray only draws what :func:`tray_status` returns, so every state and wording is tested
here with a fixed clock. Wording is neutral: time is described, never judged.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import datetime, timedelta

from socialtime.goals import Goals, progress_text
from socialtime.report import format_duration, local_midnight
from socialtime.schedule import WorkHours
from socialtime.tracker import State

PAUSE_CHOICES: tuple[tuple[str, float | None], ...] = (
    ("30 minutes", 30 * 60),
    ("1 hour", 60 * 60),
    ("Until tomorrow", None),  # None: until the next local midnight
)


class Icon(enum.Enum):
    """Tray icon states; the value is the SVG's name in assets/icons/."""

    RECORDING = "recording"
    PAUSED = "paused"
    OUTSIDE_HOURS = "outside-hours"
    NO_CONSENT = "no-consent"
    GOAL_EXCEEDED = "goal-exceeded"
    ERROR = "error"


@dataclass(frozen=True)
class Status:
    icon: Icon
    headline: str  # today's figure, e.g. "Today: 42 min on social sites"
    detail: str  # what socialtime is doing now

    @property
    def tooltip(self) -> str:
        return f"socialtime\n{self.headline}\n{self.detail}"


def pause_end(now: float, seconds: float | None) -> float:
    """When a pause started at ``now`` ends: after ``seconds``, or at the next local midnight."""
    if seconds is not None:
        return now + seconds
    return local_midnight(datetime.fromtimestamp(now).date() + timedelta(days=1))


def clock_time(t: float, now: float) -> str:
    """``"14:30"`` today, ``"tomorrow 09:00"``, or ``"Mon 09:00"`` further away."""
    when, today = datetime.fromtimestamp(t), datetime.fromtimestamp(now).date()
    if when.date() == today:
        return f"{when:%H:%M}"
    if when.date() == today + timedelta(days=1):
        return f"tomorrow {when:%H:%M}"
    return f"{when:%a %d %b %H:%M}"


def today_bounds(now: float) -> tuple[float, float]:
    day = datetime.fromtimestamp(now).date()
    return local_midnight(day), local_midnight(day + timedelta(days=1))


def tray_status(
    state: State | None,
    social_today: float,
    now: float,
    work_hours: WorkHours,
    paused_until: float | None = None,
    goal_exceeded: bool = False,
    recording_elsewhere: bool = False,
    goals: Goals | None = None,
) -> Status:
    """The tray's icon and text for the tracker's latest ``state`` (None: before the first
    tick) and the social seconds recorded today; with a daily budget in ``goals``, the
    headline shows the progress towards it ("Today: 24 min of your 30 min on social sites")."""
    progress = progress_text(goals, social_today) if goals is not None else None
    headline = f"Today: {progress or format_duration(social_today)} on social sites"
    if state is State.NO_CONSENT:
        return Status(Icon.NO_CONSENT, headline, "Not recording: waiting for your consent")
    if paused_until is not None and now < paused_until:
        return Status(Icon.PAUSED, headline, f"Paused until {clock_time(paused_until, now)}")
    if recording_elsewhere:
        return Status(Icon.RECORDING, headline, "Recorded by another socialtime (socialtime track)")
    if state is State.OUTSIDE_HOURS or (state is None and not work_hours.contains(now)):
        start = work_hours.next_start(now)
        when = f": recording starts at {clock_time(start, now)}" if start else ""
        return Status(Icon.OUTSIDE_HOURS, headline, f"Outside your work hours{when}")
    icon = Icon.GOAL_EXCEEDED if goal_exceeded else Icon.RECORDING
    details = {
        State.IDLE: "Recording paused while you are away",
        State.LOCKED: "Screen locked: nothing is counted",
        State.UNAVAILABLE: "Cannot see the desktop here: see socialtime doctor",
        State.PAUSED: "Paused",
    }
    return Status(icon, headline, details.get(state, "Recording") if state else "Starting…")
