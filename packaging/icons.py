"""Render the application icon, ``resources/icons/sanad.svg``, for the desktops that need pixels.

    python packaging/icons.py

writes ``resources/icons/hicolor/<n>x<n>/apps/org.sanad.Sanad.png`` for every size in
``PNG_SIZES`` (the freedesktop icon theme layout, for Linux menus) and
``resources/icons/sanad.ico`` holding ``ICO_SIZES`` (the Windows program, installer and
shortcuts). Qt renders the SVG, so the pixels are the ones the app itself would draw; Pillow
writes the ICO. At 16 pixels the full drawing blurs (its tick is under a pixel wide), so that
size is drawn from ``sanad-16.svg``, the same icon simplified on a 16-pixel grid.

Run it again after changing either SVG and keep the outputs in the repository
(``tests/packaging/test_icons.py`` checks them).
"""

from __future__ import annotations

import os
import sys
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
ICONS = ROOT / "resources" / "icons"
SOURCE = ICONS / "sanad.svg"
SMALL_SOURCE = ICONS / "sanad-16.svg"
SMALL_UP_TO = 16  # sizes up to this are drawn from SMALL_SOURCE
ICO = ICONS / "sanad.ico"
APP_ID = "org.sanad.Sanad"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # 256 is the largest an ICO frame can be


def png_path(size: int, icons: Path = ICONS) -> Path:
    return icons / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"


def render(size: int, source: Path = SOURCE) -> bytes:
    """The SVG drawn on a transparent ``size``×``size`` square, as PNG bytes."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        raise SystemExit(f"{source} is not an SVG Qt can draw; open it in a browser to see why")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(0)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.convertToFormat(QImage.Format.Format_ARGB32).save(buffer, "PNG")
    buffer.close()
    return bytes(data)


def source_for(size: int) -> Path:
    return SMALL_SOURCE if size <= SMALL_UP_TO else SOURCE


def write_icons(icons: Path = ICONS) -> list[Path]:
    """Every PNG size and the ICO; returns the files written."""
    from PIL import Image

    written = []
    frames = {}
    for size in PNG_SIZES:
        png = render(size, source_for(size))
        path = png_path(size, icons)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(png)
        written.append(path)
        if size in ICO_SIZES:
            frames[size] = Image.open(BytesIO(png)).convert("RGBA")
    largest = frames[max(ICO_SIZES)]
    ico = icons / ICO.name
    # Each size is given its own rendering, so Pillow never scales one down.
    largest.save(
        ico,
        format="ICO",
        sizes=[(size, size) for size in ICO_SIZES],
        append_images=[frames[size] for size in ICO_SIZES if size != max(ICO_SIZES)],
    )
    written.append(ico)
    return written


def main(argv: list[str]) -> int:
    if argv[1:]:
        print(__doc__)
        return 2
    for path in write_icons():
        print(f"wrote {path.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv))
