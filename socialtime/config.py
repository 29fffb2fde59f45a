"""Settings: one declarative schema, defaults in code, every error collected.

Why this shape (STYLE.md, point 6): a settings file is edited by hand, so a mistake must be
reported with the file, the full key, the bad value and what was expected, all mistakes at
once, and must never crash the program. A file with any error is ignored as a whole: running on
half a config (say, the right hours but a default idle threshold) would record something the
user did not ask for, which is worse than clearly falling back to the documented defaults.

The schema below (`_SCHEMA`) is the single description of what a file may hold; `_walk` checks
any TOML document against it, and `_build` turns the checked values into a `Config`.
"""

from __future__ import annotations

import difflib
import math
import os
import re
import tempfile
import tomllib
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

import platformdirs

from socialtime.i18n import QT_TRANSLATE_NOOP, translate
from socialtime.schedule import DAY_KEYS, TimeRange, WorkHours, format_ranges, parse_ranges

if TYPE_CHECKING:
    from socialtime.policy import Policy

# -- the result ---------------------------------------------------------------------------

_DEFAULT_WORK_HOURS = {day: "09:00-12:30, 13:30-18:00" for day in DAY_KEYS[:5]}


def default_work_hours(tz: tzinfo | None = None) -> WorkHours:
    """Monday to Friday 09:00-12:30 and 13:30-18:00; weekends off."""
    return WorkHours.from_strings(_DEFAULT_WORK_HOURS, tz=tz)


@dataclass(frozen=True)
class CustomSite:
    """A site the user adds to the catalogue; matched like catalogue sites (see sites.py)."""

    id: str
    name: str
    hosts: tuple[str, ...]
    titles: tuple[str, ...]
    apps: tuple[str, ...]


@dataclass(frozen=True)
class Goals:
    """Goals the user chose (or a team agreed on); every one is optional. Defined here, with
    the schema that checks them, and used through socialtime.goals."""

    daily_minutes: int | None = None  # all social time on a work day
    site_daily_minutes: Mapping[str, int] = field(default_factory=dict)  # site id -> minutes
    focus: tuple[TimeRange, ...] = ()  # parts of each work day with no social time
    weekly_minutes: int | None = None  # all social time in an ISO week

    def is_empty(self) -> bool:
        return (
            self.daily_minutes is None
            and not self.site_daily_minutes
            and not self.focus
            and self.weekly_minutes is None
        )

    def __hash__(self) -> int:  # the mapping is a dict: hash its items
        sites = tuple(sorted(self.site_daily_minutes.items()))
        return hash((self.daily_minutes, sites, self.focus, self.weekly_minutes))


@dataclass(frozen=True)
class NudgeSettings:
    """Which kinds of nudge may be shown (socialtime.nudges); each can be switched off."""

    budget: bool = True  # at 80 % and 100 % of a daily budget
    focus: bool = True  # a social site in front during a focus period
    reflection: bool = True  # the weekly look back


@dataclass(frozen=True)
class Config:
    sample_seconds: float = 5.0
    idle_seconds: int = 180
    retention_days: int = 365  # 0 keeps forever
    work_hours: WorkHours = field(default_factory=default_work_hours)
    disabled_sites: frozenset[str] = frozenset()
    custom_sites: tuple[CustomSite, ...] = ()
    goals: Goals = field(default_factory=Goals)
    nudges: NudgeSettings = field(default_factory=NudgeSettings)
    language: str = "auto"  # "auto" follows the system; "en" or "fr" overrides it


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


@dataclass(frozen=True)
class LoadedConfig:
    config: Config  # in force: the user's file with the organisation policy applied
    errors: tuple[ConfigError, ...]  # the user's file's
    path: Path | None  # the file read, None if none existed
    user: Config = field(default=cast(Config, None))  # the user's own file; `config` if None
    policy: Policy = field(default_factory=lambda: _no_policy())
    user_keys: frozenset[str] = frozenset()  # policy keys the user's file sets (policy.py)

    def __post_init__(self) -> None:
        if self.user is None:
            object.__setattr__(self, "user", self.config)

    @property
    def ok(self) -> bool:
        return not self.errors


# -- the schema ---------------------------------------------------------------------------


@dataclass(frozen=True)
class _Value:
    """A leaf. `convert` returns the Python value or raises ValueError (its text, if any,
    becomes the error's reason, so it is translated where it is raised).

    The `expected` texts of the schema are English, marked with QT_TRANSLATE_NOOP: the schema
    is built at import, before the language is known; `_walk` translates them when it fails."""

    expected: str
    convert: Callable[[Any], Any]


@dataclass(frozen=True)
class _List:
    expected: str
    item: _Node


@dataclass(frozen=True)
class _Table:
    expected: str
    fields: Mapping[str, _Node]
    required: tuple[str, ...] = ()


