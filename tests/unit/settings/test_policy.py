"""The organisation policy: where it is read on each platform (TOML files, a fake registry,
plists), what it may and may not set, and how it is merged with the user's own settings."""

from __future__ import annotations

import os
import plistlib
import sys
from pathlib import Path

import pytest
from helpers import write_policy

from socialtime.rules.work_hours import parse_ranges
from socialtime.settings import (
    ALLOWED_KEYS,
    MANDATORY,
    POLICY_ENV,
    RECOMMENDED,
    Config,
    CustomSite,
    Policy,
    PolicyEntry,
    describe,
    load_config,
    load_policy,
    parse_config,
    user_settings_for_save,
)

OFFICE = "09:00-12:30, 13:30-18:00"
CONSENT = "a policy cannot consent for the user"
RECORDING = "a policy cannot switch recording on"
COLLECT = "a policy cannot read or collect the data"


def by_key(policy: Policy) -> dict[tuple[str, str], object]:
    return {(e.key, e.level): e.value for e in policy.entries}


# --- TOML files ---------------------------------------------------------------------------------

FULL = """
[mandatory]
invite_at_login = true
[mandatory.work_hours]
mon = "09:00-12:30, 13:30-18:00"
sun = ""
[mandatory.sites]
disabled = ["linkedin.com"]
[[mandatory.sites.custom]]
id = "yammer.com"
name = "Viva Engage"
hosts = ["yammer.com"]
[mandatory.team]
goal_file = "/srv/team-goal.toml"
summaries_allowed = false
[recommended.work_hours]
fri = "9:00-16:00"
[recommended.sites]
disabled = ["youtube.com", "youtube.com"]
"""


def test_no_policy_at_all(tmp_path: Path) -> None:
    policy = load_policy(platform="linux", environ={}, etc_dir=tmp_path / "none")
    assert policy == Policy() and policy.is_empty()
    assert policy.team_goal_file is None
    assert policy.summaries_allowed is True and policy.invite_at_login is False
    assert policy.locked() == frozenset() and policy.entry("sites.disabled") is None
    assert describe(policy) == ["No organisation policy."]


def test_every_key_of_a_full_file(tmp_path: Path) -> None:
    policy = write_policy(tmp_path, FULL)
    source = str(tmp_path / "policy.toml")
    assert policy.sources == (source,) and not policy.errors and not policy.ignored
    yammer = CustomSite("yammer.com", "Viva Engage", ("yammer.com",), (), ())
    assert by_key(policy) == {
        ("work_hours.mon", MANDATORY): OFFICE,
        ("work_hours.sun", MANDATORY): "",
        ("work_hours.fri", RECOMMENDED): "09:00-16:00",  # as format_ranges writes it
        ("sites.disabled", MANDATORY): ("linkedin.com",),
        ("sites.disabled", RECOMMENDED): ("youtube.com",),
        ("sites.custom", MANDATORY): (yammer,),
        ("team.goal_file", MANDATORY): "/srv/team-goal.toml",
        ("team.summaries_allowed", MANDATORY): False,
        ("invite_at_login", MANDATORY): True,
    }
    # In display order, the mandatory entry of a key before its recommended one.
    order = [(e.key, e.level) for e in policy.entries]
    assert order == sorted(order, key=lambda kl: (ALLOWED_KEYS.index(kl[0]), kl[1] != MANDATORY))
    assert all(e.source == source for e in policy.entries)
    assert policy.team_goal_file == Path("/srv/team-goal.toml")
    assert policy.summaries_allowed is False and policy.invite_at_login is True
    assert policy.locked() == {
        "work_hours.mon", "work_hours.sun", "sites.disabled", "sites.custom",
        "team.goal_file", "team.summaries_allowed", "invite_at_login",
    }  # fmt: skip
    assert policy.entry("sites.disabled") == PolicyEntry(
        "sites.disabled", ("linkedin.com",), MANDATORY, source
    )


