"""Settings files: defaults, round trips, and errors that name the file, the key and the form."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from socialtime.base import files
from socialtime.base.paths import default_config_path
from socialtime.rules.work_hours import DAY_KEYS, WorkHours, parse_ranges
from socialtime.settings import (
    Config,
    ConfigError,
    CustomSite,
    Goals,
    LoadedConfig,
    NudgeSettings,
    dump_config,
    load_config,
    parse_config,
    read_language,
    save_config,
    writer,
)

OFFICE = "09:00-12:30, 13:30-18:00"
PARIS = ZoneInfo("Europe/Paris")

FULL = """
sample_seconds = 2.5
idle_seconds = 120
media_max_minutes = 0
retention_days = 0
days_off = ["2026-12-25", 2026-05-01]

[work_hours]
mon = "08:00-12:00, 13:00-17:00"
tue = "08:00-12:00"
wed = ""
thu = "00:00-24:00"
fri = "9:00 – 12:00"
sat = "10:00-11:00"

[sites]
disabled = ["linkedin.com", "x.com"]

[[sites.custom]]
id = "news.example"

[[sites.custom]]
id = "forum.example.org"
name = "The \\"Forum\\""
hosts = ["forum.example.org", "m.forum.example.org"]
titles = ['\\bForum\\b', "it's (here|there)", 'back\\slash and "quotes"']
apps = ["forum-app", "Forum.exe"]

[goals]
daily_minutes = 30
weekly_minutes = 120
focus = "14:00-15:00, 09:00-11:00"

[goals.sites]
"youtube.com" = 10
"x.com" = 5

