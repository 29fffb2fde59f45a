"""The settings schema: what a settings file may hold, and the walk that checks a document.

Kept apart from .model, which holds what the settings *are* (the data classes), so that each
stays small. `SCHEMA` is the single description of a settings file, in qutebrowser's
``configdata`` way: each setting's node gives its type and bounds (``convert``), the form
expected when a value is wrong (``expected``), its **default** (what a missing key means) and a
**description** (what it does, shown under its field in the Settings dialog). Everything else
reads them from here: .model builds `Config` and its defaults from them, .writer writes the keys
in their order, the Settings dialog takes its hints and defaults, and
tests/unit/settings/test_settings_schema.py fails when a setting has no default or no
description, or when `Config` disagrees.

`walk` checks any TOML document (or part of one) against the schema and collects a
`ConfigError` for every mistake; `with_defaults` fills in what a checked document left out. The
organisation policy (.policy_sources) walks its values through the same nodes, so a policy value
is refused for exactly the reasons a user's would be.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from socialtime.base.i18n import QT_TRANSLATE_NOOP, translate
from socialtime.rules.work_hours import DAY_KEYS, parse_ranges
from socialtime.settings.toml_io import toml_key


@dataclass(frozen=True)
class ConfigError:
    """One problem in one file. `key` is the full dotted path ("" for the file as a whole);
    `value` is None when the key is missing (TOML has no null); `reason` says what is wrong
    when "not the expected form" is not enough (an overlap, an unknown key, a bad regex).
    `expected` and `reason` are in the language in force when the error was found (a person
    reads them, in the CLI and in the Settings dialog); the keys and values stay as written."""

    file: str
    key: str
    value: object
    expected: str
    reason: str = ""

    def __str__(self) -> str:
        if not self.key:
            text = translate("config", "{file}: {problem}")
            return text.format(file=self.file, problem=self.expected)
        setting = translate("config", "{file}: {key}").format(file=self.file, key=self.key)
        if self.value is not None:
            # TOML spelling for booleans, Python's repr (quotes visible) for the rest.
            shown = str(self.value).lower() if isinstance(self.value, bool) else repr(self.value)
            setting += f" = {shown if len(shown) <= 80 else shown[:77] + '...'}"
        if self.reason:
            text = translate("config", "{setting}: {reason} (expected {expected})")
        else:
            text = translate("config", "{setting}: expected {expected}")
        return text.format(setting=setting, reason=self.reason, expected=self.expected)


# -- the schema ---------------------------------------------------------------------------


class _Required:
    def __repr__(self) -> str:
        return "REQUIRED"


# The default of a key that has none: the file must give it (a custom site's id). Every
# setting (see `settings`) has a default; None is one: no value (a goal not set).
REQUIRED: Any = _Required()


@dataclass(frozen=True)
class _Value:
    """A leaf. `convert` returns the Python value or raises ValueError (its text, if any,
    becomes the error's reason, so it is translated where it is raised). `default` is the
    TOML value a missing key means (None: no value).

    The `expected` and `description` texts of the schema are English, marked with
    QT_TRANSLATE_NOOP: the schema is built at import, before the language is known; `walk`
    translates them when it fails, `setting_description` when it is asked."""

    expected: str
    convert: Callable[[Any], Any]
    default: Any = REQUIRED
    description: str = ""


@dataclass(frozen=True)
class _List:
    expected: str
    item: _Node
    default: Any = REQUIRED  # a TOML array
    description: str = ""


@dataclass(frozen=True)
class _Table:
    """A table of named fields. A missing table means `default` (a TOML table; None: each
    field's own default); a missing field of a table that is there, the field's default."""

    expected: str
    fields: Mapping[str, _Node]
    required: tuple[str, ...] = ()
    default: Mapping[str, Any] | None = None


@dataclass(frozen=True)
class _Map:
    """A table whose keys are data (site ids), each checked by `key`, values by `value`."""

    expected: str
    key: _Value
    value: _Node
    default: Any = REQUIRED  # a TOML table
    description: str = ""


_Node = _Value | _List | _Table | _Map


def _number(low: float, high: float) -> Callable[[Any], float]:
    def convert(value: Any) -> float:
        # bool is an int subclass in Python; `true` is not a number of seconds.
        if isinstance(value, bool) or not isinstance(value, int | float):
            raise ValueError
        if not (math.isfinite(value) and low <= value <= high):
            raise ValueError
        return float(value)

    return convert


def _integer(low: int, high: int) -> Callable[[Any], int]:
    def convert(value: Any) -> int:
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise ValueError
        return value

    return convert


def _ranges(value: Any) -> Any:
    if not isinstance(value, str):
        raise ValueError
    return parse_ranges(value)  # its ValueError says precisely what is wrong


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _date(value: Any) -> date:
    if isinstance(value, date) and not isinstance(value, datetime):
        return value  # a bare TOML date (days_off = [2026-12-25]) is accepted too
    if not isinstance(value, str) or not _ISO_DATE.fullmatch(value):
        raise ValueError
    try:
        return date.fromisoformat(value)
    except ValueError:
        message = translate("config", "{value} is not a date of the calendar")
        raise ValueError(message.format(value=value)) from None


_HOSTNAME = re.compile(r"(?!-)[a-z0-9-]{1,63}(?<!-)(\.(?!-)[a-z0-9-]{1,63}(?<!-))*")


def _hostname(value: Any) -> str:
    if not isinstance(value, str) or len(value) > 253 or not _HOSTNAME.fullmatch(value):
        raise ValueError
    return value


def _domain(value: Any) -> str:
    host = _hostname(value)
    if "." not in host:
        raise ValueError
    return host


def _boolean(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError
    return value


def _language(value: Any) -> str:
    if value not in ("auto", "en", "fr"):
        raise ValueError
    return str(value)


def _text(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError
    return value


def _regex(value: Any) -> str:
    if not isinstance(value, str):
        raise ValueError
    try:
        re.compile(value)
    except re.error as error:
        message = translate("config", "invalid regular expression: {error}")
        raise ValueError(message.format(error=error)) from None
    return value


_RANGES_FORM = QT_TRANSLATE_NOOP(
    "config", 'a string such as "09:00-12:30, 13:30-18:00", or "" for a day off'
)
_DOMAIN_FORM = QT_TRANSLATE_NOOP("config", 'a lowercase domain such as "example.com"')
_HOST_FORM = QT_TRANSLATE_NOOP("config", 'a lowercase hostname such as "www.example.com"')

_CUSTOM_SITE = _Table(
    QT_TRANSLATE_NOOP("config", "a table with at least an id"),
    {
        "id": _Value(_DOMAIN_FORM, _domain),
        "name": _Value(QT_TRANSLATE_NOOP("config", "a non-empty string"), _text),
        "hosts": _List(
            QT_TRANSLATE_NOOP("config", "an array of hostnames"), _Value(_HOST_FORM, _hostname)
        ),
        "titles": _List(
            QT_TRANSLATE_NOOP("config", "an array of regular expressions (strings)"),
            _Value(QT_TRANSLATE_NOOP("config", "a regular expression string"), _regex),
        ),
        "apps": _List(
            QT_TRANSLATE_NOOP("config", "an array of process names"),
            _Value(QT_TRANSLATE_NOOP("config", "a process name string"), _text),
        ),
    },
    required=("id",),
)

_DAY_MINUTES = QT_TRANSLATE_NOOP("config", "an integer number of minutes between 1 and 1440")
GOALS = _Table(
    QT_TRANSLATE_NOOP("config", "a table with keys daily_minutes, weekly_minutes, focus and sites"),
    {
        "daily_minutes": _Value(
            _DAY_MINUTES,
            _integer(1, 1440),
            default=None,
            description=QT_TRANSLATE_NOOP(
                "config", "At most this many minutes on social sites each work day, all together."
            ),
        ),
        "weekly_minutes": _Value(
            QT_TRANSLATE_NOOP("config", "an integer number of minutes between 1 and 10080"),
            _integer(1, 10080),
            default=None,
            description=QT_TRANSLATE_NOOP(
                "config", "At most this many minutes on social sites in the whole ISO week."
            ),
        ),
        "focus": _Value(
            QT_TRANSLATE_NOOP("config", 'a string such as "09:00-11:00, 14:00-15:00", or ""'),
            _ranges,
            default="",
            description=QT_TRANSLATE_NOOP(
                "config",
                "Periods of each work day without social sites, such as 09:00-11:00, 14:00-15:00.",
            ),
        ),
        "sites": _Map(
            QT_TRANSLATE_NOOP(
                "config", 'a table of site ids and minutes, such as "youtube.com" = 10'
            ),
            _Value(_DOMAIN_FORM, _domain),
            _Value(_DAY_MINUTES, _integer(1, 1440)),
            default={},
            description=QT_TRANSLATE_NOOP(
                "config", "At most this many minutes on one site each work day, site by site."
            ),
        ),
    },
)
_ON_OFF = QT_TRANSLATE_NOOP("config", "true or false")
_NUDGES = _Table(
    QT_TRANSLATE_NOOP("config", "a table with keys budget, focus and reflection"),
    {
        "budget": _Value(
            _ON_OFF,
            _boolean,
            default=True,
            description=QT_TRANSLATE_NOOP(
                "config", "A notification at 80 % and at 100 % of a daily budget."
            ),
        ),
        "focus": _Value(
            _ON_OFF,
            _boolean,
            default=True,
            description=QT_TRANSLATE_NOOP(
                "config", "A notification when a social site comes to the front in a focus period."
            ),
        ),
        "reflection": _Value(
            _ON_OFF,
            _boolean,
            default=True,
            description=QT_TRANSLATE_NOOP(
                "config",
                "On the first work day of the week, last week compared with the one before.",
            ),
        ),
    },
)
_WORK_DAY = QT_TRANSLATE_NOOP(
    "config", "The work hours of that day; nothing is recorded outside them."
)
DEFAULT_WORK_DAY = "09:00-12:30, 13:30-18:00"

SCHEMA = _Table(
    QT_TRANSLATE_NOOP("config", "a table"),
    {
        "sample_seconds": _Value(
            QT_TRANSLATE_NOOP("config", "a number of seconds between 1 and 60"),
            _number(1, 60),
            default=5,
            description=QT_TRANSLATE_NOOP(
                "config", "How often socialtime checks which window is in front."
            ),
        ),
        "idle_seconds": _Value(
            QT_TRANSLATE_NOOP("config", "an integer number of seconds between 1 and 3600"),
            _integer(1, 3600),
            default=180,
            description=QT_TRANSLATE_NOOP(
                "config", "Time without keyboard or mouse input is not counted."
            ),
        ),
        "media_max_minutes": _Value(
            QT_TRANSLATE_NOOP("config", "an integer number of minutes between 0 (off) and 1440"),
            _integer(0, 1440),
            default=60,
            description=QT_TRANSLATE_NOOP(
                "config",
                "A site or a call in front that plays sound keeps counting without input, up to "
                "this long after your last input.",
            ),
        ),
        "retention_days": _Value(
            QT_TRANSLATE_NOOP(
                "config", "an integer number of days between 0 (keep forever) and 3650"
            ),
            _integer(0, 3650),
            default=365,
            description=QT_TRANSLATE_NOOP("config", "Older data is erased automatically."),
        ),
        # Without the table, Monday to Friday; with it, a day it leaves out is a day off.
        "work_hours": _Table(
            QT_TRANSLATE_NOOP("config", "a table with keys mon..sun"),
            {
                day: _Value(_RANGES_FORM, _ranges, default="", description=_WORK_DAY)
                for day in DAY_KEYS
            },
            default={day: DEFAULT_WORK_DAY for day in DAY_KEYS[:5]},
        ),
        "days_off": _List(
            QT_TRANSLATE_NOOP("config", 'an array of dates such as ["2026-12-25"]'),
            _Value(QT_TRANSLATE_NOOP("config", 'a date "YYYY-MM-DD"'), _date),
            default=[],
            description=QT_TRANSLATE_NOOP(
                "config", "Days off and holidays: nothing is recorded on them."
            ),
        ),
        "sites": _Table(
            QT_TRANSLATE_NOOP("config", "a table with keys disabled and custom"),
            {
                "disabled": _List(
                    QT_TRANSLATE_NOOP("config", 'an array of site ids such as ["linkedin.com"]'),
                    _Value(_DOMAIN_FORM, _domain),
                    default=[],
                    description=QT_TRANSLATE_NOOP(
                        "config", "Sites of the catalogue that you do not want counted."
                    ),
                ),
                "custom": _List(
                    QT_TRANSLATE_NOOP("config", "an array of tables ([[sites.custom]])"),
                    _CUSTOM_SITE,
                    default=[],
                    description=QT_TRANSLATE_NOOP(
                        "config", "Your own sites, counted like those of the catalogue."
                    ),
                ),
            },
        ),
        "goals": GOALS,
        "nudges": _NUDGES,
        "language": _Value(
            QT_TRANSLATE_NOOP("config", '"auto" (the system\'s language), "en" or "fr"'),
            _language,
            default="auto",
            description=QT_TRANSLATE_NOOP(
                "config", "The language of socialtime: the system's (auto), English or French."
            ),
        ),
    },
)
# The keys of SCHEMA that hold one value: each is a field of Config of the same name, written
# by .writer in this order.
SCALAR_KEYS = tuple(name for name, node in SCHEMA.fields.items() if isinstance(node, _Value))
# The kinds of nudge ([nudges]): each a field of NudgeSettings of the same name.
NUDGE_KINDS = tuple(_NUDGES.fields)


# -- reading the schema ---------------------------------------------------------------------


def settings(node: _Table = SCHEMA, prefix: str = "") -> Iterator[tuple[str, _Node]]:
    """Every setting, as (dotted key, node): the values, arrays and maps that the tables of
    ``node`` hold, tables within tables included (not the tables inside an array: a custom
    site's keys are parts of one value of ``sites.custom``)."""
    for name, child in node.fields.items():
        key = f"{prefix}.{name}" if prefix else name
        if isinstance(child, _Table):
            yield from settings(child, key)
        else:
            yield key, child


def node(key: str) -> _Node:
    """The node of the dotted ``key`` ("goals.daily_minutes"); KeyError if there is none."""
    found: _Node = SCHEMA
    for name in key.split("."):
        if not isinstance(found, _Table):
            raise KeyError(key)
        found = found.fields[name]
    return found


def setting_description(key: str) -> str:
    """The description of the setting ``key``, in the current language."""
    found = node(key)
    text = getattr(found, "description", "")
    return translate("config", text) if text else ""


def setting_default(key: str) -> Any:
    """What a missing ``key`` means, as ``walk`` gives it (5 -> 5.0 for ``sample_seconds``;
    a table with every field; None: no value). ValueError for a key that has no default."""
    return _default(node(key), key)


def _default(found: _Node, key: str) -> Any:
    if isinstance(found, _Table):
        given = {} if found.default is None else _checked(found, found.default, key)
        return with_defaults(given, found, key)
    if found.default is REQUIRED:
        raise ValueError(f"{key} has no default")  # i18n: ignore - a mistake in the schema
    if found.default is None:
        return None
    return _checked(found, found.default, key)


def _checked(found: _Node, value: Any, key: str) -> Any:
    errors: list[ConfigError] = []
    result = walk(found, value, key, "socialtime/settings/schema.py", errors)
    if errors:  # a default the schema itself refuses: a mistake here, which the tests show
        raise ValueError("; ".join(map(str, errors)))
    return result


def with_defaults(values: Mapping[str, Any], table: _Table = SCHEMA, key: str = "") -> dict:
    """``values`` (what ``walk`` gave for ``table``, without errors) with every field it left
    out at its default, in the schema's order; tables within, filled the same way."""
    result: dict[str, Any] = {}
    for name, field in table.fields.items():
        path = f"{key}.{name}" if key else name
        if name not in values:
            result[name] = _default(field, path)
        elif isinstance(field, _Table):
            result[name] = with_defaults(values[name], field, path)
        else:
            result[name] = values[name]
    return result


def walk(node: _Node, value: Any, key: str, source: str, errors: list[ConfigError]) -> Any:
    """Check `value` against `node`; return the converted value (meaningless if errors grew)."""

    def fail(expected: str, reason: str = "") -> None:
        errors.append(ConfigError(source, key, value, translate("config", expected), reason))

    if isinstance(node, _Value):
        try:
            return node.convert(value)
        except ValueError as error:
            return fail(node.expected, str(error))
    if isinstance(node, _List):
        if not isinstance(value, list):
            return fail(node.expected)
        return tuple(
            walk(node.item, item, f"{key}[{i}]", source, errors) for i, item in enumerate(value)
        )
    if isinstance(node, _Map):
        if not isinstance(value, Mapping):
            return fail(node.expected)
        entries = {}
        for name, item in value.items():
            path = f"{key}.{toml_key(str(name))}"
            try:
                node.key.convert(name)
            except ValueError:
                expected = node.key.expected
                reason = translate("config", "not a site id")
                errors.append(
                    ConfigError(source, path, item, translate("config", expected), reason)
                )
                continue
            entries[name] = walk(node.value, item, path, source, errors)
        return entries
    if not isinstance(value, Mapping):
        return fail(node.expected)
    result: dict[str, Any] = {}
    for name, item in value.items():
        path = f"{key}.{name}" if key else str(name)
        if name in node.fields:
            result[name] = walk(node.fields[name], item, path, source, errors)
            continue
        import difflib  # here: only for a misspelt key

        close = difflib.get_close_matches(str(name), list(node.fields), n=1)
        if close:
            reason = translate("config", "unknown setting, did you mean {key}?")
            reason = reason.format(key=repr(close[0]))
        else:
            reason = translate("config", "unknown setting")
        expected = translate("config", "one of {keys}").format(keys=", ".join(node.fields))
        errors.append(ConfigError(source, path, item, expected, reason))
    for name in node.required:
        if name not in value:
            expected = node.fields[name].expected
            path = f"{key}.{name}" if key else name
            missing = translate("config", "missing")
            errors.append(ConfigError(source, path, None, translate("config", expected), missing))
    return result