def test_policy_d_files_are_read_in_name_order_and_override_key_by_key(tmp_path: Path) -> None:
    (tmp_path / "policy.d").mkdir()
    (tmp_path / "policy.d" / "20-b.toml").write_text(
        '[mandatory.work_hours]\nmon = "10:00-11:00"\n', encoding="utf-8"
    )
    (tmp_path / "policy.d" / "10-a.toml").write_text(
        '[mandatory.work_hours]\nmon = "08:00-09:00"\ntue = "08:00-09:00"\n', encoding="utf-8"
    )
    (tmp_path / "policy.d" / "README").write_text("not a policy", encoding="utf-8")
    policy = write_policy(tmp_path, "[mandatory]\ninvite_at_login = false\n")
    assert policy.sources == tuple(
        str(tmp_path / name) for name in ("policy.toml", "policy.d/10-a.toml", "policy.d/20-b.toml")
    )
    assert by_key(policy)["work_hours.mon", MANDATORY] == "10:00-11:00"
    assert by_key(policy)["work_hours.tue", MANDATORY] == "08:00-09:00"
    assert policy.entry("work_hours.mon").source.endswith("20-b.toml")


def test_the_environment_variable_replaces_etc(tmp_path: Path) -> None:
    (tmp_path / "policy.toml").write_text("[mandatory]\ninvite_at_login = true\n", "utf-8")
    policy = load_policy(platform="linux", environ={POLICY_ENV: str(tmp_path)})
    assert policy.invite_at_login and policy.sources == (str(tmp_path / "policy.toml"),)


def test_tests_never_read_the_real_etc() -> None:
    assert os.environ.get(POLICY_ENV), "tests/conftest.py sets an empty policy folder"
    assert load_policy(platform="linux").is_empty()


@pytest.mark.parametrize(
    ("text", "key", "reason"),
    [
        ("[mandatory]\nconsent = true", "consent", CONSENT),
        ("[mandatory]\naccept_notice = true", "accept_notice", CONSENT),
        ("[recommended]\nconsent_given = true", "consent_given", CONSENT),
        ("[mandatory]\nrecording = true", "recording", RECORDING),
        ("[mandatory]\nrecord = true", "record", RECORDING),
        ("[mandatory]\nenabled = true", "enabled", RECORDING),
        ("[mandatory]\ntrack = true", "track", RECORDING),
        ("[mandatory]\nstart_recording = true", "start_recording", RECORDING),
        ('[mandatory]\nexport = "/srv/x"', "export", COLLECT),
        ('[mandatory.team]\nupload_url = "https://hr.example"', "team.upload_url", COLLECT),
        ('[mandatory]\nserver = "hr.example"', "server", COLLECT),
        ("[mandatory]\ncollect_reports = true", "collect_reports", COLLECT),
        ('[mandatory]\nsend_to = "hr"', "send_to", COLLECT),
    ],
)
def test_what_a_policy_may_never_set_is_ignored_with_its_rule(
    tmp_path: Path, text: str, key: str, reason: str
) -> None:
    policy = write_policy(tmp_path, text)
    assert policy.entries == () and policy.errors == ()
    [ignored] = policy.ignored
    assert (ignored.key, ignored.reason, ignored.source) == (
        key,
        reason,
        str(tmp_path / "policy.toml"),
    )
    assert any(reason in line and key in line for line in describe(policy))


def test_consent_and_recording_in_a_policy_change_nothing(tmp_path: Path) -> None:
    policy = write_policy(tmp_path, "consent = true\n[mandatory]\nrecording = true\n")
    assert [(i.key, i.level, i.reason) for i in policy.ignored] == [
        ("consent", "", CONSENT),
        ("recording", MANDATORY, RECORDING),
    ]
    loaded = load_config(tmp_path / "none.toml", policy=policy)
    assert loaded.config == Config() and loaded.user == Config()


