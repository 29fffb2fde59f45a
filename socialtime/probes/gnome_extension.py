"""socialtime's own GNOME Shell extension: which form this GNOME needs, where it is, whether it
runs; installing and enabling it for the user (``socialtime desktop install``).

Why our own: on GNOME Wayland only a Shell extension can see which window has the focus, and a
company desktop may not allow extensions from extensions.gnome.org. socialtime's extension
(packaging/gnome-shell-extension/) answers one D-Bus method, org.socialtime.Shell.FocusedWindow,
with the focused window's title, WM class, application ids and pid, and nothing else.

Why two UUIDs: GNOME 45 made extensions ES modules, and no file loads both as a GNOME 43/44
script and as a module. So each form has its own UUID, and its metadata.json names the GNOME
versions that load it: ``socialtime-gnome43@socialtime.org`` (43, 44) and
``socialtime@socialtime.org`` (45 and later). One package can then ship both system-wide
(the .deb puts both in /usr/share/gnome-shell/extensions/): GNOME loads the one that fits and
marks the other "out of date". For one user, the install command copies only the form that
the running GNOME needs (asked over D-Bus, else ``gnome-shell --version``).

Enabling: the running shell's org.gnome.Shell.Extensions.EnableExtension works when the shell
already knows the extension (installed system-wide before login); a folder copied since login
is unknown to it, so the UUID is added to the ``enabled-extensions`` setting (``gsettings``)
and GNOME loads it at the next login — on Wayland the shell cannot be restarted in place.

Nothing here runs at import; D-Bus calls go through an injected connection (or none).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import subprocess
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from socialtime.base.i18n import QT_TRANSLATE_NOOP, translate
from socialtime.probes import dbusio

FOLDER = "gnome-shell-extension"  # in packaging/ of the source, in assets/ when installed
SHELL = ("org.gnome.Shell", "/org/gnome/Shell", "org.gnome.Shell.Extensions")
FILES = ("metadata.json", "extension.js")
# States of org.gnome.Shell.Extensions (ExtensionUtils.ExtensionState, GNOME 43 to 47).
ENABLED, DISABLED, ERROR, OUT_OF_DATE, INITIALIZED = 1, 2, 3, 4, 6
PER_USER = 2  # ExtensionType
RUN_TIMEOUT = 10.0
ENABLE_WAIT = 3.0  # s for a running shell to start an extension it was told to enable

Run = Callable[..., "subprocess.CompletedProcess[str]"]


@dataclass(frozen=True)
class Form:
    """One form of the extension: its UUID and the GNOME versions (majors) that load it."""

    uuid: str
    first: int
    last: int | None  # None: and later
    label: str  # QT_TRANSLATE_NOOP'd: translate("gnome_extension", form.label)

    def fits(self, major: int) -> bool:
        return major >= self.first and (self.last is None or major <= self.last)


FORMS = (
    Form(
        "socialtime-gnome43@socialtime.org",
        43,
        44,
        QT_TRANSLATE_NOOP("gnome_extension", "the GNOME 43/44 form"),
    ),
    Form(
        "socialtime@socialtime.org",
        45,
        None,
        QT_TRANSLATE_NOOP("gnome_extension", "the GNOME 45 and later form"),
    ),
)
UUIDS = tuple(form.uuid for form in FORMS)


class ExtensionError(Exception):
    """The install command cannot do what was asked; str() says why and what to do."""


def major_of(version: str) -> int | None:
    """43 for "43.9", 46 for "46.rc"; None for something that is not a GNOME version."""
    match = re.match(r"\s*(\d+)(?:\.|\s|$)", version)
    return int(match.group(1)) if match else None


def form_for(version: str) -> Form | None:
    """The form GNOME `version` loads; None before GNOME 43 (or a version not understood)."""
    major = major_of(version)
    if major is None:
        return None
    return next((form for form in FORMS if form.fits(major)), None)


def form_label(form: Form) -> str:
    label = form.label  # a plain name: the translation tests accept a variable, not form.x
    return translate("gnome_extension", label)


# --- where things are ----------------------------------------------------------------------


def user_root(environ: Mapping[str, str] = os.environ) -> Path:
    """~/.local/share/gnome-shell/extensions (or under $XDG_DATA_HOME)."""
    data = environ.get("XDG_DATA_HOME") or ""
    base = Path(data) if data and Path(data).is_absolute() else Path(_home(environ), ".local/share")
    return base / "gnome-shell" / "extensions"


def system_roots(environ: Mapping[str, str] = os.environ) -> list[Path]:
    """gnome-shell/extensions in each of $XDG_DATA_DIRS (default /usr/local/share:/usr/share)."""
    dirs = environ.get("XDG_DATA_DIRS") or "/usr/local/share:/usr/share"
    return [Path(d) / "gnome-shell" / "extensions" for d in dirs.split(":") if d.startswith("/")]


def _home(environ: Mapping[str, str]) -> str:
    return environ.get("HOME") or str(Path.home())


def packaged_root() -> Path | None:
    """The extension's own files, as shipped with this copy of socialtime: in the package's
    assets (wheel, frozen app), else in packaging/ of a source checkout."""
    from socialtime.base.paths import assets_dir

    checkout = Path(__file__).resolve().parents[2] / "packaging" / FOLDER
    for folder in (assets_dir() / FOLDER, checkout):
        if all((folder / form.uuid / name).is_file() for form in FORMS for name in FILES):
            return folder
    return None


def installed(environ: Mapping[str, str] = os.environ) -> dict[str, tuple[Path, bool]]:
    """UUID -> (folder, per user?) of each form found; a user copy hides a system one, as in
    GNOME Shell itself."""
    found: dict[str, tuple[Path, bool]] = {}
    roots = [(user_root(environ), True)] + [(root, False) for root in system_roots(environ)]
    for root, per_user in roots:
        for uuid in UUIDS:
            if uuid not in found and (root / uuid / "metadata.json").is_file():
                found[uuid] = (root / uuid, per_user)
    return found


# --- what the running GNOME says -----------------------------------------------------------


def shell_version(conn: Any, run: Run = subprocess.run) -> str | None:
    """GNOME Shell's version: the running shell's ShellVersion property, else what
    `gnome-shell --version` prints ("GNOME Shell 43.9"); None when neither answers."""
    if conn is not None:
        with contextlib.suppress(dbusio.BusError):
            value = dbusio.get_property(conn, *SHELL, "ShellVersion")
            if isinstance(value, str) and major_of(value) is not None:
                return value
    try:
        argv = ["gnome-shell", "--version"]
        done = run(argv, capture_output=True, text=True, timeout=RUN_TIMEOUT)
    except (OSError, subprocess.SubprocessError):
        return None
    match = re.search(r"(\d+(?:\.[0-9A-Za-z]+)*)\s*$", done.stdout.strip())
    return match.group(1) if done.returncode == 0 and match else None


def shell_info(conn: Any, uuid: str) -> dict[str, Any] | None:
    """The running shell's GetExtensionInfo(uuid) (state, type, error...), {} when it does not
    know the UUID, None when no GNOME Shell answers."""
    if conn is None:
        return None
    try:
        (info,) = dbusio.call(conn, *SHELL, "GetExtensionInfo", "s", (uuid,))
    except dbusio.BusError:
        return None
    if not isinstance(info, dict):
        return None
    return {key: value[1] for key, value in info.items() if isinstance(value, tuple)}


# --- the enabled-extensions setting, through gsettings -------------------------------------


def _gsettings(run: Run, *args: str) -> str:
    argv = ["gsettings", *args]
    try:
        done = run(argv, capture_output=True, text=True, timeout=RUN_TIMEOUT)
    except FileNotFoundError as exc:
        text = translate(
            "gnome_extension", "gsettings is missing ({error}): install libglib2.0-bin"
        )
        raise ExtensionError(text.format(error=exc)) from exc
    except (OSError, subprocess.SubprocessError) as exc:
        text = translate("gnome_extension", "`{command}` failed: {error}")
        raise ExtensionError(text.format(command=" ".join(argv), error=exc)) from exc
    if done.returncode != 0:
        text = translate("gnome_extension", "`{command}` failed: {error}")
        error = done.stderr.strip() or str(done.returncode)
        raise ExtensionError(text.format(command=" ".join(argv), error=error))
    return done.stdout.strip()


def parse_strv(text: str) -> list[str]:
    """The strings of a GVariant string array as gsettings prints it ("['a', 'b']", "@as [])."""
    body = text.removeprefix("@as").strip()
    if not (body.startswith("[") and body.endswith("]")):
        raise ValueError(text)
    items = re.findall(r"'((?:[^'\\]|\\.)*)'|\"((?:[^\"\\]|\\.)*)\"", body)
    return [re.sub(r"\\(.)", r"\1", single or double) for single, double in items]


def format_strv(items: list[str]) -> str:
    if not items:
        return "@as []"
    quoted = ("'" + item.replace("\\", "\\\\").replace("'", "\\'") + "'" for item in items)
    return "[" + ", ".join(quoted) + "]"


def read_list(run: Run, key: str) -> list[str]:
    try:
        return parse_strv(_gsettings(run, "get", "org.gnome.shell", key))
    except ValueError as exc:
        text = translate("gnome_extension", "org.gnome.shell {key} is not a list of names")
        raise ExtensionError(text.format(key=key)) from exc


def user_extensions_allowed(run: Run) -> bool | None:
    """False when the user switched user extensions off (disable-user-extensions)."""
    try:
        return _gsettings(run, "get", "org.gnome.shell", "disable-user-extensions") != "true"
    except ExtensionError:
        return None


def _set_enabled(run: Run, uuid: str, enabled: bool) -> bool:
    """Add `uuid` to enabled-extensions and drop it from disabled-extensions (which wins over
    the other), or only remove it from enabled-extensions; True when a setting changed."""
    changed = False
    keys = [("enabled-extensions", enabled)] + ([("disabled-extensions", False)] if enabled else [])
    for key, listed in keys:
        try:
            names = read_list(run, key)
        except ExtensionError:
            if key == "disabled-extensions":
                continue  # an older GNOME without this key
            raise
        wanted = [n for n in names if n != uuid] + ([uuid] if listed else [])
        if (uuid in wanted) != (uuid in names):
            _gsettings(run, "set", "org.gnome.shell", key, format_strv(wanted))
            changed = True
    return changed


# --- install and uninstall -----------------------------------------------------------------


@dataclass
class Outcome:
    """What install() or uninstall() did, in sentences for the user."""

    lines: list[str] = field(default_factory=list)

    def say(self, text: str) -> None:
        self.lines.append(text)


def install(
    conn: Any,
    environ: Mapping[str, str] = os.environ,
    *,
    version: str | None = None,
    run: Run = subprocess.run,
    source: Path | None = None,
    wait: float = ENABLE_WAIT,
) -> Outcome:
    """Install (unless GNOME already has it system-wide) and enable the form of the extension
    that GNOME `version` (default: the one that runs) needs. Raises ExtensionError."""
    version = version or shell_version(conn, run)
    if version is None:
        raise ExtensionError(
            translate(
                "gnome_extension",
                "cannot tell which GNOME Shell runs here (it does not answer on the session "
                "bus and `gnome-shell --version` fails): give it with --shell-version",
            )
        )
    form = form_for(version)
    if form is None:
        text = translate(
            "gnome_extension",
            "GNOME Shell {version}: socialtime's extension needs GNOME 43 or later; on an "
            'older GNOME, use "Focused Window D-Bus" or "Window Calls" from '
            "extensions.gnome.org",
        )
        raise ExtensionError(text.format(version=version))
    outcome = Outcome()
    text = translate("gnome_extension", "GNOME Shell {version} needs {form} ({uuid}).")
    outcome.say(text.format(version=version, form=form_label(form), uuid=form.uuid))
    system = installed(environ).get(form.uuid)
    per_user = system is None or system[1]
    if not per_user and system is not None:
        text = translate("gnome_extension", "Already installed for all users in {path}.")
        outcome.say(text.format(path=system[0]))
    else:
        origin = source or packaged_root()
        if origin is None:
            raise ExtensionError(
                translate(
                    "gnome_extension",
                    "this copy of socialtime does not carry its GNOME Shell extension "
                    "(packaging/gnome-shell-extension/ in the source)",
                )
            )
        target = user_root(environ) / form.uuid
        _copy(origin / form.uuid, target, form.uuid)
        text = translate("gnome_extension", "Copied to {path}.")
        outcome.say(text.format(path=target))
    for other in FORMS:
        if other is not form:
            _remove_user_copy(other, environ, run, outcome)
    _enable(conn, form, run, outcome, wait)
    if per_user and user_extensions_allowed(run) is False:
        outcome.say(
            translate(
                "gnome_extension",
                "User extensions are switched off: switch them on in the Extensions app "
                "(or `gsettings set org.gnome.shell disable-user-extensions false`).",
            )
        )
    return outcome


def _copy(origin: Path, target: Path, uuid: str) -> None:
    """Replace `target` with the extension's files (a fresh folder, no stale file left)."""
    try:
        meta = json.loads((origin / "metadata.json").read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        text = translate("gnome_extension", "{path}: not a readable metadata.json ({error})")
        raise ExtensionError(text.format(path=origin / "metadata.json", error=exc)) from exc
    if not isinstance(meta, dict) or meta.get("uuid") != uuid:
        text = translate("gnome_extension", "{path}: its uuid is not {uuid}")
        raise ExtensionError(text.format(path=origin / "metadata.json", uuid=uuid))
    fresh = target.with_name(f".{target.name}.new")
    shutil.rmtree(fresh, ignore_errors=True)
    fresh.mkdir(parents=True)
    for name in FILES:
        shutil.copyfile(origin / name, fresh / name)
    shutil.rmtree(target, ignore_errors=True)
    fresh.rename(target)


def _enable(conn: Any, form: Form, run: Run, outcome: Outcome, wait: float) -> None:
    """Enable through the running shell when it knows the extension, else in the setting."""
    live = False
    if conn is not None:
        with contextlib.suppress(dbusio.BusError):
            (live,) = dbusio.call(conn, *SHELL, "EnableExtension", "s", (form.uuid,))
    if not live:
        _set_enabled(run, form.uuid, True)
    info = shell_info(conn, form.uuid)
    deadline = time.monotonic() + wait
    while live and not _runs(info) and time.monotonic() < deadline:
        time.sleep(0.1)  # the shell enables it from its main loop, just after answering
        info = shell_info(conn, form.uuid)
    if _runs(info):
        outcome.say(translate("gnome_extension", "Enabled; it runs now."))
    elif info and info.get("state") in (ERROR, OUT_OF_DATE):
        text = translate(
            "gnome_extension",
            "Enabled, but GNOME reports it as {state}; `socialtime doctor` tells more after "
            "the next login.",
        )
        outcome.say(text.format(state=state_text(info)))
    else:
        outcome.say(
            translate(
                "gnome_extension",
                "Enabled. GNOME loads a new extension when you log in: log out and back in "
                "(on Wayland the shell cannot be restarted in place).",
            )
        )


def _runs(info: Mapping[str, Any] | None) -> bool:
    return bool(info) and info is not None and info.get("state") == ENABLED


def _remove_user_copy(form: Form, environ: Mapping[str, str], run: Run, outcome: Outcome) -> None:
    folder = user_root(environ) / form.uuid
    if folder.exists():
        shutil.rmtree(folder)
        text = translate("gnome_extension", "Removed {path} (the form for another GNOME).")
        outcome.say(text.format(path=folder))
    with contextlib.suppress(ExtensionError):
        _set_enabled(run, form.uuid, False)


def uninstall(
    conn: Any, environ: Mapping[str, str] = os.environ, run: Run = subprocess.run
) -> Outcome:
    """Disable both forms and remove the user's copies; system-wide copies stay (the package
    manager owns them). Raises ExtensionError when the setting cannot be changed."""
    outcome = Outcome()
    for form in FORMS:
        if conn is not None:
            with contextlib.suppress(dbusio.BusError):
                dbusio.call(conn, *SHELL, "DisableExtension", "s", (form.uuid,))
        if _set_enabled(run, form.uuid, False):
            text = translate("gnome_extension", "Disabled {uuid}.")
            outcome.say(text.format(uuid=form.uuid))
        folder = user_root(environ) / form.uuid
        if folder.exists():
            shutil.rmtree(folder)
            text = translate("gnome_extension", "Removed {path}.")
            outcome.say(text.format(path=folder))
    for folder, per_user in installed(environ).values():
        if not per_user:
            text = translate(
                "gnome_extension",
                "{path} stays: it was installed for all users by a package (it no longer "
                "runs for you).",
            )
            outcome.say(text.format(path=folder))
    return outcome


# --- doctor --------------------------------------------------------------------------------


def state_text(info: Mapping[str, Any]) -> str:
    state = info.get("state")
    error = info.get("error") or ""
    names = {
        ENABLED: translate("gnome_extension", "running"),
        DISABLED: translate("gnome_extension", "disabled"),
        ERROR: translate("gnome_extension", "in error"),
        OUT_OF_DATE: translate("gnome_extension", "out of date for this GNOME"),
        INITIALIZED: translate("gnome_extension", "loaded but not enabled"),
    }
    text = names.get(int(state) if isinstance(state, int | float) else -1)
    if text is None:
        text = translate("gnome_extension", "in state {state}").format(state=state)
    return f"{text} ({error})" if error else text


def diagnose(
    conn: Any, environ: Mapping[str, str] = os.environ, run: Run = subprocess.run
) -> tuple[bool, str]:
    """(runs?, a sentence): which GNOME runs, which form it needs, whether that form is
    installed, enabled and running, and what to do when it is not."""
    version = shell_version(conn, run)
    if version is None:
        return False, translate(
            "gnome_extension",
            "GNOME Shell does not answer on the session bus and `gnome-shell --version` fails",
        )
    form = form_for(version)
    if form is None:
        text = translate(
            "gnome_extension",
            "GNOME Shell {version}: socialtime's extension needs GNOME 43 or later",
        )
        return False, text.format(version=version)
    head = translate("gnome_extension", "GNOME Shell {version} needs {form} ({uuid})").format(
        version=version, form=form_label(form), uuid=form.uuid
    )
    where = installed(environ).get(form.uuid)
    if where is None:
        text = translate(
            "gnome_extension",
            "{head}: not installed; `socialtime desktop install` installs and enables it, "
            "then log out and back in",
        )
        return False, text.format(head=head)
    place = (
        translate("gnome_extension", "installed for you")
        if where[1]
        else translate("gnome_extension", "installed for all users")
    )
    try:
        enabled: bool | None = form.uuid in read_list(run, "enabled-extensions")
    except ExtensionError:
        enabled = None
    info = shell_info(conn, form.uuid)
    if info and info.get("state") == ENABLED:
        text = translate("gnome_extension", "{head}: {place}, enabled, running")
        return True, text.format(head=head, place=place)
    if enabled is False:
        text = translate(
            "gnome_extension",
            "{head}: {place}, not enabled; `socialtime desktop install` enables it",
        )
        return False, text.format(head=head, place=place)
    if where[1] and user_extensions_allowed(run) is False:
        text = translate(
            "gnome_extension",
            "{head}: {place}, but user extensions are switched off: switch them on in the "
            "Extensions app",
        )
        return False, text.format(head=head, place=place)
    if info:
        text = translate("gnome_extension", "{head}: {place}, enabled, {state}")
        return False, text.format(head=head, place=place, state=state_text(info))
    text = translate(
        "gnome_extension",
        "{head}: {place}, enabled, not loaded yet: log out and back in (GNOME loads a new "
        "extension at login)",
    )
    return False, text.format(head=head, place=place)
