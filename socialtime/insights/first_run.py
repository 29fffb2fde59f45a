"""What the first-run guide says about the work hours found, computed without Qt.

After Accept, a short guide (socialtime.ui.first_run) shows where the icon is, the work hours
socialtime will record in, and an optional goal. The hours are said the way a person reads a
week: days with the same hours together ("Monday to Friday: 09:00–12:30, 13:30–18:00"), the
days off last, in the current language.
"""

from __future__ import annotations

from socialtime.base import i18n
from socialtime.base.i18n import translate
from socialtime.rules.work_hours import TimeRange, WorkHours

GUIDE_META = "first_run_guide"  # in the store's meta table once the guide has been shown


def _days(first: int, last: int) -> str:
    name = i18n.weekday_name
    if first == last:
        return _capital(name(first))
    if last == first + 1:
        text = translate("first_run", "{first} and {last}")
    else:
        text = translate("first_run", "{first} to {last}")
    return text.format(first=_capital(name(first)), last=name(last))


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _ranges(ranges: tuple[TimeRange, ...]) -> str:
    return ", ".join(str(r).replace("-", "–") for r in ranges)  # an en dash between times


def work_hours_lines(work_hours: WorkHours) -> list[str]:
    """One line per run of consecutive days with the same hours, then the days off:
    ["Monday to Friday: 09:00–12:30, 13:30–18:00", "Saturday and Sunday: not recorded"]."""
    lines: list[str] = []
    off: list[int] = []
    day = 0
    while day < 7:
        ranges = tuple(work_hours.days[day])
        last = day
        while last + 1 < 7 and tuple(work_hours.days[last + 1]) == ranges:
            last += 1
        if ranges:
            text = translate("first_run", "{days}: {hours}")
            lines.append(text.format(days=_days(day, last), hours=_ranges(ranges)))
        else:
            off.extend(range(day, last + 1))
        day = last + 1
    if len(off) == 7:
        return [translate("first_run", "No work hours are set: nothing is recorded.")]
    if off:
        names = [_capital(i18n.weekday_name(d)) if i == 0 else i18n.weekday_name(d)
                 for i, d in enumerate(off)]  # fmt: skip
        joined = names[0] if len(names) == 1 else _join(names)
        lines.append(translate("first_run", "{days}: not recorded").format(days=joined))
    return lines


def _join(names: list[str]) -> str:
    text = translate("first_run", "{first} and {last}")
    return text.format(first=", ".join(names[:-1]), last=names[-1])


def icon_place(x: float, y: float, width: float, height: float) -> str | None:
    """Where on the screen the tray icon's centre (``x``, ``y``) is, as a sentence ("Its
    icon is now at the top right of your screen."); None when the tray host did not say
    (no geometry) or the point is not on the screen."""
    if width <= 0 or height <= 0 or not (0 <= x < width and 0 <= y < height):
        return None
    top, left = y < height / 2, x < width / 2
    sentences = {
        (True, False): translate("first_run", "Its icon is now at the top right of your screen."),
        (True, True): translate("first_run", "Its icon is now at the top left of your screen."),
        (False, False): translate(
            "first_run", "Its icon is now at the bottom right of your screen."
        ),
        (False, True): translate("first_run", "Its icon is now at the bottom left of your screen."),
    }
    return sentences[(top, left)]
