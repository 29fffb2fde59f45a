"""The dashboard, its charts and the team chart in French: tabs, titles, axes, legends, and the
names of days from socialtime.base.i18n (never English abbreviations cut to three letters)."""

from __future__ import annotations

from datetime import date

import pytest

from socialtime.recording.store import Store
from socialtime.rules.periods import local_midnight
from socialtime.rules.sites import load_catalogue
from socialtime.settings import Config, Goals
from socialtime.team.summary import TeamFigures
from socialtime.ui.dashboard import TABS, DashboardWindow

NBSP = "\u00a0"  # before a French colon and percent sign
WEDNESDAY = date(2026, 11, 25)


pytestmark = pytest.mark.usefixtures("paris")


def at(day: int, hours: float) -> float:
    return local_midnight(date(2026, 11, day)) + hours * 3600


@pytest.fixture
def window(qtbot, french, tmp_path):
    """Monday to Wednesday 15:30 with 8 min of YouTube a day, a daily goal of 20 min."""
    store = Store.open(tmp_path / "data")
    for day in (23, 24, 25):
        store.record(None, at(day, 10), at(day, 11), 10)
        store.record("youtube.com", at(day, 14), at(day, 14) + 8 * 60, 10)
    goals = Goals(daily_minutes=20, site_daily_minutes={"youtube.com": 10})
    now = at(25, 15.5)
    w = DashboardWindow(store, Config(goals=goals), load_catalogue(), clock=lambda: now)
    qtbot.addWidget(w)
    w.refresh()
    yield w
    store.close()


def legend(window: DashboardWindow, tab: str) -> list[str]:
    return [t.get_text() for lg in window.canvas(tab).figure.legends for t in lg.get_texts()]


def test_the_window_and_its_tabs_speak_french(window):
    assert window.windowTitle() == "socialtime — Tableau de bord"
    tabs = [window.tabs.tabText(i) for i in range(len(TABS))]
    assert tabs == ["Aujourd'hui", "Semaine", "Mois", "Jours et heures", "Objectifs"]
    assert window.export_button.text() == "E&xporter le graphique…"
    assert window.canvas("week").accessibleName() == "Graphique Semaine"
    assert window.tables["week"].accessibleName() == "Tableau Semaine"
    assert window.table_box.text() == "Afficher en &tableau"
    assert window.earlier.text() == "◀ &Avant"


def test_the_charts_titles_axes_and_legends_speak_french(window):
    today = window.figures()["today"]
    assert today["title"].startswith(f"Réseaux sociaux aujourd'hui{NBSP}: 8 min")
    assert window.canvas("today").figure.axes[1].get_xlabel() == "Minutes"
    assert {"Heures de travail", "Autre (hors réseaux sociaux)"} <= set(legend(window, "today"))
    assert "Votre budget quotidien par site" in legend(window, "today")

    week = window.canvas("week").figure.axes[0]
    assert [t.get_text() for t in week.get_xticklabels()] == [
        "lun. 23", "mar. 24", "mer. 25", "jeu. 26", "ven. 27", "sam. 28", "dim. 29",
    ]  # fmt: skip
    assert week.get_ylabel() == "Minutes sur les réseaux sociaux"
    assert "Objectif quotidien (20 min de réseaux sociaux)" in legend(window, "week")

    heat = window.canvas("heatmap").figure.axes[0]
    assert heat.get_xlabel() == "Heure de la journée"
    assert [t.get_text() for t in heat.get_yticklabels()][:2] == ["lun.", "mar."]


def test_the_goals_calendar_speaks_french(window):
    texts = [t.get_text() for t in window.canvas("goals").figure.axes[0].texts]
    assert texts[:7] == ["lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."]
    assert "✓  Objectifs atteints" in legend(window, "goals")


def test_the_team_chart_speaks_french(qtbot, french):
    from socialtime.charts.team import draw

    figures = TeamFigures(
        team="Design",
        week="2026-W48",
        members=6,
        share_met=0.55,
        most_days=3,
        histogram={"0-15": 2, "15-30": 3, "30-60": 0, "60+": 1},
    )
    axes = draw(figures).axes[0]
    assert axes.get_title() == (
        f"Design, semaine du 23 novembre 2026{NBSP}: 6 membres, objectif atteint sur 55{NBSP}% "
        "des jours travaillés"
    )
    assert axes.get_ylabel() == "Membres"
