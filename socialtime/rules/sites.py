"""The site catalogue and the classifier: (process, window title, hostname) -> site id | None.

Classification is a pure function so that it can be tested from tables of real-world titles.
It runs on every tick (every 5 s, with a total budget of well under 1 ms), so everything that
can be prepared is prepared once when the :class:`Catalogue` is built: a dict from every
catalogue hostname to its site, a dict from normalised process names to sites, and one compiled
regular expression per site. A lookup is then a few dict probes plus, for browser windows
without a hostname, one regex search per site.

The window title never leaves this module: it is used to pick a site id and is then dropped.

Title rules apply only to browsers. "Facebook ads.xlsx - LibreOffice Calc" or "Re: LinkedIn
invoice - Thunderbird" are work, not social time, and a title inside a non-browser app says
nothing about what the user is looking at.
"""

from __future__ import annotations

import ipaddress
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

from socialtime.base import file_problems, files
from socialtime.base.i18n import translate
from socialtime.base.paths import assets_dir

__all__ = [
    "Catalogue",
    "CatalogueError",
    "Site",
    "classify",
    "classify_host",
    "is_browser",
    "load_catalogue",
    "normalize_host",
    "strip_browser_suffix",
]


class CatalogueError(ValueError):
    """The catalogue file or a custom site is malformed; the message names the file and entry."""


@dataclass(frozen=True)
class Site:
    """One social site. Only ``id`` (its primary domain) is ever stored.

    Sequences given as lists (e.g. from a config file) are turned into tuples, so that a
    ``Site`` is always hashable and immutable.
    """

    id: str
    name: str
    hosts: tuple[str, ...]
    titles: tuple[str, ...]
    apps: tuple[str, ...]

    def __post_init__(self) -> None:
        for name in ("hosts", "titles", "apps"):
            value = getattr(self, name)
            if not isinstance(value, tuple):
                object.__setattr__(self, name, tuple(value))


# Linux truncates a process name (/proc/PID/comm) to 15 characters: "telegram-desktop" is seen
# as "telegram-deskto". Longer names are therefore also registered in their truncated form.
_COMM_LEN = 15


def _app_key(process: str) -> str:
    """Normalise a process name: basename, lowercase, without ".exe"."""
    key = process.strip().rsplit("/", 1)[-1].rsplit("\\", 1)[-1].lower()
    return key[:-4] if key.endswith(".exe") else key


def _with_truncations(names: Iterable[str]) -> Iterator[str]:
    for name in names:
        yield name
        if len(name) > _COMM_LEN:
            yield name[:_COMM_LEN]


@dataclass(frozen=True)
class Catalogue:
    """The enabled sites, in priority order, with lookup tables built once."""

    sites: tuple[Site, ...]
    _by_id: dict[str, Site] = field(init=False, repr=False, compare=False, hash=False)
    _hosts: dict[str, str] = field(init=False, repr=False, compare=False, hash=False)
    _apps: dict[str, str] = field(init=False, repr=False, compare=False, hash=False)
    _titles: tuple[tuple[str, _Searcher], ...] = field(
        init=False, repr=False, compare=False, hash=False
    )

    def __post_init__(self) -> None:
        sites = tuple(self.sites)
        by_id: dict[str, Site] = {}
        hosts: dict[str, str] = {}
        apps: dict[str, str] = {}
        titles: list[tuple[str, _Searcher]] = []
        # Later sites win a conflict: custom sites come last and so override the catalogue.
        for site in sites:
            by_id[site.id] = site
            for host in site.hosts:
                norm = normalize_host(host)
                if norm is None:
                    message = translate("sites", "site {site}: invalid host {host}")
                    raise CatalogueError(message.format(site=repr(site.id), host=repr(host)))
                hosts[norm] = site.id
            for app in _with_truncations(_app_key(a) for a in site.apps):
                apps[app] = site.id
            if site.titles:
                titles.append((site.id, _compile_titles(site)))
        object.__setattr__(self, "sites", sites)
        object.__setattr__(self, "_by_id", by_id)
        object.__setattr__(self, "_hosts", hosts)
        object.__setattr__(self, "_apps", apps)
        object.__setattr__(self, "_titles", tuple(titles))

    def get(self, site_id: str) -> Site | None:
        return self._by_id.get(site_id)

    def ids(self) -> tuple[str, ...]:
        return tuple(self._by_id)


