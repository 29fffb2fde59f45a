"""Property-based fuzz of every reader of a file that users, policies or teams write: the
settings, a policy.d file (and a macOS managed preference file), a team goal file, a team
summary, the parsers underneath, and the browser's native-messaging frames.

Inputs: random bytes, random text, valid documents mutated (bytes inserted, deleted,
overwritten, slices repeated, brackets and quotes dropped in), and nesting of every form from
1 to 3,000 levels deep, around the limit most often. Each reader must answer with its own
documented error naming the file, never raise anything else, and a bad settings file must give
the defaults. Deterministic (``derandomize``, no example database) and fast: each test counts
the inputs it really tried and checks that the whole budget ran."""

from __future__ import annotations

import contextlib
import json
import plistlib
import struct
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from socialtime.base import file_problems, files
from socialtime.base.files import MAX_DEPTH, ReadError
from socialtime.base.i18n import LANGUAGES
from socialtime.browser.protocol import FrameDecoder, ProtocolError, parse_host_message, parse_relay
from socialtime.settings import Config, describe, load_config, load_policy, read_language
from socialtime.team import goal_file as core
from socialtime.team.summary import read_summary


def fuzz(examples: int) -> Callable:
    return settings(
        max_examples=examples,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )


def ran(tried: list[object], examples: int, what: str) -> None:
    """The whole budget ran (and say how much, for ``pytest -s``)."""
    print(f"\n{what}: {len(tried)} inputs")
    assert len(tried) >= examples


# -- inputs -------------------------------------------------------------------------------

SETTINGS = b"""sample_seconds = 5
idle_seconds = 180
retention_days = 365
language = "fr"
days_off = ["2026-12-25", 2026-12-26]
[work_hours]
mon = "09:00-12:30, 13:30-18:00"
fri = "09:00-16:00"
sun = ""
[sites]
disabled = ["linkedin.com"]
[[sites.custom]]
id = "news.ycombinator.com"
name = "Hacker News"
hosts = ["news.ycombinator.com"]
titles = ['\\| Hacker News$']
[goals]
daily_minutes = 30
focus = "09:00-11:00"
[goals.sites]
"youtube.com" = 10
[nudges]
budget = false
"""
POLICY = b"""[mandatory]
invite_at_login = false
[mandatory.work_hours]
mon = "09:00-12:30, 13:30-18:00"
[mandatory.sites]
disabled = ["linkedin.com"]
[[mandatory.sites.custom]]
id = "yammer.com"
name = "Viva Engage"
hosts = ["yammer.com"]
[mandatory.team]
goal_file = "/nonexistent/team-goal.toml"
summaries_allowed = false
[recommended.work_hours]
fri = "9:00-16:00"
"""
GOAL = b"""team = "Design team"
agreed = 2026-11-02
note = "Fridays are free."
[goals]
daily_minutes = 30
focus = "09:00-11:00, 14:00-15:00"
[goals.sites]
"youtube.com" = 10
"""
SUMMARY = json.dumps(
    {
        "format": "socialtime-team-summary",
        "version": 1,
        "team": "Design team",
        "week": "2026-W48",
        "work_days": 5,
        "days_met": 3,
        "social_minutes_per_work_day": "15-30",
        "token": "0123456789abcdef0123456789abcdef",
    },
    indent=2,
).encode()
PLISTS = [
    plistlib.dumps(
        {
            "WorkHoursMon": "09:00-17:00",
            "DisabledSites": ["linkedin.com"],
            "CustomSites": "yammer.com",
            "InviteAtLogin": True,
            "Recommended": {"TeamSummariesAllowed": False},
        },
        fmt=fmt,
    )
    for fmt in (plistlib.FMT_XML, plistlib.FMT_BINARY)
]

