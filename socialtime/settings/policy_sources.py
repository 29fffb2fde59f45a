"""Reading the organisation policy from where each platform keeps it (see .policy).

Kept apart from socialtime/settings/policy.py, which holds what a policy *is* (its entries, how
it is merged with the user's settings, how it is told), so that each stays small. Every value goes
through ``_check``, which uses the user's own settings schema: a policy value is refused for
exactly the reasons a user's would be.
"""

from __future__ import annotations

import importlib
import os
import re
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping
from functools import partial
from pathlib import Path
from typing import Any

from socialtime.base import file_problems, files
from socialtime.base.i18n import QT_TRANSLATE_NOOP, translate
from socialtime.base.paths import BUNDLE_ID
from socialtime.rules.work_hours import DAY_KEYS, format_ranges
from socialtime.settings.model import CustomSite
from socialtime.settings.policy import (
    ALLOWED_KEYS,
    BOOLEAN_KEYS,
    ETC_DIR,
    LEVELS,
    MANAGED_DIR,
    MANDATORY,
    POLICY_ENV,
    RECOMMENDED,
    WORK_DAY_KEYS,
    IgnoredEntry,
    Policy,
    PolicyEntry,
)
from socialtime.settings.schema import SCHEMA, ConfigError, walk
from socialtime.settings.toml_io import read_toml

REGISTRY_KEY = r"SOFTWARE\Policies\socialtime"
# Registry value and managed-preference names, matched without regard to case.
NATIVE_NAMES: dict[str, str] = {
    **{f"WorkHours{day.capitalize()}": f"work_hours.{day}" for day in DAY_KEYS},
    "DisabledSites": "sites.disabled",
    "CustomSites": "sites.custom",
    "TeamGoalFile": "team.goal_file",
    "TeamSummariesAllowed": "team.summaries_allowed",
    "InviteAtLogin": "invite_at_login",
}
_BY_NATIVE = {name.lower(): key for name, key in NATIVE_NAMES.items()}

# What a policy may never do, recognised by words in the key, each with the rule it breaks.
_FORBIDDEN = (
    (
        ("consent", "accept", "agree"),
        QT_TRANSLATE_NOOP("policy", "a policy cannot consent for the user"),
    ),
    (
        ("record", "enable", "track", "start", "pause"),
        QT_TRANSLATE_NOOP("policy", "a policy cannot switch recording on"),
    ),
    (
        ("export", "upload", "send", "server", "url", "collect", "report"),
        QT_TRANSLATE_NOOP("policy", "a policy cannot read or collect the data"),
    ),
)


# -- checking one value -------------------------------------------------------------------


def _schema(*path: str) -> Any:
    """A node of the user's settings schema: a policy value is checked exactly like it."""
    node: Any = SCHEMA
    for name in path:
        node = node.fields[name]
    return node


def _goal_file(value: Any) -> str:
    if not isinstance(value, str) or not value.strip() or re.search(r"[\x00-\x1f]", value):
        raise ValueError
    return value.strip()


def _custom_sites(items: tuple[Mapping[str, Any], ...], name: str, source: str) -> Any:
    from socialtime.rules.sites import CatalogueError, Site, _check_site

    sites, errors, seen = [], [], set()
    for i, item in enumerate(items):
        site_id = item["id"]
        site = CustomSite(
            id=site_id,
            name=item.get("name", site_id),
            hosts=tuple(item.get("hosts", (site_id,))),
            titles=tuple(item.get("titles", ())),
            apps=tuple(item.get("apps", ())),
        )
        problem = ""
        if site_id in seen:
            problem = translate("policy", "another custom site has this id")
        try:  # what the catalogue would refuse must not stop the program later
            _check_site(Site(site.id, site.name, site.hosts, site.titles, site.apps))
        except CatalogueError as e:
            problem = problem or str(e)
        if problem:
            expected = translate("policy", "a custom site with a unique id and valid hosts")
            errors.append(ConfigError(source, f"{name}[{i}]", site_id, expected, problem))
            continue
        seen.add(site_id)
        sites.append(site)
    return tuple(sites), errors