def test_other_keys_are_not_organisation_settings(tmp_path: Path) -> None:
    policy = write_policy(
        tmp_path,
        "[mandatory]\nidle_seconds = 60\nwork_hours = 3\n[mandatory.work_hours]\n",
    )
    # (TOML refuses a key defined twice: the second table is never reached.)
    assert policy.errors and policy.entries == ()
    policy = write_policy(
        tmp_path, '[mandatory]\nidle_seconds = 60\n[recommended.work_hours]\nmonday = ""\n'
    )
    reasons = {i.key: i.reason for i in policy.ignored}
    assert set(reasons) == {"idle_seconds", "work_hours.monday"}
    assert all(r.startswith("not an organisation setting") for r in reasons.values())
    assert "work_hours.mon … work_hours.sun, sites.disabled" in reasons["idle_seconds"]


def test_a_key_outside_both_levels_says_where_it_belongs(tmp_path: Path) -> None:
    policy = write_policy(tmp_path, 'invite_at_login = true\n[work_hours]\nmon = ""\n')
    assert policy.entries == ()
    assert [(i.key, i.level) for i in policy.ignored] == [
        ("invite_at_login", ""),
        ("work_hours", ""),
    ]
    assert all("[mandatory]" in i.reason for i in policy.ignored)


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ('[mandatory.work_hours]\nmon = "9-5"', "mandatory.work_hours.mon"),
        ("[mandatory.work_hours]\nmon = 9", "mandatory.work_hours.mon"),
        ('[mandatory.work_hours]\ntue = "12:00-13:00, 12:30-14:00"', "mandatory.work_hours.tue"),
        ('[mandatory.sites]\ndisabled = ["LinkedIn"]', "mandatory.sites.disabled[0]"),
        ('[mandatory.sites]\ndisabled = "linkedin.com"', "mandatory.sites.disabled"),
        ("[[mandatory.sites.custom]]\nname = \"x\"", "mandatory.sites.custom[0].id"),
        ('[[mandatory.sites.custom]]\nid = "a.b"\n[[mandatory.sites.custom]]\nid = "a.b"',
         "mandatory.sites.custom[1]"),
        ("[mandatory.team]\ngoal_file = 3", "mandatory.team.goal_file"),
        ('[mandatory.team]\ngoal_file = ""', "mandatory.team.goal_file"),
        ('[mandatory.team]\nsummaries_allowed = "no"', "mandatory.team.summaries_allowed"),
        ("[mandatory]\ninvite_at_login = 1", "mandatory.invite_at_login"),
        ("[mandatory]\nteam = 1", "mandatory.team"),
        ("mandatory = 1", "mandatory"),
    ],
)  # fmt: skip
def test_a_bad_value_is_an_error_naming_file_and_key_and_is_left_out(
    tmp_path: Path, text: str, key: str
) -> None:
    policy = write_policy(tmp_path, text + '\n[recommended.work_hours]\nsat = "10:00-11:00"\n')
    assert [e.key for e in policy.errors] == [key]
    error = policy.errors[0]
    assert error.file == str(tmp_path / "policy.toml") and error.expected
    assert by_key(policy) == {("work_hours.sat", RECOMMENDED): "10:00-11:00"}  # the rest stays
    assert any(str(error) in line for line in describe(policy))


@pytest.mark.parametrize(
    ("content", "says"),
    [
        (b"[mandatory\ninvite_at_login = true", "not valid TOML"),
        (b"\xff\xfe[mandatory]", "not a UTF-8 text file"),
    ],
)
def test_a_malformed_file_is_one_error_and_is_ignored(
    tmp_path: Path, content: bytes, says: str
) -> None:
    (tmp_path / "policy.d").mkdir()
    (tmp_path / "policy.d" / "10-bad.toml").write_bytes(content)
    policy = write_policy(tmp_path, "[mandatory]\ninvite_at_login = true\n")
    [error] = policy.errors
    assert error.file == str(tmp_path / "policy.d" / "10-bad.toml") and says in str(error)
    assert policy.invite_at_login  # the good file still counts


def test_unreadable_files_and_folders_never_raise(tmp_path: Path) -> None:
    (tmp_path / "policy.toml").mkdir()  # a folder where a file is expected
    (tmp_path / "policy.d").write_text("a file where a folder is expected", encoding="utf-8")
    policy = load_policy(platform="linux", environ={}, etc_dir=tmp_path)
    [error] = policy.errors
    assert "cannot read the file" in str(error) and policy.entries == ()
    assert policy.sources == ()


