"""The settings schema is the one place for each key's type, bounds, default and description:
`Config`, the writer, the README and the Settings dialog read them from it. These tests fail
when a setting has no default or no description, when the data classes disagree with the
schema, or when a key is not written or not documented."""

from __future__ import annotations

import dataclasses
import re

import pytest
from helpers import ROOT

from socialtime.settings import (
    Config,
    Goals,
    NudgeSettings,
    default_config,
    dump_config,
    parse_config,
    parse_goals,
    schema,
    setting_default,
    setting_description,
)
from socialtime.settings.toml_io import toml_value

README = ROOT / "README.md"
SETTINGS = dict(schema.settings())


def test_the_settings_are_the_leaves_of_the_schema():
    assert list(SETTINGS) == [
        "sample_seconds",
        "idle_seconds",
        "media_max_minutes",
        "retention_days",
        *(f"work_hours.{day}" for day in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")),
        "days_off",
        "sites.disabled",
        "sites.custom",
        "goals.daily_minutes",
        "goals.weekly_minutes",
        "goals.focus",
        "goals.sites",
        "nudges.budget",
        "nudges.focus",
        "nudges.reflection",
        "language",
    ]


@pytest.mark.parametrize("key", list(SETTINGS))
def test_every_setting_has_a_default_the_schema_accepts_and_a_description(key):
    node = SETTINGS[key]
    assert node.default is not schema.REQUIRED, f"{key}: give it a default in SCHEMA"
    setting_default(key)  # raises when the schema refuses its own default
    assert node.description, f"{key}: give it a description in SCHEMA"
    assert setting_description(key)


def test_a_setting_without_a_default_or_with_a_wrong_one_is_refused():
    bare = schema._Value("a number", schema._integer(1, 10))
    with pytest.raises(ValueError, match="no default"):
        schema._default(bare, "example")
    wrong = schema._Value("a number", schema._integer(1, 10), default=0)
    with pytest.raises(ValueError, match="example"):
        schema._default(wrong, "example")


def disagreements(config: Config) -> list[str]:
    """The fields of ``config`` that differ from what an empty settings file means."""
    empty = default_config()
    return [
        f.name
        for f in dataclasses.fields(Config)
        if getattr(config, f.name) != getattr(empty, f.name)
    ]


def test_config_is_what_an_empty_file_means():
    config, errors = parse_config({}, "config.toml")
    assert errors == []
    assert Config() == config == default_config()
    assert disagreements(Config()) == []
    assert parse_goals({}, "team.toml") == (Goals(), [])


def test_the_dataclasses_read_their_defaults_from_the_schema():
    for key in schema.SCALAR_KEYS:
        assert getattr(Config(), key) == setting_default(key), key
    for kind in schema.NUDGE_KINDS:
        assert getattr(NudgeSettings(), kind) == setting_default(f"nudges.{kind}"), kind
    goals = Goals()
    assert goals.daily_minutes == setting_default("goals.daily_minutes")
    assert goals.weekly_minutes == setting_default("goals.weekly_minutes")
    assert goals.focus == setting_default("goals.focus")
    assert goals.site_daily_minutes == setting_default("goals.sites")
    assert Config().work_hours.days == default_config().work_hours.days
    assert Config().disabled_sites == frozenset(setting_default("sites.disabled"))
    assert Config().custom_sites == setting_default("sites.custom")


def test_a_dataclass_default_that_disagrees_with_the_schema_is_seen():
    @dataclasses.dataclass(frozen=True)
    class Drifted(Config):
        idle_seconds: int = 240  # written by hand instead of setting_default("idle_seconds")

    assert disagreements(Drifted()) == ["idle_seconds"]


def test_every_field_of_config_has_its_place_in_the_schema():
    tables = {"work_hours", "disabled_sites", "custom_sites", "goals", "nudges"}
    names = {f.name for f in dataclasses.fields(Config)}
    assert names == set(schema.SCALAR_KEYS) | tables
    assert {f.name for f in dataclasses.fields(NudgeSettings)} == set(schema.NUDGE_KINDS)


def test_every_key_of_one_value_is_written_and_read_back(tmp_path):
    text = dump_config(Config())
    for key in schema.SCALAR_KEYS:
        assert re.search(rf"^{key} = ", text, re.M), f"dump_config does not write {key}"
    changed = Config(sample_seconds=2.5, idle_seconds=60, retention_days=0, language="fr")
    path = tmp_path / "config.toml"
    path.write_text(dump_config(changed), encoding="utf-8")
    from socialtime.settings import load_config

    assert load_config(path).config == changed


def test_values_are_written_as_toml_spells_them():
    assert [toml_value(v) for v in (True, False, 180, 5.0, 2.5, "auto", ("a", "b"))] == [
        "true",
        "false",
        "180",
        "5",
        "2.5",
        '"auto"',
        '["a", "b"]',
    ]


@pytest.mark.parametrize("key", schema.SCALAR_KEYS)
def test_the_readme_shows_each_default(key):
    """The README's Settings example gives each key of one value with its default: changing a
    default in the schema without the README fails here."""
    shown = f"{key} = {toml_value(schema.node(key).default)}"
    assert re.search(rf"^{re.escape(shown)}\s", README.read_text(encoding="utf-8"), re.M), shown


def test_the_work_hours_default_is_monday_to_friday():
    hours = default_config().work_hours
    assert [bool(day) for day in hours.days] == [True] * 5 + [False] * 2
    assert hours.days[0] == setting_default("work_hours")["mon"]
    assert setting_default("work_hours.sat") == ()  # in a table that is there: a day off


def test_the_descriptions_are_said_in_french(qtbot, french):
    assert setting_description("retention_days") == (
        "Les données plus anciennes sont effacées automatiquement."
    )
