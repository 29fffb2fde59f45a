"""A date or week option's placeholder reads the same in --help and in the error that a bad
value gets, in English and in French (issue 16: the help said YYYY-MM-DD, the error AAAA-MM-JJ)."""

from __future__ import annotations

import argparse

import pytest

from socialtime.base import i18n
from socialtime.cli.program import build_parser
from socialtime.rules import periods

# Every placeholder either language writes: a hard-coded one in the other language is caught.
DATES = {"YYYY-MM-DD", "AAAA-MM-JJ"}
WEEKS = {"YYYY-Www", "AAAA-Wss"}
DATE_OR_WEEK_DESTS = {"day", "from_", "to", "week"}


def options(parser: argparse.ArgumentParser, path: str = "socialtime"):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield from options(sub, f"{path} {name}")
        elif action.option_strings:
            yield path, action


@pytest.fixture(params=["en", "fr"])
def lang(request):
    i18n.set_language(request.param)
    yield request.param
    i18n.set_language("en")


def test_help_and_error_name_a_date_or_week_alike(lang) -> None:
    found = []
    for path, action in options(build_parser()):
        metavar = action.metavar
        if metavar in DATES or metavar in WEEKS or action.dest in DATE_OR_WEEK_DESTS:
            found.append((path, action.option_strings[0]))
            option = action.option_strings[0]
            if metavar in WEEKS or action.dest == "week":
                assert metavar == periods.week_form(), (path, option)
                with pytest.raises(ValueError) as error:
                    periods.parse_week("x", option)
            else:
                assert metavar == periods.date_form(), (path, option)
                with pytest.raises(ValueError) as error:
                    periods.parse_date("x", option)
            assert metavar in str(error.value)
    assert {"socialtime report --day", "socialtime report --week"} <= {
        f"{path} {option}" for path, option in found
    }
    assert len(found) >= 6  # report --day/--week/--from/--to, erase --from/--to, team --week
    expected = {"en": ("YYYY-MM-DD", "YYYY-Www"), "fr": ("AAAA-MM-JJ", "AAAA-Wss")}[lang]
    assert (periods.date_form(), periods.week_form()) == expected


def test_the_command_line_says_it_as_its_help_does(run, monkeypatch, capsys, lang) -> None:
    monkeypatch.setenv("LANGUAGE", lang)
    with pytest.raises(SystemExit):
        run("report", "--help")
    out = capsys.readouterr().out
    form = {"en": "YYYY-MM-DD", "fr": "AAAA-MM-JJ"}[lang]
    assert f"--day {form}" in out
    code, _, err = run("report", "--day", "x")
    assert code != 0 and f"{form})" in err