TOKENS = [
    b"[", b"]", b"{", b"}", b"[[", b"]]", b'"', b"'", b'"""', b"'''", b"=", b"\n", b"#", b".",
    b",", b"\\", b"\x00", b"\xff", b"\xc3", "\ufeff".encode(), b"9" * 5000, b"1e999",
    b"-0", b"inf", b"nan", b"true", b"2026-02-30", b"[" * 40, b"{a=" * 40, b"<array>" * 40,
]  # fmt: skip
EDIT = st.tuples(
    st.integers(0, 3),  # insert, delete, overwrite, repeat
    st.integers(0, 1 << 16),  # where (modulo the length)
    st.integers(1, 64),  # how many bytes (delete, repeat)
    st.one_of(st.binary(min_size=1, max_size=6), st.sampled_from(TOKENS)),
)


def mutate(seed: bytes, edits: list[tuple[int, int, int, bytes]]) -> bytes:
    data = bytearray(seed)
    for op, where, length, payload in edits:
        i = where % (len(data) + 1)
        if op == 0:
            data[i:i] = payload
        elif op == 1:
            del data[i : i + length]
        elif op == 2:
            data[i : i + len(payload)] = payload
        else:
            data[i:i] = data[i : i + length] * 3
    return bytes(data)


def mutated(*seeds: bytes) -> st.SearchStrategy[bytes]:
    return st.builds(mutate, st.sampled_from(seeds), st.lists(EDIT, min_size=1, max_size=6))


# Around the limit most often; sometimes as deep as the file of the report (3,000).
LEVELS = st.one_of(st.integers(MAX_DEPTH - 3, MAX_DEPTH + 3), st.integers(1, 3000))


def toml_nest(form: str, n: int) -> tuple[str, int]:
    """A well-formed TOML text of one nesting form, and its depth (the document is level 1)."""
    forms = {
        "array": ("x = " + "[" * n + "]" * n, n + 1),
        "inline": ("x = " + "{a = " * n + "1" + "}" * n, n + 1),
        "mixed": ("x = " + "[{a = " * n + "1" + "}]" * n, 2 * n + 1),
        "dotted": ("a" + ".a" * n + " = 1", n + 1),
        "header": ("[" + ".".join(["t"] * n) + "]\nv = 1", n + 1),
        "tables": ("[[" + ".".join(["t"] * n) + "]]", n + 2),
    }
    return forms[form]


def json_nest(form: str, n: int) -> tuple[str, int]:
    forms = {
        "array": ("[" * n + "]" * n, n),
        "object": ('{"a": ' * n + "1" + "}" * n, n),
        "mixed": ('[{"a": ' * n + "1" + "}]" * n, 2 * n),
    }
    return forms[form]


TOML_NEST = st.tuples(
    st.sampled_from(["array", "inline", "mixed", "dotted", "header", "tables"]), LEVELS
)
JSON_NEST = st.tuples(st.sampled_from(["array", "object", "mixed"]), LEVELS)
UNCLOSED = st.builds(lambda c, n: c * n, st.sampled_from(["[", "{", "[{a = ", '{"a": ']), LEVELS)


def splice(seed: bytes, inner: str, where: int) -> bytes:
    """``inner`` put into a valid document, at a line start or inside a value."""
    i = where % (len(seed) + 1)
    return seed[:i] + inner.encode() + seed[i:]


def anything(seed: bytes, nest: st.SearchStrategy[str]) -> st.SearchStrategy[bytes]:
    """Every kind of input, for a reader whose valid document is ``seed``."""
    return st.one_of(
        st.binary(max_size=300),
        st.text(max_size=200).map(str.encode),
        mutated(seed),
        nest.map(str.encode),
        st.builds(splice, st.just(seed), nest, st.integers(0, 1 << 16)),
        UNCLOSED.map(str.encode),
    )


TOML_TEXT = TOML_NEST.map(lambda fn: toml_nest(*fn)[0])
JSON_TEXT = JSON_NEST.map(lambda fn: json_nest(*fn)[0])


def names_the_file(errors: list, path: Path) -> None:
    for error in errors:
        text = str(error)
        assert text.startswith(f"{path}: "), text
        assert "Traceback" not in text


# -- the readers --------------------------------------------------------------------------


