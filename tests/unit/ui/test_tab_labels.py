"""Tab labels drawn whole in both languages: the unselected "Équipe" once lost its accent
(socialtime.ui.tabs says why). Each label is drawn unselected, then again with its accents
taken off: if both draw the same pixels, the accent was clipped away."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from PySide6.QtWidgets import QStyle, QTabWidget, QWidget

from socialtime.login.autostart import Autostart
from socialtime.rules.sites import load_catalogue
from socialtime.settings import Config
from socialtime.ui.dashboard import DashboardWindow
from socialtime.ui.settings.dialog import SettingsDialog
from socialtime.ui.tabs import keep_accents


def plain(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def clipped_labels(tabs: QTabWidget) -> list[str]:
    """The labels whose accents do not show when their tab is not the current one."""
    bar, found = tabs.tabBar(), []
    for index in range(bar.count()):
        text = bar.tabText(index)
        if plain(text) == text:
            continue
        tabs.setCurrentIndex(0 if index else 1)
        drawn = bar.grab(bar.tabRect(index)).toImage()
        bar.setTabText(index, plain(text))
        bare = bar.grab(bar.tabRect(index)).toImage()
        bar.setTabText(index, text)
        if drawn == bare:
            found.append(text)
    return found


def roomy(tabs: QTabWidget) -> list[str]:
    """Labels wider than their tab (an elided or cut label)."""
    bar = tabs.tabBar()
    margin = bar.style().pixelMetric(QStyle.PixelMetric.PM_TabBarTabHSpace, None, bar) // 2
    return [
        bar.tabText(i)
        for i in range(bar.count())
        if bar.tabRect(i).width() < bar.fontMetrics().horizontalAdvance(bar.tabText(i)) + margin
    ]


@pytest.fixture
def dialog(qtbot, tmp_path: Path, store, french) -> SettingsDialog:
    autostart = Autostart(platform="linux", home=tmp_path / "home", environ={})
    dialog = SettingsDialog(Config(), tmp_path / "config.toml", store, load_catalogue(), autostart)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_the_french_settings_tabs_keep_their_accents(dialog) -> None:
    labels = [dialog.tabs.tabText(i) for i in range(dialog.tabs.count())]
    assert "Équipe" in labels and "Général" in labels
    assert clipped_labels(dialog.tabs) == []
    assert roomy(dialog.tabs) == []


def test_the_check_sees_a_clipped_accent(qtbot) -> None:
    """Without keep_accents, Qt's Fusion style clips it: the check above can fail."""
    window = QWidget()
    qtbot.addWidget(window)
    for tabs, clipped in ((QTabWidget(window), ["Équipe"]), (keep_accents(), [])):
        tabs.setParent(window)
        tabs.show()
        tabs.addTab(QWidget(), "Objectifs")
        tabs.addTab(QWidget(), "Équipe")
        tabs.resize(tabs.sizeHint())
        window.show()
        assert clipped_labels(tabs) == clipped


def test_the_french_dashboard_tabs_keep_their_accents(qtbot, store, french) -> None:
    window = DashboardWindow(store, Config(), load_catalogue(), clock=lambda: 1.8e9)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert clipped_labels(window.tabs) == [] and roomy(window.tabs) == []
