"""The one bounded reader (socialtime.base.files) and every file that goes through it: the settings,
policy files, team goal files, team summaries, the site catalogue, browser manifests and the
autostart entry. A hostile or broken file (deeply nested, huge, /dev/zero, a FIFO, binary) is
refused with a message that names it; it never crashes, blocks or exhausts memory, the settings
fall back to the defaults where the README promises it, and one bad policy.d file never hides
the files after it."""

from __future__ import annotations

import json
import os
import plistlib
import threading
import time
from pathlib import Path

import pytest
from helpers import write_policy

from socialtime import cli
from socialtime.base import file_problems, files
from socialtime.base.files import MAX_DEPTH, ReadError
from socialtime.rules.sites import CatalogueError, load_catalogue
from socialtime.settings import MANDATORY, Config, load_config, load_policy
from socialtime.team import goal_file as core
from socialtime.team.summary import read_summary

DEEP = "x = " + "[" * 3000 + "]" * 3000 + "\n"  # the file of the report: RecursionError before
DEEP_JSON = "[" * 3000 + "]" * 3000
TOO_DEEP = f"nested more than {MAX_DEPTH} levels deep"
GOAL = 'team = "Design team"\nagreed = 2026-11-02\n\n[goals]\ndaily_minutes = 20\n'


def problem_of(call, *args) -> ReadError:
    with pytest.raises(ReadError) as info:
        call(*args)
    return info.value


def toml_levels(levels: int) -> str:
    """A TOML document exactly ``levels`` deep (the document is level 1)."""
    return "x = " + "[" * (levels - 1) + "]" * (levels - 1) + "\n"


def json_levels(levels: int) -> str:
    return '{"a": ' * (levels - 1) + "[]" + "}" * (levels - 1)


def returns_within(seconds: float, call, *args):
    """Run ``call`` in a thread; fail (instead of hanging the suite) when it blocks."""
    result: list[object] = []
    thread = threading.Thread(target=lambda: result.append(_outcome(call, *args)), daemon=True)
    thread.start()
    thread.join(seconds)
    assert not thread.is_alive(), f"{call.__name__} blocked for more than {seconds} s"
    return result[0]


def _outcome(call, *args):
    try:
        return call(*args)
    except Exception as e:
        return e


# -- the reader itself --------------------------------------------------------------------


def test_the_size_limit_is_exact_and_the_rest_is_never_read(tmp_path: Path) -> None:
    path = tmp_path / "f"
    path.write_bytes(b"a" * 1000)
    assert files.read_bytes(path, 1000) == b"a" * 1000
    error = problem_of(files.read_bytes, path, 999)
    assert error.kind == files.TOO_LARGE and error.limit == 999 and error.read
    huge = tmp_path / "huge"
    with huge.open("wb") as handle:
        handle.truncate(8 * 1024**3)  # sparse: 8 GiB that read_bytes() would load whole
    started = time.perf_counter()
    error = problem_of(files.read_bytes, huge, files.SETTINGS_LIMIT)
    assert error.kind == files.TOO_LARGE and time.perf_counter() - started < 2
    assert file_problems.problem(error) == "too large (more than 256 KiB)"
    assert file_problems.problem(ReadError(huge, files.TOO_LARGE, limit=1024**2)) == (
        "too large (more than 1 MiB)"
    )


def test_devices_and_fifos_are_refused_without_blocking(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)  # nobody ever writes to it: a plain open() would wait forever
    for path in (fifo, Path("/dev/zero")):
        error = returns_within(5, files.read_bytes, path, files.SETTINGS_LIMIT)
        assert isinstance(error, ReadError) and error.kind == files.SPECIAL, path
        assert file_problems.message(error) == (
            f"{path}: cannot read the file (not a regular file but a device, a pipe or a socket)"
        )