def _check(key: str, value: Any, name: str, source: str) -> tuple[object, list[ConfigError]]:
    """Check the raw ``value`` of canonical ``key`` (spelt ``name`` in ``source``)."""
    errors: list[ConfigError] = []
    if key in WORK_DAY_KEYS:
        ranges = walk(_schema("work_hours", key[11:]), value, name, source, errors)
        return ("" if errors else format_ranges(ranges)), errors
    if key == "sites.disabled":
        ids = walk(_schema("sites", "disabled"), value, name, source, errors)
        return (() if errors else tuple(dict.fromkeys(ids))), errors
    if key == "sites.custom":
        items = walk(_schema("sites", "custom"), value, name, source, errors)
        return ((), errors) if errors else _custom_sites(items, name, source)
    if key == "team.goal_file":
        try:
            return _goal_file(value), errors
        except ValueError:
            expected = translate("policy", "the path of a team goal file (a non-empty string)")
            return None, [ConfigError(source, name, value, expected)]
    if isinstance(value, bool):
        return value, errors
    return None, [ConfigError(source, name, value, translate("policy", "true or false"))]


def _reason(key: str, allowed: Iterable[str]) -> str:
    words = key.lower()
    for parts, reason in _FORBIDDEN:
        if any(part in words for part in parts):
            return translate("policy", reason)
    names = list(allowed)  # the seven days first: shown as "mon … sun"
    shown = [f"{names[0]} … {names[6]}", *names[7:]]
    text = translate("policy", "not an organisation setting (a policy may set only: {keys})")
    return text.format(keys=", ".join(shown))


# -- reading the sources ------------------------------------------------------------------


class _Reader:
    """Collects what the sources say, in order; ``policy()`` keeps the last word per level."""

    def __init__(self) -> None:
        self.found: dict[tuple[str, str], PolicyEntry] = {}
        self.ignored: list[IgnoredEntry] = []
        self.errors: list[ConfigError] = []
        self.sources: list[str] = []

    def error(self, source: str, problem: str) -> None:
        self.errors.append(ConfigError(source, "", None, problem))

    def setting(self, key: str, raw: Any, level: str, name: str, source: str) -> None:
        value, errors = _check(key, raw, name, source)
        self.errors.extend(errors)
        if not errors:
            self.found[key, level] = PolicyEntry(key, value, level, source)

    def ignore(self, key: str, value: Any, level: str, source: str, allowed: Iterable[str]) -> None:
        self.ignored.append(IgnoredEntry(key, value, level, source, _reason(key, allowed)))

    def policy(self) -> Policy:
        order = {key: i for i, key in enumerate(ALLOWED_KEYS)}
        entries = sorted(self.found.values(), key=lambda e: (order[e.key], LEVELS.index(e.level)))
        return Policy(tuple(entries), tuple(self.ignored), tuple(self.errors), tuple(self.sources))


def _read_toml(reader: _Reader, path: Path) -> None:
    source = str(path)
    found = read_toml(path)
    if found.read:
        reader.sources.append(source)
    if found.problem is not None:
        return reader.error(source, found.problem)
    data = found.data or {}
    for name, value in data.items():
        if name in LEVELS and isinstance(value, dict):
            _read_level(reader, value, name, source)
        elif name in LEVELS:
            expected = translate("policy", "a table ([mandatory] or [recommended])")
            reader.errors.append(ConfigError(source, name, value, expected))
        elif any(k == name or k.startswith(f"{name}.") for k in ALLOWED_KEYS):
            reason = translate("policy", "outside [mandatory] and [recommended]: put it in one")
            reader.ignored.append(IgnoredEntry(name, value, "", source, reason))
        else:
            reader.ignore(name, value, "", source, ALLOWED_KEYS)


