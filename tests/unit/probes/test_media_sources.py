"""The desktop's media sources (socialtime.probes.media, .mpris, .pulse): "does the window in
front play?", answered from MPRIS players on a private session bus (a fake player of this
process, so the bus daemon itself says whose it is), from a real PulseAudio server with a null
sink and paplay, and from a fake pactl for what a real server cannot easily be made to do.
Every wait polls a condition with a deadline."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from dbusbus import FakeService, PrivateBus
from fakes import FakeClock, FakeProbe
from soundserver import SoundServer, tone
from xserver import wait_for

from socialtime.probes.base import Foreground
from socialtime.probes.media import PLAYING_MEDIA, DesktopMedia, make_media
from socialtime.probes.mpris import PATH, PLAYER, PROPERTIES, MprisWatcher
from socialtime.probes.pulse import (
    PulseWatcher,
    family,
    parent_pid,
    playing_streams,
    server_socket,
)
from socialtime.recording.consent import NOTICE_VERSION
from socialtime.recording.store import Store
from socialtime.recording.tracker import State, Tracker
from socialtime.rules.sites import load_catalogue
from socialtime.rules.work_hours import WorkHours
from socialtime.settings import Config

ME = os.getpid()  # the fake player's process, as the bus daemon tells it
ALL_DAYS = WorkHours.from_strings(
    {d: "00:00-24:00" for d in ("mon", "tue", "wed", "thu", "fri", "sat", "sun")}
)


def front(pid: int | None = ME) -> Foreground:
    return Foreground("fakeplayer", "A video", pid)


# --- MPRIS ---------------------------------------------------------------------------------------


@pytest.fixture
def bus() -> Iterator[PrivateBus]:
    with PrivateBus.start() as bus:
        yield bus


class Player:
    """A fake MPRIS player of this process on ``bus``: it answers PlaybackStatus and says when
    it changes, as real players do."""

    def __init__(self, bus: PrivateBus, status: str = "Playing", name: str = "fake") -> None:
        self.status = status
        get = (PATH, PROPERTIES, "Get")
        self.service = FakeService(bus.address, f"org.mpris.MediaPlayer2.{name}", {get: self._get})

    def _get(self, body: tuple) -> tuple[str, tuple]:
        assert body == (PLAYER, "PlaybackStatus"), body
        return "v", (("s", self.status),)

    def set(self, status: str) -> None:
        self.status = status
        changed = {"PlaybackStatus": ("s", status)}
        self.service.emit(PATH, PROPERTIES, "PropertiesChanged", "sa{sv}as", (PLAYER, changed, []))

    def close(self) -> None:
        self.service.close()


@pytest.fixture
def mpris(bus: PrivateBus) -> Iterator[MprisWatcher]:
    watcher = MprisWatcher(bus.address, retry_after=0.2)
    watcher.start()
    yield watcher
    watcher.close()


def pids_are(watcher: MprisWatcher | PulseWatcher, expected: frozenset[int] | None) -> None:
    wait_for(lambda: watcher.playing_pids() == expected, f"the players to be {expected}", 10)


def test_a_player_of_the_process_in_front_that_plays(bus, mpris):
    assert mpris.wait_ready(10)
    assert mpris.playing_pids() == frozenset()  # connected, nobody plays
    media = DesktopMedia([mpris])
    assert media.playing(front(), 0.0) is False
    player = Player(bus, "Playing")
    try:
        pids_are(mpris, frozenset({ME}))
        assert media.playing(front(), 0.0) is True
        assert media.playing(front(ME + 1), 0.0) is False  # another process's window
        assert media.playing(front(None), 0.0) is None  # a window of unknown process
        player.set("Paused")
        pids_are(mpris, frozenset())
        player.set("Playing")
        pids_are(mpris, frozenset({ME}))
        player.set("Stopped")
        pids_are(mpris, frozenset())
        player.set("Playing")
        pids_are(mpris, frozenset({ME}))
    finally:
        player.close()
    pids_are(mpris, frozenset())  # the player quit: its name went away


def test_players_already_there_are_read_at_start(bus):
    playing, paused = Player(bus, "Playing", "one"), Player(bus, "Paused", "two")
    watcher = MprisWatcher(bus.address)
    try:
        watcher.start()
        assert watcher.wait_ready(10)
        assert watcher.playing_pids() == frozenset({ME})
        assert watcher.describe() == (True, "2 media players on the session bus")
        playing.set("Paused")
        pids_are(watcher, frozenset())
        paused.set("Playing")
        pids_are(watcher, frozenset({ME}))
    finally:
        watcher.close()
        playing.close()
        paused.close()
    assert watcher.playing_pids() is None  # closed: cannot tell


def test_a_status_said_by_another_connection_is_not_believed(bus, mpris):
    player = Player(bus, "Paused")
    liar = FakeService(bus.address, "org.example.Liar", {})
    try:
        wait_for(lambda: mpris.describe()[1].startswith("1 media player"), "the player", 10)
        changed = {"PlaybackStatus": ("s", "Playing")}
        liar.emit(PATH, PROPERTIES, "PropertiesChanged", "sa{sv}as", (PLAYER, changed, []))
        other = Player(bus, "Paused", "other")  # heard after the liar's signal
        try:
            wait_for(lambda: mpris.describe()[1].startswith("2 media players"), "another", 10)
            assert mpris.playing_pids() == frozenset()
        finally:
            other.close()
    finally:
        liar.close()
        player.close()


def test_no_session_bus_is_cannot_tell(tmp_path):
    watcher = MprisWatcher(f"unix:path={tmp_path}/no-bus", retry_after=60)
    watcher.start()
    try:
        assert watcher.wait_ready(10)
        assert watcher.playing_pids() is None
        works, detail = watcher.describe()
        assert not works and "cannot connect" in detail
        assert DesktopMedia([watcher]).playing(front(), 0.0) is None
    finally:
        watcher.close()


def test_a_lost_bus_is_cannot_tell_until_it_is_back(tmp_path):
    with PrivateBus.start() as bus:
        watcher = MprisWatcher(bus.address, retry_after=60)
        watcher.start()
        assert watcher.wait_ready(10)
        player = Player(bus, "Playing")
        pids_are(watcher, frozenset({ME}))
        os.killpg(bus.proc.pid, signal.SIGKILL)
        pids_are(watcher, None)
        player.service._stop.set()
        watcher.close()


def test_the_tracker_counts_while_the_player_in_front_plays(bus, mpris):
    store = Store(":memory:")
    store.set_consent(NOTICE_VERSION, 0.0)
    probe = FakeProbe()
    probe.show("fakeplayer", "A video", ME)
    probe.idle = 3600.0  # an hour without input: past the cap of 30 minutes below
    clock = FakeClock(1_800_000_000.0)
    config = Config(sample_seconds=5, idle_seconds=180, media_max_minutes=30, work_hours=ALL_DAYS)
    media = DesktopMedia([mpris])
    tracker = Tracker(store, probe, config, load_catalogue(), clock, media=(media.playing,))
    player = Player(bus, "Playing")
    try:
        pids_are(mpris, frozenset({ME}))
        tracker.tick()
        clock.advance(5)
        assert tracker.tick().state is State.IDLE  # an hour since the last input: the cap
        probe.idle = 600.0
        tracker.tick()
        clock.advance(5)
        result = tracker.tick()
        assert (result.state, result.site, result.seconds, result.media) == (
            State.RECORDING, None, 5.0, True,
        )  # fmt: skip
        player.set("Paused")
        pids_are(mpris, frozenset())
        clock.advance(5)
        assert tracker.tick().state is State.IDLE
    finally:
        player.close()
        store.close()


# --- PulseAudio / PipeWire: the pure parts -------------------------------------------------------

SINK_INPUTS = """\
Sink Input #12
\tDriver: protocol-native.c
\tCorked: no
\tMute: no
\tProperties:
\t\tmedia.name = "Secret song title"
\t\tapplication.name = "Chromium"
\t\tapplication.process.id = "4321"
Sink Input #13
\tCorked: yes
\tMute: no
\tProperties:
\t\tapplication.process.id = "555"
Sink Input #14
\tCorked: no
\tMute: yes
\tProperties:
\t\tapplication.process.id = "666"
Sink Input #15
\tCorked: no
\tMute: no
\tProperties:
\t\tapplication.name = "a stream without a process id"
Sink Input #16
\tCorked: no
\tMute: no
\tProperties:
\t\tapplication.process.id = "777"
"""


def test_the_streams_that_play():
    assert playing_streams(SINK_INPUTS) == [4321, 777]  # not corked, not muted, with a pid
    assert playing_streams("") == []
    assert playing_streams('Corked: no\nMute: no\napplication.process.id = "1"\n') == []


def test_a_stream_counts_for_its_process_its_parent_and_grandparent(tmp_path):
    parents = {4321: 4000, 4000: 3000, 3000: 1000, 777: 1}
    assert family([4321, 777], parents.get) == frozenset({4321, 4000, 3000, 777})
    assert family([], parents.get) == frozenset()
    for pid, parent, name in ((4321, 4000, b"chromium"), (4000, 1, b"odd) (name")):
        folder = tmp_path / str(pid)
        folder.mkdir()
        (folder / "stat").write_bytes(b"%d (%s) S %d 4321 4321 0" % (pid, name, parent))
    assert parent_pid(4321, tmp_path) == 4000
    assert parent_pid(4000, tmp_path) is None  # init is nobody's window
    assert parent_pid(99, tmp_path) is None  # gone


@pytest.mark.parametrize(
    ("environ", "socket"),
    [
        ({"XDG_RUNTIME_DIR": "/run/user/1000"}, "/run/user/1000/pulse/native"),
        ({"PULSE_RUNTIME_PATH": "/tmp/p", "XDG_RUNTIME_DIR": "/r"}, "/tmp/p/native"),
        ({"PULSE_SERVER": "unix:/tmp/s/native"}, "/tmp/s/native"),
        ({"PULSE_SERVER": "/tmp/s/native"}, "/tmp/s/native"),
        ({"PULSE_SERVER": "tcp:10.0.0.1 {abc}unix:/tmp/s/native"}, "/tmp/s/native"),
        ({"PULSE_SERVER": "tcp:10.0.0.1:4713", "XDG_RUNTIME_DIR": "/r"}, None),
        ({"PULSE_SERVER": "sound.example.org"}, None),
        ({}, None),
    ],
)
def test_only_a_local_sound_server_is_used(environ, socket):
    path, problem = server_socket(environ)
    assert (None if path is None else str(path)) == socket
    assert (problem is None) == (socket is not None)


FAKE_PACTL = """\
#!/bin/sh
echo "$LC_ALL $*" >> "{log}"
case "$2" in
  subscribe) echo "Event 'new' on client #3"; echo "Event 'new' on sink-input #12"; exec sleep 60;;
  list) cat "{listing}";;