def test_missing_directory_and_binary(tmp_path: Path) -> None:
    assert problem_of(files.read_bytes, tmp_path / "none", 10).kind == files.MISSING
    error = problem_of(files.read_bytes, tmp_path, 10)
    assert file_problems.problem(error) == "cannot read the file (Is a directory)"
    (tmp_path / "bin").write_bytes(b"ok\xff\xfe")
    error = problem_of(files.read_text, tmp_path / "bin", 10)
    assert error.kind == files.NOT_UTF8 and error.offset == 2
    (tmp_path / "bom").write_bytes("\ufeffa = 1\n".encode())
    assert files.read_toml(tmp_path / "bom") == {"a": 1}
    (tmp_path / "bom.json").write_bytes("\ufeff[1]".encode())
    assert files.read_json(tmp_path / "bom.json") == [1]


@pytest.mark.parametrize(
    ("levels", "parse", "make"),
    [
        (MAX_DEPTH, files.parse_toml, toml_levels),
        (MAX_DEPTH, files.parse_json, json_levels),
    ],
)
def test_the_depth_limit_is_exact(levels, parse, make) -> None:
    parse(make(levels), "f")  # 32 levels: accepted
    error = problem_of(parse, make(levels + 1), "f")
    assert error.kind == files.TOO_DEEP and error.limit == MAX_DEPTH


@pytest.mark.parametrize(
    ("text", "where"),
    [
        (DEEP, "(at line 1, column 36)"),
        ("a = 1\ny = " + "{b = " * 40 + "1" + "}" * 40 + "\n", "(at line 2, column"),
        ("x = [" + "[1, [2, " * 20 + "]]" * 20 + "]\n", "(at line 1"),
        # Dotted keys nest too: one too long is refused where it is,
        ("a" + ".a" * 40 + " = 1\n", "(at line 1, column 64)"),
        ("[" + ".".join(['"t"'] * 40) + "]\nv = 1\n", "(at line 1, column 129)"),
        # and when no one part goes too far, the parsed document's depth, naming its key.
        ("[" + ".".join(["t"] * 20) + "]\n" + "a" + ".a" * 20 + " = 1\n", "(at key t.t.t"),
        ("[[" + ".".join(["t"] * 20) + "]]\nx = " + "[" * 20 + "]" * 20, "(at key t.t.t"),
        ("[" + '"q r".' * 20 + "b]\n" + "c." * 20 + "d = 1\n", '(at key "q r"."q r"'),
    ],
)
def test_deep_toml_of_every_form_is_refused_naming_where(text: str, where: str) -> None:
    error = problem_of(files.parse_toml, text, "deep.toml")
    assert error.kind == files.TOO_DEEP
    assert file_problems.message(error).startswith(f"deep.toml: {TOO_DEEP} {where}")


def test_a_long_dotted_key_is_refused_before_tomllib_spends_minutes_on_it() -> None:
    # tomllib's time grows with the square of a key's parts: 100 KB of them took it 84 s.
    for text in ("a" + ".a" * 50_000 + " = 1\n", "[" + ".".join(['"t"'] * 50_000) + "]\n"):
        started = time.process_time()
        error = problem_of(files.parse_toml, text, "f")
        assert error.kind == files.TOO_DEEP and error.line == 1
        assert time.process_time() - started < 0.5
    key = "a" + ".a" * (MAX_DEPTH - 1)  # 32 parts: the document, 31 tables and the value
    assert files.depth_problem(files.parse_toml(f"{key} = 1.5\nb = 07:32:00.999\n", "f")) is None
    error = problem_of(files.parse_toml, f"[t]\n{key} = 1\n", "f")  # one table more
    assert error.key.startswith("t.a.a.a")


