"""Writing a settings file: TOML text that socialtime.settings.model reads back to equal settings.

Kept apart from socialtime/settings/model.py (what the settings are and how a file is read) so that
each stays small. The quoting helpers are also used by the schema (socialtime.settings.schema)
to name a key in an error as TOML would write it.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

from socialtime.base.files import write_private
from socialtime.schedule import DAY_KEYS, format_ranges

if TYPE_CHECKING:
    from socialtime.settings.model import Config, Goals


def _toml_str(text: str) -> str:
    """A TOML string: literal ('...') for regexes with backslashes when possible, else basic."""
    plain = all(ch == "\t" or (ch >= " " and ch != "\x7f") for ch in text)
    if "\\" in text and "'" not in text and plain:
        return f"'{text}'"
    escapes = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\t": "\\t", "\r": "\\r"}
    out = []
    for ch in text:
        if ch in escapes:
            out.append(escapes[ch])
        elif ch < " " or ch == "\x7f":
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _toml_array(items: Any) -> str:
    return "[" + ", ".join(_toml_str(str(item)) for item in items) + "]"


def _toml_key(key: str) -> str:
    """A key as TOML writes it: bare when it can be, else quoted ("youtube.com")."""
    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else _toml_str(key)


def dump_goals(goals: Goals) -> str:
    """The lines of a [goals] table's body (no header; "" when there is no goal), which
    parse_goals reads back to equal Goals. Per-site budgets are an inline table, so the body
    stands on its own under any header."""
    lines = []
    if goals.daily_minutes is not None:
        lines.append(f"daily_minutes = {goals.daily_minutes}")
    if goals.weekly_minutes is not None:
        lines.append(f"weekly_minutes = {goals.weekly_minutes}")
    if goals.focus:
        lines.append(f"focus = {_toml_str(format_ranges(goals.focus))}")
    if goals.site_daily_minutes:
        sites = sorted(goals.site_daily_minutes.items())
        lines.append("sites = {" + ", ".join(f"{_toml_key(s)} = {m}" for s, m in sites) + "}")
    return "".join(line + "\n" for line in lines)


def dump_config(config: Config, omit: frozenset[str] = frozenset()) -> str:
    """TOML text that load_config reads back to an equal Config (time zone aside: it is not
    a setting, the caller passes it to load_config). ``omit`` names keys not to write
    ("work_hours.fri", "sites.disabled"): those the user left to the organisation's
    recommendation (policy.recommended_untouched)."""
    wh = config.work_hours
    sample = config.sample_seconds
    lines = [
        # The file is the program's, read back like its English keys: its comment stays English.
        "# socialtime settings. Written by socialtime; "  # i18n: ignore - see above
        "comments here are not kept.",
        f"sample_seconds = {int(sample) if float(sample).is_integer() else repr(float(sample))}",
        f"idle_seconds = {config.idle_seconds}",
        f"retention_days = {config.retention_days}",
        f"language = {_toml_str(config.language)}",
        f"days_off = {_toml_array(sorted(day.isoformat() for day in wh.days_off))}",
        "",
        "[work_hours]",
        *(
            f"{key} = {_toml_str(format_ranges(wh.days[i]))}"
            for i, key in enumerate(DAY_KEYS)
            if f"work_hours.{key}" not in omit
        ),
        "",
        "[sites]",
    ]
    if "sites.disabled" not in omit:
        lines.append(f"disabled = {_toml_array(sorted(config.disabled_sites))}")
    for site in config.custom_sites:
        lines += [
            "",
            "[[sites.custom]]",
            f"id = {_toml_str(site.id)}",
            f"name = {_toml_str(site.name)}",
            f"hosts = {_toml_array(site.hosts)}",
            f"titles = {_toml_array(site.titles)}",
            f"apps = {_toml_array(site.apps)}",
        ]
    nudges = config.nudges
    lines += ["", "[goals]", *dump_goals(config.goals).splitlines(), "", "[nudges]"]
    lines += [
        f"{kind} = {str(getattr(nudges, kind)).lower()}"
        for kind in ("budget", "focus", "reflection")
    ]
    return "\n".join(lines) + "\n"


def save_config(config: Config, path: Path, omit: frozenset[str] = frozenset()) -> None:
    """Write atomically: a crash mid-write leaves the old file or the new one, never half.

    The temporary file is created by mkstemp, so the result is readable by the user only.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_private(path, dump_config(config, omit))
