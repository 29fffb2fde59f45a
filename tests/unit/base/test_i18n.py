"""The core's languages: choosing one, reading the catalogue, and the locale's formats."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest

from socialtime.base import i18n

CATALOGUE = """<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fr_FR">
<context>
    <name>report</name>
    <message>
        <source>Active time {duration}</source>
        <translation>Temps actif {duration}</translation>
    </message>
    <message>
        <source>Pause</source>
        <comment>verb</comment>
        <translation>Mettre en pause</translation>
    </message>
    <message>
        <source>Not done yet</source>
        <translation type="unfinished">Pas encore</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) met</source>
        <translation>
            <numerusform>%n jour atteint</numerusform>
            <numerusform>%n jours atteints</numerusform>
        </translation>
    </message>
</context>
</TS>
"""


@pytest.fixture
def catalogue(tmp_path, monkeypatch):
    """A French catalogue of four messages in place of the real one."""
    (tmp_path / "socialtime_fr.ts").write_text(CATALOGUE, encoding="utf-8")
    monkeypatch.setattr(i18n, "catalogue_path", lambda lang: tmp_path / f"socialtime_{lang}.ts")
    i18n._catalogue.cache_clear()
    i18n.set_language("fr")
    yield
    i18n.set_language("en")
    i18n._catalogue.cache_clear()


@pytest.mark.parametrize(
    ("environ", "expected"),
    [
        ({"LANG": "fr_FR.UTF-8"}, "fr"),
        ({"LANG": "fr_CA.UTF-8"}, "fr"),
        ({"LANG": "en_GB.UTF-8"}, "en"),
        ({"LANG": "de_DE.UTF-8"}, "en"),  # a language we do not have: the source language
        ({"LANG": "C.UTF-8"}, "en"),
        ({"LC_ALL": "fr_BE.UTF-8", "LANG": "en_US.UTF-8"}, "fr"),
        ({"LC_ALL": "C", "LANG": "fr_FR.UTF-8"}, "en"),  # LC_ALL wins, even when it is C
        ({"LC_MESSAGES": "fr_FR", "LANG": "en_US"}, "fr"),
        ({"LANGUAGE": "de:fr:en", "LANG": "en_US"}, "fr"),  # the first we have in the list
        ({"LANGUAGE": "de", "LANG": "fr_FR"}, "fr"),  # none in LANGUAGE: look further
        ({"LANG": "fr_FR@euro"}, "fr"),
    ],
)
def test_the_system_language_follows_the_posix_variables(environ, expected):
    assert i18n.system_language(environ, platform_languages=lambda: ["fr-FR"]) == expected


def test_without_posix_variables_the_platform_decides():
    assert i18n.system_language({}, platform_languages=lambda: ["de-DE", "fr-FR"]) == "fr"
    assert i18n.system_language({}, platform_languages=lambda: ["en-US", "fr-FR"]) == "en"
    assert i18n.system_language({}, platform_languages=list) == "en"


def test_the_setting_overrides_the_system():
    assert i18n.resolve("en", {"LANG": "fr_FR.UTF-8"}) == "en"
    assert i18n.resolve("fr", {"LANG": "en_US.UTF-8"}) == "fr"
    assert i18n.resolve("auto", {"LANG": "fr_FR.UTF-8"}) == "fr"


def test_a_translated_message(catalogue):
    text = i18n.translate("report", "Active time {duration}").format(duration="1 h 05 min")
    assert text == "Temps actif 1 h 05 min"


def test_the_disambiguation_is_part_of_the_key(catalogue):
    assert i18n.translate("report", "Pause", "verb") == "Mettre en pause"
    assert i18n.translate("report", "Pause") == "Pause"


def test_unfinished_unknown_and_english_fall_back_to_the_source(catalogue):
    assert i18n.translate("report", "Not done yet") == "Not done yet"
    assert i18n.translate("report", "Never heard of") == "Never heard of"
    assert i18n.translate("other", "Active time {duration}") == "Active time {duration}"
    i18n.set_language("en")
    assert i18n.translate("report", "Active time {duration}") == "Active time {duration}"


@pytest.mark.parametrize(
    ("n", "text"),
    [(0, "0 jour atteint"), (1, "1 jour atteint"), (2, "2 jours atteints"),
     (1000, "1\u202f000 jours atteints")],
)  # fmt: skip
def test_french_counts_zero_and_one_as_singular(catalogue, n, text):
    assert i18n.translate("report", "%n day(s) met", n=n) == text


def test_a_count_without_a_translation_still_shows_the_number():
    assert i18n.translate("nowhere", "%n day(s) met", n=3) == "3 day(s) met"


def test_a_missing_or_broken_catalogue_is_no_catalogue(tmp_path):
    assert i18n.read_catalogue(tmp_path / "absent.ts") == {}
    broken = tmp_path / "broken.ts"
    broken.write_text("<TS><context>", encoding="utf-8")
    assert i18n.read_catalogue(broken) == {}


def test_the_real_french_catalogue_is_read():
    found = i18n.read_catalogue(i18n.catalogue_path("fr"))
    assert found, "assets/translations/socialtime_fr.ts has no finished translation"


class TestFormats:
    @pytest.fixture(params=["en", "fr"])
    def lang(self, request):
        i18n.set_language(request.param)
        yield request.param
        i18n.set_language("en")

    def test_durations_read_the_same_in_both(self, lang):
        assert i18n.format_duration(65 * 60) == "1 h 05 min"
        assert i18n.format_duration(42 * 60 + 29) == "42 min"
        assert i18n.format_duration(35) == "35 s"
        assert i18n.format_duration(0) == "0 s"

    def test_the_clock_has_24_hours(self, lang):
        assert i18n.format_time(time(9, 5)) == "09:05"
        assert i18n.format_time(datetime(2026, 3, 3, 17, 30)) == "17:30"

    def test_dates(self, lang):
        day = date(2026, 3, 2)  # a Monday
        expected = {
            "en": ("Monday 2 March 2026", "2 March 2026", "2 Mar", "Mon 2", "2026-03-02"),
            "fr": ("lundi 2 mars 2026", "2 mars 2026", "2 mars", "lun. 2", "02/03/2026"),
        }[lang]
        styles = ("long", "medium", "short", "weekday", "numeric")
        assert tuple(i18n.format_date(day, style) for style in styles) == expected

    def test_an_unknown_date_style_is_refused(self, lang):
        with pytest.raises(ValueError, match="unknown date style 'fancy'"):
            i18n.format_date(date(2026, 3, 2), "fancy")

    def test_numbers_and_percentages(self, lang):
        if lang == "fr":
            assert i18n.format_number(1234.5, 1) == "1\u202f234,5"
            assert i18n.format_percent(12.4) == "12\u00a0%"
        else:
            assert i18n.format_number(1234.5, 1) == "1,234.5"
            assert i18n.format_percent(12.4) == "12 %"

    def test_names_of_days_and_months(self, lang):
        assert i18n.weekday_name(6) == {"en": "Sunday", "fr": "dimanche"}[lang]
        assert i18n.month_name(8, short=True) == {"en": "Aug", "fr": "août"}[lang]
