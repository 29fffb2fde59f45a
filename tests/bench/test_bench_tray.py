"""The tray's footprint on a real X server with a system tray: time to a visible icon, memory
after start with the tracker running, CPU over a minute of recording at the default interval.
Figures are printed; only the work itself is asserted."""

from __future__ import annotations

import time

import psutil
import pytest
from tray_session import ALL_DAY, TrayApp, trayer

from socialtime.recording.consent import NOTICE_VERSION
from socialtime.recording.store import Store


@pytest.mark.xserver
def test_tray_footprint(xserver, tmp_path):
    window = xserver.open_window("firefox", "(3) Facebook — Mozilla Firefox")
    window.activate()
    app = TrayApp(xserver, tmp_path, config=f"[work_hours]\n{ALL_DAY}\n")  # default 5 s interval
    store = Store.open(app.data)
    store.set_consent(NOTICE_VERSION, time.time())
    store.close()
    with trayer(xserver, tmp_path):
        try:
            seconds = app.start()
            process = psutil.Process(app.proc.pid)
            time.sleep(3)  # let start-up settle: the figure is the steady state after start
            rss = process.memory_info().rss
            uss = process.memory_full_info().uss
            before, start = process.cpu_times(), time.monotonic()
            deadline = start + 60
            while time.monotonic() < deadline:  # a minute of recording, input now and then
                xserver.move_mouse()
                time.sleep(5)
            after, wall = process.cpu_times(), time.monotonic() - start
            cpu = (after.user + after.system - before.user - before.system) / wall * 100
            modules = [m for m in ("matplotlib", "numpy") if _loaded(process, m)]
        finally:
            app.stop()
    window.close()
    print(f"\n[bench] tray icon visible {seconds * 1000:.0f} ms after start (target < 1.5 s)")
    print(f"[bench] tray memory after start, tracker running: RSS {rss / 2**20:.1f} MiB, "
          f"USS {uss / 2**20:.1f} MiB (target RSS <= 60 MB)")  # fmt: skip
    print(f"[bench] tray CPU over {wall:.0f} s of recording at 5 s: {cpu:.3f} % of one core "
          "(target < 0.2 %)")  # fmt: skip
    print(f"[bench] heavy modules loaded before any chart: {modules or 'none'}")
    store = Store.open(app.data)
    assert store.totals(0, time.time() + 1).sites.get("facebook.com", 0) > 30
    store.close()


def _loaded(process: psutil.Process, module: str) -> bool:
    """Whether the process has mapped a shared library of ``module`` (numpy's and
    matplotlib's compiled parts live in their package folders)."""
    return any(f"/{module}/" in m.path for m in process.memory_maps())
