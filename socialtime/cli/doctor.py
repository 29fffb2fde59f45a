"""``socialtime doctor``: what this computer lets socialtime see, and how to fix what it cannot.

One line a check, ``[ok]`` or ``[!!]`` before it: the config file, the database and consent,
the work hours, what the desktop probe and the browser bridge can see; then the organisation
settings in force. Kept apart from socialtime/cli/program.py, which gains only the call to
:func:`register`; no Qt, and the probe is imported by the command only.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path
from typing import TYPE_CHECKING

from socialtime.base.i18n import format_duration, translate
from socialtime.cli import browser as browser_cli
from socialtime.cli.context import Command, Context, ExitStatus, when
from socialtime.recording.consent import NOTICE_VERSION
from socialtime.recording.store import StoreError

if TYPE_CHECKING:
    from socialtime.rules.work_hours import WorkHours
    from socialtime.settings import LoadedConfig, Policy


def register(command: Command) -> None:
    """Add ``doctor`` through socialtime.cli's ``command(name, func, help)`` helper."""
    command(
        "doctor",
        cmd_doctor,
        translate("cli", "Tell what this computer lets socialtime see, and how to fix it."),
    )


def cmd_doctor(ctx: Context, args: argparse.Namespace) -> int:
    """Every check is printed, whatever the others say. Exit status: 2 when the config file has
    errors, else 1 when the database cannot be used, else 0 (what the probe cannot see is a
    finding, not a failure)."""
    loaded = ctx.loaded()
    status = _config_check(loaded, ctx.config_path)
    status = max(status, _data_checks(ctx))
    _work_hours_check(loaded.config.work_hours, time.time())
    _seeing_checks(ctx.data_dir, loaded.config.idle_seconds)
    _media_check(loaded.config.media_max_minutes)
    _policy_section(loaded.policy)
    return status


def _line(ok: bool, name: str, detail: str) -> None:
    text = translate("cli", "{name}: {detail}").format(name=name, detail=detail)
    print(f"[{'ok' if ok else '!!'}] {text}")


def _config_check(loaded: LoadedConfig, config_path: Path) -> int:
    config = translate("doctor", "config")
    if loaded.ok:
        if loaded.path:
            _line(True, config, str(loaded.path))
        else:
            text = translate("cli", "none ({path}); defaults").format(path=config_path)
            _line(True, config, text)
        return ExitStatus.OK
    _line(False, config, translate("cli", "errors, using the defaults:"))
    for error in loaded.errors:
        print(f"       {error}")
    return ExitStatus.USAGE


def _data_checks(ctx: Context) -> int:
    """The database, and the consent recorded in it."""
    data, consent_name = translate("doctor", "data"), translate("doctor", "consent")
    try:
        store = ctx.store()
        text = translate("cli", "{path} (%n spans, readable by you only)", None, store.count())
        _line(True, data, text.format(path=store.path))
        if store.consent_version() == NOTICE_VERSION:
            _line(True, consent_name, translate("cli", "accepted"))
        else:
            _line(False, consent_name, translate("cli", "not given: `socialtime consent --accept`"))
    except StoreError as e:
        _line(False, data, str(e))
        return ExitStatus.DATA
    return ExitStatus.OK


def _work_hours_check(hours: WorkHours, now: float) -> None:
    work_hours = translate("doctor", "work hours")
    if hours.contains(now):
        _line(True, work_hours, translate("cli", "now inside your work hours"))
        return
    start = hours.next_start(now)
    if start:
        text = translate("cli", "outside now; next start {when}").format(when=when(start))
    else:
        text = translate("cli", "no work day set")
    _line(True, work_hours, text)


def _seeing_checks(data_dir: Path, idle_seconds: float) -> None:
    """What the desktop probe of this system and the browser bridge can see."""
    from socialtime.probes import make_probe

    probe = make_probe(idle_threshold=lambda: idle_seconds)
    try:
        checks = probe.diagnose()
    finally:
        probe.close()
    for check in browser_cli.doctor_checks(checks, data_dir):  # the browser may be the front
        _line(check.ok, check.label, check.detail)


def _media_check(max_minutes: int) -> None:
    """Which sources tell this desktop's socialtime that the window in front plays, and the
    cap in force (time without input counts while it plays, up to that long after input)."""
    from socialtime.probes.media import make_media

    media = make_media()
    try:
        check = media.diagnose()
    finally:
        media.close()
    if max_minutes:
        rule = translate("cli", "counts up to {duration} after the last input while the "
                         "window in front plays")  # fmt: skip
        rule = rule.format(duration=format_duration(max_minutes * 60))
    else:
        rule = translate(
            "cli",
            "off (media_max_minutes = 0): time without input stops counting after the idle "
            "threshold, whatever plays",
        )
    browser = translate(
        "cli", "the browser extension tells it for the tab in front (see browser bridge)"
    )
    _line(check.ok, check.label, "; ".join((rule, check.detail, browser)))


def _policy_section(policy: Policy) -> None:
    """The organisation settings in force, in plain words (socialtime.settings.describe)."""
    from socialtime.settings import describe

    print(translate("cli", "Organisation settings:"))
    for text in describe(policy):
        print(f"       {text}")
