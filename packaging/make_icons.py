"""Regenerate the application icon's renditions from resources/icons/coprod-desktop.svg.

    python packaging/make_icons.py

Writes resources/icons/hicolor/<N>x<N>/apps/coprod-desktop.png for the usual sizes (the freedesktop
icon-theme layout, installed as is on Linux and loaded into the window icon by the GUI) and
resources/icons/coprod-desktop.ico (Windows: the executables and the installer). Renders with
QtSvg (PySide6, already a dependency) offscreen, and writes the .ico with Pillow (a dependency of
ReportLab), so it needs nothing beyond the project's own environment. The outputs are committed;
run this again only after editing the SVG.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ROOT = Path(__file__).resolve().parent.parent
ICONS = ROOT / "resources" / "icons"
SOURCE = ICONS / "coprod-desktop.svg"
NAME = "coprod-desktop"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(renderer: QSvgRenderer, size: int) -> QImage:
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def main() -> int:
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    renderer = QSvgRenderer(str(SOURCE))
    if not renderer.isValid():
        print(f"cannot read {SOURCE}", file=sys.stderr)
        return 1
    written: dict[int, Path] = {}
    for size in PNG_SIZES:
        target = ICONS / "hicolor" / f"{size}x{size}" / "apps" / f"{NAME}.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not render(renderer, size).save(str(target), "PNG"):
            print(f"cannot write {target}", file=sys.stderr)
            return 1
        written[size] = target
        print(target.relative_to(ROOT))
    # One frame per size, each rendered from the SVG (not scaled down from the largest).
    frames = [Image.open(written[size]).convert("RGBA") for size in ICO_SIZES]
    ico = ICONS / f"{NAME}.ico"
    frames[-1].save(ico, format="ICO", sizes=[(s, s) for s in ICO_SIZES], append_images=frames[:-1])
    print(ico.relative_to(ROOT))
    return 0


if __name__ == "__main__":
    sys.exit(main())
