"""Nudges in the tray, offscreen: shown through the tray's notification, silenced by a switch
or by "Not today", and the day's progress in the tooltip and the icon."""

from __future__ import annotations

import pytest
from helpers import ALL_DAY, ARTIFACTS

from socialtime.insights.tray_status import Icon
from socialtime.settings import NudgeSettings
from socialtime.ui.app import TrayApp

GOALS = '[goals]\ndaily_minutes = 2\nfocus = "11:00-12:00"\n'


pytestmark = pytest.mark.usefixtures("paris")


@pytest.fixture
def make_app(make_app, monkeypatch):
    """conftest's tray apps, with ``extra`` in the config, started and consented to; the
    notifications they would show are in app.messages."""

    def make(extra: str = GOALS + "[nudges]\nreflection = false\n") -> TrayApp:
        app = make_app(f"sample_seconds = 5\n{extra}[work_hours]\n{ALL_DAY}\n")
        app.messages = []
        # The spy stands in for the desktop's notification: what the tray would show.
        monkeypatch.setattr(app.tray, "notify", lambda *a: app.messages.append(a[:2]))
        app.start(ask_consent=False)
        app.accept_consent()
        return app

    return make


def step(app: TrayApp, times: int = 1, seconds: float = 5) -> None:
    for _ in range(times):
        app.fake_clock.advance(seconds)
        app.tick()


def test_a_budget_nudge_is_shown_through_the_tray(make_app) -> None:
    app = make_app()
    step(app, 19)  # 95 s of Facebook: under 80 % of 2 min
    assert app.messages == []
    assert app.tray.status.headline == "Today: 1 min of your 2 min on social sites"
    assert "Today: 1 min of your 2 min on social sites" in app.tray.toolTip()
    assert app.tray.headline.text() == app.tray.status.headline
    step(app)
    assert app.messages == [
        ("Social time today", "You have spent 1 min of your 2 min on social sites today.")
    ]
    step(app, 4)  # 2 min: the budget is reached, not yet exceeded
    assert app.messages[1:] == [
        ("Social time today", "You have reached the 2 min you set for social sites today.")
    ]
    assert app.tray.status.icon is Icon.RECORDING
    step(app)
    assert app.tray.status.icon is Icon.GOAL_EXCEEDED
    step(app, 20)
    assert len(app.messages) == 2  # once each
    ARTIFACTS.mkdir(exist_ok=True)
    app.tray.menu.adjustSize()
    assert app.tray.menu.grab().save(str(ARTIFACTS / "tray-menu-goal.png"))


def test_a_focus_nudge_is_shown_through_the_tray(make_app) -> None:
    app = make_app()
    app.probe.show("libreoffice", "report.odt - LibreOffice Writer")
    step(app, 1, seconds=3600)  # 11:00, focus time, a document in front
    assert app.messages == []
    app.probe.show("firefox", "Some video - YouTube — Mozilla Firefox")
    step(app)
    assert app.messages == [("Focus time", "Focus time until 12:00 — YouTube is in front.")]


def test_switching_the_kind_off_silences_it(make_app) -> None:
    app = make_app(GOALS + "[nudges]\nbudget = false\nreflection = false\n")
    step(app, 40)
    assert app.messages == []
    assert app.tray.status.icon is Icon.GOAL_EXCEEDED  # the progress is still shown
    step(app, 1, seconds=3600)  # focus time: that kind is still on
    assert [title for title, _ in app.messages] == ["Focus time"]


def test_switching_it_off_in_settings_takes_effect_at_once(make_app) -> None:
    from dataclasses import replace

    app = make_app()
    app.apply_config(replace(app.config, nudges=NudgeSettings(False, False, False)))
    step(app, 40)
    step(app, 1, seconds=3600)
    assert app.messages == []


def test_not_today_in_the_menu_snoozes_until_tomorrow(make_app) -> None:
    app = make_app()
    action = app.tray.snooze_action
    assert action in app.tray.menu.actions() and action.text() == "Not today (no nudges)"
    action.trigger()
    assert not action.isEnabled() and action.text() == "No nudges until tomorrow"
    step(app, 40)
    step(app, 1, seconds=3600)
    assert app.messages == []
    step(app, 1, seconds=14 * 3600)  # 01:00 the next day
    assert action.isEnabled()
    step(app, 20)
    assert [title for title, _ in app.messages] == ["Social time today"]