class _Searcher(Protocol):
    def search(self, text: str, /) -> re.Match[str] | None: ...


def _compile_titles(site: Site) -> _Searcher:
    """One regex per site, so that a title costs one search per site and not one per pattern.

    Patterns are joined as ``(?:a)|(?:b)``. That is exact only when no pattern has groups (a
    numbered back-reference would point elsewhere) and none has inline global flags such as
    ``(?i)`` (an error anywhere but at the start). Other patterns are tried one by one.
    """
    compiled = []
    for source in site.titles:
        try:
            compiled.append(re.compile(source))
        except re.error as e:
            message = translate("sites", "site {site}: invalid title pattern {pattern}: {error}")
            raise CatalogueError(
                message.format(site=repr(site.id), pattern=repr(source), error=e)
            ) from None
    if all(p.groups == 0 for p in compiled):
        try:
            return re.compile("|".join(f"(?:{p.pattern})" for p in compiled))
        except re.error:
            pass
    return _AnyOf(tuple(compiled))


class _AnyOf:
    """A list of patterns that cannot be joined, searched in turn."""

    def __init__(self, patterns: tuple[re.Pattern[str], ...]) -> None:
        self.patterns = patterns

    def search(self, text: str, /) -> re.Match[str] | None:
        for p in self.patterns:
            m = p.search(text)
            if m is not None:
                return m
        return None


# --- hosts -----------------------------------------------------------------------------------

_LABEL = re.compile(r"(?!-)[a-z0-9_-]{1,63}(?<!-)\Z")


def normalize_host(host: str) -> str | None:
    """Lowercase hostname without port or trailing dot; None for empty, invalid or IP hosts.

    "www." is kept: classification matches label suffixes, so www.youtube.com needs no special
    case, and keeping the name intact keeps this function predictable. Internationalised names
    are turned into their ASCII (punycode) form, which is what browsers report.
    """
    h = host.strip().lower()
    if h.startswith("["):  # [IPv6] or [IPv6]:port
        return None
    if h.count(":") == 1:
        h, _, port = h.partition(":")
        if not port.isdigit():
            return None
    if h.endswith("."):  # the fully qualified form "facebook.com."
        h = h[:-1]
    if not h or len(h) > 253:
        return None
    if not h.isascii():
        try:
            h = h.encode("idna").decode("ascii")
        except UnicodeError:
            return None
    try:
        ipaddress.ip_address(h)
        return None
    except ValueError:
        pass
    labels = h.split(".")
    if not all(_LABEL.match(label) for label in labels) or labels[-1].isdigit():
        return None
    return h


def classify_host(host: str, catalogue: Catalogue) -> str | None:
    """Site id for a hostname, matching whole labels from the most specific suffix.

    "m.facebook.com" tries "m.facebook.com", then "facebook.com" (found). "notfacebook.com"
    and "xbox.com" never equal a catalogue host, and "facebook.com.evil.test" ends in
    "evil.test", so look-alikes cannot match.
    """
    h = normalize_host(host)
    if h is None:
        return None
    table = catalogue._hosts
    while True:
        site = table.get(h)
        if site is not None:
            return site
        dot = h.find(".")
        if dot < 0:
            return None
        h = h[dot + 1 :]


# --- browsers and their titles ---------------------------------------------------------------

# Process names, as _app_key() normalises them. "geckomain" is what /proc shows for the main
# Firefox (and LibreWolf, ...) process on Linux since Firefox 94, and psutil reports it too.
_BROWSERS = frozenset(
    _with_truncations(
        [
            # Firefox family
            "firefox", "firefox-esr", "firefox-bin", "firefox-developer-edition",
            "firefox-nightly", "geckomain", "librewolf", "waterfox", "floorp", "zen", "zen-bin",
            "mullvadbrowser", "tor-browser", "palemoon", "seamonkey",
            # Chromium family
            "chrome", "google-chrome", "google-chrome-stable", "google-chrome-beta",
            "google-chrome-unstable", "chromium", "chromium-browser", "msedge", "microsoft-edge",
            "microsoft-edge-stable", "microsoft-edge-beta", "microsoft-edge-dev", "brave",
            "brave-browser", "opera", "opera_gx", "vivaldi", "vivaldi-bin",
            "google chrome", "google chrome canary",  # i18n: ignore - process names
            "microsoft edge", "brave browser",  # i18n: ignore - process names
            "vivaldi-stable", "thorium", "thorium-browser", "arc", "yandex_browser",
            # WebKit and others
            "safari", "epiphany", "falkon", "qutebrowser", "konqueror", "midori", "orion",
            "duckduckgo", "iexplore",
        ]
    )
)  # fmt: skip