def test_a_bom_is_tolerated(tmp_path: Path) -> None:
    (tmp_path / "policy.toml").write_bytes("\ufeff[mandatory]\ninvite_at_login = true\n".encode())
    assert load_policy(platform="linux", environ={}, etc_dir=tmp_path).invite_at_login


def test_a_custom_site_the_catalogue_would_refuse_is_left_out(tmp_path: Path) -> None:
    policy = write_policy(
        tmp_path, '[[mandatory.sites.custom]]\nid = "a.example"\ntitles = ["(unclosed"]\n'
    )
    assert policy.entries == () and [e.key for e in policy.errors] == [
        "mandatory.sites.custom[0].titles[0]"
    ]


# --- Windows registry, with a fake winreg -------------------------------------------------------

BASE = r"SOFTWARE\Policies\socialtime"


class FakeKey:
    def __init__(self, values: list[tuple[str, object, int]]) -> None:
        self.values = values

    def __enter__(self) -> FakeKey:
        return self

    def __exit__(self, *exc: object) -> None:
        pass


class FakeWinreg:
    """Keys as {(hive, path): [(name, data, type)]}, read with OpenKey and EnumValue."""

    HKEY_CURRENT_USER, HKEY_LOCAL_MACHINE = "HKCU", "HKLM"
    REG_SZ, REG_EXPAND_SZ, REG_DWORD, REG_MULTI_SZ = 1, 2, 4, 7

    def __init__(self) -> None:
        self.keys: dict[tuple[str, str], list[tuple[str, object, int]]] = {}
        self.denied: set[tuple[str, str]] = set()

    def set(self, hive: str, path: str, name: str, data: object, kind: int) -> None:
        self.keys.setdefault((hive, path), []).append((name, data, kind))

    def OpenKey(self, root: str, path: str, reserved: int = 0, access: int = 0) -> FakeKey:
        if (root, path) in self.denied:
            raise PermissionError(5, "Access is denied")
        if (root, path) not in self.keys:
            raise FileNotFoundError(2, "The system cannot find the file specified")
        return FakeKey(self.keys[root, path])

    def EnumValue(self, key: FakeKey, index: int) -> tuple[str, object, int]:
        if index >= len(key.values):
            raise OSError(259, "No more data is available")
        return key.values[index]

    def ExpandEnvironmentStrings(self, text: str) -> str:
        return text.replace("%PUBLIC%", "C:\\Users\\Public")


def registry_policy(reg: FakeWinreg) -> Policy:
    return load_policy(platform="win32", environ={}, winreg=reg)


def test_registry_values_of_every_kind() -> None:
    reg = FakeWinreg()
    reg.set("HKLM", BASE, "WorkHoursMon", OFFICE, reg.REG_SZ)
    reg.set("HKLM", BASE, "disabledsites", "LinkedIn.com, x.com,", reg.REG_SZ)
    reg.set("HKLM", BASE, "CustomSites", ["yammer.com", "teams.example.org"], reg.REG_MULTI_SZ)
    reg.set("HKLM", BASE, "TeamGoalFile", "%PUBLIC%\\team.toml", reg.REG_EXPAND_SZ)
    reg.set("HKLM", BASE, "TeamSummariesAllowed", 0, reg.REG_DWORD)
    reg.set("HKLM", BASE, "InviteAtLogin", 1, reg.REG_DWORD)
    reg.set("HKLM", BASE + r"\Recommended", "WorkHoursFri", "09:00-16:00", reg.REG_SZ)
    reg.set("HKLM", BASE + r"\Recommended", "DisabledSites", ["youtube.com"], reg.REG_MULTI_SZ)
    policy = registry_policy(reg)
    assert not policy.errors and not policy.ignored
    hklm = "HKLM\\" + BASE
    assert policy.sources == (hklm, hklm + "\\Recommended")
    values = by_key(policy)
    assert values["work_hours.mon", MANDATORY] == OFFICE
    assert values["sites.disabled", MANDATORY] == ("linkedin.com", "x.com")
    assert values["sites.custom", MANDATORY] == (
        CustomSite("yammer.com", "yammer.com", ("yammer.com",), (), ()),
        CustomSite("teams.example.org", "teams.example.org", ("teams.example.org",), (), ()),
    )
    assert values["team.goal_file", MANDATORY] == "C:\\Users\\Public\\team.toml"
    assert policy.summaries_allowed is False and policy.invite_at_login is True
    assert values["work_hours.fri", RECOMMENDED] == "09:00-16:00"
    assert values["sites.disabled", RECOMMENDED] == ("youtube.com",)
    assert policy.entry("work_hours.fri").source == hklm + "\\Recommended"