@dataclass(frozen=True)
class _Map:
    """A table whose keys are data (site ids), each checked by `key`, values by `value`."""

    expected: str
    key: _Value
    value: _Node


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
_GOALS = _Table(
    QT_TRANSLATE_NOOP("config", "a table with keys daily_minutes, weekly_minutes, focus and sites"),
    {
        "daily_minutes": _Value(_DAY_MINUTES, _integer(1, 1440)),
        "weekly_minutes": _Value(
            QT_TRANSLATE_NOOP("config", "an integer number of minutes between 1 and 10080"),
            _integer(1, 10080),
        ),
        "focus": _Value(
            QT_TRANSLATE_NOOP("config", 'a string such as "09:00-11:00, 14:00-15:00", or ""'),
            _ranges,
        ),
        "sites": _Map(
            QT_TRANSLATE_NOOP(
                "config", 'a table of site ids and minutes, such as "youtube.com" = 10'
            ),
            _Value(_DOMAIN_FORM, _domain),
            _Value(_DAY_MINUTES, _integer(1, 1440)),
        ),
    },
)
_ON_OFF = QT_TRANSLATE_NOOP("config", "true or false")
_NUDGES = _Table(
    QT_TRANSLATE_NOOP("config", "a table with keys budget, focus and reflection"),
    {kind: _Value(_ON_OFF, _boolean) for kind in ("budget", "focus", "reflection")},
)

_SCHEMA = _Table(
    QT_TRANSLATE_NOOP("config", "a table"),
    {
        "sample_seconds": _Value(
            QT_TRANSLATE_NOOP("config", "a number of seconds between 1 and 60"), _number(1, 60)
        ),
        "idle_seconds": _Value(
            QT_TRANSLATE_NOOP("config", "an integer number of seconds between 1 and 3600"),
            _integer(1, 3600),
        ),
        "retention_days": _Value(
            QT_TRANSLATE_NOOP(
                "config", "an integer number of days between 0 (keep forever) and 3650"
            ),
            _integer(0, 3650),
        ),
        "work_hours": _Table(
            QT_TRANSLATE_NOOP("config", "a table with keys mon..sun"),
            {day: _Value(_RANGES_FORM, _ranges) for day in DAY_KEYS},
        ),
        "days_off": _List(
            QT_TRANSLATE_NOOP("config", 'an array of dates such as ["2026-12-25"]'),
            _Value(QT_TRANSLATE_NOOP("config", 'a date "YYYY-MM-DD"'), _date),
        ),
        "sites": _Table(
            QT_TRANSLATE_NOOP("config", "a table with keys disabled and custom"),
            {
                "disabled": _List(
                    QT_TRANSLATE_NOOP("config", 'an array of site ids such as ["linkedin.com"]'),
                    _Value(_DOMAIN_FORM, _domain),
                ),
                "custom": _List(
                    QT_TRANSLATE_NOOP("config", "an array of tables ([[sites.custom]])"),
                    _CUSTOM_SITE,
                ),
            },
        ),
        "goals": _GOALS,
        "nudges": _NUDGES,
        "language": _Value(
            QT_TRANSLATE_NOOP("config", '"auto" (the system\'s language), "en" or "fr"'),
            _language,
        ),
    },
)


def _walk(node: _Node, value: Any, key: str, source: str, errors: list[ConfigError]) -> Any:
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
            _walk(node.item, item, f"{key}[{i}]", source, errors) for i, item in enumerate(value)
        )
    if isinstance(node, _Map):
        if not isinstance(value, Mapping):
            return fail(node.expected)
        entries = {}
        for name, item in value.items():
            path = f"{key}.{_toml_key(str(name))}"
            try:
                node.key.convert(name)
            except ValueError:
                expected = node.key.expected
                reason = translate("config", "not a site id")
                errors.append(
                    ConfigError(source, path, item, translate("config", expected), reason)
                )
                continue
            entries[name] = _walk(node.value, item, path, source, errors)
        return entries
    if not isinstance(value, Mapping):
        return fail(node.expected)
    result: dict[str, Any] = {}
    for name, item in value.items():
        path = f"{key}.{name}" if key else str(name)
        if name in node.fields:
            result[name] = _walk(node.fields[name], item, path, source, errors)
            continue
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


def _build_goals(values: Mapping[str, Any]) -> Goals:
    return Goals(
        daily_minutes=values.get("daily_minutes"),
        site_daily_minutes=dict(values.get("sites", {})),
        focus=values.get("focus", ()),
        weekly_minutes=values.get("weekly_minutes"),
    )


def parse_goals(
    data: Mapping[str, Any], source: str, key_prefix: str = "goals"
) -> tuple[Goals, list[ConfigError]]:
    """Check a [goals] table on its own (team goal files hold one too); keys in errors start
    with `key_prefix`. With any error, the Goals returned are empty."""
    errors: list[ConfigError] = []
    values = _walk(_GOALS, data, key_prefix, source, errors)
    return (Goals(), errors) if errors else (_build_goals(values), errors)