def is_browser(process: str) -> bool:
    """True for a web browser's process name (case-insensitive, ".exe" and paths ignored)."""
    return _app_key(process) in _BROWSERS


_SEP = r"\s+[-–—]\s+"
_SEGMENT = r"(?:(?!\s[-–—]\s).)+?"  # one " - "-separated part, e.g. a profile name
_BRANDS = "|".join(
    [
        r"Mozilla Firefox",  # i18n: ignore - browser names, in a regex
        r"Firefox(?: Developer Edition| Nightly)?",  # i18n: ignore - browser names
        r"LibreWolf", r"Waterfox", r"Floorp", r"Zen(?: Browser)?",
        r"Tor Browser", r"Mullvad Browser", r"Pale Moon",  # i18n: ignore - browser names
        r"SeaMonkey", r"Google Chrome", r"Chromium", r"Brave",  # i18n: ignore - browser names
        r"Opera", r"Vivaldi", r"Thorium", r"Yandex(?: Browser)?", r"Falkon", r"qutebrowser",
        r"Konqueror", r"Midori",
        r"(?:Windows )?Internet Explorer",  # i18n: ignore - browser names
    ]
)  # fmt: skip
_QUALIFIERS = (
    r"(?:\s+(?:Private Browsing|\(Private Browsing\)"  # i18n: ignore - browser window titles
    r"|\(Incognito\)|Beta|Dev|Canary|ESR))*"
)
# Chrome puts a profile name after its brand ("… - Google Chrome - Work").
_SUFFIX = re.compile(
    rf"{_SEP}(?:(?:{_BRANDS}){_QUALIFIERS}(?:{_SEP}{_SEGMENT})?"
    rf"|(?P<edge>Microsoft[\u200b\s]*Edge{_QUALIFIERS}))\s*\Z"
)
# Edge puts it before ("… - Personal - Microsoft\u200b Edge", "… - [InPrivate] - …").
_TRAILING_SEGMENT = re.compile(rf"{_SEP}{_SEGMENT}\s*\Z")
# Edge names a window by its active tab plus a count ("Facebook and 3 more pages").
_MORE_PAGES = re.compile(r"\s+and\s+\d+\s+more\s+pages?\s*\Z")
_STRIP = " \t\u200b\u00a0"


def _title_candidates(title: str) -> tuple[str, str | None]:
    """The page title without the browser's suffix, and an alternative reading if ambiguous.

    "A - B - Microsoft Edge" is ambiguous: B is either Edge's profile name or the end of the
    page title ("Some video - YouTube - Microsoft Edge" without a profile). The first reading
    drops B (profile names are the common case); the second keeps it.
    """
    m = _SUFFIX.search(title)
    if m is None:
        return title.strip(_STRIP), None
    head = title[: m.start()]
    alternative = None
    if m.group("edge") is not None:
        p = _TRAILING_SEGMENT.search(head)
        if p is not None and p.start() > 0:
            alternative = _MORE_PAGES.sub("", head).strip(_STRIP)
            head = head[: p.start()]
    return _MORE_PAGES.sub("", head).strip(_STRIP), alternative


def strip_browser_suffix(title: str) -> str:
    """The page title without " - Google Chrome", " — Mozilla Firefox", profile names, etc."""
    return _title_candidates(title)[0]


def _classify_title(title: str, catalogue: Catalogue) -> str | None:
    """First site (catalogue order) with a title pattern that matches."""
    page, alternative = _title_candidates(title)
    for text in (page, alternative):
        if text:
            for site_id, pattern in catalogue._titles:
                if pattern.search(text) is not None:
                    return site_id
    return None


