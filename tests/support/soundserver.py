"""A private PulseAudio server for tests: a null sink, so that programs play (into nothing)
on a machine without a sound card, and a tone to play.

The server runs in the runtime folder it is given (its socket is ``RUNTIME/pulse/native``), so
the code under test finds it through XDG_RUNTIME_DIR as it would on a desktop; every process
started here is killed in teardown, every wait has a deadline.
"""

from __future__ import annotations

import io
import math
import os
import shutil
import signal
import struct
import subprocess
import wave
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path

import pytest
from xserver import wait_for

START_TIMEOUT = 15.0


class SoundServer:
    def __init__(self, runtime: Path, env: dict[str, str], proc: subprocess.Popen[bytes]) -> None:
        self.runtime = runtime
        self.env = env  # for clients: XDG_RUNTIME_DIR and HOME as the server's
        self.proc = proc
        self.socket = runtime / "pulse" / "native"

    @classmethod
    @contextmanager
    def start(cls, runtime: Path, home: Path | None = None) -> Iterator[SoundServer]:
        """``pulseaudio`` with a null sink "nul", made the default, in ``runtime``."""
        for program in ("pulseaudio", "pactl", "paplay"):
            if shutil.which(program) is None:
                pytest.fail(
                    f"{program} is missing: apt-get install pulseaudio pulseaudio-utils "
                    "(packaging/setup.sh installs them for the tests)"
                )
        env = dict(os.environ, XDG_RUNTIME_DIR=str(runtime), HOME=str(home or runtime))
        env.pop("PULSE_SERVER", None)
        log = open(runtime / "pulseaudio.log", "ab")  # noqa: SIM115 - closed below
        proc = subprocess.Popen(
            [
                "pulseaudio", "-n", "--daemonize=no", "--exit-idle-time=-1",
                "--use-pid-file=no", "--disable-shm",
                "-L", "module-null-sink sink_name=nul",
                "-L", "module-native-protocol-unix",
            ],
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
            start_new_session=True,
        )  # fmt: skip
        server = cls(runtime, env, proc)
        try:

            def answers() -> bool:
                if proc.poll() is not None:
                    text = (runtime / "pulseaudio.log").read_text(errors="replace")[-2000:]
                    pytest.fail(f"pulseaudio exited ({proc.returncode}):\n{text}")
                return server.socket.exists() and server.pactl("info").returncode == 0

            wait_for(answers, "pulseaudio to answer", START_TIMEOUT, 0.1)
            assert server.pactl("set-default-sink", "nul").returncode == 0
            yield server
        finally:
            with suppress(ProcessLookupError):
                os.killpg(proc.pid, signal.SIGKILL)
            proc.wait(10)
            log.close()

    def pactl(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["pactl", *args], env=dict(self.env, LC_ALL="C"), capture_output=True, text=True,
            timeout=10,
        )  # fmt: skip

    def play(self, wav: Path) -> subprocess.Popen[bytes]:
        """``paplay`` of ``wav``, in its own session (the caller kills it)."""
        return subprocess.Popen(
            ["paplay", str(wav)],
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=self.env,
            start_new_session=True,
        )

    def stream_of(self, pid: int) -> str | None:
        """The index of the sink input of ``pid``, once the server lists one."""
        index = None
        for line in self.pactl("list", "sink-inputs").stdout.splitlines():
            if line.startswith("Sink Input #"):
                index = line.removeprefix("Sink Input #").strip()
            elif line.strip() == f'application.process.id = "{pid}"':
                return index
        return None


def tone(seconds: int = 60, rate: int = 8000) -> bytes:
    """A WAV file of a 440 Hz tone, loud enough for a browser to call the tab audible."""
    frames = b"".join(
        struct.pack("<h", int(8000 * math.sin(2 * math.pi * 440 * i / rate)))
        for i in range(rate * seconds)
    )
    out = io.BytesIO()
    with wave.open(out, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(rate)
        w.writeframes(frames)
    return out.getvalue()
