"""The look shared by every dashboard chart: palette, themes, site colours, and the few calls
that set up a figure, an axes, a legend or an empty state. The charts themselves live in
socialtime.charts.usage (today, week, month), socialtime.charts.heatmap and socialtime.charts.goals.

Colours: the Okabe–Ito palette, designed to stay distinguishable with the common forms of
colour blindness. Each site keeps one colour (its position in the catalogue) on every chart and
in both themes, so the user learns it once; past seven sites a hatch pattern tells the second
round of colours apart. "Other" (active, not social) time is a neutral grey. The heatmap uses a
single-hue sequential map in the light theme and cividis in the dark one: both read by
lightness alone.
"""

from __future__ import annotations

import textwrap
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from matplotlib.axes import Axes
from matplotlib.figure import Figure

# Okabe & Ito (2008) without black, which would vanish on a dark background.
OKABE_ITO = ("#E69F00", "#56B4E9", "#009E73", "#F0E442", "#0072B2", "#D55E00", "#CC79A7")
HATCHES = ("", "//", "..", "xx")
MET = OKABE_ITO[2]  # bluish green: a day or a budget within the user's goals
OVER = OKABE_ITO[5]  # vermillion: today's figure once over the daily budget (with a ▲ and words)
MESSAGE_WIDTH = 72  # characters per line of an empty state: ~450 px at 10 pt, inside any axes


@dataclass(frozen=True)
class Theme:
    """The colours around the data; site colours do not change with the theme."""

    dark: bool
    background: str
    foreground: str
    muted: str
    grid: str
    other: str
    work: str  # the band behind the timeline during work hours
    edge: str  # thin separators between stacked parts
    cmap: str


LIGHT = Theme(
    dark=False,
    background="#FFFFFF",
    foreground="#1F1F1F",
    muted="#5F5F5F",
    grid="#E3E3E3",
    other="#B8B8B8",
    work="#EDF1F5",
    edge="#FFFFFF",
    cmap="Blues",
)
DARK = Theme(
    dark=True,
    background="#1E1F22",
    foreground="#E8E8E8",
    muted="#A8A8A8",
    grid="#3A3C40",
    other="#686A6E",
    work="#2B3138",
    edge="#1E1F22",
    cmap="cividis",
)


def theme(dark: bool) -> Theme:
    return DARK if dark else LIGHT


class SiteStyle:
    """A stable colour and hatch per site id, from the site's place in the catalogue."""

    def __init__(self, ids: Sequence[str]) -> None:
        self._index = {site: i for i, site in enumerate(ids)}
        self._extra = len(ids)

    def _position(self, site: str) -> int:
        index = self._index.get(site)
        if index is None:  # no longer in the catalogue: stable, if not collision-free
            index = self._extra + zlib.crc32(site.encode()) % len(OKABE_ITO)
        return index

    def colour(self, site: str) -> str:
        return OKABE_ITO[self._position(site) % len(OKABE_ITO)]

    def hatch(self, site: str) -> str:
        return HATCHES[(self._position(site) // len(OKABE_ITO)) % len(HATCHES)]


def new_figure() -> Figure:
    return Figure(figsize=(8, 4.5), dpi=100, layout="constrained")


def start_figure(fig: Figure, th: Theme) -> None:
    """Clear ``fig`` for a new drawing: the dashboard redraws into the same figure each time."""
    fig.clear()
    fig.set_facecolor(th.background)
    fig.get_layout_engine().set(h_pad=0.08, w_pad=0.08)  # type: ignore[union-attr, call-arg]


def style_axes(ax: Axes, th: Theme, grid_axis: str = "y") -> None:
    """The theme's colours, only the bottom and left spines, and a grid along ``grid_axis``
    ("x", "y", or "" for none)."""
    ax.set_facecolor(th.background)
    for name, spine in ax.spines.items():
        spine.set_visible(name in ("bottom", "left"))
        spine.set_color(th.muted)
    ax.tick_params(colors=th.muted, labelcolor=th.foreground, labelsize=9)
    ax.xaxis.label.set_color(th.foreground)
    ax.yaxis.label.set_color(th.foreground)
    ax.title.set_color(th.foreground)
    if grid_axis:
        ax.grid(axis=grid_axis, color=th.grid, linewidth=0.8)  # type: ignore[arg-type]
        ax.set_axisbelow(True)


def add_legend(fig: Figure, handles: list[Any], th: Theme) -> None:
    """A legend outside the axes, top right; nothing when there are no handles."""
    if not handles:
        return
    legend = fig.legend(
        handles=handles,
        loc="outside right upper",  # i18n: ignore - a matplotlib position
        frameon=False,
        fontsize=9,
        labelcolor=th.foreground,
    )
    legend.set_in_layout(True)


def add_message(ax: Axes, text: str, th: Theme) -> None:
    """An empty state in the middle of the axes, on a patch of background over the grid.

    Cut into lines of at most MESSAGE_WIDTH characters: matplotlib wraps only at the figure's
    edge, so a long sentence (French is a fifth longer) would cover the axis labels."""
    box = {"facecolor": th.background, "edgecolor": "none", "pad": 6}
    ax.text(
        0.5,
        0.5,
        textwrap.fill(text, MESSAGE_WIDTH, break_long_words=False, break_on_hyphens=False),
        transform=ax.transAxes,
        ha="center",
        va="center",
        fontsize=10,
        color=th.foreground,
        bbox=box,
        wrap=True,
    )
