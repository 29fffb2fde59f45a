"""The command line: ``socialtime`` and its commands, a thin layer over the core.

- program: the entry point (``main``, the console script ``socialtime``), the parser
  (``build_parser``) and the small commands (the tray, consent, report, pause, resume);
- context: what every command shares: its Context, the exit statuses, UsageError, and the
  helpers that write for a person;
- arguments: argparse in the user's language, the language being chosen before the parser is
  built;
- track, data (export, erase), doctor, browser (browser-host and the extension's setup), team:
  the larger commands, each added to the parser by its ``register``.

The command line reaches the Qt layer only through its two launchers, imported when they run:
socialtime.ui.app.run (the tray) and socialtime.ui.invite.run_invite (the login invitation).
"""

from socialtime.cli.context import Context, UsageError
from socialtime.cli.program import build_parser, main

__all__ = ["Context", "UsageError", "build_parser", "main"]