def test_brackets_in_strings_and_comments_do_not_count() -> None:
    deep = "[" * 100
    text = (
        f"# {deep}\n"
        f'a = "{deep}" # {deep}\n'
        f"b = '{deep}'\n"
        f'c = """\n{deep}\n"{deep}""""\n'
        f"d = '''{deep}''''\n"
        f'e = "\\"{deep}"\n'
        "f = [[1], [2]]\n"
    )
    doc = files.parse_toml(text, "f")
    assert doc["a"] == doc["b"] == deep and doc["c"] == f'{deep}\n"{deep}"'
    assert doc["d"] == deep + "'" and doc["e"] == '"' + deep
    assert files.parse_json(json.dumps({"k": deep, deep: [deep]}), "f") == {"k": deep, deep: [deep]}


@pytest.mark.parametrize(
    ("parse", "text", "says"),
    [
        (files.parse_toml, "x = " + "9" * 5000 + "\n", "not valid TOML: Exceeds the limit"),
        (files.parse_json, "9" * 5000, "not valid JSON: Exceeds the limit"),
        (files.parse_toml, "x = = 1\n", "not valid TOML: Invalid value (at line 1, column 5)"),
        (files.parse_json, '{"a": ', "not valid JSON, truncated or damaged (Expecting value"),
    ],
)
def test_what_the_parsers_raise_besides_their_own_error_is_caught(parse, text, says) -> None:
    error = problem_of(parse, text, "f")  # a 5,000-digit integer raised a bare ValueError
    assert error.kind == files.SYNTAX and file_problems.problem(error).startswith(says)


def test_property_lists_deep_shared_cyclic_or_damaged() -> None:
    value: object = "leaf"
    for _ in range(MAX_DEPTH):
        value = [value]
    raw = plistlib.dumps({"a": value}, fmt=plistlib.FMT_BINARY)
    assert problem_of(files.parse_plist, raw, "p").key.startswith("a[0][0]")
    # A binary plist whose array holds itself (object 0: array of one reference, to object 0).
    cyclic = (
        b"bplist00"
        + b"\xa1\x00"
        + bytes([0x08])  # offset table: object 0 at offset 8
        + bytes(6)
        + bytes([1, 1])  # offset size, reference size
        + (1).to_bytes(8, "big")  # objects
        + (0).to_bytes(8, "big")  # top object
        + (10).to_bytes(8, "big")  # offset table offset
    )
    assert isinstance(plistlib.loads(cyclic)[0], list)  # plistlib gives a cycle
    error = problem_of(files.parse_plist, cyclic, "p")
    assert error.kind == files.TOO_DEEP and error.key == "[0]"
    for damaged in (b"bplist00\xff", b"<plist><dict><key>a</key></plist>", b"\x00" * 40):
        assert problem_of(files.parse_plist, damaged, "p").kind == files.SYNTAX


def test_a_shared_table_is_refused_and_depth_is_checked_without_recursion() -> None:
    shared: dict = {}
    assert files.depth_problem({"a": shared, "b": shared}) in ("a", "b")
    assert files.depth_problem([[]]) is None
    value: list = []
    for _ in range(100_000):  # far beyond the recursion limit
        value = [value]
    assert files.depth_problem(value, 200_000) is None


# -- the settings file: the promised fallback ---------------------------------------------


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (DEEP, TOO_DEEP),
        ("a" + ".a" * 5000 + " = 1\n", TOO_DEEP),
        ("x = " + "[0, " * 10 + "]" * 10 + "\n" + "#" * (2 * 1024 * 1024), "too large"),
        ("idle_seconds = " + "9" * 5000 + "\n", "not valid TOML"),
    ],
    ids=["deep", "dotted", "huge", "digits"],
)
def test_a_hostile_settings_file_falls_back_as_promised(run, content: str, says: str) -> None:
    run.config.write_text(content, encoding="utf-8")
    for command in (
        ("export", "--format", "json", "-o", str(run.tmp / "out.json")),
        ("erase", "--all", "--yes"),
        ("consent", "--accept"),
        ("consent",),
    ):
        code, _, err = run(*command)
        assert code == 0, (command, err)
        assert "warning: the config file has errors; using the defaults:" in err
        assert f"{run.config}: {says}" in err
    for command in (("report",), ("track",), ("doctor",)):
        code, out, err = run(*command)
        assert code == 2, command
        assert f"{run.config}: {says}" in out + err
        assert "Traceback" not in out + err


