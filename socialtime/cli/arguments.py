"""argparse in the user's language, and the language chosen before the parser is built.

The standard library's argparse has no French: :class:`ArgumentParser` and :class:`HelpFormatter`
say its own words (the usage prefix, the section headings, the -h/--help line and its error
messages) again through the catalogue. :func:`set_language` reads the config's ``language``
first, with a tolerant look at ``--config`` (:func:`config_option`), since the help is printed
by the parser in whatever language is set when it is built.
"""

from __future__ import annotations

import argparse
import os
import re
import sys
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, NoReturn

from socialtime.base import i18n, paths
from socialtime.base.i18n import QT_TRANSLATE_NOOP, translate
from socialtime.cli.context import ExitStatus
from socialtime.settings import read_language

# argparse's own words. The standard library has no French: the headings and error messages
# that a user of socialtime meets are recognised in argparse's English and said again in the
# user's language; any other stays English.
_HEADINGS = (
    QT_TRANSLATE_NOOP("cli", "options"),
    QT_TRANSLATE_NOOP("cli", "positional arguments"),
)
_ARGPARSE_ERRORS = (
    (
        re.compile(r"the following arguments are required: (?P<args>.+)", re.S),
        QT_TRANSLATE_NOOP("cli", "the following arguments are required: {args}"),
    ),
    (
        re.compile(r"unrecognized arguments: (?P<args>.+)", re.S),
        QT_TRANSLATE_NOOP("cli", "unrecognized arguments: {args}"),
    ),
    (
        re.compile(r"one of the arguments (?P<args>.+) is required", re.S),
        QT_TRANSLATE_NOOP("cli", "one of the arguments {args} is required"),
    ),
    (
        re.compile(r"ambiguous option: (?P<option>\S+) could match (?P<matches>.+)", re.S),
        QT_TRANSLATE_NOOP("cli", "ambiguous option: {option} could match {matches}"),
    ),
    (  # the message of one argument, itself one of those below
        re.compile(r"argument (?P<argument>\S+): (?P<message>.+)", re.S),
        QT_TRANSLATE_NOOP("cli", "argument {argument}: {message}"),
    ),
    (
        re.compile(r"invalid choice: (?P<value>.+) \(choose from (?P<choices>.+)\)", re.S),
        QT_TRANSLATE_NOOP("cli", "invalid choice: {value} (choose from {choices})"),
    ),
    (
        re.compile(r"invalid (?P<type>\w+) value: (?P<value>.+)", re.S),
        QT_TRANSLATE_NOOP("cli", "invalid {type} value: {value}"),
    ),
    (
        re.compile(r"expected one argument"),
        QT_TRANSLATE_NOOP("cli", "expected one argument"),
    ),
    (
        re.compile(r"expected at most one argument"),
        QT_TRANSLATE_NOOP("cli", "expected at most one argument"),
    ),
    (
        re.compile(r"expected at least one argument"),
        QT_TRANSLATE_NOOP("cli", "expected at least one argument"),
    ),
    (
        re.compile(r"not allowed with argument (?P<other>.+)", re.S),
        QT_TRANSLATE_NOOP("cli", "not allowed with argument {other}"),
    ),
    (
        re.compile(r"ignored explicit argument (?P<value>.+)", re.S),
        QT_TRANSLATE_NOOP("cli", "ignored explicit argument {value}"),
    ),
)


def argparse_message(message: str) -> str:
    """An error message of argparse in the user's language (itself when it is not known)."""
    for pattern, text in _ARGPARSE_ERRORS:
        match = pattern.fullmatch(message)
        if match:
            parts = match.groupdict()
            if "message" in parts:
                parts["message"] = argparse_message(parts["message"])
            return translate("cli", text).format(**parts)
    return message


class HelpFormatter(argparse.HelpFormatter):
    """argparse's help, with its "usage:" and section headings in the user's language."""

    def add_usage(
        self,
        usage: str | None,
        actions: Iterable[argparse.Action],
        groups: Iterable[Any],
        prefix: str | None = None,
    ) -> None:
        if prefix is None:
            prefix = translate("cli", "usage: ")
        super().add_usage(usage, actions, groups, prefix)

    def start_section(self, heading: str | None) -> None:
        if heading in _HEADINGS:
            heading = translate("cli", heading)
        if heading:  # argparse adds the colon itself: French wants a space before it
            heading += i18n.before_colon()
        super().start_section(heading)


class ArgumentParser(argparse.ArgumentParser):
    """An argparse parser that speaks the user's language: its usage and headings (see
    HelpFormatter), the help of -h/--help, and its error messages. Sub-command parsers are of
    the same class (argparse makes them with the class of their parent)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", HelpFormatter)
        super().__init__(*args, **kwargs)

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        if kwargs.get("action") == "help":  # the -h/--help that argparse adds itself
            kwargs["help"] = translate("cli", "show this help message and exit")
        return super().add_argument(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        text = translate("cli", "{prog}: error: {message}")
        message = text.format(prog=self.prog, message=argparse_message(message))
        self.exit(ExitStatus.USAGE, message + "\n")


def config_option(argv: Sequence[str]) -> str | None:
    """The value of ``--config`` in ``argv`` (the last one, as argparse takes it), found before
    the real parser exists: its help is in the language that the config file chooses. Tolerant:
    anything else, right or wrong, is left to the real parser."""
    found = None
    for i, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--config" and i + 1 < len(argv):
            found = argv[i + 1]
        elif arg.startswith("--config="):
            found = arg.partition("=")[2]
    return found


def set_language(argv: Sequence[str], environ: Mapping[str, str] = os.environ) -> str:
    """Speak the language of the config's ``language`` setting ("auto": the system's; a
    config that cannot be read counts as "auto"), before any word is printed."""
    path = paths.config_file(config_option(argv), environ)
    lang = i18n.resolve(read_language(path), environ)
    i18n.set_language(lang)
    return lang