[nudges]
focus = false
"""


def write(tmp_path: Path, text: str, name: str = "config.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def load_text(tmp_path: Path, text: str) -> LoadedConfig:
    return load_config(write(tmp_path, text))


# -- defaults and valid files -------------------------------------------------------------


def test_missing_file_gives_defaults_without_error(tmp_path: Path) -> None:
    loaded = load_config(tmp_path / "nope" / "config.toml")
    assert loaded.ok and loaded.errors == () and loaded.path is None
    assert loaded.config == Config()
    wh = loaded.config.work_hours
    assert wh.days[:5] == (parse_ranges(OFFICE),) * 5
    assert wh.days[5:] == ((), ())
    defaults = Config()
    assert (defaults.sample_seconds, defaults.idle_seconds, defaults.retention_days) == (
        5,
        180,
        365,
    )
    assert defaults.media_max_minutes == 60


@pytest.mark.skipif(sys.platform != "linux", reason="XDG layout")
def test_default_path_follows_platform_conventions(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    assert default_config_path() == tmp_path / "socialtime" / "config.toml"
    assert load_config().path is None
    (tmp_path / "socialtime").mkdir()
    write(tmp_path / "socialtime", "idle_seconds = 60\n")
    loaded = load_config()
    assert loaded.path == tmp_path / "socialtime" / "config.toml"
    assert loaded.config.idle_seconds == 60


def test_empty_file_is_all_defaults(tmp_path: Path) -> None:
    loaded = load_text(tmp_path, "# nothing yet\n")
    assert loaded.ok and loaded.path == tmp_path / "config.toml"
    assert loaded.config == Config()


def test_full_file(tmp_path: Path) -> None:
    loaded = load_text(tmp_path, FULL)
    assert loaded.errors == ()
    cfg = loaded.config
    assert cfg.sample_seconds == 2.5 and isinstance(cfg.sample_seconds, float)
    assert cfg.idle_seconds == 120
    assert cfg.media_max_minutes == 0  # 0: watching stops counting at the idle threshold
    assert cfg.retention_days == 0
    assert cfg.work_hours.days_off == {date(2026, 12, 25), date(2026, 5, 1)}
    assert cfg.work_hours.days[4] == parse_ranges("09:00-12:00")
    assert cfg.work_hours.days[6] == ()  # sun missing from a present table: a day off
    assert cfg.disabled_sites == {"linkedin.com", "x.com"}
    assert cfg.custom_sites[0] == CustomSite(
        id="news.example", name="news.example", hosts=("news.example",), titles=(), apps=()
    )
    forum = cfg.custom_sites[1]
    assert forum.name == 'The "Forum"'
    assert forum.titles == (r"\bForum\b", "it's (here|there)", 'back\\slash and "quotes"')
    assert forum.apps == ("forum-app", "Forum.exe")
    assert cfg.goals == Goals(
        30, {"youtube.com": 10, "x.com": 5}, parse_ranges("09:00-11:00, 14:00-15:00"), 120
    )
    assert cfg.nudges == NudgeSettings(budget=True, focus=False, reflection=True)


def test_goals_and_nudges_default_to_none_and_on() -> None:
    assert Config().goals == Goals() and Config().goals.is_empty()
    assert Config().nudges == NudgeSettings(budget=True, focus=True, reflection=True)
    assert parse_config({"goals": {}, "nudges": {}}, "x") == (Config(), [])


def test_dump_then_load_round_trips(tmp_path: Path) -> None:
    original = load_text(tmp_path, FULL).config
    again = load_text(tmp_path, dump_config(original))
    assert again.ok, again.errors
    assert again.config == original
    assert load_text(tmp_path, dump_config(Config())).config == Config()


def test_dump_escapes_awkward_strings(tmp_path: Path) -> None:
    site = CustomSite(
        id="a.example",
        name="tab\there, quote \" and ' both, newline\n, bell\x07, é 😀",
        hosts=(),
        titles=("\\d+ 'x' \"y\"", r"C:\\path", "plain"),
        apps=(),
    )
    cfg = Config(sample_seconds=1.0, custom_sites=(site,))
    loaded = load_text(tmp_path, dump_config(cfg))
    assert loaded.ok, loaded.errors
    assert loaded.config == cfg


def test_time_zone_is_passed_through(tmp_path: Path) -> None:
    assert load_config(tmp_path / "missing.toml", tz=PARIS).config.work_hours.tz is PARIS
    assert load_text(tmp_path, "").config.work_hours.tz is None
    assert load_config(write(tmp_path, "idle_seconds = 30"), tz=PARIS).config.work_hours.tz is PARIS
    assert load_config(write(tmp_path, "idle_seconds = 0"), tz=PARIS).config.work_hours.tz is PARIS


def test_parse_config_from_a_mapping() -> None:
    cfg, errors = parse_config({"idle_seconds": 30, "sample_seconds": 10}, "policy")
    assert errors == []
    assert cfg == Config(idle_seconds=30, sample_seconds=10.0)
    days_off = parse_config({"days_off": ["2026-01-01"]}, "x")[0].work_hours
    assert days_off == WorkHours(Config().work_hours.days, frozenset({date(2026, 1, 1)}))


# -- errors -------------------------------------------------------------------------------

A_SITE = "[[sites.custom]]\nid = 'a.example'\n"


@pytest.mark.parametrize(
    ("text", "key", "expected"),
    [
        ("sample_seconds = true", "sample_seconds", "expected a number of seconds between 1 and"),
        ("sample_seconds = 0.5", "sample_seconds", "between 1 and 60"),
        ("sample_seconds = 61", "sample_seconds", "between 1 and 60"),
        ("sample_seconds = nan", "sample_seconds", "between 1 and 60"),
        ('sample_seconds = "5"', "sample_seconds", "a number of seconds"),
        ("idle_seconds = 2.5", "idle_seconds", "expected an integer number of seconds"),
        ("idle_seconds = 0", "idle_seconds", "between 1 and 3600"),
        ("idle_seconds = 3601", "idle_seconds", "between 1 and 3600"),
        ("idle_seconds = false", "idle_seconds", "an integer"),
        ("media_max_minutes = -1", "media_max_minutes", "between 0 (off) and 1440"),
        ("media_max_minutes = 1441", "media_max_minutes", "between 0 (off) and 1440"),
        ("media_max_minutes = 1.5", "media_max_minutes", "an integer number of minutes"),
        ("media_max_minutes = true", "media_max_minutes", "an integer number of minutes"),
        ("retention_days = -1", "retention_days", "between 0 (keep forever) and 3650"),
        ("retention_days = 3651", "retention_days", "an integer number of days"),
        ("work_hours = 9", "work_hours", "a table with keys mon..sun"),
        ("[work_hours]\nmon = 9", "work_hours.mon", 'a string such as "09:00-12:30, 13:30-18:00"'),
        ('[work_hours]\nwed = ["09:00-10:00"]', "work_hours.wed", "a string such as"),
        ('[work_hours]\ntue = "25:00-26:00"', "work_hours.tue", "'25:00' is not a time of day"),
        ('[work_hours]\nfri = "12:00-09:00"', "work_hours.fri", "ends before it starts"),
        ('days_off = "2026-12-25"', "days_off", 'an array of dates such as ["2026-12-25"]'),
        ('days_off = ["25/12/2026"]', "days_off[0]", 'a date "YYYY-MM-DD"'),
        ('days_off = ["2026-02-30"]', "days_off[0]", "not a date of the calendar"),
        ("days_off = [2026-12-25T10:00:00]", "days_off[0]", 'a date "YYYY-MM-DD"'),
        ("sites = 1", "sites", "a table"),
        ('[sites]\ndisabled = "x.com"', "sites.disabled", "an array of site ids"),
        ('[sites]\ndisabled = ["LinkedIn.com"]', "sites.disabled[0]", "a lowercase domain"),
        ("[[sites.custom]]\nname = 'x'", "sites.custom[0].id", "missing"),
        ("[[sites.custom]]\nid = 'Foo.example'", "sites.custom[0].id", "a lowercase domain"),
        ("[[sites.custom]]\nid = 'intranet'", "sites.custom[0].id", "a lowercase domain"),
        (A_SITE + "name = ''", "sites.custom[0].name", "non-empty"),
        (A_SITE + "hosts = 'a.example'", "sites.custom[0].hosts", "array"),
        (A_SITE + "hosts = ['a_b.example']", "sites.custom[0].hosts[0]", "hostname"),
        (A_SITE + "apps = [3]", "sites.custom[0].apps[0]", "process name"),
        (A_SITE * 2, "sites.custom[1].id", "duplicate id, also used by sites.custom[0]"),
        ("goals = 30", "goals", "a table with keys daily_minutes, weekly_minutes"),
        ("[goals]\ndaily_minutes = 0", "goals.daily_minutes", "between 1 and 1440"),
        ("[goals]\nweekly_minutes = 1.5", "goals.weekly_minutes", "an integer number of min"),
        ("[goals]\nfocus = '10:00-09:00'", "goals.focus", "ends before it starts"),
        ("[goals.sites]\nYouTube = 10", "goals.sites.YouTube", "not a site id"),
        ("[goals.sites]\n'x.com' = 1441", 'goals.sites."x.com"', "between 1 and 1440"),
        ("[nudges]\nbudget = 'no'", "nudges.budget", "expected true or false"),
        ("[nudges]\nfocus = 0", "nudges.focus", "expected true or false"),
    ],
)
def test_each_error_names_file_key_and_expected_form(
    tmp_path: Path, text: str, key: str, expected: str
) -> None:
    loaded = load_text(tmp_path, text + "\n")
    assert not loaded.ok
    assert [e.key for e in loaded.errors] == [key]
    message = str(loaded.errors[0])
    assert message.startswith(f"{tmp_path / 'config.toml'}: {key}")
    assert expected in message
    assert loaded.config == Config()  # a bad file falls back to the defaults, whole


def test_message_format_matches_the_documented_one(tmp_path: Path) -> None:
    path = write(tmp_path, 'idle_seconds = "abc"\nsample_seconds = true\n')
    first, second = load_config(path).errors
    assert first == ConfigError(
        str(path), "idle_seconds", "abc", "an integer number of seconds between 1 and 3600"
    )
    assert str(first) == (
        f"{path}: idle_seconds = 'abc': expected an integer number of seconds between 1 and 3600"
    )
    assert (
        str(second)
        == f"{path}: sample_seconds = true: expected a number of seconds between 1 and 60"
    )


def test_errors_are_in_the_users_language(tmp_path: Path, french: None) -> None:
    """A person reads them, in the CLI and in the Settings dialog; keys and values stay."""
    text = 'idle_seconds = "abc"\nidle_secs = 3\n[work_hours]\nmon = "09:00-12:00, 11:00-13:00"\n'
    first, second, third = load_text(tmp_path, text).errors
    assert first.expected == "un nombre entier de secondes entre 1 et 3600"
    path = tmp_path / "config.toml"
    assert str(first) == (
        f"{path}\u00a0: idle_seconds = 'abc'\u00a0: il faut un nombre entier de secondes "
        "entre 1 et 3600"
    )
    assert second.reason == "réglage inconnu, vouliez-vous dire 'idle_seconds'\u00a0?"
    assert str(third).endswith(
        "work_hours.mon = '09:00-12:00, 11:00-13:00'\u00a0: les plages 09:00-12:00 et "
        '11:00-13:00 se chevauchent (il faut une chaîne comme "09:00-12:30, 13:30-18:00", '
        'ou "" pour un jour de repos)'
    )


def test_the_language_is_read_before_anything_is_said(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    assert read_language(path) == "auto"  # no file
    path.write_text('language = "fr"\nsample_seconds = 5\n', encoding="utf-8")
    assert read_language(path) == "fr"
    # Like load_config, a file with any error counts as none: the language is the system's.
    for text in ('language = "fr"\nidle_seconds = "abc"\n', 'language = "de"\n', "language = [\n"):
        path.write_text(text, encoding="utf-8")
        assert read_language(path) == "auto", text
    path.write_bytes(b"\xff\xfe")
    assert read_language(path) == "auto"
    assert read_language(tmp_path) == "auto"  # a directory


def test_overlap_gives_reason_and_form(tmp_path: Path) -> None:
    (error,) = load_text(tmp_path, '[work_hours]\nmon = "09:00-12:00, 11:00-13:00"\n').errors
    assert error.reason == "ranges 09:00-12:00 and 11:00-13:00 overlap"
    assert str(error).endswith(
        "work_hours.mon = '09:00-12:00, 11:00-13:00': ranges 09:00-12:00 and 11:00-13:00 overlap"
        ' (expected a string such as "09:00-12:30, 13:30-18:00", or "" for a day off)'
    )


def test_bad_regex_in_custom_site(tmp_path: Path) -> None:
    text = "[[sites.custom]]\nid = 'a.example'\n[[sites.custom]]\nid = 'b.example'\n"
    text += "titles = ['(unclosed', 'fine']\n"
    (error,) = load_text(tmp_path, text).errors
    assert error.key == "sites.custom[1].titles[0]"
    assert error.value == "(unclosed"
    assert error.reason.startswith("invalid regular expression: missing ), unterminated subpattern")


def test_several_errors_are_collected_at_once(tmp_path: Path) -> None:
    text = """