def test_registry_hklm_beats_hkcu_at_the_same_level() -> None:
    reg = FakeWinreg()
    reg.set("HKCU", BASE, "WorkHoursMon", "08:00-09:00", reg.REG_SZ)
    reg.set("HKCU", BASE, "WorkHoursTue", "08:00-09:00", reg.REG_SZ)
    reg.set("HKLM", BASE, "WorkHoursMon", "10:00-11:00", reg.REG_SZ)
    reg.set("HKCU", BASE + r"\Recommended", "InviteAtLogin", 1, reg.REG_DWORD)
    policy = registry_policy(reg)
    values = by_key(policy)
    assert values["work_hours.mon", MANDATORY] == "10:00-11:00"
    assert policy.entry("work_hours.mon").source == "HKLM\\" + BASE
    assert values["work_hours.tue", MANDATORY] == "08:00-09:00"  # key by key
    assert values["invite_at_login", RECOMMENDED] is True
    assert policy.sources == ("HKCU\\" + BASE, "HKCU\\" + BASE + "\\Recommended", "HKLM\\" + BASE)


def test_registry_wrong_types_forbidden_names_and_unreadable_keys() -> None:
    reg = FakeWinreg()
    reg.set("HKLM", BASE, "InviteAtLogin", "1", reg.REG_SZ)
    reg.set("HKLM", BASE, "TeamSummariesAllowed", 2, reg.REG_DWORD)
    reg.set("HKLM", BASE, "WorkHoursWed", "9 to 5", reg.REG_SZ)
    reg.set("HKLM", BASE, "DisabledSites", 3, reg.REG_DWORD)
    reg.set("HKLM", BASE, "ConsentGiven", 1, reg.REG_DWORD)
    reg.set("HKLM", BASE, "EnableRecording", 1, reg.REG_DWORD)
    reg.set("HKLM", BASE, "UploadServer", "https://hr.example", reg.REG_SZ)
    reg.set("HKLM", BASE, "IdleSeconds", 60, reg.REG_DWORD)
    reg.set("HKLM", BASE, "WorkHoursThu", OFFICE, reg.REG_SZ)
    reg.keys["HKCU", BASE] = []
    reg.denied.add(("HKCU", BASE))
    policy = registry_policy(reg)
    assert by_key(policy) == {("work_hours.thu", MANDATORY): OFFICE}
    assert [e.key for e in policy.errors] == [
        "", "InviteAtLogin", "TeamSummariesAllowed", "WorkHoursWed", "DisabledSites",
    ]  # fmt: skip
    assert "Access is denied" in str(policy.errors[0])
    assert "REG_DWORD" in policy.errors[1].expected
    assert {i.key: i.reason for i in policy.ignored} == {
        "ConsentGiven": CONSENT,
        "EnableRecording": RECORDING,
        "UploadServer": COLLECT,
        "IdleSeconds": policy.ignored[3].reason,
    }
    assert "WorkHoursMon … WorkHoursSun, DisabledSites" in policy.ignored[3].reason


def test_no_registry_key_is_no_policy() -> None:
    assert registry_policy(FakeWinreg()) == Policy()


