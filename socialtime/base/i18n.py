"""Languages: the translated messages and the locale's way to write durations, dates and numbers.

There is one catalogue per language, ``assets/translations/socialtime_<lang>.ts``, in the XML
format of Qt Linguist. The Qt layer loads its compiled ``.qm`` with a QTranslator; the core (CLI
messages, notifications, the consent notice, chart summaries) reads the very same ``.ts`` here,
without Qt. So a sentence is translated once, wherever it is shown.

Marking a message: ``translate("context", "Source text")`` with two string literals (Qt's
``lupdate`` finds them by that name, exactly as it finds ``QCoreApplication.translate`` in the
UI). Values go in with ``str.format`` placeholders *after* translation, so a translator can move
them: ``translate("report", "Active time {duration}").format(duration=...)``. A count that
changes the words is passed fourth and written ``%n`` in the text (Qt's numerus forms):
``translate("goals", "%n day(s) met", None, 3)`` (lupdate misses it when given as ``n=3``).
A message that must be marked where it is defined but translated later is wrapped in
``QT_TRANSLATE_NOOP("context", "text")``.

English is the source language; ``socialtime_en.ts`` holds only the English plural forms.
The language is "auto" (the system's: ``LANGUAGE``, ``LC_ALL``, ``LC_MESSAGES``, ``LANG``; the
user's UI language on Windows and macOS) unless the ``language`` setting says "en" or "fr".
"""

from __future__ import annotations

import os
import sys
import threading
import xml.etree.ElementTree as ET
from collections.abc import Callable, Mapping
from datetime import date, datetime, time
from functools import cache
from pathlib import Path

from socialtime.base.paths import assets_dir

__all__ = [
    "LANGUAGES",
    "QT_TRANSLATE_NOOP",
    "before_colon",
    "catalogue_path",
    "format_date",
    "format_duration",
    "format_number",
    "format_percent",
    "format_time",
    "language",
    "month_name",
    "resolve",
    "set_language",
    "system_language",
    "translate",
    "weekday_name",
]

LANGUAGES = ("en", "fr")  # the first is the source language and the fallback
SETTINGS = ("auto", *LANGUAGES)

_lock = threading.Lock()
_current = "en"

# (context, source, disambiguation) -> singular translation, or the tuple of plural forms
_Key = tuple[str, str, str]
_Catalogue = dict[_Key, "str | tuple[str, ...]"]


# -- choosing the language ---------------------------------------------------------------


def _language_of(tag: str) -> str | None:
    """ "fr_FR.UTF-8" -> "fr", "en-GB" -> "en", "C" / "POSIX" / "de_DE" -> None."""
    code = tag.strip().split(".")[0].split("@")[0].replace("-", "_").split("_")[0].lower()
    return code if code in LANGUAGES else None


def _windows_languages() -> list[str]:  # pragma: no cover - Windows only
    import ctypes  # only on Windows, only when asked

    langid = ctypes.windll.kernel32.GetUserDefaultUILanguage()  # type: ignore[attr-defined]
    return {0x0C: ["fr"], 0x09: ["en"]}.get(langid & 0x3FF, [])


def _macos_languages() -> list[str]:  # pragma: no cover - macOS only
    try:
        from Foundation import NSLocale
    except ImportError:
        return []
    return [str(tag) for tag in NSLocale.preferredLanguages()]


def system_language(
    environ: Mapping[str, str] = os.environ,
    platform_languages: Callable[[], list[str]] | None = None,
) -> str:
    """The system's language among LANGUAGES, "en" when it is none of them.

    The POSIX variables win in their usual order (``LANGUAGE`` may list several, "fr:en");
    then, on Windows and macOS, the user's UI languages (``platform_languages`` for tests)."""
    for name in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = environ.get(name, "")
        if not value:
            continue
        for tag in value.split(":"):
            found = _language_of(tag)
            if found:
                return found
        if name != "LANGUAGE":  # LC_ALL=C means C, not "look further"
            return LANGUAGES[0]
    if platform_languages is None:
        platform_languages = {"win32": _windows_languages, "darwin": _macos_languages}.get(
            sys.platform, list
        )
    for tag in platform_languages():
        found = _language_of(tag)
        if found:
            return found
    return LANGUAGES[0]


def resolve(setting: str, environ: Mapping[str, str] = os.environ) -> str:
    """The language a setting means: "auto" follows the system, "en"/"fr" are themselves."""
    return setting if setting in LANGUAGES else system_language(environ)


def set_language(lang: str) -> None:
    """Use ``lang`` ("en", "fr", or "auto") for every message and format from now on."""
    global _current
    with _lock:
        _current = resolve(lang)


def language() -> str:
    return _current


# -- the catalogue -----------------------------------------------------------------------


def catalogue_path(lang: str) -> Path:
    return assets_dir() / "translations" / f"socialtime_{lang}.ts"


