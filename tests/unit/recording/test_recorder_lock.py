"""One recorder per data directory, and a refusal that says why in the user's language."""

from __future__ import annotations

import pytest

from socialtime.recording.recorder_lock import AlreadyRecording, RecorderLock


def test_a_second_recorder_is_refused(tmp_path) -> None:
    with RecorderLock(tmp_path), pytest.raises(AlreadyRecording) as info:
        RecorderLock(tmp_path).acquire()
    assert str(info.value) == (
        f"{tmp_path / 'recorder.lock'}: another socialtime is already recording into "
        f"{tmp_path}; stop it first (one recorder per data directory)"
    )
    with RecorderLock(tmp_path):  # released: the next one may record
        pass


def test_the_refusal_in_french(french, tmp_path) -> None:
    with RecorderLock(tmp_path), pytest.raises(AlreadyRecording) as info:
        RecorderLock(tmp_path).acquire()
    assert str(info.value).startswith(
        f"{tmp_path / 'recorder.lock'}\u00a0: un autre socialtime enregistre déjà dans {tmp_path}"
    )