@pytest.mark.skipif(sys.platform == "win32", reason="Windows has a winreg module")
def test_winreg_is_imported_only_on_windows() -> None:
    # There is no winreg on Linux: asking for the Windows policy says so instead of raising.
    policy = load_policy(platform="win32", environ={})
    assert policy.entries == () and len(policy.errors) == 1


# --- macOS managed preferences -------------------------------------------------------------------

BUNDLE = "org.socialtime.socialtime.plist"


def write_plist(path: Path, data: object) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(plistlib.dumps(data))


def plist_policy(managed: Path, user: str | None = "ada") -> Policy:
    return load_policy(platform="darwin", environ={}, managed_dir=managed, user=user)


def test_plist_levels_and_the_user_file_after_the_computers(tmp_path: Path) -> None:
    write_plist(
        tmp_path / BUNDLE,
        {
            "WorkHoursMon": OFFICE,
            "DisabledSites": ["linkedin.com"],
            "CustomSites": "yammer.com",
            "InviteAtLogin": True,
            "Recommended": {"WorkHoursFri": "09:00-16:00", "TeamSummariesAllowed": False},
        },
    )
    write_plist(tmp_path / "ada" / BUNDLE, {"WorkHoursMon": "10:00-11:00"})
    write_plist(tmp_path / "bob" / BUNDLE, {"WorkHoursMon": "12:00-13:00"})
    policy = plist_policy(tmp_path)
    assert not policy.errors and not policy.ignored
    assert policy.sources == (str(tmp_path / BUNDLE), str(tmp_path / "ada" / BUNDLE))
    values = by_key(policy)
    assert values["work_hours.mon", MANDATORY] == "10:00-11:00"
    assert values["sites.disabled", MANDATORY] == ("linkedin.com",)
    assert values["sites.custom", MANDATORY] == (
        CustomSite("yammer.com", "yammer.com", ("yammer.com",), (), ()),
    )
    assert values["invite_at_login", MANDATORY] is True
    assert values["work_hours.fri", RECOMMENDED] == "09:00-16:00"
    assert values["team.summaries_allowed", RECOMMENDED] is False
    assert policy.locked() == {
        "work_hours.mon",
        "sites.disabled",
        "sites.custom",
        "invite_at_login",
    }


def test_plist_problems(tmp_path: Path) -> None:
    (tmp_path / BUNDLE).write_bytes(b"not a plist")
    write_plist(
        tmp_path / "ada" / BUNDLE,
        {"InviteAtLogin": 1, "AcceptNotice": True, "Recommended": {"RecordAlways": True}},
    )
    policy = plist_policy(tmp_path)
    assert [e.key for e in policy.errors] == ["", "InviteAtLogin"]
    assert "not a property list" in str(policy.errors[0])
    assert [(i.key, i.level, i.reason) for i in policy.ignored] == [
        ("AcceptNotice", MANDATORY, CONSENT),
        ("RecordAlways", RECOMMENDED, RECORDING),
    ]
    write_plist(tmp_path / BUNDLE, ["a", "list"])
    write_plist(tmp_path / "ada" / BUNDLE, {"Recommended": "nope"})
    assert len(plist_policy(tmp_path).errors) == 2


def test_plist_user_name_from_the_environment(tmp_path: Path) -> None:
    write_plist(tmp_path / "ada" / BUNDLE, {"InviteAtLogin": True})
    policy = load_policy(platform="darwin", environ={"USER": "ada"}, managed_dir=tmp_path)
    assert policy.invite_at_login


# --- merging with the user's settings -----------------------------------------------------------


def merged(tmp_path: Path, user: str, policy: str):
    config = tmp_path / "config.toml"
    config.write_text(user, encoding="utf-8")
    return load_config(config, policy=write_policy(tmp_path / "etc", policy))


def day(loaded, i: int):
    return loaded.config.work_hours.days[i]


