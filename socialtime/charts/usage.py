"""matplotlib figures for the dashboard's Today, Week and Month tabs: they draw what
socialtime.insights.stats computed, nothing more. The heatmap is in socialtime.charts.heatmap, the
goals calendar in socialtime.charts.goals, and the colours they share in socialtime.charts.style.

Why plain ``matplotlib.figure.Figure`` and never pyplot: pyplot keeps global state (a list of
open figures, a current axes) that a long-running tray app would leak, and it may pick a
backend on its own. Each function here clears the figure it is given and draws one chart, so
the dashboard can redraw every minute into the same figure.

Each ``draw_*`` returns the numbers it drew, read back from the artists where possible, so a
test can check what the user sees against ``socialtime report --json``.
"""

from __future__ import annotations

import textwrap
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, Locator

from socialtime.base.i18n import QT_TRANSLATE_NOOP, format_date, format_duration, translate
from socialtime.charts.style import (
    OVER,
    SiteStyle,
    Theme,
    add_legend,
    add_message,
    start_figure,
    style_axes,
)
from socialtime.insights import stats
from socialtime.insights.goals import Goals, progress_text

# Marked here, translated where drawn (``_text``): matplotlib text is plain Python strings, so
# this module translates with socialtime.base.i18n (context "charts"), as the core does.
_TEXT = {
    "work_hours": QT_TRANSLATE_NOOP("charts", "Work hours"),
    "other": QT_TRANSLATE_NOOP("charts", "Other (not social)"),
    "now": QT_TRANSLATE_NOOP("charts", "now"),
    "minutes": QT_TRANSLATE_NOOP("charts", "Minutes"),
    "hours": QT_TRANSLATE_NOOP("charts", "Active time (hours)"),
    "minutes_social": QT_TRANSLATE_NOOP("charts", "Minutes of social time"),
    "goal_mark": QT_TRANSLATE_NOOP("charts", "goal {minutes}"),
    "over": QT_TRANSLATE_NOOP("charts", "Over your daily goal"),
    "over_by": QT_TRANSLATE_NOOP("charts", " — {minutes} over your daily budget"),
    "focus": QT_TRANSLATE_NOOP("charts", "Focus periods"),
    "active_context": QT_TRANSLATE_NOOP("charts", "Active time (right scale)"),
    "per_site": QT_TRANSLATE_NOOP("charts", "Social sites today"),
    "per_site_progress": QT_TRANSLATE_NOOP("charts", "Social sites today: {progress}"),
    "no_social": QT_TRANSLATE_NOOP("charts", "No time on social sites today."),
    "per_day": QT_TRANSLATE_NOOP("charts", "Social sites on {day}"),
    "per_day_progress": QT_TRANSLATE_NOOP("charts", "Social sites on {day}: {progress}"),
    "site_budget": QT_TRANSLATE_NOOP("charts", "Your daily budget per site"),
    "daily_budget": QT_TRANSLATE_NOOP("charts", "Your daily goal ({minutes} of social time)"),
}


def _text(key: str) -> str:
    """The text of ``key`` in the current language."""
    text = _TEXT[key]
    return translate("charts", text)


def _hhmm(hour: int) -> str:
    return f"{hour:02d}:00"


class _HourLocator(Locator):
    """Ticks on whole hours, every 1, 2, 3, 4 or 6 hours: as many as fit without the "09:00"
    labels touching. Asked at each draw, so it follows the window's width."""

    LABEL_WIDTH = 48  # pixels for "09:00" at 9 pt and a gap

    def __call__(self) -> list[int]:
        lo, hi = self.axis.get_view_interval()  # type: ignore[union-attr]
        width = self.axis.axes.bbox.width  # type: ignore[union-attr]
        dpi = self.axis.figure.dpi / 100  # type: ignore[union-attr]
        fits = max(1.0, width / (self.LABEL_WIDTH * dpi))
        step = next((s for s in (1, 2, 3, 4, 6) if (hi - lo) / s <= fits), 12)
        first = int(np.ceil(lo / step) * step)
        return list(range(first, int(hi) + 1, step))