def test_the_settings_reader(tmp_path: Path) -> None:
    path, tried, examples = tmp_path / "config.toml", [], 900

    @fuzz(examples)
    @given(anything(SETTINGS, TOML_TEXT))
    def check(raw: bytes) -> None:
        tried.append(raw)
        path.write_bytes(raw)
        loaded = load_config(path)
        assert all(e.file == str(path) for e in loaded.errors)
        names_the_file(list(loaded.errors), path)
        if loaded.errors:
            assert loaded.config == Config()  # the promised fallback: all the defaults
        assert read_language(path) in ("auto", *LANGUAGES)

    check()
    ran(tried, examples, "settings")


def test_a_policy_d_file_never_hides_the_next(tmp_path: Path) -> None:
    folder = tmp_path / "policy.d"
    folder.mkdir()
    path, tried, examples = folder / "10-fuzz.toml", [], 700
    (folder / "20-good.toml").write_text("[mandatory]\ninvite_at_login = true\n", "utf-8")

    @fuzz(examples)
    @given(anything(POLICY, TOML_TEXT))
    def check(raw: bytes) -> None:
        tried.append(raw)
        path.write_bytes(raw)
        policy = load_policy(platform="linux", environ={}, etc_dir=tmp_path)
        assert all(e.file == str(path) for e in policy.errors)
        names_the_file(list(policy.errors), path)
        assert policy.invite_at_login is True  # the good file after it still counts
        describe(policy)  # what doctor prints: never raises either

    check()
    ran(tried, examples, "policy.d")


def test_a_managed_preference_file(tmp_path: Path) -> None:
    path, tried, examples = tmp_path / "org.socialtime.socialtime.plist", [], 400
    (tmp_path / "ada").mkdir()
    (tmp_path / "ada" / path.name).write_bytes(plistlib.dumps({"TeamSummariesAllowed": True}))

    @fuzz(examples)
    @given(st.one_of(st.binary(max_size=300), mutated(*PLISTS)))
    def check(raw: bytes) -> None:
        tried.append(raw)
        path.write_bytes(raw)
        policy = load_policy(platform="darwin", environ={}, managed_dir=tmp_path, user="ada")
        assert all(e.file == str(path) for e in policy.errors)
        assert policy.entry("team.summaries_allowed") is not None  # the user's file counts
        describe(policy)

    check()
    ran(tried, examples, "managed preferences")


def test_the_team_goal_reader(tmp_path: Path) -> None:
    path, data, tried, examples = tmp_path / "goal.toml", tmp_path / "data", [], 700

    @fuzz(examples)
    @given(anything(GOAL, TOML_TEXT))
    def check(raw: bytes) -> None:
        tried.append(raw)
        path.write_bytes(raw)
        team, errors = core.load_team(path)
        assert (team is None) == bool(errors)
        assert all(e.file == str(path) for e in errors)
        names_the_file(errors, path)
        joined, join_errors = core.join_team(path, data)
        assert joined == team and [str(e) for e in join_errors] == [str(e) for e in errors]
        if team is not None:
            core.describe_team(team)
            assert core.load_team(core.team_path(data)) == (team, [])
            core.team_path(data).unlink()

    check()
    ran(tried, examples, "team goal")


def test_the_team_summary_reader(tmp_path: Path) -> None:
    path, tried, examples = tmp_path / "member.json", [], 700

    @fuzz(examples)
    @given(anything(SUMMARY, JSON_TEXT))
    def check(raw: bytes) -> None:
        tried.append(raw)
        path.write_bytes(raw)
        summary, problems = read_summary(path)
        assert (summary is None) == bool(problems)
        names_the_file(problems, path)

    check()
    ran(tried, examples, "team summary")