def test_mandatory_beats_the_user(tmp_path: Path) -> None:
    loaded = merged(
        tmp_path,
        '[work_hours]\nmon = "08:00-20:00"\ntue = "08:00-20:00"\n[sites]\ndisabled = ["x.com"]\n',
        '[mandatory.work_hours]\nmon = "09:00-17:00"\n'
        '[mandatory.sites]\ndisabled = ["tiktok.com"]\n',
    )
    assert day(loaded, 0) == parse_ranges("09:00-17:00")
    assert day(loaded, 1) == parse_ranges("08:00-20:00")  # the user's own
    assert loaded.config.disabled_sites == {"x.com", "tiktok.com"}  # always disabled: a union
    assert loaded.user.work_hours.days[0] == parse_ranges("08:00-20:00")  # kept apart
    assert loaded.user.disabled_sites == {"x.com"}
    assert loaded.policy.locked() == {"work_hours.mon", "sites.disabled"}


def test_recommended_loses_to_the_user(tmp_path: Path) -> None:
    loaded = merged(
        tmp_path,
        '[work_hours]\nmon = "08:00-20:00"\n[sites]\ndisabled = []\n',
        '[recommended.work_hours]\nmon = "09:00-17:00"\ntue = "10:00-12:00"\n'
        '[recommended.sites]\ndisabled = ["youtube.com"]\n',
    )
    assert day(loaded, 0) == parse_ranges("08:00-20:00")
    # The user left Tuesday out of their [work_hours]: it falls to the recommended value.
    assert day(loaded, 1) == parse_ranges("10:00-12:00")
    assert day(loaded, 2) == ()  # their table has no wed and no policy sets it: a day off
    assert loaded.config.disabled_sites == frozenset()  # the user's file has sites.disabled


def test_recommended_beats_the_default(tmp_path: Path) -> None:
    loaded = merged(
        tmp_path,
        "idle_seconds = 60\n",
        '[recommended.work_hours]\nfri = "09:00-12:00"\nsat = "10:00-11:00"\n'
        '[recommended.sites]\ndisabled = ["youtube.com"]\n',
    )
    defaults = Config().work_hours.days
    assert day(loaded, 0) == defaults[0]
    assert day(loaded, 4) == parse_ranges("09:00-12:00")
    assert day(loaded, 5) == parse_ranges("10:00-11:00")
    assert loaded.config.disabled_sites == {"youtube.com"}
    assert loaded.config.idle_seconds == 60 and loaded.user.work_hours.days == defaults


def test_custom_sites_are_added_and_a_mandatory_id_wins(tmp_path: Path) -> None:
    loaded = merged(
        tmp_path,
        '[sites]\ndisabled = ["yammer.com"]\n'
        '[[sites.custom]]\nid = "yammer.com"\nname = "Mine"\n'
        '[[sites.custom]]\nid = "intra.example"\nname = "Mine too"\n'
        '[[sites.custom]]\nid = "forum.example"\nname = "Mine three"\n',
        '[[mandatory.sites.custom]]\nid = "yammer.com"\nname = "Viva Engage"\n'
        '[[recommended.sites.custom]]\nid = "intra.example"\nname = "Intranet"\n'
        '[[recommended.sites.custom]]\nid = "news.example"\nname = "News"\n',
    )
    names = {s.id: s.name for s in loaded.config.custom_sites}
    assert names == {
        "yammer.com": "Viva Engage",  # mandatory: the organisation's
        "intra.example": "Mine too",  # recommended: the user's own wins
        "forum.example": "Mine three",
        "news.example": "News",
    }
    assert [s.id for s in loaded.config.custom_sites][:3] == [
        "yammer.com", "intra.example", "forum.example",
    ]  # fmt: skip
    assert "yammer.com" not in loaded.config.disabled_sites  # a site IT adds is counted


def test_a_broken_user_file_still_gets_the_policy(tmp_path: Path) -> None:
    loaded = merged(
        tmp_path, "idle_seconds = -1\n", '[recommended.work_hours]\nsun = "10:00-11:00"\n'
    )
    assert not loaded.ok and day(loaded, 6) == parse_ranges("10:00-11:00")
    assert loaded.user == Config()


