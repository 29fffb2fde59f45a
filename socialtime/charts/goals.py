"""The dashboard's Goals tab: a calendar of the month's days met. Like socialtime.charts.usage
(which draws the budget marks on the other charts), it only draws what the core computed
(socialtime.insights.goals), on a plain matplotlib figure in the colours of
socialtime.charts.style, and returns what it drew for the tests.

A day met is told from a day missed by more than colour: a filled cell with a tick against an
outlined cell with a dash, so the calendar reads the same in grey or with colour blindness.
The words stay neutral: a day is "not met", never failed.
"""

from __future__ import annotations

from typing import Any

from matplotlib.figure import Figure

from socialtime.base.i18n import QT_TRANSLATE_NOOP, translate, weekday_name
from socialtime.charts.style import MET, Theme, add_legend, add_message, start_figure
from socialtime.insights.goals import Overview

# Marked here, translated where drawn (socialtime.base.i18n, as in socialtime.charts.usage); the
# names of the weekdays come from socialtime.base.i18n.
_TEXT = {
    "met": QT_TRANSLATE_NOOP("goal_charts", "Goals met"),
    "today": QT_TRANSLATE_NOOP("goal_charts", "Today, so far within your goals"),
    "missed": QT_TRANSLATE_NOOP("goal_charts", "Not met"),
}
_MARKS = {"met": "✓", "today": "✓", "missed": "–"}


def _text(key: str) -> str:
    """The text of ``key`` in the current language."""
    text = _TEXT[key]
    return translate("goal_charts", text)


def draw_calendar(fig: Figure, data: Overview, th: Theme, message: str) -> dict[str, Any]:
    """The month as a grid of weeks (Monday first): met, not met, days off, days to come."""
    from matplotlib.patches import FancyBboxPatch, Patch

    start_figure(fig, th)
    ax = fig.subplots()
    ax.set_facecolor(th.background)
    ax.set_axis_off()
    first = data.month.first
    offset = first.weekday()
    days = data.month.days()
    rows = (offset + len(days) + 6) // 7
    ax.set_xlim(-0.05, 7.05)
    ax.set_ylim(rows + 0.05, -0.6)
    for column in range(7):
        name = weekday_name(column, short=True)
        ax.text(column + 0.5, -0.3, name, ha="center", va="center", color=th.muted, fontsize=9)
    cells: dict[str, str] = {}
    for day in days:
        index = offset + day.day - 1
        x, y = index % 7, index // 7
        state = data.cell(day)
        cells[day.isoformat()] = state
        face, edge, style = "none", th.grid, "-"
        if state == "met":
            face, edge = MET, MET
        elif state == "today":
            edge, style = MET, "--"
        elif state == "missed":
            edge = th.muted
        box = FancyBboxPatch(
            (x + 0.06, y + 0.06),
            0.88,
            0.88,
            boxstyle="round,pad=0,rounding_size=0.08",
            facecolor=face,
            edgecolor=edge,
            linestyle=style,
            lw=1.2 if state in ("today", "missed") else 0.8,
        )
        ax.add_patch(box)
        strong = state == "met"
        number = th.background if strong else th.muted if state != "missed" else th.foreground
        ax.text(x + 0.14, y + 0.16, str(day.day), ha="left", va="top", fontsize=8, color=number)
        mark = _MARKS.get(state)
        if mark:
            colour = th.background if strong else MET if state == "today" else th.foreground
            ax.text(x + 0.5, y + 0.56, mark, ha="center", va="center", fontsize=14, color=colour)
        if day == data.today:
            ax.add_patch(
                FancyBboxPatch(
                    (x + 0.02, y + 0.02),
                    0.96,
                    0.96,
                    boxstyle="round,pad=0,rounding_size=0.1",
                    facecolor="none",
                    edgecolor=th.foreground,
                    lw=1.2,
                )
            )
    if message:
        add_message(ax, message, th)
    else:
        met, today, missed = (_text(key) for key in ("met", "today", "missed"))
        handles = [
            Patch(facecolor=MET, edgecolor=MET, label=f"✓  {met}"),
            Patch(facecolor="none", edgecolor=MET, ls="--", label=f"✓  {today}"),
            Patch(facecolor="none", edgecolor=th.muted, label=f"–  {missed}"),
        ]
        add_legend(fig, handles, th)
    return {
        "month": first.isoformat()[:7],
        "cells": cells,
        "streak": data.streak,
        "met": sum(1 for state in cells.values() if state == "met"),
    }