sample_seconds = 0
idle_seconds = "abc"
idle_secs = 3
[work_hours]
mon = 9
tuesday = "09:00-10:00"
[[sites.custom]]
titles = ["("]
"""
    loaded = load_text(tmp_path, text)
    assert [e.key for e in loaded.errors] == [
        "sample_seconds",
        "idle_seconds",
        "idle_secs",
        "work_hours.mon",
        "work_hours.tuesday",
        "sites.custom[0].titles[0]",
        "sites.custom[0].id",
    ]
    assert all(e.file == str(tmp_path / "config.toml") for e in loaded.errors)
    assert loaded.config == Config()


@pytest.mark.parametrize(
    ("text", "key", "hint"),
    [
        ("idle_second = 10", "idle_second", "did you mean 'idle_seconds'?"),
        ("[work_hours]\nmonday = '09:00-10:00'", "work_hours.monday", "did you mean 'mon'?"),
        ("[sites]\ndisable = []", "sites.disable", "did you mean 'disabled'?"),
        ("[nudges]\nbudgets = false", "nudges.budgets", "did you mean 'budget'?"),
        ("[goals]\ndaily_minute = 30", "goals.daily_minute", "did you mean 'daily_minutes'?"),
        (
            "[[sites.custom]]\nid = 'a.example'\ntitle = []",
            "sites.custom[0].title",
            "did you mean 'titles'?",
        ),
    ],
)
def test_unknown_key_suggests_a_close_one(tmp_path: Path, text: str, key: str, hint: str) -> None:
    (error,) = load_text(tmp_path, text + "\n").errors
    assert error.key == key
    assert error.reason == f"unknown setting, {hint}"
    assert hint in str(error)


def test_unknown_key_without_a_close_one(tmp_path: Path) -> None:
    (error,) = load_text(tmp_path, "colour = 'blue'\n").errors
    assert error.reason == "unknown setting"
    assert "did you mean" not in str(error)
    assert "expected one of sample_seconds, idle_seconds" in str(error)


# -- files that are not settings at all ---------------------------------------------------


def test_syntax_error_names_line_and_column(tmp_path: Path) -> None:
    loaded = load_text(tmp_path, "sample_seconds = 5\nidle_seconds = = 3\n")
    (error,) = loaded.errors
    assert error.key == ""
    assert "line 2" in error.expected and "column" in error.expected
    assert str(error).startswith(f"{tmp_path / 'config.toml'}: not valid TOML: ")
    assert loaded.config == Config()


def test_directory_never_raises(tmp_path: Path) -> None:
    loaded = load_config(tmp_path)
    assert not loaded.ok and loaded.path == tmp_path
    assert "cannot read the file" in str(loaded.errors[0])
    assert loaded.config == Config()


def test_binary_file_never_raises(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\xff\xfe")
    (error,) = load_config(path).errors
    assert error.key == "" and "not a UTF-8 text file" in str(error)
    path.write_bytes(b"idle_seconds = 30\x00\n")  # valid UTF-8, invalid TOML
    (error,) = load_config(path).errors
    assert "not valid TOML" in str(error)


def test_byte_order_mark_is_tolerated(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes("\ufeffidle_seconds = 30\n".encode())
    assert load_config(path).config.idle_seconds == 30


def test_unreadable_file_never_raises(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "idle_seconds = 30\n")

    def denied(name: object, *args: object) -> int:
        raise PermissionError(13, "Permission denied", str(name))

    monkeypatch.setattr("socialtime.base.files.os.open", denied)  # the one reader's open
    loaded = load_config(path)
    assert str(loaded.errors[0]) == f"{path}: cannot read the file (Permission denied)"
    assert loaded.config == Config() and loaded.path == path


# -- saving -------------------------------------------------------------------------------


def test_save_creates_the_directory_and_reads_back(tmp_path: Path) -> None:
    cfg = load_text(tmp_path, FULL).config
    target = tmp_path / "new" / "dir" / "config.toml"
    save_config(cfg, target)
    assert load_config(target).config == cfg
    save_config(Config(idle_seconds=60), target)  # overwrite
    assert load_config(target).config == Config(idle_seconds=60)
    assert sorted(p.name for p in target.parent.iterdir()) == ["config.toml"]


def test_save_is_atomic_when_replacing_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = write(tmp_path, "idle_seconds = 42\n")

    def broken_replace(src: str, dst: str) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(files.os, "replace", broken_replace)
    with pytest.raises(OSError):
        save_config(Config(idle_seconds=60), target)
    assert target.read_text(encoding="utf-8") == "idle_seconds = 42\n"  # untouched
    assert [p.name for p in tmp_path.iterdir()] == ["config.toml"]  # no temp file left


def test_save_leaves_no_temp_file_when_writing_fails(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_dump(config: Config, omit: frozenset[str] = frozenset()) -> str:
        raise RuntimeError("boom")

    monkeypatch.setattr(writer, "dump_config", broken_dump)
    with pytest.raises(RuntimeError):
        save_config(Config(), tmp_path / "config.toml")
    assert list(tmp_path.iterdir()) == []


def test_every_day_key_is_written(tmp_path: Path) -> None:
    text = dump_config(Config())
    for key in DAY_KEYS:
        assert f"\n{key} = " in text
