"""Why a day missed its goals: each goal it missed, and by how much.

API (for the dashboard, the report and socialtime.insights.goals):

- :class:`Miss` -- one goal missed: ``kind`` ("daily", "site", "focus" or "weekly"), the
  ``site`` for a site budget, the seconds ``used`` and the ``limit`` (0 for a focus period).
  ``miss.label(names)`` names what was missed ("daily budget", "YouTube", "focus time");
  ``miss.text(names)`` says it: "daily budget: 43 of 30 min", "YouTube: 14 of 10 min",
  "4 min in focus time", "weekly budget: 3 h 10 min of 2 h 30 min".
- :func:`day_misses` -- the goals one day missed, from that day's figures (a day of
  ``socialtime report --json``) and its social seconds in focus periods.
- :func:`week_miss` -- the weekly budget, missed or not, for a week's social seconds.
- :func:`text` -- the misses of a day joined in one line ("" when none).

The rules are those of socialtime.insights.goals (which judges days with :func:`day_misses`, so
that "met" and "why not" never disagree): within the limit is met, the limit itself included;
a focus period forgives :data:`FOCUS_GRACE_SECONDS` (the tracker's last look can spill a few
seconds into it). Pure: no store, no Qt; the figures come from the caller.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from socialtime.base.i18n import QT_TRANSLATE_NOOP, before_colon, format_duration, translate
from socialtime.settings import Goals

__all__ = ["FOCUS_GRACE_SECONDS", "Miss", "day_misses", "text", "week_miss"]

FOCUS_GRACE_SECONDS = 10.0

_TEXT = {
    "daily": QT_TRANSLATE_NOOP("why", "daily budget"),
    "weekly": QT_TRANSLATE_NOOP("why", "weekly budget"),
    "of": QT_TRANSLATE_NOOP("why", "{label}{colon}: {used} of {limit}"),
    "focus": QT_TRANSLATE_NOOP("why", "{used} in focus time"),
    "focus_label": QT_TRANSLATE_NOOP("why", "focus time"),
}


def _text(key: str) -> str:
    text = _TEXT[key]
    return translate("why", text)


@dataclass(frozen=True)
class Miss:
    """One goal missed: ``used`` seconds against a ``limit`` (seconds; 0 for focus time)."""

    kind: str  # "daily", "site", "focus" or "weekly"
    used: float
    limit: float
    site: str | None = None  # the site's id, for kind "site"

    @property
    def over(self) -> float:
        """Seconds beyond the limit (for focus time: all of them)."""
        return self.used - self.limit

    def label(self, names: Mapping[str, str] | None = None) -> str:
        """What was missed, for a table's first column: "daily budget", "weekly budget",
        the site's display name from ``names`` (its id when unknown), "focus time"."""
        if self.kind == "site":
            site = self.site or ""
            return (names or {}).get(site, site)
        return _text("focus_label" if self.kind == "focus" else self.kind)

    def text(self, names: Mapping[str, str] | None = None) -> str:
        """The miss in words, with the site's display name from ``names`` when known."""
        used = format_duration(self.used)
        if self.kind == "focus":
            return _text("focus").format(used=used)
        return _text("of").format(
            label=self.label(names),
            colon=before_colon(),
            used=used,
            limit=format_duration(self.limit),
        )

    def as_json(self) -> dict[str, object]:
        doc: dict[str, object] = {"goal": self.kind}
        if self.site is not None:
            doc["site"] = self.site
        doc["seconds"] = round(self.used)
        if self.kind != "focus":
            doc["limit_seconds"] = round(self.limit)
        return doc


def day_misses(goals: Goals, figures: Mapping[str, object], focus_seconds: float) -> list[Miss]:
    """The goals a work day missed: ``figures`` is the day's entry of the report
    (``social_seconds`` and ``sites``, seconds per site id), ``focus_seconds`` its social
    seconds inside focus periods. In the order daily budget, site budgets (most over first),
    focus time."""
    out = []
    social = float(figures["social_seconds"])  # type: ignore[arg-type]
    if goals.daily_minutes is not None and social > goals.daily_minutes * 60:
        out.append(Miss("daily", social, goals.daily_minutes * 60))
    sites: Mapping[str, float] = figures["sites"]  # type: ignore[assignment]
    over = [
        Miss("site", float(sites.get(site, 0)), minutes * 60, site)
        for site, minutes in goals.site_daily_minutes.items()
        if sites.get(site, 0) > minutes * 60
    ]
    out += sorted(over, key=lambda m: (-m.over, m.site or ""))
    if goals.focus and focus_seconds > FOCUS_GRACE_SECONDS:
        out.append(Miss("focus", focus_seconds, 0.0))
    return out


def week_miss(goals: Goals, social_seconds: float) -> Miss | None:
    """The weekly budget missed by a week with ``social_seconds``; None when met or unset."""
    if goals.weekly_minutes is None or social_seconds <= goals.weekly_minutes * 60:
        return None
    return Miss("weekly", social_seconds, goals.weekly_minutes * 60)


def text(misses: Sequence[Miss], names: Mapping[str, str] | None = None) -> str:
    """ "daily budget: 43 min of 30 min; YouTube: 14 min of 10 min; 4 min in focus time"."""
    return (before_colon() + "; ").join(miss.text(names) for miss in misses)
