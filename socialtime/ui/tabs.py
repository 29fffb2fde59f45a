"""Tab bars whose labels keep their accents: "Équipe", not "Equipe".

Why: the Fusion style (Qt's default on Linux) draws an unselected tab's label 2 px lower than
the selected one (``PM_TabBarTabShiftVertical``) inside a box as tall as the font, which clips
it. A capital's accent rises above the font's ascent (with DejaVu Sans at 9 pt the tight top of
"É" is 12 px above the baseline, the ascent 11 px), so "Équipe" read "Equipe" until its tab was
chosen. Measured under Xvfb and offscreen: a taller tab does not help, not shifting does.

So the bar paints each label where a chosen tab's goes (the shape still shows which tab is
chosen). Not by a QProxyStyle returning a shift of 0: a Python style is called while widgets
are destroyed, also when the interpreter is shutting down, which crashed it there. A paint
event runs only while the bar is shown. tests/unit/ui/test_tab_labels.py draws each label
with and without its accents: the two must differ.
"""

from __future__ import annotations

from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QStyle, QStyleOptionTab, QStylePainter, QTabBar, QTabWidget

__all__ = ["AccentTabBar", "keep_accents"]


class AccentTabBar(QTabBar):
    """A tab bar that paints every label unshifted (see the module's docstring)."""

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QStylePainter(self)
        current = self.currentIndex()
        order = [i for i in range(self.count()) if i != current]
        order += [current] if current >= 0 else []  # the chosen tab overlaps its neighbours
        for index in order:
            option = QStyleOptionTab()
            self.initStyleOption(option, index)
            if not option.rect.intersects(event.rect()):
                continue
            painter.drawControl(QStyle.ControlElement.CE_TabBarTabShape, option)
            option.state |= QStyle.StateFlag.State_Selected  # the label only: no shift
            painter.drawControl(QStyle.ControlElement.CE_TabBarTabLabel, option)


class _Tabs(QTabWidget):
    def __init__(self) -> None:
        super().__init__()
        self.setTabBar(AccentTabBar())  # protected in Qt: a subclass may call it


def keep_accents() -> QTabWidget:
    """A QTabWidget whose bar is an AccentTabBar."""
    return _Tabs()
