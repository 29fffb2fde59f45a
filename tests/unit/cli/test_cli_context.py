"""What every command shares (socialtime.cli.context): one set of exit statuses, one yes/no
question, one way of saying a problem; and no command with its own copy of them."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from socialtime import cli
from socialtime.cli.context import ExitStatus, confirm, fail

CLI = Path(cli.__file__).parent


def test_the_exit_statuses_are_those_the_readme_documents():
    assert [(s.name, int(s)) for s in ExitStatus] == [
        ("OK", 0),
        ("DATA", 1),
        ("USAGE", 2),
        ("INTERRUPTED", 130),
    ]


def test_ctrl_c_in_a_command_exits_130(run, monkeypatch):
    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr("socialtime.insights.report.build", interrupted)
    code, _out, _err = run("report")
    assert code == ExitStatus.INTERRUPTED == 130


@pytest.mark.parametrize(
    ("answer", "yes"),
    [("y", True), ("YES\n", True), (" yes ", True), ("n", False), ("", False), ("oui", False)],
)
def test_confirm_takes_y_or_yes(monkeypatch, answer, yes):
    asked = []
    monkeypatch.setattr("builtins.input", lambda prompt: asked.append(prompt) or answer)
    assert confirm("Erase it? [y/N] ") is yes
    assert asked == ["Erase it? [y/N] "]


@pytest.mark.parametrize(
    ("answer", "yes"), [("o", True), ("Oui", True), ("y", True), ("non", False)]
)
def test_confirm_takes_the_french_answers_in_french(qtbot, french, monkeypatch, answer, yes):
    monkeypatch.setattr("builtins.input", lambda prompt: answer)
    assert confirm("Tout effacer ? [o/N] ") is yes


def test_the_end_of_the_input_is_no_not_a_traceback(monkeypatch, capsys):
    def closed(prompt: str) -> str:
        raise EOFError

    monkeypatch.setattr("builtins.input", closed)
    assert confirm("Erase it? [y/N] ") is False
    assert capsys.readouterr().out == "\n"  # the next line does not start after the prompt


def test_fail_says_the_problem_and_gives_the_status(capsys):
    assert fail("-o x: is a directory", ExitStatus.DATA) is ExitStatus.DATA
    assert fail("bad") is ExitStatus.USAGE
    assert capsys.readouterr().err == "socialtime: -o x: is a directory\nsocialtime: bad\n"


def _copies(path: Path) -> list[str]:
    """What in ``path`` repeats socialtime.cli.context: a status returned as a bare number,
    exit-code constants, or a prompt, eprint or say of its own."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Return) and isinstance(node.value, ast.Constant):
            if isinstance(node.value.value, int) and not isinstance(node.value.value, bool):
                found.append(f"line {node.lineno}: return {node.value.value}")
        elif isinstance(node, ast.Name) and node.id.startswith("EXIT_"):
            found.append(f"line {node.lineno}: {node.id}")
        elif isinstance(node, ast.FunctionDef) and node.name in {
            "confirm",
            "confirmed",
            "eprint",
            "say",
            "fail",
            "_fail",
        }:
            found.append(f"line {node.lineno}: def {node.name}")
    return sorted(found)


@pytest.mark.parametrize(
    "path", sorted(p for p in CLI.glob("*.py") if p.name != "context.py"), ids=lambda p: p.name
)
def test_no_command_has_its_own_statuses_or_prompt(path):
    assert _copies(path) == [], f"use socialtime.cli.context in {path.name}"


def test_the_check_finds_a_copy(tmp_path):
    copy = tmp_path / "copy.py"
    copy.write_text(
        "EXIT_OK = 0\n"
        "def confirmed(prompt):\n    return input(prompt) == 'y'\n"
        "def cmd(ctx, args):\n    return 1\n",
        encoding="utf-8",
    )
    assert _copies(copy) == ["line 1: EXIT_OK", "line 2: def confirmed", "line 5: return 1"]
