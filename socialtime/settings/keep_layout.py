"""Saving into the user's own config.toml without rewriting it: comments, order, blank lines and
quoting stay as the user left them; only the values that changed are written.

Why tomlkit: it parses TOML into a document that remembers every byte around the values (the
"trivia"), so a value can be replaced in place and the rest comes back out unchanged. The
document the program would write from scratch (.writer.dump_config) is the reference: each key
it writes is compared with the user's file, and

- a key the file has with the same value is left alone, byte for byte;
- a key the file has with another value gets the new one, in the same place, its comment kept;
- a key the file lacks is added only when leaving it out would mean something else: its value
  differs from the default, or the organisation recommends a value for it (``recommended``:
  a work day or ``sites.disabled`` the user's file must set to be the user's own);
- a key the program knows but no longer writes (a goal removed, a recommendation left as it
  was) is removed; keys it does not know are the user's business and stay.

The result is read back and checked against the reference: if the two would not load to the
same settings (a layout tomlkit cannot edit safely), the reference is written whole instead, as
before. So the promise "the file says what the dialog showed" never depends on the layout.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping, MutableMapping
from typing import Any

import tomlkit
import tomlkit.exceptions

from socialtime.rules.work_hours import DAY_KEYS
from socialtime.settings.schema import NUDGE_KINDS, SCALAR_KEYS

__all__ = ["KNOWN", "merge_text"]

# Every key the program writes, by table ("" is the top level).
KNOWN: dict[str, tuple[str, ...]] = {
    "": (*SCALAR_KEYS, "days_off"),
    "work_hours": DAY_KEYS,
    "sites": ("disabled", "custom"),
    "goals": ("daily_minutes", "weekly_minutes", "focus", "sites"),
    "nudges": NUDGE_KINDS,
}
_SETS = frozenset({"days_off", "sites.disabled"})  # arrays whose order means nothing
# Without a [work_hours] table the days are the defaults (Monday to Friday); with one, a day it
# leaves out is a day off (.schema): what a missing day means depends on the table.
_DAYS = "work_hours"


def _path(group: str, name: str) -> str:
    return f"{group}.{name}" if group else name


def _plain(value: Any) -> Any:
    unwrap = getattr(value, "unwrap", None)
    return unwrap() if callable(unwrap) else value


def _same(path: str, a: Any, b: Any) -> bool:
    if path in _SETS and isinstance(a, list) and isinstance(b, list):
        return sorted(map(str, a)) == sorted(map(str, b))
    return bool(a == b)


def _absent(defaults: Mapping[str, Any], group: str, name: str, table_there: bool) -> Any:
    """What leaving ``name`` out of ``group`` means, the table being there or not."""
    if group == _DAYS and table_there:
        return ""
    return (_table(defaults, group) or {}).get(name)


def _table(data: Mapping[str, Any], group: str) -> Mapping[str, Any] | None:
    table = data if not group else data.get(group)
    return table if isinstance(table, Mapping) else None


def _meaning(
    data: Mapping[str, Any], defaults: Mapping[str, Any], recommended: frozenset[str]
) -> dict[str, Any]:
    """The value of every known key a document gives, a default standing in for an absent
    key; an absent recommended key stays absent (the organisation's value then applies)."""
    meant: dict[str, Any] = {}
    for group, names in KNOWN.items():
        found = _table(data, group)
        for name in names:
            path = _path(group, name)
            if found is not None and name in found:
                value = found[name]
            elif path in recommended:
                continue
            else:
                value = _absent(defaults, group, name, found is not None)
            meant[path] = sorted(map(str, value)) if path in _SETS and value else value
    return meant


def merge_text(
    old: str | None, fresh: str, defaults: str, recommended: frozenset[str] = frozenset()
) -> str:
    """The user's file ``old`` with the values of ``fresh`` (what .writer.dump_config writes)
    put in, as the module docstring says; ``defaults`` is what dump_config writes for the
    default settings. ``fresh`` itself when ``old`` is None, cannot be parsed, or cannot be
    edited into the same meaning."""
    if old is None:
        return fresh
    try:
        doc = tomlkit.parse(old)
        tomllib.loads(old)  # tomlkit accepts a few things tomllib refuses; both must agree
    except (tomlkit.exceptions.TOMLKitError, tomllib.TOMLDecodeError, ValueError):
        return fresh
    new_doc, wanted = tomlkit.parse(fresh), tomllib.loads(fresh)
    base = tomllib.loads(defaults)
    for group, names in KNOWN.items():
        if group and group in doc and not isinstance(doc[group], MutableMapping):
            return fresh  # "goals = 3": not a table to edit; the reference replaces it
        target: Any = doc if not group else doc.get(group)
        want = _table(wanted, group) or {}
        source: Any = new_doc if not group else new_doc.get(group, {})
        for name in names:
            path = _path(group, name)
            has = target is not None and name in target
            if name in want:
                if has and _same(path, _plain(target[name]), want[name]):
                    continue
                absent = _absent(base, group, name, target is not None)
                if not has and path not in recommended and _same(path, want[name], absent):
                    continue  # leaving it out means this very value
                if target is None and group == _DAYS:
                    doc[group] = source  # a new table of days needs every day
                    break
                if target is None:
                    doc[group] = target = tomlkit.table()
                target[name] = source[name]
            elif has:
                del target[name]
    text = tomlkit.dumps(doc)
    try:
        meant = _meaning(tomllib.loads(text), base, recommended)
        same = meant == _meaning(wanted, base, recommended)
    except tomllib.TOMLDecodeError:
        same = False
    return text if same else fresh
