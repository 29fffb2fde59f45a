"""The privacy notice the user accepts before anything is recorded.

The notice carries a version: when its content changes in a way that matters, the version goes
up and the user is asked again (a stored consent for an older version is no consent). The same
facts are shown on the command line and in the first-run dialog; only the "what you can do"
part differs (commands there, menu entries here).
"""

from __future__ import annotations

import html
from pathlib import Path

NOTICE_VERSION = 1

RECORDED = (
    "time per social site (for example facebook.com, youtube.com), and",
    "your total active work time (time at the computer that is not on a social site).",
)
NEVER = (
    "window titles, web addresses (URLs), file names, the names of your other applications, "
    "keystrokes, screenshots, anything outside your work hours, and idle time (after a few "
    "minutes without input, time simply stops counting)."
)
WHO = "No network connection is ever opened. Only you can see it: not your employer, not IT."

CLI_ACTIONS = (
    ("pause", 'socialtime pause 30m   (or 1h, or "tomorrow"), then socialtime resume'),
    ("see it", "socialtime report"),
    ("export it", "socialtime export --format csv -o my-data.csv"),
    ("erase it", "socialtime erase --all   (or --from DATE --to DATE)"),
    ("withdraw", "socialtime consent --withdraw   (recording stops at once)"),
)
UI_ACTIONS = (
    ("Pause it", "from the tray menu: for 30 minutes, 1 hour or until tomorrow."),
    ("See it", "in the Dashboard, from the tray menu."),
    ("Export it", "in Settings › Data, as CSV or JSON."),
    ("Erase it", "in Settings › Data: some days, or everything."),
    ("Withdraw consent", "in Settings › Data: recording stops at once."),
)


def notice(data_dir: Path) -> str:
    """The notice as plain text, for the terminal."""
    recorded = "\n".join(f"  - {line}" for line in RECORDED)
    actions = "\n".join(f"  {name:<12} {how}" for name, how in CLI_ACTIONS)
    return f"""\
socialtime — privacy notice (version {NOTICE_VERSION})

What is recorded, during your work hours only:
{recorded}

What is never recorded:
  {NEVER}

Where it is stored: on this computer only, in
  {data_dir}
{WHO}

What you can do at any time:
{actions}

Recording starts only after you accept: socialtime consent --accept
"""


def notice_html(data_dir: Path) -> str:
    """The notice as simple rich text, for the first-run dialog."""
    esc = html.escape
    recorded = "".join(f"<li>{esc(line)}</li>" for line in RECORDED)
    actions = "".join(f"<li><b>{esc(n)}</b> {esc(how)}</li>" for n, how in UI_ACTIONS)
    return (
        "<h3>What socialtime records</h3>"
        f"<p>During your work hours only:</p><ul>{recorded}</ul>"
        f"<h3>What it never records</h3><p>{esc(NEVER[0].upper() + NEVER[1:])}</p>"
        "<h3>Where it is kept, and who sees it</h3>"
        f"<p>On this computer only, in <code>{esc(str(data_dir))}</code>. {esc(WHO)}</p>"
        f"<h3>What you can do at any time</h3><ul>{actions}</ul>"
        "<p>Nothing is recorded until you choose <b>Accept</b>. "
        f"<small>(Notice version {NOTICE_VERSION}.)</small></p>"
    )