@pytest.mark.parametrize("where", ["/dev/zero", "fifo"])
def test_dev_zero_or_a_fifo_as_the_settings_file(run, capsys, where: str) -> None:
    path = Path(where) if where.startswith("/") else run.tmp / where
    if not path.exists():
        os.mkfifo(path)

    def main(*args: str) -> tuple[int, str]:
        code = cli.main([*args, "--data-dir", str(run.data), "--config", str(path)])
        return code, capsys.readouterr().err

    code, err = returns_within(20, main, "export", "--format", "csv", "-o", str(run.tmp / "o"))
    assert code == 0 and f"{path}: cannot read the file (not a regular file" in err
    code, err = returns_within(20, main, "report")
    assert code == 2 and f"{path}: cannot read the file" in err
    loaded = load_config(path)
    assert loaded.config == Config() and loaded.path == path


def test_the_tray_starts_on_the_defaults_and_shows_the_error(make_app, tmp_path) -> None:
    app = make_app(DEEP)
    app.start(ask_consent=False)
    box = app.windows["warning:Your settings file has errors"]
    assert f"{tmp_path / 'config.toml'}: {TOO_DEEP}" in box.text()
    assert app.config.idle_seconds == 180 and app.tracker is not None


def test_the_tray_with_a_huge_settings_file(make_app, tmp_path) -> None:
    app = make_app("#" * (files.SETTINGS_LIMIT + 1))
    app.start(ask_consent=False)
    box = app.windows["warning:Your settings file has errors"]
    assert f"{tmp_path / 'config.toml'}: too large (more than 256 KiB)" in box.text()
    assert app.tracker is not None


# -- team goal files and summaries --------------------------------------------------------


def test_team_join_refuses_a_deep_goal_file(run) -> None:
    goal = run.tmp / "goal.toml"
    goal.write_text(GOAL + "[goals.sites]\n" + DEEP.replace("x", '"x.com"'), encoding="utf-8")
    code, _, err = run("team", "join", str(goal))
    assert code == 2 and f"{goal}: {TOO_DEEP}" in err and "Traceback" not in err
    assert not (run.data / "team.toml").exists()
    goal.write_text(GOAL + "note = '''" + "x" * 70_000 + "'''\n", encoding="utf-8")
    code, _, err = run("team", "join", str(goal))
    assert code == 2 and f"{goal}: too large (more than 64 KiB)" in err


def test_team_status_with_a_deep_goal_file_from_the_policy(run, monkeypatch) -> None:
    etc = run.tmp / "etc"
    goal = run.tmp / "company-goal.toml"
    goal.write_text(DEEP, encoding="utf-8")
    write_policy(etc, f'[mandatory.team]\ngoal_file = "{goal}"\n')
    monkeypatch.setenv("SOCIALTIME_POLICY_DIR", str(etc))
    code, _, err = run("team", "status")
    assert code == 2 and f"{goal}: {TOO_DEEP}" in err
    os.unlink(goal)
    os.mkfifo(goal)  # a policy naming a FIFO: refused, never waited on
    code, _, err = returns_within(10, run, "team", "status")
    assert code == 2 and f"{goal}: cannot read the file (not a regular file" in err
    assert run("team", "leave")[0] == 0


def test_a_damaged_left_record_counts_as_none(tmp_path: Path) -> None:
    (tmp_path / core.LEFT_FILE).write_text('{"left": ' + DEEP_JSON + "}", encoding="utf-8")
    assert core._left(tmp_path) == []