def _site_budgets(ax: Axes, sites: Sequence[str], goals: Goals | None, th: Theme) -> dict[str, int]:
    """An upright line across each site's bar (one row per site) at its daily budget."""
    drawn: dict[str, int] = {}
    for row, site in enumerate(sites):
        minutes = goals.site_daily_minutes.get(site) if goals else None
        if minutes is not None:
            ax.plot([minutes, minutes], [row - 0.42, row + 0.42], color=th.foreground, lw=2.5)
            drawn[site] = minutes
    return drawn


# -- today --------------------------------------------------------------------------------------


def draw_today(
    fig: Figure,
    data: stats.Today,
    names: Mapping[str, str],
    style: SiteStyle,
    th: Theme,
    empty: str,
    goals: Goals | None = None,
    focus: Sequence[tuple[float, float]] = (),
    past: bool = False,
) -> dict[str, Any]:
    """A timeline of the day (work hours as a band, focus periods hatched, other time grey,
    social time in colour) above a bar per social site, with a mark at each site's budget.
    Once the day is over its daily budget, the title says so in bold with a triangle."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    start_figure(fig, th)
    top, bottom = fig.subplots(2, 1, height_ratios=(1, 2.4))
    style_axes(top, th, grid_axis="")
    day = data.day
    marks = [stats.clock_hours(t, day) for a, b in data.work_hours for t in (a, b)]
    marks += [stats.clock_hours(t, day) for a, b, _ in data.segments for t in (a, b)]
    lo, hi = (int(min(marks)), int(np.ceil(max(marks)))) if marks else (8, 18)
    lo, hi = max(0, lo), min(24, max(hi, lo + 1))

    for a, b in data.work_hours:
        x0, x1 = stats.clock_hours(a, day), stats.clock_hours(b, day)
        top.axvspan(x0, x1, ymin=0.1, ymax=0.9, color=th.work, lw=0)
    for a, b in focus:
        x0, x1 = stats.clock_hours(a, day), stats.clock_hours(b, day)
        top.axvspan(x0, x1, ymin=0.02, ymax=0.98, facecolor="none", edgecolor=th.muted,
                    hatch="//", lw=0.8)  # fmt: skip
    groups: dict[str | None, list[tuple[float, float]]] = {}
    for a, b, site in data.segments:
        x0 = stats.clock_hours(a, day)
        groups.setdefault(site, []).append((x0, max(stats.clock_hours(b, day) - x0, 0.0)))
    for site, ranges in groups.items():
        colour = th.other if site is None else style.colour(site)
        hatch = "" if site is None else style.hatch(site)
        top.broken_barh(ranges, (0.25, 0.5), facecolors=colour, hatch=hatch, hatchcolor=th.edge)
    now = stats.clock_hours(data.now, day)
    if lo <= now <= hi:
        top.axvline(now, color=th.foreground, lw=1, ls=":")
        top.text(now, 0.98, _text("now"), color=th.muted, fontsize=8, ha="center", va="bottom")
    top.set_xlim(lo, hi)
    top.set_ylim(0, 1)
    top.set_yticks([])
    top.xaxis.set_major_locator(_HourLocator())
    top.xaxis.set_major_formatter(FuncFormatter(lambda x, _pos: _hhmm(round(x))))
    top.spines["left"].set_visible(False)

    style_axes(bottom, th, grid_axis="x")
    sites = sorted(data.sites.items(), key=lambda kv: (-kv[1], kv[0]))
    shown: dict[str, int] = {}
    budgets: dict[str, int] = {}
    progress = progress_text(goals, data.social_seconds) if goals else None
    if past:  # a day opened from the bars or the calendar: named, not "today"
        when = format_date(day, "long")
        title = (
            _text("per_day_progress").format(day=when, progress=progress)
            if progress
            else _text("per_day").format(day=when)
        )
    else:
        title = (
            _text("per_site_progress").format(progress=progress) if progress else _text("per_site")
        )
    daily = goals.daily_minutes if goals else None
    over = daily is not None and data.social_seconds > daily * 60
    if over:
        title = (
            "▲ "
            + title
            + _text("over_by").format(
                minutes=format_duration(data.social_seconds - daily * 60)  # type: ignore[operator]
            )
        )
    if sites:
        labels = [names.get(s, s) for s, _ in sites]
        minutes = [v / 60 for _, v in sites]
        bars = bottom.barh(
            labels,
            minutes,
            color=[style.colour(s) for s, _ in sites],
            hatch=[style.hatch(s) for s, _ in sites],
            hatchcolor=th.edge,
            height=0.6,
        )
        bottom.invert_yaxis()
        bottom.bar_label(
            bars, [format_duration(v) for _, v in sites], padding=4, color=th.foreground, fontsize=9
        )
        budgets = _site_budgets(bottom, [s for s, _ in sites], goals, th)
        bottom.set_xlim(0, max(minutes + list(budgets.values())) * 1.25)
        bottom.set_xlabel(_text("minutes"))
        bottom.set_title(
            textwrap.fill(title, 84, break_long_words=False),  # French is a fifth longer
            loc="left",
            fontsize=10,
            color=OVER if over else th.foreground,
            fontweight="bold" if over else "normal",
        )
        shown = {s: round(r.get_width() * 60) for (s, _), r in zip(sites, bars, strict=True)}
    else:
        bottom.set_axis_off()
        message = _text("no_social") if data.active_seconds else empty
        add_message(bottom, message, th)

    handles: list[Any] = (
        [Patch(facecolor=th.work, label=_text("work_hours"))] if data.work_hours else []
    )
    if None in groups:
        handles.append(Patch(facecolor=th.other, label=_text("other")))
    if focus:
        handles.append(
            Patch(facecolor="none", edgecolor=th.muted, hatch="//", label=_text("focus"))
        )
    if budgets:
        handles.append(Line2D([], [], color=th.foreground, lw=2.5, label=_text("site_budget")))
    add_legend(fig, handles, th)
    social = sum(shown.values())
    return {
        "date": day.isoformat(),
        "active_seconds": max(data.active_seconds, social),
        "social_seconds": social,
        "sites": shown,
        "segments": [list(s) for s in data.segments],
        "work_hours": [list(w) for w in data.work_hours],
        "budgets": budgets,
        "title": title if sites else None,
        "over_budget": over,
        "focus": [list(f) for f in focus],
    }


# -- week and month ----------------------------------------------------------------------------


def day_label(day: date, month: bool) -> str:
    """The label under a day's bar: "Mon 23" for a week, the day's number for a month."""
    return str(day.day) if month else format_date(day, "weekday")


def draw_bars(
    fig: Figure,
    data: stats.Bars,
    names: Mapping[str, str],
    style: SiteStyle,
    th: Theme,
    empty: str,
    month: bool = False,
    goals: Goals | None = None,
) -> dict[str, Any]:
    """Social time per day in minutes, stacked per site (most time at the bottom), with the
    daily goal as a labelled line and each day over it outlined and marked with a triangle, so
    colour is never the only cue. Active time is context, not the scale: a light line on its
    own axis at the right. Each bar carries its minutes, horizontal, at 8 pt or more."""
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    start_figure(fig, th)
    ax = fig.subplots()
    style_axes(ax, th)
    days = data.days
    x = np.arange(len(days))
    bottom = np.zeros(len(days))
    width = 0.7 if not month else 0.8
    per_site: dict[str, list[int]] = {}
    handles: list[Any] = []
    for site in data.sites:
        minutes = np.array(data.seconds(site)) / 60
        fill: dict[str, Any] = {
            "facecolor": style.colour(site),
            "hatch": style.hatch(site),
            "hatchcolor": th.edge,
            "edgecolor": th.edge,
        }
        bars = ax.bar(x, minutes, width, bottom=bottom, linewidth=0.5, **fill)
        per_site[site] = [round(r.get_height() * 60) for r in bars]
        handles.append(Patch(label=names.get(site, site), **fill))
        bottom += minutes
    social = bottom
    peak = float(social.max()) if len(social) else 0.0
    budget = None if goals is None else goals.daily_minutes
    dense = len(days) > 31
    over = [i for i in range(len(days)) if budget is not None and social[i] > budget]
    if over:  # a dark outline round each bar over the goal, and a triangle above its figure
        ax.bar(
            [x[i] for i in over],
            [social[i] for i in over],
            width,
            facecolor="none",
            edgecolor=th.foreground,
            linewidth=1.8 if not dense else 0.9,
        )
    top = max(peak, float(budget or 0), 1.0)
    size = 8 if month else 9
    if dense and over:  # 90 bars: no figure on each (the hover and the table have them)
        ax.plot(
            [x[i] for i in over],
            [social[i] + top * 0.03 for i in over],
            ls="",
            marker="^",
            markersize=4,
            color=th.foreground,
        )
    for i in range(len(days)):
        if social[i] < 0.5 or dense:
            continue
        text = f"{social[i]:.0f}" if month else format_duration(round(social[i]) * 60)
        mark = i in over
        ax.text(
            i,
            social[i] + top * 0.015,
            f"▲\n{text}" if mark else text,
            ha="center",
            va="bottom",
            fontsize=size,
            fontweight="bold" if mark else "normal",
            color=th.foreground if mark else th.muted,
            linespacing=1.0,
        )
    if month:
        for i, d in enumerate(days):
            if d.weekday() >= 5:
                ax.axvspan(i - 0.5, i + 0.5, color=th.grid, alpha=0.5, lw=0, zorder=0)
    labels = [day_label(d, month) for d in days]
    if dense:  # 90 days: "3 Mar" on every other Monday, so that the labels never touch
        mondays = [d for d in days if d.weekday() == 0][::2]
        labels = [format_date(d, "short") if d in mondays else "" for d in days]
    ax.set_xticks(x, labels)
    ax.tick_params(axis="x", labelsize=size)
    ax.set_xlim(-0.6, len(days) - 0.4)
    ax.set_ylim(0, top * (1.3 if over or month else 1.2))
    ax.set_ylabel(_text("minutes_social"))
    goal = None
    if budget is not None:
        label = _text("daily_budget").format(minutes=format_duration(budget * 60))
        goal = ax.axhline(budget, color=th.foreground, lw=1.4, ls="--", label=label, zorder=3)
        ax.text(
            0.995,
            budget + top * 0.01,
            _text("goal_mark").format(minutes=format_duration(budget * 60)),
            transform=ax.get_yaxis_transform(),
            ha="right",
            va="bottom",
            fontsize=9,
            color=th.foreground,
            bbox={"facecolor": th.background, "edgecolor": "none", "pad": 1.5, "alpha": 0.85},
            zorder=4,
        )
    active_minutes = [d["active_seconds"] / 60 for d in data.day_docs]
    context = None
    if data.active_seconds:
        right = ax.twinx()
        hours = [m / 60 if m else np.nan for m in active_minutes]  # no line on empty days
        right.plot(x, hours, color=th.muted, lw=1, alpha=0.7,
                   marker="o", markersize=2.5, zorder=1)  # fmt: skip
        right.set_ylim(0, max(max(active_minutes) / 60 * 1.15, 1.0))
        right.set_ylabel(_text("hours"), color=th.muted, fontsize=8)
        right.tick_params(colors=th.muted, labelcolor=th.muted, labelsize=8)
        for name, spine in right.spines.items():
            spine.set_visible(name == "right")
            spine.set_color(th.grid)
        right.set_zorder(ax.get_zorder() - 1)  # behind the bars and their hover
        ax.patch.set_visible(False)
        right.patch.set_facecolor(th.background)
        context = Line2D([], [], color=th.muted, lw=1, marker="o", markersize=2.5,
                         label=_text("active_context"))  # fmt: skip
    if data.active_seconds == 0:
        add_message(ax, empty, th)
    # Listed top to bottom as the parts are stacked, so each name sits level with its colour.
    legend = handles[::-1]
    if goal is not None:
        legend.append(goal)
    if over:
        legend.append(Line2D([], [], color=th.foreground, marker="^", lw=0, label=_text("over")))
    if context is not None:
        legend.append(context)
    add_legend(fig, legend if data.active_seconds else [], th)

    day_docs = []
    for i, d in enumerate(days):
        sites = {s: v[i] for s, v in per_site.items() if v[i] > 0}
        day_docs.append(
            {
                "date": d.isoformat(),
                "active_seconds": int(data.day_docs[i]["active_seconds"]),
                "social_seconds": sum(sites.values()),
                "sites": sites,
            }
        )
    # The period's totals (the legend order, the summary's figures) are the report's own: it
    # rounds each total once, so they may differ by a second from the sum of the rounded days.
    return {
        "from": data.period.first.isoformat(),
        "to": data.period.last.isoformat(),
        "active_seconds": data.active_seconds,
        "social_seconds": data.social_seconds,
        "sites": dict(data.doc["sites"]),
        "days": day_docs,
        "share": data.share,
        "daily_budget_minutes": budget,
        "over": [days[i].isoformat() for i in over],
        "labels": labels,
    }
