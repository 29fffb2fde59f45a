"""The tray's texts, computed without Qt, in English and in French (Paris time)."""

from __future__ import annotations

from datetime import date

import pytest

from socialtime.insights.tray_status import Icon, pause_choices, tray_status
from socialtime.recording.tracker import State
from socialtime.rules.periods import local_midnight
from socialtime.rules.work_hours import WorkHours
from socialtime.settings import Goals

TUESDAY = date(2026, 11, 24)
HOURS = WorkHours.from_strings({d: "09:00-17:00" for d in ("mon", "tue", "wed", "thu", "fri")})


pytestmark = pytest.mark.usefixtures("paris")


def at(day: date, hh: int, mm: int = 0) -> float:
    return local_midnight(day) + hh * 3600 + mm * 60


def test_the_tray_in_english() -> None:
    now = at(TUESDAY, 10)
    status = tray_status(State.RECORDING, 42 * 60, now, HOURS)
    assert (status.icon, status.headline, status.detail) == (
        Icon.RECORDING,
        "Today: 42 min on social sites",
        "Recording",
    )
    with_goal = tray_status(State.RECORDING, 24 * 60, now, HOURS, goals=Goals(daily_minutes=30))
    assert with_goal.headline == "Today: 24 min of your 30 min on social sites"
    evening = tray_status(State.OUTSIDE_HOURS, 0, at(TUESDAY, 18), HOURS)
    assert evening.detail == "Outside your work hours: recording starts at tomorrow 09:00"
    friday = tray_status(State.OUTSIDE_HOURS, 0, at(date(2026, 11, 27), 18), HOURS)
    assert friday.detail == "Outside your work hours: recording starts at Mon 30 Nov 09:00"
    paused = tray_status(State.PAUSED, 0, now, HOURS, paused_until=at(TUESDAY, 10, 30))
    assert paused.detail == "Paused until 10:30"
    assert tray_status(None, 0, now, HOURS).detail == "Starting…"
    assert [label for label, _ in pause_choices()] == ["30 minutes", "1 hour", "Until tomorrow"]


def test_the_tray_in_french(french) -> None:
    now = at(TUESDAY, 10)
    status = tray_status(State.RECORDING, 42 * 60, now, HOURS)
    assert status.headline == "Réseaux sociaux aujourd'hui\u00a0: 42 min"
    assert status.detail == "Enregistrement en cours"
    with_goal = tray_status(State.RECORDING, 24 * 60, now, HOURS, goals=Goals(daily_minutes=30))
    assert with_goal.headline == "Réseaux sociaux aujourd'hui\u00a0: 24 min sur vos 30 min"
    evening = tray_status(State.OUTSIDE_HOURS, 0, at(TUESDAY, 18), HOURS)
    assert evening.detail == (
        "Hors de vos heures de travail\u00a0: l'enregistrement commence demain à 09:00"
    )
    friday = tray_status(State.OUTSIDE_HOURS, 0, at(date(2026, 11, 27), 18), HOURS)
    assert friday.detail.endswith("commence le lun. 30 nov. à 09:00")
    morning = tray_status(State.OUTSIDE_HOURS, 0, at(TUESDAY, 7), HOURS)
    assert morning.detail.endswith("l'enregistrement commence à 09:00")
    paused = tray_status(State.PAUSED, 0, now, HOURS, paused_until=at(TUESDAY, 10, 30))
    assert paused.detail == "En pause jusqu'à 10:30"
    idle = tray_status(State.IDLE, 0, now, HOURS)
    assert idle.detail == "Enregistrement suspendu pendant votre absence"
    assert "inactivit" not in idle.detail
    assert [label for label, _ in pause_choices()] == ["30 minutes", "1 heure", "Jusqu'à demain"]


# -- which menu actions apply (issue 16) ---------------------------------------------------


def test_menu_state_per_tray_state() -> None:
    from socialtime.insights.tray_status import MenuState, menu_state

    live = MenuState(pause=True, pause_enabled=True, resume=False, snooze=True, snooze_enabled=True)
    for icon in (Icon.RECORDING, Icon.OUTSIDE_HOURS, Icon.GOAL_EXCEEDED, Icon.UNSAVED):
        assert menu_state(icon, paused=False, snoozed=False, can_nudge=True) == live
    paused = menu_state(Icon.PAUSED, paused=True, snoozed=False, can_nudge=True)
    assert (paused.pause, paused.resume) == (False, True)
    for icon in (Icon.NO_CONSENT, Icon.ERROR):
        state = menu_state(icon, paused=False, snoozed=False, can_nudge=True)
        assert not state.pause_enabled and not state.snooze_enabled and not state.resume
        assert menu_state(icon, paused=True, snoozed=False, can_nudge=True).resume  # can end it
    snoozed = menu_state(Icon.RECORDING, paused=False, snoozed=True, can_nudge=True)
    assert snoozed.snooze and not snoozed.snooze_enabled
    assert not menu_state(Icon.RECORDING, False, False, can_nudge=False).snooze
    closed = menu_state(Icon.UNSAVED, paused=True, snoozed=False, can_nudge=True, store_open=False)
    assert not closed.pause_enabled and not closed.resume and not closed.snooze_enabled