def test_without_a_policy_nothing_changes(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[work_hours]\nmon = "08:00-09:00"\n', encoding="utf-8")
    plain = load_config(config)
    assert plain.config == plain.user and plain.policy == Policy()
    assert plain.user_keys == {"work_hours.mon"}
    assert load_config(config, policy=Policy()).config == plain.config


def test_settings_save_keeps_the_policy_out_of_the_users_file(tmp_path: Path) -> None:
    loaded = merged(
        tmp_path,
        '[work_hours]\nmon = "08:00-20:00"\n[sites]\ndisabled = ["x.com", "tiktok.com"]\n'
        '[[sites.custom]]\nid = "yammer.com"\nname = "Mine"\n',
        '[mandatory.work_hours]\nmon = "09:00-17:00"\n'
        '[mandatory.sites]\ndisabled = ["tiktok.com", "linkedin.com"]\n'
        '[[mandatory.sites.custom]]\nid = "yammer.com"\nname = "Viva Engage"\n'
        '[[mandatory.sites.custom]]\nid = "teams.example"\n'
        '[[recommended.sites.custom]]\nid = "news.example"\n'
        '[recommended.work_hours]\ntue = "10:00-11:00"\n',
    )
    shown = loaded.config
    hours = shown.work_hours
    edited_days = (hours.days[0], parse_ranges("07:00-08:00"), *hours.days[2:])
    edited = Config(
        idle_seconds=42,
        work_hours=type(hours)(edited_days, hours.days_off, hours.tz),
        disabled_sites=shown.disabled_sites | {"reddit.com"},
        custom_sites=(*shown.custom_sites, CustomSite("mine.example", "Mine", (), (), ())),
    )
    saved = user_settings_for_save(edited, loaded)
    assert saved.idle_seconds == 42
    assert saved.work_hours.days[0] == parse_ranges("08:00-20:00")  # locked: the user's own
    assert saved.work_hours.days[1] == parse_ranges("07:00-08:00")  # not locked: as edited
    assert saved.disabled_sites == {"x.com", "tiktok.com", "reddit.com"}  # not linkedin.com
    assert [(s.id, s.name) for s in saved.custom_sites] == [
        ("yammer.com", "Mine"),
        ("mine.example", "Mine"),
    ]
    # Read back with the policy, the user's file gives the same settings in force.
    config = tmp_path / "again.toml"
    from socialtime.settings import save_config

    save_config(saved, config)
    again = load_config(config, policy=loaded.policy)
    assert again.config.work_hours.days[0] == parse_ranges("09:00-17:00")
    assert again.config.disabled_sites == saved.disabled_sites | {"linkedin.com"}


def test_describe_lists_sources_values_ignored_and_errors(tmp_path: Path) -> None:
    policy = write_policy(
        tmp_path,
        FULL + "\n[recommended]\nconsent = true\n[recommended.team]\ngoal_file = 1\n",
    )
    text = "\n".join(describe(policy))
    source = str(tmp_path / "policy.toml")
    assert f"Read: {source}" in text
    assert f'work_hours.mon = "{OFFICE}" (mandatory, {source})' in text
    assert f"sites.disabled = linkedin.com (mandatory, {source})" in text
    assert f"sites.custom = yammer.com (Viva Engage) (mandatory, {source})" in text
    assert f"team.summaries_allowed = false (mandatory, {source})" in text
    assert f'work_hours.fri = "09:00-16:00" (recommended, {source})' in text
    assert f"Ignored: consent = true (recommended, {source}): {CONSENT}" in text
    assert "recommended.team.goal_file" in text


def test_parse_config_is_untouched_by_policies() -> None:
    config, errors = parse_config({"idle_seconds": 60}, "x")
    assert not errors and config.idle_seconds == 60


def test_an_unexpected_failure_is_reported_never_raised() -> None:
    class Broken(FakeWinreg):
        def OpenKey(self, *args: object) -> FakeKey:
            raise RuntimeError("registry on fire")

    policy = registry_policy(Broken())
    assert policy.entries == () and "registry on fire" in str(policy.errors[0])
