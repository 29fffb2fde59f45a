"""The PNG chart of ``socialtime team aggregate --chart``: the bucket histogram, nothing else.

It lives in socialtime/ui/ because only this package may import matplotlib, but it needs no
Qt: a plain ``Figure`` drawn by the Agg canvas (no pyplot, no GUI backend), so it works on a
server without a display. The command imports this module only when ``--chart`` is given.
"""

from __future__ import annotations

from pathlib import Path

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from socialtime.base.i18n import format_percent, translate
from socialtime.rules.periods import iso_week_label
from socialtime.team.summary import TeamFigures

_COLOR = "#0072B2"  # Okabe–Ito blue, as on the dashboard


def draw(figures: TeamFigures) -> Figure:
    figure = Figure(figsize=(6.4, 3.6), dpi=100, layout="constrained")
    axes = figure.add_subplot()
    names = [f"{name} min" for name in figures.histogram]
    counts = list(figures.histogram.values())
    bars = axes.bar(names, counts, color=_COLOR)
    axes.bar_label(bars)
    axes.set_ylabel(translate("team_chart", "Members"))
    axes.set_xlabel(translate("team_chart", "Average social time per work day"))
    axes.set_ylim(0, max(counts) + 1)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.spines[["top", "right"]].set_visible(False)
    title = translate(
        "team_chart",
        "{team}, {week}: %n member(s), goal met on {share} of work days",
        None,
        figures.members,
    )
    share = format_percent(100 * figures.share_met)
    title = title.format(team=figures.team, week=iso_week_label(figures.week), share=share)
    axes.set_title(title, fontsize=10, wrap=True)  # a long team name, or French, takes two lines
    return figure


def write_chart(figures: TeamFigures, path: Path) -> None:
    FigureCanvasAgg(draw(figures)).print_png(str(path))
