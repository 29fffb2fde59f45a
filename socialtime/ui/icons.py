"""Tray icons from the SVGs in assets/icons/, one per state, rendered at each panel size.

Why rendered here rather than left to QIcon's SVG engine: that engine is a plugin
(iconengines/libqsvgicon), which a trimmed bundle may lack, and without it Qt scales one bitmap
up or down, blurred at 16 px. QSvgRenderer (QtSvg) draws the vector at every size a panel asks
for (16 to 48 px, and twice that on a HiDPI screen), so each is crisp.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import Qt
from PySide6.QtGui import QIcon, QImage, QPainter, QPixmap
from PySide6.QtSvg import QSvgRenderer

from socialtime.base.paths import assets_dir
from socialtime.insights.tray_status import Icon

SIZES = (16, 20, 22, 24, 32, 40, 48, 64, 96)


def render(state: Icon, size: int) -> QImage:
    """The icon of ``state`` drawn at ``size`` x ``size`` pixels, transparent around it."""
    renderer = QSvgRenderer(str(assets_dir() / "icons" / f"{state.value}.svg"))
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    return image


@cache
def icon(state: Icon) -> QIcon:
    """The icon for ``state``, with a pixmap drawn for each of SIZES."""
    result = QIcon()
    for size in SIZES:
        result.addPixmap(QPixmap.fromImage(render(state, size)))
    return result