def _read_level(reader: _Reader, table: Mapping[str, Any], level: str, source: str) -> None:
    for name, value in table.items():
        groups = {key.partition(".")[0] for key in ALLOWED_KEYS if "." in key}
        if name in groups and isinstance(value, dict):
            for sub, item in value.items():
                key = f"{name}.{sub}"
                if key in ALLOWED_KEYS:
                    reader.setting(key, item, level, f"{level}.{key}", source)
                else:
                    reader.ignore(key, item, level, source, ALLOWED_KEYS)
        elif name in groups:
            expected = translate("policy", "a table ([{table}])").format(table=f"{level}.{name}")
            reader.errors.append(ConfigError(source, f"{level}.{name}", value, expected))
        elif name in ALLOWED_KEYS:
            reader.setting(name, value, level, f"{level}.{name}", source)
        else:
            reader.ignore(name, value, level, source, ALLOWED_KEYS)


def _toml_files(reader: _Reader, base: Path) -> Iterator[Path]:
    yield base / "policy.toml"
    folder = base / "policy.d"
    try:
        names = sorted(p.name for p in folder.iterdir())
    except (FileNotFoundError, NotADirectoryError):
        return
    except OSError as e:
        problem = translate("policy", "cannot read the folder ({error})")
        return reader.error(str(folder), problem.format(error=e.strerror or e))
    yield from (folder / name for name in names if name.endswith(".toml"))


def _split(value: Any) -> Any:
    """A list given as one comma-separated string, or as a list of strings."""
    if isinstance(value, str):
        return [item.strip().lower() for item in value.split(",") if item.strip()]
    if isinstance(value, list | tuple) and all(isinstance(item, str) for item in value):
        return [item.strip().lower() for item in value if item.strip()]
    return value


def _native(reader: _Reader, name: str, value: Any, level: str, source: str) -> None:
    """A registry value or managed preference, already turned into a Python value."""
    key = _BY_NATIVE.get(name.lower())
    if key is None:
        return reader.ignore(name, value, level, source, NATIVE_NAMES)
    if key in ("sites.disabled", "sites.custom"):
        value = _split(value)
    if key == "sites.custom" and isinstance(value, list):
        value = [{"id": host, "name": host, "hosts": [host]} for host in value]
    reader.setting(key, value, level, name, source)


def _read_registry(reader: _Reader, reg: Any) -> None:
    """HKCU first, then HKLM: the later wins, and the computer's policy beats the user's."""
    for hive, root in (("HKCU", "HKEY_CURRENT_USER"), ("HKLM", "HKEY_LOCAL_MACHINE")):
        for level, path in (
            (MANDATORY, REGISTRY_KEY),
            (RECOMMENDED, REGISTRY_KEY + r"\Recommended"),
        ):
            source = f"{hive}\\{path}"
            try:
                key = reg.OpenKey(getattr(reg, root), path)
            except FileNotFoundError:
                continue
            except OSError as e:
                problem = translate("policy", "cannot read the registry key ({error})")
                reader.error(source, problem.format(error=e.strerror or e))
                continue
            reader.sources.append(source)
            with key:
                for name, data, kind in _values(reg, key):
                    value = _registry_value(reg, name, data, kind, source, reader)
                    if value is not None:
                        _native(reader, name, value, level, source)


def _values(reg: Any, key: Any) -> Iterator[tuple[str, Any, int]]:
    i = 0
    while True:
        try:
            name, data, kind = reg.EnumValue(key, i)
        except OSError:  # ERROR_NO_MORE_ITEMS
            return
        yield str(name), data, int(kind)
        i += 1


def _registry_value(reg: Any, name: str, data: Any, kind: int, source: str, reader: _Reader) -> Any:
    """The Python value of a registry value of the type its key expects; None after an error."""
    key = _BY_NATIVE.get(name.lower())
    strings = (getattr(reg, "REG_SZ", 1), getattr(reg, "REG_EXPAND_SZ", 2))
    if key is None:
        return data
    if key in BOOLEAN_KEYS:
        if kind == getattr(reg, "REG_DWORD", 4) and data in (0, 1):
            return bool(data)
        expected = translate("policy", "a REG_DWORD of 0 or 1")
    elif key in ("sites.disabled", "sites.custom"):
        if kind in strings or kind == getattr(reg, "REG_MULTI_SZ", 7):
            return data
        expected = translate("policy", "a REG_SZ (comma-separated) or a REG_MULTI_SZ")
    else:
        if kind in strings and isinstance(data, str):
            if kind == strings[1] and hasattr(reg, "ExpandEnvironmentStrings"):
                return reg.ExpandEnvironmentStrings(data)
            return data
        expected = translate("policy", "a REG_SZ")
    reader.errors.append(ConfigError(source, name, data, expected))
    return None