def summary() -> dict:
    return {
        "format": "socialtime-team-summary",
        "version": 1,
        "team": "Design team",
        "week": "2026-W48",
        "work_days": 5,
        "days_met": 3,
        "social_minutes_per_work_day": "15-30",
        "token": os.urandom(16).hex(),
    }


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (DEEP_JSON, f"{TOO_DEEP} (at line 1, column {MAX_DEPTH + 1})"),
        ('{"format": ' + '{"a": ' * 40 + "1" + "}" * 41, TOO_DEEP),
        ('{"version": ' + "9" * 5000 + "}", "not valid JSON: Exceeds the limit"),
        (" " * (64 * 1024 + 1), "too large (more than 64 KiB)"),
    ],
)
def test_team_aggregate_refuses_deep_or_huge_summaries(run, content: str, says: str) -> None:
    names = []
    for i in range(6):
        path = run.tmp / f"member-{i}.json"
        path.write_text(content if i == 2 else json.dumps(summary()), encoding="utf-8")
        names.append(str(path))
    code, out, err = run("team", "aggregate", *names)
    assert code == 1 and out == "" and "Traceback" not in err
    assert f"{names[2]}: {says}" in err
    [problem] = read_summary(Path(names[2]))[1]
    assert problem.startswith(f"{names[2]}: {says}")


# -- policy files -------------------------------------------------------------------------

GOOD = "[mandatory]\ninvite_at_login = true\n"


@pytest.mark.parametrize(
    ("bad", "says"),
    [
        (DEEP.encode(), TOO_DEEP),
        (("[mandatory]\n" + "a" + ".a" * 100 + " = 1\n").encode(), TOO_DEEP),
        (b"#" * (files.SETTINGS_LIMIT + 1), "too large (more than 256 KiB)"),
        (b"\x89PNG\r\n\x1a\n\x00\xff", "not a UTF-8 text file"),
        ("fifo", "cannot read the file (not a regular file"),
        ("folder", "cannot read the file (Is a directory)"),
        ("denied", "cannot read the file (Permission denied)"),
    ],
    ids=["deep", "dotted", "huge", "binary", "fifo", "folder", "denied"],
)
def test_a_bad_policy_d_file_is_named_and_the_next_ones_still_count(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, bad, says: str
) -> None:
    folder = tmp_path / "policy.d"
    folder.mkdir()
    path = folder / "10-bad.toml"
    if bad == "fifo":
        os.mkfifo(path)
    elif bad == "folder":
        path.mkdir()
    else:
        path.write_bytes(bad if isinstance(bad, bytes) else GOOD.encode())
    if bad == "denied":
        real_open = os.open

        def denied(name, *args, **kwargs):
            if Path(name) == path:
                raise PermissionError(13, "Permission denied", str(name))
            return real_open(name, *args, **kwargs)

        monkeypatch.setattr("socialtime.base.files.os.open", denied)
    (folder / "20-good.toml").write_text(GOOD, encoding="utf-8")
    (folder / "30-hours.toml").write_text('[mandatory.work_hours]\nmon = "08:00-09:00"\n', "utf-8")
    policy = returns_within(10, lambda: load_policy(platform="linux", environ={}, etc_dir=tmp_path))
    [error] = policy.errors
    assert error.file == str(path) and says in str(error)
    assert str(error).startswith(f"{path}: ")
    assert policy.invite_at_login is True  # the files after the bad one are read and applied
    assert policy.entry("work_hours.mon").value == "08:00-09:00"
    assert str(folder / "20-good.toml") in policy.sources