def test_the_depth_limit_holds_for_every_form(tmp_path: Path) -> None:
    """A well-formed document is accepted exactly when it is at most MAX_DEPTH levels deep;
    beyond, the one error says so and names the file."""
    tried: list[object] = []
    examples = 600

    @fuzz(examples)
    @given(st.one_of(TOML_NEST.map(lambda f: ("toml", f)), JSON_NEST.map(lambda f: ("json", f))))
    def check(case: tuple[str, tuple[str, int]]) -> None:
        tried.append(case)
        fmt, (form, n) = case
        text, depth = toml_nest(form, n) if fmt == "toml" else json_nest(form, n)
        parse = files.parse_toml if fmt == "toml" else files.parse_json
        try:
            parse(text, "nest." + fmt)
        except ReadError as error:
            assert depth > MAX_DEPTH, (form, n, file_problems.message(error))
            assert error.kind == files.TOO_DEEP
            assert file_problems.message(error).startswith(f"nest.{fmt}: nested more than 32")
        else:
            assert depth <= MAX_DEPTH, (form, n)

    check()
    ran(tried, examples, "depth limit")


def test_the_parsers_raise_only_read_errors() -> None:
    tried: list[object] = []
    examples = 600
    seeds = (SETTINGS, POLICY, GOAL, SUMMARY)

    @fuzz(examples)
    @given(
        st.sampled_from([files.parse_toml, files.parse_json]),
        st.one_of(
            st.text(max_size=300),
            st.text(alphabet="[]{}\"'=#.,\n\\ ax1", max_size=400),
            mutated(*seeds).map(lambda b: b.decode("utf-8", "replace")),
            TOML_TEXT,
            JSON_TEXT,
        ),
    )
    def check(parse: Callable[..., object], text: str) -> None:
        tried.append(text)
        try:
            parse(text, "doc")
        except ReadError as error:
            assert file_problems.message(error).startswith("doc: ")

    check()
    ran(tried, examples, "parsers")


def _frames(payloads: list[bytes]) -> bytes:
    return b"".join(struct.pack("=I", len(p)) + p for p in payloads)


def test_native_messaging_frames_of_deep_or_mutated_json() -> None:
    tried: list[object] = []
    examples = 500
    hosts = [json.dumps({"host": "www.facebook.com"}).encode()]
    relays = [json.dumps({"host": "x.com", "pid": 42, "time": 1.5}).encode()]

    @fuzz(examples)
    @given(
        st.lists(
            st.one_of(
                JSON_TEXT.map(str.encode).filter(lambda b: len(b) <= 4096),
                mutated(*hosts, *relays),
                st.builds(lambda j: b'{"host": ' + j.encode()[:4000] + b"}", JSON_TEXT),
            ),
            min_size=1,
            max_size=4,
        ),
        st.integers(1, 97),
    )
    def check(payloads: list[bytes], chunk: int) -> None:
        tried.append(payloads)
        decoder, stream, frames = FrameDecoder(), _frames(payloads), []
        for i in range(0, len(stream), chunk):
            frames += decoder.feed(stream[i : i + chunk])
        decoder.finish()
        assert len(frames) + decoder.dropped == len(payloads)
        for frame in frames:
            for parse in (parse_host_message, parse_relay):
                with contextlib.suppress(ProtocolError):
                    parse(frame)

    check()
    ran(tried, examples, "native messaging")


@pytest.mark.parametrize("levels", [MAX_DEPTH, MAX_DEPTH + 1])
def test_the_boundary_through_each_reader(tmp_path: Path, levels: int) -> None:
    """The same boundary reached through each file reader, not only the parser."""
    path = tmp_path / "f"
    text = "[goals.sites]\n" + "x = " + "[" * (levels - 3) + "]" * (levels - 3) + "\n"
    path.write_text(text, encoding="utf-8")  # goals.sites.x: two tables and the array levels
    deep = [str(e) for e in load_config(path).errors if "nested more than" in str(e)]
    assert bool(deep) == (levels > MAX_DEPTH)
    deep = [str(e) for e in core.load_team(path)[1] if "nested more than" in str(e)]
    assert bool(deep) == (levels > MAX_DEPTH)
    path.write_text("[" * levels + "]" * levels, encoding="utf-8")
    problems = read_summary(path)[1]
    assert any("nested more than" in p for p in problems) == (levels > MAX_DEPTH)