def classify(process: str, title: str, catalogue: Catalogue, host: str | None = None) -> str | None:
    """Site id for the foreground window, or None for "other" (active, not social).

    1. A desktop app of an enabled site (Discord, Telegram, ...) is that site.
    2. In a browser, the hostname from the browser extension wins when there is one, even when
       it is not a social site: it is exact, whereas a title is a guess.
    3. Otherwise, in a browser only, the title rules of the catalogue.
    """
    key = _app_key(process)
    site = catalogue._apps.get(key)
    if site is not None:
        return site
    if key not in _BROWSERS:
        return None
    if host is not None:
        return classify_host(host, catalogue)
    return _classify_title(title, catalogue)


# --- loading ---------------------------------------------------------------------------------


_KEYS = {"id", "name", "hosts", "titles", "apps"}


def _parse_site(entry: object) -> Site:
    """Validate one [[site]] table; raises CatalogueError with the reason (no location)."""
    if not isinstance(entry, dict):
        raise CatalogueError(translate("sites", "must be a table"))
    unknown = set(entry) - _KEYS
    if unknown:
        message = translate("sites", "unknown key(s) {keys}", None, len(unknown))
        raise CatalogueError(message.format(keys=", ".join(sorted(unknown))))
    for key in ("id", "name"):
        value = entry.get(key)
        if not isinstance(value, str) or not value.strip():
            message = translate("sites", "{key} must be a non-empty string")
            raise CatalogueError(message.format(key=repr(key)))
    lists: dict[str, tuple[str, ...]] = {}
    for key in ("hosts", "titles", "apps"):
        value = entry.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
            message = translate("sites", "{key} must be a list of non-empty strings")
            raise CatalogueError(message.format(key=repr(key)))
        lists[key] = tuple(value)
    return Site(entry["id"], entry["name"], lists["hosts"], lists["titles"], lists["apps"])


def _read_sites(path: Path) -> list[Site]:
    try:
        doc = files.read_toml(path, files.SETTINGS_LIMIT)
    except files.ReadError as e:
        if e.kind in (files.MISSING, files.UNREADABLE):
            message = translate("sites", "{path}: cannot read the site catalogue: {error}")
            raise CatalogueError(message.format(path=path, error=e.detail)) from None
        message = translate("sites", "{path}: {problem}")
        raise CatalogueError(message.format(path=path, problem=file_problems.problem(e))) from None
    entries = doc.get("site")
    if not isinstance(entries, list):
        message = translate("sites", "{path}: expected an array of [[site]] tables")
        raise CatalogueError(message.format(path=path))
    sites: list[Site] = []
    seen: set[str] = set()
    for number, entry in enumerate(entries, start=1):
        label = f"[[site]] #{number}"
        if isinstance(entry, dict) and isinstance(entry.get("id"), str):
            label += f" (id {entry['id']!r})"
        try:
            site = _parse_site(entry)
            if site.id in seen:
                raise CatalogueError(translate("sites", "duplicate id"))
            _check_site(site)
        except CatalogueError as e:
            message = translate("sites", "{path}: {entry}: {error}")  # French spaces its colons
            raise CatalogueError(message.format(path=path, entry=label, error=e)) from None
        seen.add(site.id)
        sites.append(site)
    return sites


def _check_site(site: Site) -> None:
    """Reject what Catalogue would choke on, with a message fit for the user."""
    for host in site.hosts:
        if normalize_host(host) is None:
            raise CatalogueError(translate("sites", "invalid host {host}").format(host=repr(host)))
    _compile_titles(site)


def load_catalogue(
    disabled: Iterable[str] = (), custom: Iterable[Site] = (), path: Path | None = None
) -> Catalogue:
    """Read the catalogue (assets/sites.toml by default), drop disabled ids, add custom sites.

    A custom site with the id of a catalogue site replaces it in place (keeping its priority);
    other custom sites come after the catalogue. A disabled id is dropped whether it comes from
    the catalogue or from the custom sites; unknown disabled ids are ignored, so that a config
    naming a site since removed from the catalogue still loads.
    """
    path = path if path is not None else assets_dir() / "sites.toml"
    by_id = {site.id: site for site in _read_sites(path)}
    for site in custom:
        try:
            _check_site(site)
        except CatalogueError as e:
            message = translate("sites", "custom site {site}: {error}")
            raise CatalogueError(message.format(site=repr(site.id), error=e)) from None
        by_id[site.id] = site
    off = set(disabled)
    return Catalogue(tuple(s for s in by_id.values() if s.id not in off))
