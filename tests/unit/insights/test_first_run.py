"""The first-run guide's words for the work hours found."""

from __future__ import annotations

from socialtime.insights.first_run import work_hours_lines
from socialtime.rules.work_hours import DAY_KEYS, WorkHours
from socialtime.settings import Config

OFFICE = "09:00-12:30, 13:30-18:00"


def test_the_default_week_reads_as_a_person_says_it() -> None:
    assert work_hours_lines(Config().work_hours) == [
        "Monday to Friday: 09:00–12:30, 13:30–18:00",
        "Saturday and Sunday: not recorded",
    ]


def test_days_with_other_hours_and_days_off_between() -> None:
    hours = WorkHours.from_strings(
        {"mon": OFFICE, "tue": OFFICE, "wed": "09:00-12:00", "fri": OFFICE, "sat": OFFICE}
    )
    assert work_hours_lines(hours) == [
        "Monday and Tuesday: 09:00–12:30, 13:30–18:00",
        "Wednesday: 09:00–12:00",
        "Friday and Saturday: 09:00–12:30, 13:30–18:00",
        "Thursday and Sunday: not recorded",
    ]
    three_off = WorkHours.from_strings({"mon": OFFICE, "tue": OFFICE, "wed": OFFICE, "thu": OFFICE})
    assert work_hours_lines(three_off)[-1] == "Friday, Saturday and Sunday: not recorded"


def test_no_hours_at_all_and_every_day() -> None:
    assert work_hours_lines(WorkHours.from_strings({})) == [
        "No work hours are set: nothing is recorded."
    ]
    every = WorkHours.from_strings({d: "00:00-24:00" for d in DAY_KEYS})
    assert work_hours_lines(every) == ["Monday to Sunday: 00:00–24:00"]


def test_in_french(french) -> None:
    assert work_hours_lines(Config().work_hours) == [
        "Lundi à vendredi\u00a0: 09:00–12:30, 13:30–18:00",
        "Samedi et dimanche\u00a0: pas d'enregistrement",
    ]


def test_where_the_icon_is_said_from_its_place_on_the_screen() -> None:
    from socialtime.insights.first_run import icon_place

    assert icon_place(1260, 12, 1280, 800) == "Its icon is now at the top right of your screen."
    assert icon_place(20, 790, 1280, 800) == "Its icon is now at the bottom left of your screen."
    assert icon_place(0, 0, 0, 0) is None  # the tray host said nothing
    assert icon_place(-5, 10, 1280, 800) is None
