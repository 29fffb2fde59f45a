"""Saving into a config.toml the user wrote by hand: their comments, order and spacing survive,
and only the values that changed are written (socialtime.settings.keep_layout)."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from socialtime.rules.work_hours import parse_ranges
from socialtime.settings import Config, Goals, load_config, save_config
from socialtime.settings.keep_layout import merge_text
from socialtime.settings.writer import dump_config

DEFAULTS = dump_config(Config())

# Odd order (tables before scalars are impossible in TOML, so: nudges before work hours, days in
# a strange order, a key quoted the other way), comments everywhere, blank lines, CRLF nowhere.
HAND_WRITTEN = """\
# My socialtime settings -- I keep notes here.

language = 'fr'        # French, please
idle_seconds = 240     # four minutes: I read long articles

# ---- nudges first, because I care about them ----
[nudges]
budget = true   # yes

[work_hours]
# weekdays, Friday first (why not)
fri = "09:00-12:00"
mon = "09:00-12:30, 13:30-18:00"   # the long day

[goals]
daily_minutes = 30 # half an hour
"""


def test_comments_and_order_are_kept_byte_for_byte_but_the_changed_key(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    before = load_config(path).config
    assert before.idle_seconds == 240 and before.goals.daily_minutes == 30

    save_config(dataclasses.replace(before, idle_seconds=300), path)

    expected = HAND_WRITTEN.replace("idle_seconds = 240 ", "idle_seconds = 300 ")
    assert expected != HAND_WRITTEN
    assert path.read_bytes() == expected.encode("utf-8")
    assert load_config(path).config == dataclasses.replace(before, idle_seconds=300)


def test_a_save_without_change_leaves_the_file_as_it_was(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    save_config(load_config(path).config, path)
    assert path.read_text(encoding="utf-8") == HAND_WRITTEN


def test_changed_table_values_keep_their_comment_and_new_keys_go_to_their_table(
    tmp_path: Path,
) -> None:
    path = tmp_path / "config.toml"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    before = load_config(path).config
    days = list(before.work_hours.days)
    days[0] = parse_ranges("08:00-16:00")  # Monday
    edited = dataclasses.replace(
        before,
        work_hours=dataclasses.replace(before.work_hours, days=tuple(days)),
        goals=Goals(daily_minutes=30, weekly_minutes=120),
    )
    save_config(edited, path)
    text = path.read_text(encoding="utf-8")
    assert 'mon = "08:00-16:00"   # the long day\n' in text
    assert "daily_minutes = 30 # half an hour\nweekly_minutes = 120\n" in text
    assert text.startswith("# My socialtime settings -- I keep notes here.\n")
    assert load_config(path).config == edited


def test_a_removed_goal_is_removed_and_unknown_keys_stay(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(HAND_WRITTEN + "my_own_note = 1\n", encoding="utf-8")
    before = load_config(path).config
    save_config(dataclasses.replace(before, goals=Goals()), path)
    text = path.read_text(encoding="utf-8")
    assert "daily_minutes" not in text and "my_own_note = 1\n" in text
    assert "# four minutes: I read long articles" in text


def test_defaults_left_out_stay_out_but_recommended_keys_are_written() -> None:
    old = "idle_seconds = 240\n"
    config = Config(idle_seconds=240)  # Monday as the default: leaving it out means the same
    assert merge_text(old, dump_config(config), DEFAULTS) == old
    # With an organisation recommending Monday's hours, only writing it makes it the user's.
    merged = merge_text(old, dump_config(config), DEFAULTS, frozenset({"work_hours.mon"}))
    assert merged.startswith(old) and "[work_hours]\nmon = " in merged


def test_a_file_that_does_not_parse_is_replaced_whole(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("idle_seconds = = 3\n", encoding="utf-8")
    save_config(Config(idle_seconds=60), path)
    assert path.read_text(encoding="utf-8") == dump_config(Config(idle_seconds=60))
    assert merge_text("goals = 3\n", DEFAULTS, DEFAULTS) == dump_config(Config())
