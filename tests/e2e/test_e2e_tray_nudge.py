"""A nudge on a real X server with a system tray (trayer) and no notification daemon: it opens
next to the icon that trayer placed, not in a corner of the screen (issue 16). The program is
tests/support/tray_screenshots.py's Qt half, which also saves its pictures to test-artifacts/."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from helpers import ARTIFACTS, SUPPORT
from tray_session import trayer
from xserver import XServer

pytestmark = [pytest.mark.xserver, pytest.mark.slow]


def test_without_a_daemon_the_nudge_opens_next_to_the_tray_icon(
    xserver: XServer, tmp_path: Path
) -> None:
    out = ARTIFACTS / "tray-nudge"
    env = dict(xserver.env, QT_QPA_PLATFORM="xcb", TZ="Europe/Paris")
    env.pop("DBUS_SESSION_BUS_ADDRESS", None)
    with trayer(xserver, tmp_path):
        done = subprocess.run(
            [sys.executable, str(SUPPORT / "tray_screenshots.py"), "--child", "en", "--out",
             str(out)],
            env=env, capture_output=True, text=True, timeout=120,
        )  # fmt: skip
    assert done.returncode == 0, done.stderr
    boxes = {}
    for line in done.stdout.splitlines():
        if line.startswith("geometry "):
            _, what, *numbers = line.split()
            boxes[what] = tuple(int(n) for n in numbers)
    ix, iy, iw, ih = boxes["icon"]
    nx, ny, nw, nh = boxes["nudge"]
    sx, sy, sw, sh = boxes["screen"]
    assert iw >= 16 and ih >= 16  # trayer placed it (top right, as tray_session starts it)
    # Below the icon (trayer's panel is at the top), within a few pixels, over its column.
    assert 0 < ny - (iy + ih) <= 12
    assert nx <= ix + iw and nx + nw >= ix
    # Inside the screen and in none of its corners but the one the icon itself is in.
    assert sx <= nx and nx + nw <= sx + sw and sy <= ny and ny + nh <= sy + sh
    assert (nx, ny) != (sx, sy)
    assert (out / "nudge.png").stat().st_size > 0
