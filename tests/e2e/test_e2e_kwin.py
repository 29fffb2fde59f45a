"""KDE Plasma on Wayland, against a real headless KWin run by a test user: idle time from
KWin's Wayland idle protocol (ext-idle-notify-v1 on KWin 5.27). The KWin script's window
tests belong here too."""

from __future__ import annotations

import json
from collections.abc import Iterator

import pytest
from desktop_user import DesktopUser, wait_for
from wayland_session import KWin

pytestmark = [pytest.mark.wayland, pytest.mark.slow]

WATCH = """\
import json, sys, time
from socialtime.probes import make_probe
probe = make_probe(idle_threshold=lambda: 2)
print(json.dumps({"probe": type(probe.inner).__name__}), flush=True)
end = time.monotonic() + float(sys.argv[1])
while time.monotonic() < end:
    print(json.dumps({"idle": probe.idle_seconds()}), flush=True)
    time.sleep(0.1)
probe.close()
"""


@pytest.fixture
def kwin(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KWin]:
    user = DesktopUser.create(tmp_path_factory.mktemp("kwin"))
    try:
        with KWin.start(user) as session:
            yield session
    finally:
        user.cleanup()


def test_kde_idle_time_comes_from_the_wayland_idle_protocol(kwin: KWin) -> None:
    user = kwin.user
    script = user.write("watch.py", WATCH)
    user.spawn([str(user.python), str(script), "30"], "watch.log", kwin.env)

    def values() -> list[dict]:
        lines = user.log("watch.log", tail=1 << 20).splitlines()
        return [json.loads(line) for line in lines if line.startswith("{")]

    wait_for(lambda: any(v.get("idle") is not None for v in values()), "an idle answer")
    assert values()[0] == {"probe": "KdeProbe"}
    # No input at all: not idle at first (a fresh notification), then idle for 2 s and more.
    first = next(v["idle"] for v in values() if v.get("idle") is not None)
    assert first == 0.0
    wait_for(lambda: any((v.get("idle") or 0) >= 2 for v in values()), "KWin to say idle")
    assert "Traceback" not in user.log("watch.log", tail=1 << 20)
    data = user.make_dir(user.home_dir / "doctor-data")
    config = user.write("kde.toml", "idle_seconds = 3\n")
    done = user.socialtime("--data-dir", str(data), "--config", str(config), "doctor", env=kwin.env)
    assert done.returncode == 0, done.stdout + done.stderr
    idle = next(line for line in done.stdout.splitlines() if "idle time" in line)
    assert idle.startswith("[ok]") and "Wayland ext-idle-notify-v1: told after 3 s" in idle
