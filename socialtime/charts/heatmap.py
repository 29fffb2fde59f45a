"""The dashboard's "Days and hours" tab: social time by weekday and hour of the day over the
last four weeks. Like socialtime.charts.usage, it draws what socialtime.insights.stats computed on a
plain matplotlib figure (colours from socialtime.charts.style) and returns what it drew.

Its texts keep the "charts" translation context of the other dashboard charts.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from matplotlib.colors import Colormap
from matplotlib.figure import Figure

from socialtime.base.i18n import translate, weekday_name
from socialtime.charts.style import Theme, add_message, start_figure, style_axes
from socialtime.insights import stats
from socialtime.settings import Config


def _colormap(th: Theme) -> Colormap:
    import matplotlib

    # An hour without social time is drawn neutral, not as the palest shade of "some".
    return matplotlib.colormaps[th.cmap].with_extremes(bad=th.grid if th.dark else "#F5F5F5")


def draw_heatmap(
    fig: Figure, data: stats.Heatmap, config: Config, th: Theme, empty: str
) -> dict[str, Any]:
    """Weekday x hour of social time over the last four weeks; empty cells are neutral, and
    each filled cell carries its minutes so the colour is never the only cue."""
    start_figure(fig, th)
    ax = fig.subplots()
    style_axes(ax, th, grid_axis="")
    hours = stats.shown_hours(data, config.work_hours)
    minutes = np.array([[row[h] / 60 for h in hours] for row in data.matrix])
    masked = np.ma.masked_less(minutes, 0.5)
    vmax = max(float(minutes.max()), 1.0)
    cmap = _colormap(th)
    image = ax.imshow(masked, cmap=cmap, vmin=0, vmax=vmax, aspect="auto")
    ax.set_yticks(range(7), [weekday_name(i, short=True) for i in range(7)])
    form = "{:02d}:00" if len(hours) <= 12 else "{:02d}"
    ax.set_xticks(range(len(hours)), [form.format(h) for h in hours])
    ax.set_xlabel(translate("charts", "Hour of the day"))
    ax.tick_params(length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    ax.set_xticks(np.arange(-0.5, len(hours)), minor=True)
    ax.set_yticks(np.arange(-0.5, 7), minor=True)
    ax.grid(which="minor", color=th.background, linewidth=2)
    ax.tick_params(which="minor", length=0)
    if len(hours) <= 16:
        for (w, c), value in np.ndenumerate(minutes):
            if value >= 0.5:
                r, g, b, _ = cmap(value / vmax)
                light = 0.2126 * r + 0.7152 * g + 0.0722 * b > 0.5
                ax.text(
                    c,
                    w,
                    f"{value:.0f}",
                    ha="center",
                    va="center",
                    fontsize=8,
                    color="#111111" if light else "#F5F5F5",
                )
    if data.peak() is None:
        add_message(ax, empty, th)  # and no colour scale: there is nothing to measure
    else:
        from matplotlib.ticker import MaxNLocator

        bar = fig.colorbar(image, ax=ax, shrink=0.9, pad=0.02)
        bar.locator = MaxNLocator(integer=True)
        bar.update_ticks()
        bar.set_label(translate("charts", "Minutes of social time"), color=th.foreground)
        bar.ax.tick_params(colors=th.muted, labelcolor=th.foreground, labelsize=8)
        bar.outline.set_edgecolor(th.muted)
    return {
        "from": data.period.first.isoformat(),
        "to": data.period.last.isoformat(),
        "matrix": [list(row) for row in data.matrix],
        "hours": list(hours),
        "social_seconds": data.social_seconds,
    }