def _read_plist(reader: _Reader, path: Path) -> None:
    source = str(path)
    try:
        data = files.read_plist(path, files.SETTINGS_LIMIT)
    except files.ReadError as e:
        if e.read:
            reader.sources.append(source)
        if e.kind != files.MISSING:
            reader.error(source, file_problems.problem(e))
        return
    reader.sources.append(source)
    if not isinstance(data, dict):
        return reader.error(source, translate("policy", "not a dictionary of preferences"))
    for name, value in data.items():
        if str(name).lower() != "recommended":
            _native(reader, str(name), value, MANDATORY, source)
        elif isinstance(value, dict):
            for sub, item in value.items():
                _native(reader, str(sub), item, RECOMMENDED, source)
        else:
            expected = translate("policy", "a dictionary of recommended values")
            reader.errors.append(ConfigError(source, str(name), value, expected))


def load_policy(
    *,
    platform: str = sys.platform,
    environ: Mapping[str, str] = os.environ,
    etc_dir: Path | None = None,
    winreg: Any = None,
    managed_dir: Path = MANAGED_DIR,
    user: str | None = None,
) -> Policy:
    """The organisation policy of this computer (an empty Policy when there is none).

    Never raises: every problem is in ``errors``. ``winreg`` is a stand-in for the Windows
    module (imported only on Windows otherwise); ``user`` the macOS account name (default:
    ``$USER``, then the login name)."""
    return read(platform, environ, etc_dir, winreg, managed_dir, user)


def _one_source(reader: _Reader, source: str, read_it: Callable[[_Reader], None]) -> None:
    """Read one policy file on its own: what it says is kept only when it was read to the
    end. A file the bounded reader refuses (socialtime.base.files) is one error naming it; an
    unexpected fault is said against that file too; either way the files after it are still
    read: one bad file never hides the others."""
    own = _Reader()
    try:
        read_it(own)
    except Exception as e:  # a policy must never stop the program: say it, read the next one
        problem = translate("policy", "cannot read the policy ({error})")
        reader.sources.extend(own.sources)
        reader.error(source, problem.format(error=e))
        return
    reader.found.update(own.found)
    reader.ignored.extend(own.ignored)
    reader.errors.extend(own.errors)
    reader.sources.extend(own.sources)


def read(
    platform: str,
    environ: Mapping[str, str],
    etc_dir: Path | None,
    winreg: Any,
    managed_dir: Path,
    user: str | None,
) -> Policy:
    """``load_policy``, whose documentation tells the arguments."""
    reader = _Reader()
    where = "HKLM\\" + REGISTRY_KEY  # what an unexpected error is reported against
    try:
        if platform.startswith("win"):
            try:
                reg = winreg if winreg is not None else importlib.import_module("winreg")
            except ImportError as e:
                reader.error(where, str(e))
            else:
                _read_registry(reader, reg)
        elif platform == "darwin":
            where = str(managed_dir)
            paths = [managed_dir / f"{BUNDLE_ID}.plist"]
            name = user or environ.get("USER") or _login_name()
            if name and "/" not in name and name not in (".", ".."):
                paths.append(managed_dir / name / f"{BUNDLE_ID}.plist")
            for path in paths:
                _one_source(reader, str(path), partial(_read_plist, path=path))
        else:
            base = etc_dir or Path(environ.get(POLICY_ENV) or ETC_DIR)
            where = str(base)
            for path in _toml_files(reader, base):
                _one_source(reader, str(path), partial(_read_toml, path=path))
    except Exception as e:  # a policy must never stop the program: say it, use what was read
        problem = translate("policy", "cannot read the policy ({error})")
        reader.error(where, problem.format(error=e))
    return reader.policy()


def _login_name() -> str | None:
    import getpass

    try:
        return getpass.getuser()
    except Exception:  # no name for this uid: there is no per-user policy to find
        return None
