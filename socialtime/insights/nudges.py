"""When to nudge: gentle notifications about the user's own goals (promise 7).

Three kinds, each of which the user can switch off (``NudgeSettings``):

- **budget**: at 80 % and at 100 % of the daily budget for all social time, and of each
  per-site budget; each threshold at most once a day. When both are passed at once (a budget
  lowered below today's time, or a restart), only the 100 % one is shown. The weekly budget
  gets the same two nudges, each at most once per ISO week (Monday to Sunday).
- **focus**: a social site is in front during a focus period; at most once per focus period
  per day, however often the user looks.
- **reflection**: once per ISO week, at the first tick recorded that week (which is inside the
  work hours of a work day: usually Monday morning), last week against the one before (see
  socialtime.insights.reflection).

Nudges are judged only on ticks that record (``State.RECORDING``): outside work hours, paused,
idle or locked, nobody is nudged. "Not today" snoozes every kind until the next local day; a
reflection due meanwhile waits for the next day. Nothing is ever blocked, and the wording
describes time, never judges it.

What was shown is kept in the store's meta table, so a restart does not repeat a nudge. Only
keys are kept ("site:youtube.com:80", "focus:09:00", "weekly:80", a week, a date), never a title
or a text.
Days are local calendar days (the system's time zone), as everywhere else.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from socialtime.base import i18n
from socialtime.base.i18n import QT_TRANSLATE_NOOP, format_duration, translate
from socialtime.insights.goals import focus_intervals
from socialtime.insights.reflection import reflection
from socialtime.recording.store import Store
from socialtime.recording.tracker import State, TickResult
from socialtime.rules.periods import day_bounds, local_day, wall_clock, week_name, week_of
from socialtime.rules.sites import Catalogue
from socialtime.settings import Config, NudgeSettings

__all__ = [
    "SHOWN_META",
    "SNOOZED_META",
    "WEEKLY_META",
    "WEEK_META",
    "Nudge",
    "NudgeSettings",
    "Nudger",
    "can_nudge",
]

SHOWN_META = "nudges_shown"  # {"day": "2026-11-24", "keys": [...]}: today's nudges
SNOOZED_META = "nudges_snoozed"  # "2026-11-24": nothing more that day
WEEK_META = "nudges_reflection"  # "2026-W48": the week of the last reflection
WEEKLY_META = "nudges_week"  # {"week": "2026-W48", "keys": ["weekly:80"]}: this week's budget
THRESHOLDS = (80, 100)

_TEXT = {  # marked here, translated when a nudge is made (_text)
    "budget_title": QT_TRANSLATE_NOOP("nudges", "Social time today"),
    "site_title": QT_TRANSLATE_NOOP("nudges", "{site} today"),
    "focus_title": QT_TRANSLATE_NOOP("nudges", "Focus time"),
    "week_title": QT_TRANSLATE_NOOP("nudges", "Social time this week"),
    "week_80": QT_TRANSLATE_NOOP(
        "nudges", "You have spent {spent} of your {budget} on social sites this week."
    ),
    "week_100": QT_TRANSLATE_NOOP(
        "nudges", "You have reached the {budget} you set for social sites this week."
    ),
    "all_80": QT_TRANSLATE_NOOP(
        "nudges", "You have spent {spent} of your {budget} on social sites today."
    ),
    "all_100": QT_TRANSLATE_NOOP(
        "nudges", "You have reached the {budget} you set for social sites today."
    ),
    "site_80": QT_TRANSLATE_NOOP(
        "nudges", "You have spent {spent} of your {budget} on {site} today."
    ),
    "site_100": QT_TRANSLATE_NOOP(
        "nudges", "You have reached the {budget} you set for {site} today."
    ),
    "focus": QT_TRANSLATE_NOOP("nudges", "Focus time until {end} — {site} is in front."),
}


def can_nudge(config: Config) -> bool:
    """Whether these settings let any nudge come: a kind switched on that has something to
    say (a budget for "budget", focus periods for "focus"; the reflection needs nothing). The
    tray hides "Not today" when none can."""
    kinds, goals = config.nudges, config.goals
    budgets = (
        goals.daily_minutes is not None
        or goals.weekly_minutes is not None
        or bool(goals.site_daily_minutes)
    )
    return kinds.reflection or (kinds.budget and budgets) or (kinds.focus and bool(goals.focus))


def _text(key: str) -> str:
    text = _TEXT[key]
    return translate("nudges", text)


@dataclass(frozen=True)
class Nudge:
    kind: str  # "budget", "focus" or "reflection", as in NudgeSettings
    title: str
    text: str
    key: str  # what is remembered so that it is not shown again


class Nudger:
    """Decides, tick by tick, which nudges to show. Called from one thread only; the clock is
    the ``now`` passed in, so every rule is tested with fixed instants."""

    def __init__(self, store: Store, config: Config, catalogue: Catalogue) -> None:
        self.store = store
        self.update(config, catalogue)

    def update(self, config: Config, catalogue: Catalogue) -> None:
        """Use new settings (goals, kinds switched on or off, site names) from the next check."""
        self.config = config
        self.names: Mapping[str, str] = {site.id: site.name for site in catalogue.sites}

    # -- state --------------------------------------------------------------------------

    def snoozed(self, now: float) -> bool:
        return self.store.meta().get(SNOOZED_META) == local_day(now).isoformat()

    def snooze_today(self, now: float) -> None:
        """Snooze ("Not today"): no nudge of any kind until the next local day."""
        self.store.set_meta(SNOOZED_META, local_day(now).isoformat())

    def _shown(self, day: date) -> set[str]:
        try:
            state = json.loads(self.store.meta().get(SHOWN_META, "{}"))
            if state.get("day") == day.isoformat():
                return {str(key) for key in state.get("keys", [])}
        except (ValueError, AttributeError):
            pass  # a damaged value: start the day afresh rather than fail the tick
        return set()

    def _remember(self, day: date, keys: set[str]) -> None:
        value = json.dumps({"day": day.isoformat(), "keys": sorted(keys)})
        self.store.set_meta(SHOWN_META, value)

    def _shown_this_week(self, week: str) -> set[str]:
        try:
            state = json.loads(self.store.meta().get(WEEKLY_META, "{}"))
            if state.get("week") == week:
                return {str(key) for key in state.get("keys", [])}
        except (ValueError, AttributeError):
            pass  # as _shown: a damaged value starts the week afresh
        return set()

    # -- the rules ----------------------------------------------------------------------

    def check(self, now: float, result: TickResult) -> list[Nudge]:
        """The nudges to show after the tick ``result`` taken at ``now`` (usually none)."""
        if result.state is not State.RECORDING or self.snoozed(now):
            return []
        day, kinds = local_day(now), self.config.nudges
        nudges: list[Nudge] = []
        if kinds.reflection and self.store.meta().get(WEEK_META) != week_name(day):
            text = reflection(self.store, self.config, self.names, day)
            self.store.set_meta(WEEK_META, week_name(day))
            if text is not None:
                nudges.append(Nudge("reflection", text[0], text[1], f"week:{week_name(day)}"))
        shown = self._shown(day)
        fresh: list[tuple[Nudge, set[str]]] = []
        if kinds.budget:
            fresh += self._budgets(day, shown)
            nudges += self._weekly(day)
        if kinds.focus and result.site is not None:
            fresh += self._focus(now, result.site, shown)
        if fresh:
            for nudge, keys in fresh:
                nudges.append(nudge)
                shown |= keys
            self._remember(day, shown)
        return nudges

    def _budgets(self, day: date, shown: set[str]) -> list[tuple[Nudge, set[str]]]:
        goals = self.config.goals
        if goals.daily_minutes is None and not goals.site_daily_minutes:
            return []
        totals = self.store.totals(*day_bounds(day))
        budgets: list[tuple[str, float, int]] = []  # (site or "", seconds, minutes)
        if goals.daily_minutes is not None:
            budgets.append(("", totals.social_seconds, goals.daily_minutes))
        for site, minutes in sorted(goals.site_daily_minutes.items()):
            budgets.append((site, totals.sites.get(site, 0.0), minutes))
        out = []
        for site, seconds, minutes in budgets:
            reached = [t for t in THRESHOLDS if seconds >= minutes * 60 * t / 100]
            prefix = f"site:{site}" if site else "all"
            keys = {f"{prefix}:{t}" for t in reached}
            if not reached or keys <= shown:
                continue
            top = reached[-1]  # the highest threshold passed; the lower ones are done with it
            name = self.names.get(site, site)
            text = _text(f"{'site' if site else 'all'}_{top}").format(
                spent=format_duration(seconds), budget=format_duration(minutes * 60), site=name
            )
            title = _text("site_title").format(site=name) if site else _text("budget_title")
            out.append((Nudge("budget", title, text, f"{prefix}:{top}"), keys))
        return out

    def _weekly(self, day: date) -> list[Nudge]:
        """80 % and 100 % of the weekly budget, each once per ISO week (the daily rule's
        "only the higher when both are passed at once" included)."""
        minutes = self.config.goals.weekly_minutes
        if minutes is None:
            return []
        week = week_name(day)
        shown = self._shown_this_week(week)
        seconds = self.store.totals(*week_of(day).bounds()).social_seconds
        reached = [t for t in THRESHOLDS if seconds >= minutes * 60 * t / 100]
        keys = {f"weekly:{t}" for t in reached}
        if not reached or keys <= shown:
            return []
        top = reached[-1]
        text = _text(f"week_{top}").format(
            spent=format_duration(seconds), budget=format_duration(minutes * 60)
        )
        value = json.dumps({"week": week, "keys": sorted(shown | keys)})
        self.store.set_meta(WEEKLY_META, value)
        return [Nudge("budget", _text("week_title"), text, f"weekly:{top}")]

    def _focus(self, now: float, site: str, shown: set[str]) -> list[tuple[Nudge, set[str]]]:
        hours = self.config.work_hours
        for start, end in focus_intervals(self.config.goals, hours, now - 86400, now + 86400):
            if start <= now < end:
                key = f"focus:{self._clock(start)}"
                if key in shown:
                    return []
                text = _text("focus").format(end=self._clock(end), site=self.names.get(site, site))
                return [(Nudge("focus", _text("focus_title"), text, key), {key})]
        return []

    def _clock(self, t: float) -> str:
        return i18n.format_time(wall_clock(t, self.config.work_hours.tz))
