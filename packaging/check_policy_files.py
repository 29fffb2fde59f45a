"""Check the example organisation policies that the packages ship against socialtime's reader.

    .venv/bin/python packaging/check_policy_files.py [MSI_REGISTRY_EXPORT]

- packaging/debian/policy.toml (installed as /etc/socialtime/policy.toml) sets nothing as
  shipped, and its commented-out example, uncommented, is read without an error or an ignored
  key, at both levels;
- packaging/macos/socialtime.mobileconfig: its managed preferences are read the same way;
- the value names of the ADMX templates, and of the MSI's Registry rows under
  SOFTWARE\\Policies\\socialtime (an `msiinfo export MSI Registry` file, when given), are names
  that socialtime reads on Windows.
Uses socialtime.settings.policy (run it with the project's .venv). Exits 1 with every problem found.
"""

from __future__ import annotations

import plistlib
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

from socialtime.base.paths import BUNDLE_ID
from socialtime.settings import MANDATORY, RECOMMENDED, load_policy
from socialtime.settings.policy_sources import NATIVE_NAMES

HERE = Path(__file__).resolve().parent
ADMX_NS = "{http://schemas.microsoft.com/GroupPolicy/2006/07/PolicyDefinitions}"


def uncommented(text: str) -> str:
    """The example part of the shipped policy file, made active."""
    lines = text.splitlines()
    start = lines.index("# [mandatory]")
    out = []
    for line in lines[start:]:
        if line.startswith("# # ") or not line.startswith("#"):
            out.append(line[2:] if line.startswith("# # ") else line)
        else:
            out.append(line[2:] if line.startswith("# ") else "")
    return "\n".join(out) + "\n"


def problems_of(policy, what: str, expect_levels: bool = True) -> list[str]:
    found = [f"{what}: error: {e}" for e in policy.errors]
    found += [f"{what}: ignored: {i.key} ({i.reason})" for i in policy.ignored]
    if expect_levels:
        levels = {e.level for e in policy.entries}
        if levels != {MANDATORY, RECOMMENDED}:
            found.append(f"{what}: expected values at both levels, got {sorted(levels)}")
    return found


def main(argv: list[str]) -> int:
    problems: list[str] = []
    done: list[str] = []
    shipped = (HERE / "debian" / "policy.toml").read_text(encoding="utf-8")
    with tempfile.TemporaryDirectory() as tmp:
        etc = Path(tmp)
        (etc / "policy.toml").write_text(shipped, encoding="utf-8")
        policy = load_policy(platform="linux", etc_dir=etc)
        problems += problems_of(policy, "policy.toml as shipped", expect_levels=False)
        if policy.entries:
            problems.append("policy.toml as shipped sets values: it must set nothing")
        (etc / "policy.toml").write_text(uncommented(shipped), encoding="utf-8")
        policy = load_policy(platform="linux", etc_dir=etc)
        problems += problems_of(policy, "policy.toml example, uncommented")
        done.append(f"policy.toml: empty as shipped; its example sets {len(policy.entries)} values")

    profile = plistlib.loads((HERE / "macos" / "socialtime.mobileconfig").read_bytes())
    payload = profile["PayloadContent"][0]["PayloadContent"][BUNDLE_ID]
    settings = payload["Forced"][0]["mcx_preference_settings"]
    with tempfile.TemporaryDirectory() as tmp:
        managed = Path(tmp)
        (managed / f"{BUNDLE_ID}.plist").write_bytes(plistlib.dumps(settings))
        policy = load_policy(platform="darwin", managed_dir=managed, user="nobody")
        problems += problems_of(policy, "socialtime.mobileconfig")
        done.append(f"socialtime.mobileconfig: {len(policy.entries)} managed preferences read")

    known = {name.lower() for name in NATIVE_NAMES}
    admx = ET.parse(HERE / "windows" / "admx" / "socialtime.admx").getroot()
    names = {p.get("valueName") for p in admx.iter(f"{ADMX_NS}policy") if p.get("valueName")}
    names |= {e.get("valueName") for e in admx.iter(f"{ADMX_NS}text")}
    unknown = sorted(n for n in names if n.lower() not in known)
    missing = sorted(n for n in NATIVE_NAMES if n.lower() not in {x.lower() for x in names})
    problems += [f"ADMX value {n} is not read by socialtime" for n in unknown]
    problems += [f"ADMX has no policy for {n}" for n in missing]
    done.append(f"ADMX: its {len(names)} value names are the ones socialtime reads")

    if argv:
        rows = [line.split("\t") for line in Path(argv[0]).read_text().splitlines()[3:]]
        msi_names = {r[3] for r in rows if len(r) > 3 and r[2] == "SOFTWARE\\Policies\\socialtime"}
        problems += [
            f"MSI writes {n}, which socialtime does not read"
            for n in sorted(msi_names)
            if n.lower() not in known
        ]
        done.append(f"MSI: its {len(msi_names)} policy values are names socialtime reads")

    for line in done:
        print(f"   ok: {line}")
    for line in problems:
        print(f"   PROBLEM: {line}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
