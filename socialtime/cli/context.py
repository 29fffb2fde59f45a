"""What every command of the command line shares: its :class:`Context`, the exit statuses
(:class:`ExitStatus`), the :class:`UsageError` that means status 2, and the helpers that talk
with a person: :func:`eprint` and :func:`say` on standard error, :func:`fail` (say, then give
the status), :func:`confirm` (a yes/no question on the terminal) and :func:`when`.

Apart from socialtime/cli/program.py so that the modules holding commands (track.py, data.py,
doctor.py) can import it while program.py imports them to register their commands.
"""

from __future__ import annotations

import argparse
import enum
import sys
from collections.abc import Callable
from typing import TYPE_CHECKING

from socialtime.base import i18n, paths
from socialtime.base.i18n import translate
from socialtime.recording.store import Store
from socialtime.recording.tracker import catalogue_for
from socialtime.rules.periods import wall_clock
from socialtime.rules.sites import Catalogue, CatalogueError
from socialtime.settings import Config, LoadedConfig, load_config

if TYPE_CHECKING:
    from socialtime.settings import Policy


class ExitStatus(enum.IntEnum):
    """The exit status of every command, as the README documents it ("Exit status")."""

    OK = 0  # done
    DATA = 1  # the data cannot be used (the message names the file)
    USAGE = 2  # a bad argument or config file (the message names the file, key or argument)
    INTERRUPTED = 130  # Ctrl+C (128 + SIGINT, as shells report it)


# socialtime.cli's ``command(name, func, help)``, through which a module adds its commands.
Command = Callable[[str, Callable[..., int], str], argparse.ArgumentParser]


class UsageError(Exception):
    """A bad argument or config: exit status 2."""


class Context:
    """What every command may need, created on first use."""

    def __init__(self, args: argparse.Namespace) -> None:
        # getattr: the global options have no default in the namespace (see build_parser).
        self.data_dir = paths.data_dir(getattr(args, "data_dir", None))
        self.config_path = paths.config_file(getattr(args, "config", None))
        self._loaded: LoadedConfig | None = None
        self._store: Store | None = None
        self._policy: Policy | None = None

    def policy(self) -> Policy:
        """The organisation policy of this computer (socialtime.settings.policy), read once."""
        if self._policy is None:
            from socialtime.settings import load_policy

            self._policy = load_policy()
        return self._policy

    def loaded(self) -> LoadedConfig:
        if self._loaded is None:
            self._loaded = load_config(self.config_path, policy=self.policy())
        return self._loaded

    def config(self, strict: bool) -> Config:
        """The config; with ``strict``, a bad file stops the command (exit 2), otherwise it
        is reported and the defaults are used, so that a broken file never stands between
        the user and their own data (export, erase, consent)."""
        loaded = self.loaded()
        if not loaded.ok:
            errors = "\n".join(f"  {e}" for e in loaded.errors)
            if strict:
                message = translate("cli", "the config file has errors:\n{errors}")
                raise UsageError(message.format(errors=errors))
            message = translate(
                "cli", "warning: the config file has errors; using the defaults:\n{errors}"
            )
            eprint(message.format(errors=errors))
        return loaded.config

    def catalogue(self, config: Config) -> Catalogue:
        try:
            return catalogue_for(config)
        except CatalogueError as e:
            raise UsageError(str(e)) from e

    def store(self) -> Store:
        if self._store is None:
            self._store = Store.open(self.data_dir)
        return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()


def eprint(*parts: object) -> None:
    print(*parts, file=sys.stderr)


def say(message: object) -> None:
    """``socialtime: message`` on standard error (French spaces its colon)."""
    eprint(translate("cli", "socialtime: {message}").format(message=message))


def fail(message: object, status: ExitStatus = ExitStatus.USAGE) -> ExitStatus:
    """:func:`say` ``message``, then give ``status`` for the command to return."""
    say(message)
    return status


def confirm(prompt: str) -> bool:
    """Ask ``prompt`` (which ends "[y/N] " in the user's language) on the terminal: True for
    "y" or "yes", in English or in the user's language ("o", "oui"); anything else, and the
    end of the input (Ctrl+D), is no. Only asked when standard input is a terminal: each
    caller says first what to add (``--yes``) when it is not."""
    try:
        answer = input(prompt).strip().lower()
    except EOFError:
        print()  # the cursor was left after the prompt
        return False
    return answer in {"y", "yes", translate("cli", "y"), translate("cli", "yes")}


def when(t: float) -> str:
    """An instant for a person to read: "2026-11-24 10:00" ("24/11/2026 10:00" in French)."""
    moment = wall_clock(t)
    return f"{i18n.format_date(moment.date(), 'numeric')} {i18n.format_time(moment)}"