esac
"""


def test_pactl_is_told_the_local_server_and_read_once_per_burst(tmp_path):
    runtime = tmp_path / "run"
    (runtime / "pulse").mkdir(parents=True)
    (runtime / "pulse" / "native").touch()
    listing = tmp_path / "listing.txt"
    listing.write_text(SINK_INPUTS)
    log = tmp_path / "pactl.log"
    pactl = tmp_path / "pactl"
    pactl.write_text(FAKE_PACTL.format(log=log, listing=listing))
    pactl.chmod(0o755)
    watcher = PulseWatcher({"XDG_RUNTIME_DIR": str(runtime)}, pactl=str(pactl), proc=tmp_path)
    watcher.start()
    try:
        assert watcher.wait_ready(10)
        pids_are(watcher, frozenset({4321, 777}))  # no /proc entries here: no parents
        wait_for(lambda: watcher.reads == 2, "the stream change to be read", 10)
        assert watcher.describe() == (True, "2 streams playing now")
    finally:
        watcher.close()
    server = f"--server=unix:{runtime}/pulse/native"
    # subscribe and the first listing run side by side: their lines may come in either order
    lines = sorted(log.read_text().splitlines())
    assert lines == [f"C {server} list sink-inputs"] * 2 + [f"C {server} subscribe"]
    assert watcher.playing_pids() is None


def test_without_pactl_or_a_local_server_nothing_runs(tmp_path, monkeypatch):
    never = tmp_path / "never-run"  # a pactl that must not be started
    for environ, expected in (
        ({"PULSE_SERVER": "tcp:10.0.0.1"}, "not on this computer"),
        ({"XDG_RUNTIME_DIR": str(tmp_path)}, f"no sound server at {tmp_path}"),
    ):
        watcher = PulseWatcher(environ, pactl=str(never), retry_after=60)
        watcher.start()
        try:
            assert watcher.wait_ready(10)
            works, detail = watcher.describe()
            assert not works and expected in detail, detail
            assert watcher.playing_pids() is None
        finally:
            watcher.close()
    monkeypatch.setattr("socialtime.probes.pulse.shutil.which", lambda name: None)
    watcher = PulseWatcher({"XDG_RUNTIME_DIR": str(tmp_path)}, retry_after=60)
    watcher.start()
    try:
        assert watcher.wait_ready(10)
        assert watcher.describe() == (
            False, "pactl is missing: install it (Debian: apt install pulseaudio-utils)"
        )  # fmt: skip
    finally:
        watcher.close()


# --- PulseAudio: a real server, a real stream ----------------------------------------------------


@pytest.fixture
def sound() -> Iterator[SoundServer]:
    runtime = Path(tempfile.mkdtemp(prefix="st-snd-", dir="/tmp"))
    runtime.chmod(0o700)
    try:
        with SoundServer.start(runtime) as server:
            yield server
    finally:
        shutil.rmtree(runtime, ignore_errors=True)


def test_a_real_stream_plays_mutes_and_ends(sound, tmp_path):
    wav = tmp_path / "tone.wav"
    wav.write_bytes(tone(30))
    watcher = PulseWatcher(sound.env, retry_after=0.2)
    watcher.start()
    player = None
    try:
        assert watcher.wait_ready(15)
        assert watcher.playing_pids() == frozenset()
        player = sound.play(wav)
        # paplay plays, and so do its parent (this test) and grandparent: the family counts.
        grandparent = parent_pid(ME)
        pids_are(watcher, frozenset({player.pid, ME, grandparent} - {None}))
        media = DesktopMedia([watcher])
        assert media.playing(front(player.pid), 0.0) is True
        assert media.playing(front(ME), 0.0) is True
        assert media.playing(front(1), 0.0) is False
        index = wait_for(lambda: sound.stream_of(player.pid), "paplay's stream", 10)
        assert sound.pactl("set-sink-input-mute", index, "1").returncode == 0
        pids_are(watcher, frozenset())
        assert sound.pactl("set-sink-input-mute", index, "0").returncode == 0
        wait_for(lambda: player.pid in (watcher.playing_pids() or ()), "unmuted", 10)
        player.kill()
        player.wait(10)
        pids_are(watcher, frozenset())
        assert watcher.reads <= 12  # a few events, read once each: no polling
    finally:
        if player is not None and player.poll() is None:
            player.kill()
            player.wait(10)
        watcher.close()


def test_a_sound_server_that_goes_away_is_cannot_tell(sound):
    watcher = PulseWatcher(sound.env, retry_after=60)
    watcher.start()
    try:
        assert watcher.wait_ready(15)
        assert watcher.playing_pids() == frozenset()
        os.killpg(sound.proc.pid, signal.SIGKILL)
        pids_are(watcher, None)
        assert "lost the sound server" in watcher.describe()[1]
    finally:
        watcher.close()


# --- the desktop's sources together, per platform ------------------------------------------------


@pytest.mark.parametrize(("platform", "name"), [("win32", "Windows"), ("darwin", "macOS")])
def test_windows_and_macos_say_plainly_that_it_is_not_there_yet(platform, name):
    media = make_media(platform, {})
    assert media.watchers == ()
    assert media.playing(front(), 0.0) is None
    check = media.diagnose()
    assert check.name == PLAYING_MEDIA and not check.ok
    assert check.detail.startswith(f"on {name}, socialtime cannot yet see whether a desktop app")
    assert "browser extension" in check.detail


def test_on_linux_the_sources_start_only_when_told(tmp_path):
    before = threading.active_count()
    media = make_media("linux", {"XDG_RUNTIME_DIR": str(tmp_path)})
    assert [w.name for w in media.watchers] == ["MPRIS", "PulseAudio/PipeWire"]
    assert threading.active_count() == before  # nothing runs before start()
    media.close()


def test_doctor_names_each_desktop_source(bus, tmp_path):
    mpris = MprisWatcher(bus.address)
    pulse = PulseWatcher({"XDG_RUNTIME_DIR": str(tmp_path)}, pactl="/bin/false")
    media = DesktopMedia([mpris, pulse])
    try:
        check = media.diagnose(wait=10)
    finally:
        media.close()
    assert check.ok  # MPRIS works here
    assert check.detail == (
        f"MPRIS: no media player on the session bus now; "
        f"PulseAudio/PipeWire: no sound server at {tmp_path}/pulse/native"
    )


def test_doctor_in_french(bus, tmp_path, french):
    media = DesktopMedia([MprisWatcher(bus.address)])
    try:
        check = media.diagnose(wait=10)
    finally:
        media.close()
    assert check.label == "son et vidéo"
    assert check.detail == (
        "MPRIS\u00a0: aucun lecteur multimédia sur le bus de session pour l'instant"
    )


def test_importing_the_sources_starts_nothing():
    code = (
        "import threading, sys; import socialtime.probes.media, socialtime.probes.mpris, "
        "socialtime.probes.pulse; assert threading.active_count() == 1; "
        "assert 'jeepney' not in sys.modules"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