def _build(values: dict[str, Any], tz: tzinfo | None) -> Config:
    """Turn checked values (no errors) into a Config, filling in defaults."""
    days_off = frozenset(values.get("days_off", ()))
    table = values.get("work_hours")
    if table is None:
        work_hours = WorkHours(default_work_hours().days, days_off, tz)
    else:
        work_hours = WorkHours(tuple(table.get(day, ()) for day in DAY_KEYS), days_off, tz)
    sites = values.get("sites", {})
    custom: list[CustomSite] = []
    for entry in sites.get("custom", ()):
        site_id = entry["id"]
        custom.append(
            CustomSite(
                id=site_id,
                name=entry.get("name", site_id),
                hosts=entry.get("hosts", (site_id,)),
                titles=entry.get("titles", ()),
                apps=entry.get("apps", ()),
            )
        )
    return Config(
        sample_seconds=values.get("sample_seconds", Config.sample_seconds),
        idle_seconds=values.get("idle_seconds", Config.idle_seconds),
        retention_days=values.get("retention_days", Config.retention_days),
        work_hours=work_hours,
        disabled_sites=frozenset(sites.get("disabled", ())),
        custom_sites=tuple(custom),
        goals=_build_goals(values.get("goals", {})),
        nudges=NudgeSettings(**values.get("nudges", {})),
        language=values.get("language", Config.language),
    )


def _duplicate_ids(values: dict[str, Any], source: str) -> list[ConfigError]:
    """Two custom sites with one id would make the id (the label in the database) ambiguous."""
    seen: dict[str, int] = {}
    errors = []
    for i, entry in enumerate(values.get("sites", {}).get("custom", ())):
        site_id = entry["id"]
        if site_id in seen:
            reason = translate("config", "duplicate id, also used by {key}")
            reason = reason.format(key=f"sites.custom[{seen[site_id]}]")
            expected = translate("config", "a unique id")
            errors.append(ConfigError(source, f"sites.custom[{i}].id", site_id, expected, reason))
        seen.setdefault(site_id, i)
    return errors


def parse_config(
    data: Mapping[str, Any], source: str, *, tz: tzinfo | None = None
) -> tuple[Config, list[ConfigError]]:
    """Check a parsed TOML document. With any error, the Config returned is the defaults."""
    errors: list[ConfigError] = []
    values = _walk(_SCHEMA, data, "", source, errors)
    if not errors:
        errors.extend(_duplicate_ids(values, source))
    if errors:
        return Config(work_hours=default_work_hours(tz)), errors
    return _build(values, tz), errors


# -- files --------------------------------------------------------------------------------


def default_config_path() -> Path:
    return Path(platformdirs.user_config_dir("socialtime")) / "config.toml"


def _no_policy() -> Policy:
    from socialtime.policy import Policy  # policy.py imports this module

    return Policy()


def load_config(
    path: Path | None = None, tz: tzinfo | None = None, policy: Policy | None = None
) -> LoadedConfig:
    """Read and check a settings file, then apply the organisation ``policy`` over it
    (socialtime.policy; none by default). Never raises for a bad file: see the module doc."""
    from socialtime.policy import apply_policy

    return apply_policy(_load_user(path, tz), policy)


def read_language(path: Path | None = None) -> str:
    """The ``language`` setting in force, for a program to speak the user's language before
    it says anything (the messages of ``load_config``, its errors included, are then in that
    language). Like ``load_config``, never raises, and a file with any error counts as none:
    "auto". An organisation policy cannot set the language, so it is not read."""
    return _load_user(path, None).config.language


def _load_user(path: Path | None, tz: tzinfo | None) -> LoadedConfig:
    path = default_config_path() if path is None else Path(path)
    source = str(path)
    defaults = Config(work_hours=default_work_hours(tz))
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        return LoadedConfig(defaults, (), None)
    except OSError as error:
        problem = translate("config", "cannot read the file ({error})")
        problem = problem.format(error=error.strerror or error)
        return LoadedConfig(defaults, (ConfigError(source, "", None, problem),), path)
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")  # Notepad's BOM is harmless
    except UnicodeDecodeError as error:
        problem = translate("config", "not a UTF-8 text file (bad byte at offset {offset})")
        problem = problem.format(offset=error.start)
        return LoadedConfig(defaults, (ConfigError(source, "", None, problem),), path)
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        # tomllib's message (English: the stdlib has no French) ends "(at line L, column C)"
        problem = translate("config", "not valid TOML: {error}").format(error=error)
        return LoadedConfig(defaults, (ConfigError(source, "", None, problem),), path)
    config, errors = parse_config(data, source, tz=tz)
    from socialtime.policy import user_keys

    keys = frozenset() if errors else user_keys(data)
    return LoadedConfig(config, tuple(errors), path, user_keys=keys)


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
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(dump_config(config, omit))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
