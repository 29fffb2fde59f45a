"""Tab bars whose labels keep their accents: "Équipe", not "Equipe".

Why: the Fusion style (Qt's default on Linux) draws an unselected tab's label 2 px lower than
the selected one (``PM_TabBarTabShiftVertical``) and clips it to a box as tall as the font. A
capital's accent rises above the font's ascent (with DejaVu Sans at 9 pt the tight top of "É" is
12 px above the baseline, the ascent 11 px), so the shifted box cut it off: "Équipe" read
"Equipe" until its tab was chosen. A taller tab does not help (the box is the text's, not the
tab's); not shifting does. Measured under Xvfb and offscreen (tests/unit/ui/test_tab_labels.py
compares each label with its accents taken off: the two must not draw the same).
"""

from __future__ import annotations

from PySide6.QtWidgets import QProxyStyle, QStyle, QStyleOption, QTabWidget, QWidget

__all__ = ["keep_accents"]


class _NoTabShift(QProxyStyle):
    """The application's style, but an unselected tab's label is not moved down."""

    def pixelMetric(
        self,
        metric: QStyle.PixelMetric,
        option: QStyleOption | None = None,
        widget: QWidget | None = None,
    ) -> int:
        if metric == QStyle.PixelMetric.PM_TabBarTabShiftVertical:
            return 0
        return super().pixelMetric(metric, option, widget)


def keep_accents(tabs: QTabWidget) -> QTabWidget:
    """Give ``tabs``' bar the style above (owned by the bar, so it lives as long); returns it."""
    bar = tabs.tabBar()
    style = _NoTabShift()
    style.setParent(bar)
    bar.setStyle(style)
    return tabs
