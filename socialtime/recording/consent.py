"""The privacy notice the user accepts before anything is recorded.

The notice carries a version: when its content changes in a way that matters, the version goes
up and the user is asked again (a stored consent for an older version is no consent). The same
facts are shown on the command line and in the first-run dialog; only the "what you can do"
part differs (commands there, menu entries here).

Versions: 1, the first. 2 (issue 14): time without input goes on counting while the window in
front plays sound or video, up to a cap (WATCHING); version 1 promised that time simply stops
counting after a few minutes without input, and that promise changed, so consent to version 1
is asked again. What is stored did not change (the same spans); what is read did (whether
something plays), and so did what the figures count.
"""

from __future__ import annotations

import html
from pathlib import Path

from socialtime.base.i18n import QT_TRANSLATE_NOOP, translate

NOTICE_VERSION = 2

# Marked here, translated where shown (translate("consent", ...)): see notice() and notice_html().
RECORDED = (
    QT_TRANSLATE_NOOP(
        "consent", "time per social site (for example facebook.com, youtube.com), and"
    ),
    QT_TRANSLATE_NOOP(
        "consent",
        "your total active work time (time at the computer that is not on a social site).",
    ),
)
WATCHING = QT_TRANSLATE_NOOP(
    "consent",
    "Watching is not idle: while the window in front plays sound (a video, a call), time goes "
    "on counting without keyboard or mouse input, for at most one hour after your last input "
    "unless you choose otherwise in the settings (or switch it off). Whether something plays "
    "is read on this computer, from the browser extension and from the desktop, and never "
    "stored.",
)
NEVER = QT_TRANSLATE_NOOP(
    "consent",
    "window titles, web addresses (URLs), file names, the names of your other applications, "
    "keystrokes, screenshots, what plays, anything outside your work hours, and idle time "
    "(after a few minutes without input, time stops counting, unless the window in front "
    "plays sound).",
)
WHO = QT_TRANSLATE_NOOP(
    "consent",
    "No network connection is ever opened. Only you can see it: not your employer, not IT.",
)

CLI_ACTIONS = (
    (
        QT_TRANSLATE_NOOP("consent", "pause"),
        QT_TRANSLATE_NOOP(
            "consent", 'socialtime pause 30m   (or 1h, or "tomorrow"), then socialtime resume'
        ),
    ),
    (QT_TRANSLATE_NOOP("consent", "see it"), "socialtime report"),  # i18n: ignore - a command
    (
        QT_TRANSLATE_NOOP("consent", "export it"),
        QT_TRANSLATE_NOOP("consent", "socialtime export --format csv -o my-data.csv"),
    ),
    (
        QT_TRANSLATE_NOOP("consent", "erase it"),
        QT_TRANSLATE_NOOP("consent", "socialtime erase --all   (or --from DATE --to DATE)"),
    ),
    (
        QT_TRANSLATE_NOOP("consent", "withdraw"),
        QT_TRANSLATE_NOOP("consent", "socialtime consent --withdraw   (recording stops at once)"),
    ),
)
UI_ACTIONS = (
    (
        QT_TRANSLATE_NOOP("consent", "Pause it"),
        QT_TRANSLATE_NOOP(
            "consent", "from the tray menu: for 30 minutes, 1 hour or until tomorrow."
        ),
    ),
    (
        QT_TRANSLATE_NOOP("consent", "See it"),
        QT_TRANSLATE_NOOP("consent", "in the Dashboard, from the tray menu."),
    ),
    (
        QT_TRANSLATE_NOOP("consent", "Export it"),
        QT_TRANSLATE_NOOP("consent", "in Settings › Data, as CSV or JSON."),
    ),
    (
        QT_TRANSLATE_NOOP("consent", "Erase it"),
        QT_TRANSLATE_NOOP("consent", "in Settings › Data: some days, or everything."),
    ),
    (
        QT_TRANSLATE_NOOP("consent", "Withdraw consent"),
        QT_TRANSLATE_NOOP("consent", "in Settings › Data: recording stops at once."),
    ),
)


def _t(text: str) -> str:
    """A text marked above, in the current language."""
    return translate("consent", text)


def notice(data_dir: Path) -> str:
    """The notice as plain text, for the terminal."""
    recorded = "\n".join(f"  - {_t(line)}" for line in RECORDED)
    names = [(_t(name), _t(how)) for name, how in CLI_ACTIONS]
    width = max(len(name) for name, _ in names)
    actions = "\n".join(f"  {name:<{width}}  {how}" for name, how in names)
    title = translate("consent", "socialtime — privacy notice (version {version})")
    lines = [
        title.format(version=NOTICE_VERSION),
        "",
        translate("consent", "What is recorded, during your work hours only:"),
        recorded,
        "",
        _t(WATCHING),
        "",
        translate("consent", "What is never recorded:"),
        f"  {_t(NEVER)}",
        "",
        translate("consent", "Where it is stored: on this computer only, in"),
        f"  {data_dir}",
        _t(WHO),
        "",
        translate("consent", "What you can do at any time:"),
        actions,
        "",
        translate("consent", "Recording starts only after you accept: socialtime consent --accept"),
    ]
    return "\n".join(lines) + "\n"


def notice_html(data_dir: Path) -> str:
    """The notice as simple rich text, for the first-run dialog."""
    esc = html.escape
    recorded = "".join(f"<li>{esc(_t(line))}</li>" for line in RECORDED)
    actions = "".join(f"<li><b>{esc(_t(n))}</b> {esc(_t(how))}</li>" for n, how in UI_ACTIONS)
    never = _t(NEVER)
    records = translate("consent", "What socialtime records")
    during = translate("consent", "During your work hours only:")
    never_records = translate("consent", "What it never records")
    kept = translate("consent", "Where it is kept, and who sees it")
    where = translate("consent", "On this computer only, in <code>{path}</code>.")
    can_do = translate("consent", "What you can do at any time")
    accept = translate("consent", "Nothing is recorded until you choose <b>Accept</b>.")
    version = translate("consent", "(Notice version {version}.)")
    return (
        f"<h3>{esc(records)}</h3><p>{esc(during)}</p><ul>{recorded}</ul><p>{esc(_t(WATCHING))}</p>"
        f"<h3>{esc(never_records)}</h3><p>{esc(never[:1].upper() + never[1:])}</p>"
        f"<h3>{esc(kept)}</h3><p>{where.format(path=esc(str(data_dir)))} {esc(_t(WHO))}</p>"
        f"<h3>{esc(can_do)}</h3><ul>{actions}</ul>"
        f"<p>{accept} <small>{esc(version.format(version=NOTICE_VERSION))}</small></p>"
    )
