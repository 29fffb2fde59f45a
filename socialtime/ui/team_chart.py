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

from socialtime.team_summary import TeamFigures

_COLOR = "#0072B2"  # Okabe–Ito blue, as on the dashboard


def draw(figures: TeamFigures) -> Figure:
    figure = Figure(figsize=(6.4, 3.6), dpi=100, layout="constrained")
    axes = figure.add_subplot()
    names = [f"{name} min" for name in figures.histogram]
    counts = list(figures.histogram.values())
    bars = axes.bar(names, counts, color=_COLOR)
    axes.bar_label(bars)
    axes.set_ylabel("Members")
    axes.set_xlabel("Average social time per work day")
    axes.set_ylim(0, max(counts) + 1)
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.spines[["top", "right"]].set_visible(False)
    axes.set_title(
        f"{figures.team}, {figures.week}: {figures.members} members, goal met on "
        f"{100 * figures.share_met:.0f} % of work days",
        fontsize=10,
    )
    return figure


def write_chart(figures: TeamFigures, path: Path) -> None:
    FigureCanvasAgg(draw(figures)).print_png(str(path))
