"""The first-run guide, offscreen: after Accept, once; its buttons; the goal it writes."""

from __future__ import annotations

import tomllib

import pytest
from PySide6.QtWidgets import QApplication

from socialtime.insights.first_run import GUIDE_META
from socialtime.ui.app import TrayApp
from socialtime.ui.consent_dialog import ConsentDialog
from socialtime.ui.first_run import FirstRunGuide

pytestmark = pytest.mark.usefixtures("paris")

CONFIG = (
    "# my own comment\nsample_seconds = 5\n[work_hours]\n"
    'mon = "09:00-12:30, 13:30-18:00"\ntue = "09:00-12:30, 13:30-18:00"\n'
    'wed = "09:00-12:30, 13:30-18:00"\nthu = "09:00-12:30, 13:30-18:00"\n'
    'fri = "09:00-12:30, 13:30-18:00"\n'
)


def accept_notice(app: TrayApp, qtbot) -> FirstRunGuide:
    app.start()
    qtbot.waitUntil(lambda: isinstance(app.windows.get("notice"), ConsentDialog))
    app.windows["notice"].accept_button.click()
    qtbot.waitUntil(lambda: isinstance(app.windows.get("guide"), FirstRunGuide))
    guide = app.windows["guide"]
    qtbot.waitUntil(guide.isVisible)
    return guide


def test_after_accept_the_guide_shows_the_icon_the_hours_and_a_goal(make_app, qtbot) -> None:
    app = make_app(CONFIG)
    guide = accept_notice(app, qtbot)
    assert "system tray" in guide.where_text.text()
    assert guide.hours_text.text().splitlines() == [
        "Monday to Friday: 09:00–12:30, 13:30–18:00",
        "Saturday and Sunday: not recorded",
    ]
    assert guide.change_hours_button.text() == "Change work hours…"
    assert not guide.goal_box.isChecked() and not guide.budget.isEnabled()
    assert [b.text() for b in guide.buttons.buttons()] == ["Done", "Skip"]
    assert app.store.meta()[GUIDE_META] == "1"


def test_skip_closes_it_and_writes_nothing(make_app, qtbot, tmp_path) -> None:
    app = make_app(CONFIG)
    guide = accept_notice(app, qtbot)
    guide.goal_box.setChecked(True)
    guide.skip_button.click()
    assert not guide.isVisible()
    assert (tmp_path / "config.toml").read_text(encoding="utf-8") == CONFIG
    assert app.config.goals.daily_minutes is None


def test_done_with_a_goal_writes_it_through_the_settings_writer(make_app, qtbot, tmp_path) -> None:
    app = make_app(CONFIG)
    guide = accept_notice(app, qtbot)
    guide.goal_box.setChecked(True)
    assert guide.budget.isEnabled() and guide.budget.value() == 30
    guide.budget.setValue(45)
    guide.done_button.click()
    assert not guide.isVisible()
    written = tomllib.loads((tmp_path / "config.toml").read_text(encoding="utf-8"))
    assert written["goals"]["daily_minutes"] == 45
    assert written["work_hours"]["fri"] == "09:00-12:30, 13:30-18:00"  # the rest kept
    assert app.config.goals.daily_minutes == 45  # in force at once
    assert "of your 45 min" in app.tray.headline.text()
    assert app.tray.snooze_action.isVisible()


def test_done_without_a_goal_writes_nothing(make_app, qtbot, tmp_path) -> None:
    app = make_app(CONFIG)
    guide = accept_notice(app, qtbot)
    guide.done_button.click()
    assert (tmp_path / "config.toml").read_text(encoding="utf-8") == CONFIG


def test_change_work_hours_opens_settings_at_the_work_hours(make_app, qtbot) -> None:
    app = make_app(CONFIG)
    guide = accept_notice(app, qtbot)
    guide.change_hours_button.click()
    dialog = app.windows["settings"]
    assert dialog.isVisible()
    assert dialog.tabs.currentWidget() is dialog.hours_tab
    assert guide.isVisible()  # the guide waits behind it
    app.apply_config(
        app.config.__class__(
            work_hours=app.config.work_hours.__class__.from_strings({"mon": "08:00-16:00"})
        )
    )  # fmt: skip  (as Settings' Save does)
    assert guide.hours_text.text().splitlines()[0] == "Monday: 08:00–16:00"


def test_the_guide_comes_once(make_app, qtbot) -> None:
    app = make_app(CONFIG)
    guide = accept_notice(app, qtbot)
    guide.skip_button.click()
    app.store.withdraw_consent()
    app.windows.pop("guide").deleteLater()
    notice = app.show_notice()
    notice.accept_button.click()
    QApplication.processEvents()  # the guide would come at the next turn of the event loop
    assert "guide" not in app.windows


def test_a_goal_set_by_the_organisation_is_not_offered(make_app, qtbot, monkeypatch) -> None:
    app = make_app(CONFIG)
    monkeypatch.setattr(
        type(app.policy), "locked", lambda _self: frozenset({"goals.daily_minutes"})
    )
    guide = accept_notice(app, qtbot)
    assert not guide.goal_box.isEnabled() and not guide.budget.isEnabled()
    assert "organisation" in guide.goal_note.text()


def test_set_a_goal_on_the_empty_goals_tab_opens_settings_at_goals(make_app, qtbot) -> None:
    app = make_app(CONFIG)
    app.start(ask_consent=False)
    app.accept_consent()
    dashboard = app.show_dashboard()
    dashboard.tabs.setCurrentIndex(4)
    assert dashboard.set_goal_button.isVisible()
    dashboard.set_goal_button.click()
    dialog = app.windows["settings"]
    assert dialog.tabs.currentWidget() is dialog.goals_tab