def test_an_unexpected_error_in_one_policy_file_skips_it_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The catch-all is per file: a fault while reading one (here forced) names that file,
    keeps nothing of it, and the files after it are still read."""
    from socialtime.settings import policy_sources

    folder = tmp_path / "policy.d"
    folder.mkdir()
    (folder / "10-a.toml").write_text('[mandatory.work_hours]\ntue = "08:00-09:00"\n', "utf-8")
    (folder / "20-b.toml").write_text(GOOD + '[mandatory.work_hours]\nmon = "07:00-08:00"\n')
    real = policy_sources._read_level

    def broken(reader, table, level, source):
        real(reader, table, level, source)
        if source.endswith("10-a.toml"):
            raise RuntimeError("boom")

    monkeypatch.setattr(policy_sources, "_read_level", broken)
    policy = load_policy(platform="linux", environ={}, etc_dir=tmp_path)
    [error] = policy.errors
    assert str(error) == f"{folder / '10-a.toml'}: cannot read the policy (boom)"
    assert policy.entry("work_hours.tue") is None  # nothing half-read of the bad file
    assert policy.invite_at_login and policy.entry("work_hours.mon").value == "07:00-08:00"


def test_a_deep_or_cyclic_managed_preference_file(tmp_path: Path) -> None:
    value: object = "09:00-17:00"
    for _ in range(40):
        value = [value]
    bundle = "org.socialtime.socialtime.plist"
    (tmp_path / bundle).write_bytes(plistlib.dumps({"DisabledSites": value}))
    (tmp_path / "ada").mkdir()
    (tmp_path / "ada" / bundle).write_bytes(plistlib.dumps({"InviteAtLogin": True}))
    policy = load_policy(platform="darwin", environ={}, managed_dir=tmp_path, user="ada")
    [error] = policy.errors
    assert str(error).startswith(f"{tmp_path / bundle}: {TOO_DEEP} (at key DisabledSites[0]")
    assert policy.invite_at_login and str(tmp_path / bundle) in policy.sources
    assert policy.entry("invite_at_login").level == MANDATORY


# -- the other readers --------------------------------------------------------------------


def test_a_deep_site_catalogue_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "sites.toml"
    path.write_text(DEEP, encoding="utf-8")
    with pytest.raises(CatalogueError, match=f"^{path}: {TOO_DEEP}"):
        load_catalogue(path=path)
    os.unlink(path)
    os.mkfifo(path)
    error = returns_within(10, load_catalogue, (), (), path)
    assert isinstance(error, CatalogueError)
    assert str(error) == (
        f"{path}: cannot read the file (not a regular file but a device, a pipe or a socket)"
    )


def test_a_deep_browser_manifest_is_not_ours(tmp_path: Path) -> None:
    from socialtime.browser.install import _is_ours

    path = tmp_path / "manifest.json"
    path.write_text('{"name": "org.socialtime.bridge", "x": ' + DEEP_JSON + "}", "utf-8")
    assert _is_ours(path) is False
    os.unlink(path)
    os.mkfifo(path)
    assert returns_within(5, _is_ours, path) is False


def test_an_autostart_entry_that_is_a_fifo_or_deep(tmp_path: Path) -> None:
    from socialtime.login.autostart import Autostart

    xdg = Autostart(platform="linux", environ={"XDG_CONFIG_HOME": str(tmp_path)})
    path = xdg.path()
    assert path is not None
    path.parent.mkdir(parents=True)
    os.mkfifo(path)
    assert returns_within(5, xdg.is_enabled) is False
    mac = Autostart(platform="darwin", home=tmp_path)
    plist = mac.path()
    assert plist is not None
    plist.parent.mkdir(parents=True)
    value: object = True
    for _ in range(40):
        value = [value]
    plist.write_bytes(plistlib.dumps({"RunAtLoad": value}))
    assert mac.is_enabled() is False


def test_the_reader_is_a_leaf() -> None:
    """socialtime.base.files imports nothing of socialtime: any module may read through it."""
    import ast

    tree = ast.parse(Path(files.__file__).read_text(encoding="utf-8"))
    names = [a.name for n in ast.walk(tree) if isinstance(n, ast.Import) for a in n.names]
    names += [n.module or "" for n in ast.walk(tree) if isinstance(n, ast.ImportFrom)]
    assert names and not [name for name in names if name.split(".")[0] == "socialtime"]