def read_catalogue(path: Path) -> _Catalogue:
    """The finished translations of one .ts file; unfinished and obsolete ones are left out,
    so the source text shows instead of an empty string."""
    try:
        root = ET.parse(path).getroot()
    except (OSError, ET.ParseError):
        return {}
    found: _Catalogue = {}
    for context in root.iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None or translation.get("type") in {
                "unfinished",
                "obsolete",
                "vanished",
            }:
                continue
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            if message.get("numerus") == "yes":
                forms = tuple(form.text or "" for form in translation.iter("numerusform"))
                if all(forms):
                    found[key] = forms
            elif translation.text:
                found[key] = translation.text
    return found


@cache
def _catalogue(lang: str) -> _Catalogue:
    return read_catalogue(catalogue_path(lang))


def _plural_form(lang: str, n: int) -> int:
    """Index of the numerus form: French counts 0 and 1 as singular, English only 1."""
    if lang == "fr":
        return 0 if n in (0, 1) else 1
    return 0 if n == 1 else 1


def translate(context: str, text: str, disambiguation: str | None = None, n: int = -1) -> str:
    """``text`` in the current language (itself when there is no finished translation).

    With ``n >= 0`` the plural form for ``n`` is chosen and ``%n`` is replaced by ``n``."""
    lang = _current
    found = _catalogue(lang).get((context, text, disambiguation or ""))
    if isinstance(found, tuple):
        found = found[min(_plural_form(lang, n), len(found) - 1)] if n >= 0 else found[0]
    result = found if found is not None else text
    return result.replace("%n", format_number(n)) if n >= 0 else result


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # Qt's name: lupdate looks for it
    """Mark ``text`` for the catalogue without translating it now."""
    return text


# -- formats -----------------------------------------------------------------------------

_WEEKDAYS = {
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
    "fr": ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
}
_WEEKDAYS_SHORT = {
    "en": ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"),
    "fr": ("lun.", "mar.", "mer.", "jeu.", "ven.", "sam.", "dim."),
}
_MONTHS = {
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "fr": (
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
}
_MONTHS_SHORT = {
    "en": ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"),
    "fr": (
        "janv.",
        "févr.",
        "mars",
        "avr.",
        "mai",
        "juin",
        "juil.",
        "août",
        "sept.",
        "oct.",
        "nov.",
        "déc.",
    ),
}
NBSP = "\u00a0"  # French puts a no-break space before % and between thousands
NNBSP = "\u202f"


def before_colon() -> str:
    """What goes between a word and a colon that code adds: a no-break space in French."""
    return NBSP if _current == "fr" else ""


def weekday_name(weekday: int, short: bool = False) -> str:
    """Monday is 0, as in ``date.weekday()``."""
    return (_WEEKDAYS_SHORT if short else _WEEKDAYS)[_current][weekday]


def month_name(month: int, short: bool = False) -> str:
    """January is 1."""
    return (_MONTHS_SHORT if short else _MONTHS)[_current][month - 1]


def format_number(value: float, decimals: int = 0) -> str:
    """``1,234.5`` in English, ``1 234,5`` in French (a narrow no-break space)."""
    text = f"{value:,.{decimals}f}"
    if _current == "fr":
        text = text.replace(",", NNBSP).replace(".", ",")
    return text


def format_percent(percent: float, decimals: int = 0) -> str:
    """``12 %`` (the number is already in percent); a no-break space in French."""
    space = NBSP if _current == "fr" else " "
    return f"{format_number(percent, decimals)}{space}%"


def format_duration(seconds: float) -> str:
    """``"1 h 05 min"``, ``"42 min"``, ``"35 s"`` in both languages: minutes are what a person
    reads, and the 24-hour units are the same words in French and English."""
    seconds = round(seconds)
    if seconds < 60:
        return f"{seconds} s"
    minutes = seconds // 60
    if minutes < 60:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60:02d} min"


def format_time(value: time | datetime) -> str:
    """The 24-hour clock in both languages: ``09:05`` (``9 h 05`` is French too, but ``09:05``
    is what French software shows and what the work-hours setting is written in)."""
    return f"{value.hour:02d}:{value.minute:02d}"


def format_date(day: date, style: str = "long") -> str:
    """``long``: "Monday 3 March 2026" / "lundi 3 mars 2026"; ``medium``: "3 March 2026" /
    "3 mars 2026"; ``short``: "3 Mar" / "3 mars"; ``weekday``: "Mon 3" / "lun. 3";
    ``numeric``: "2026-03-03" / "03/03/2026"."""
    lang = _current
    if style == "long":
        return f"{weekday_name(day.weekday())} {day.day} {month_name(day.month)} {day.year}"
    if style == "medium":
        return f"{day.day} {month_name(day.month)} {day.year}"
    if style == "short":
        return f"{day.day} {month_name(day.month, short=True)}"
    if style == "weekday":
        return f"{weekday_name(day.weekday(), short=True)} {day.day}"
    if style == "numeric":
        return day.strftime("%d/%m/%Y") if lang == "fr" else day.isoformat()
    raise ValueError(f"unknown date style {style!r}")  # i18n: ignore - a programming error
