"""Writing a settings file: TOML text that .loaded reads back to equal settings.

Kept apart from .model (what the settings are) and .loaded (how a file is read) so that each
stays small. The quoting helpers are .toml_io's, shared with the schema. The keys that hold one
value (.schema.SCALAR_KEYS) and the kinds of nudge are written from the schema, in its order, so
that a new one needs no line here; the tables of work hours, sites and goals are written below.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from socialtime.base import files
from socialtime.base.files import write_private
from socialtime.rules.work_hours import DAY_KEYS, format_ranges
from socialtime.settings.keep_layout import merge_text
from socialtime.settings.model import Config
from socialtime.settings.schema import NUDGE_KINDS, SCALAR_KEYS
from socialtime.settings.toml_io import toml_array, toml_key, toml_str, toml_value

if TYPE_CHECKING:
    from socialtime.settings.model import Goals


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
        lines.append(f"focus = {toml_str(format_ranges(goals.focus))}")
    if goals.site_daily_minutes:
        sites = sorted(goals.site_daily_minutes.items())
        lines.append("sites = {" + ", ".join(f"{toml_key(s)} = {m}" for s, m in sites) + "}")
    return "".join(line + "\n" for line in lines)


def dump_config(config: Config, omit: frozenset[str] = frozenset()) -> str:
    """TOML text that load_config reads back to an equal Config (time zone aside: it is not
    a setting, the caller passes it to load_config). ``omit`` names keys not to write
    ("work_hours.fri", "sites.disabled"): those the user left to the organisation's
    recommendation (.loaded.recommended_untouched)."""
    wh = config.work_hours
    lines = [
        # The file is the program's, read back like its English keys: its comment stays English.
        "# socialtime settings. Your comments and order are kept "  # i18n: ignore - see above
        "when socialtime saves.",
        *(f"{key} = {toml_value(getattr(config, key))}" for key in SCALAR_KEYS),
        f"days_off = {toml_array(sorted(day.isoformat() for day in wh.days_off))}",
        "",
        "[work_hours]",
        *(
            f"{key} = {toml_str(format_ranges(wh.days[i]))}"
            for i, key in enumerate(DAY_KEYS)
            if f"work_hours.{key}" not in omit
        ),
        "",
        "[sites]",
    ]
    if "sites.disabled" not in omit:
        lines.append(f"disabled = {toml_array(sorted(config.disabled_sites))}")
    for site in config.custom_sites:
        lines += [
            "",
            "[[sites.custom]]",
            f"id = {toml_str(site.id)}",
            f"name = {toml_str(site.name)}",
            f"hosts = {toml_array(site.hosts)}",
            f"titles = {toml_array(site.titles)}",
            f"apps = {toml_array(site.apps)}",
        ]
    nudges = config.nudges
    lines += ["", "[goals]", *dump_goals(config.goals).splitlines(), "", "[nudges]"]
    lines += [f"{kind} = {toml_value(getattr(nudges, kind))}" for kind in NUDGE_KINDS]
    return "\n".join(lines) + "\n"


def save_config(
    config: Config,
    path: Path,
    omit: frozenset[str] = frozenset(),
    recommended: frozenset[str] = frozenset(),
) -> None:
    """Write ``config`` into ``path``, keeping the file's comments and layout and changing only
    the values that differ (.keep_layout; ``recommended`` names the keys an organisation
    recommends, which the file must set to be the user's own). A new file, or one that cannot
    be read or parsed, is written whole, as dump_config says.

    Atomically: a crash mid-write leaves the old file or the new one, never half. The old file
    is read through the bounded reader; the temporary file is created by mkstemp, so the
    result is readable by the user only.
    """
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fresh = dump_config(config, omit)
    try:
        old: str | None = files.read_text(path, files.SETTINGS_LIMIT)
    except files.ReadError:
        old = None
    write_private(path, merge_text(old, fresh, dump_config(Config()), recommended))
