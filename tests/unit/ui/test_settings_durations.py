"""One way to write a duration in Settings: "2 h 30 min" as on the dashboard, never "150 min",
"3.0 min" or "5.0 s"."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QValidator

from socialtime.base import i18n
from socialtime.ui.settings.form import MinutesSpin, NumberSpin, minutes_text


@pytest.fixture
def french() -> object:
    i18n.set_language("fr")
    yield
    i18n.set_language("en")


def test_minutes_read_as_the_dashboard_writes_them(qtbot: object) -> None:
    spin = MinutesSpin()
    spin.setRange(0, 9999)
    spin.setValue(150)
    assert spin.text() == "2 h 30 min" == i18n.format_duration(150 * 60)
    spin.setValue(45)
    assert spin.text() == "45 min"
    assert minutes_text(0) == "0 min"
    for typed, minutes in (("2 h 30 min", 150), ("150", 150), ("2 h", 120), ("90 min", 90)):
        assert spin.valueFromText(typed) == minutes
        assert spin.validate(typed, 0)[0] == QValidator.State.Acceptable
    assert spin.validate("soon", 0)[0] == QValidator.State.Intermediate


def test_whole_numbers_drop_their_decimal(qtbot: object, french: object) -> None:
    spin = NumberSpin()
    spin.setDecimals(1)
    spin.setRange(0, 999)
    spin.setSuffix(" s")
    spin.setValue(5)
    assert spin.text() == "5 s"
    spin.setValue(2.5)
    assert spin.text() == "2,5 s"  # French writes a decimal comma
    assert spin.valueFromText("2,5 s") == 2.5
