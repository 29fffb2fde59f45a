"""The login invitation (``socialtime --invite``): offer socialtime once, politely, and only
when the organisation asks for it.

An administrator may install a system-wide login entry that runs ``socialtime --invite`` for
every user (``socialtime-invite.desktop`` in ``/etc/xdg/autostart``, or a Windows ``Run``
value). Installing it consents to nothing (DESIGN.md, promise 2): the invitation shows the
notice and the *user* accepts it, declines it for good, or puts the question off. What to do at
a login is decided here, without Qt; socialtime/ui/invite.py shows the notice.

- ``decide`` says "start", "ask" or "quit";
- ``record_declined`` remembers a refusal in a small file of the data directory, without
  creating the database (the user said no: nothing of socialtime's should grow);
- ``accept`` records the user's consent and writes the user's own start-at-login entry, so
  that the next logins start the tray itself and the user can turn it off in the settings.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from socialtime.base.files import write_private
from socialtime.login.autostart import Autostart, launch_argv
from socialtime.recording.consent import NOTICE_VERSION
from socialtime.recording.store import DB_NAME, Store
from socialtime.settings import Policy

__all__ = [
    "ASK",
    "DECLINED_FILE",
    "QUIT",
    "START",
    "accept",
    "consent_given",
    "decide",
    "has_declined",
    "record_declined",
]

START, ASK, QUIT = "start", "ask", "quit"
DECLINED_FILE = "invitation-declined"


def declined_path(data_dir: Path) -> Path:
    return Path(data_dir) / DECLINED_FILE


def has_declined(data_dir: Path) -> bool:
    return declined_path(data_dir).exists()


def decide(data_dir: Path, policy: Policy, consent_given: bool) -> str:
    """What ``socialtime --invite`` does at this login:

    - QUIT when the policy does not ask for invitations (``invite_at_login``), whatever else
      is true: the login entry then does nothing, silently;
    - START when the user has already consented: their own start-at-login entry (on or off)
      decides from then on, so the CLI exits without starting anything;
    - QUIT when the user declined the invitation before: they are never asked again;
    - ASK otherwise: show the notice (accept, decline, or later — later records nothing).
    """
    if not policy.invite_at_login:
        return QUIT
    if consent_given:
        return START
    if has_declined(data_dir):
        return QUIT
    return ASK


def record_declined(data_dir: Path, today: date | None = None) -> None:
    """Remember that the user declined: a one-line file (the date), readable by them only.
    The data directory may not exist yet (the user never used socialtime): it is created,
    mode 0700, but no database. OSError when it cannot be written."""
    data_dir = Path(data_dir)
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    write_private(declined_path(data_dir), f"{(today or date.today()).isoformat()}\n")


def consent_given(data_dir: Path) -> bool:
    """Has the user accepted the current notice? Reads the database only if it exists (an
    invitation must not create one). StoreError when it exists but cannot be read."""
    if not (Path(data_dir) / DB_NAME).exists():
        return False
    store = Store.open(Path(data_dir))
    try:
        return store.consent_version() == NOTICE_VERSION
    finally:
        store.close()


def accept(
    data_dir: Path,
    store: Store | None = None,
    autostart: Autostart | None = None,
    *,
    now: float | None = None,
    argv: Sequence[str] | None = None,
) -> None:
    """The user accepted the notice shown by the invitation.

    ``store``: the open database to record consent in (the caller keeps it open); None opens
    ``data_dir``'s (creating it) and closes it afterwards. ``autostart``: the user's own
    start-at-login entry, ``Autostart()`` by default, enabled with ``argv`` (default:
    ``launch_argv()``, the tray of this installation). ``now``: the time of consent (default:
    now). A past refusal is forgotten.

    Consent is recorded first: StoreError if it cannot be, and then nothing else is done.
    An OSError (or ValueError) from the autostart entry comes after consent is recorded: the
    caller says that the entry could not be written (consent stands; the user may turn start
    at login on in the settings)."""
    own = store is None
    db = Store.open(Path(data_dir)) if store is None else store
    try:
        db.set_consent(NOTICE_VERSION, time.time() if now is None else now)
    finally:
        if own:
            db.close()
    declined_path(data_dir).unlink(missing_ok=True)
    entry = Autostart() if autostart is None else autostart
    entry.enable(list(argv) if argv is not None else launch_argv())
