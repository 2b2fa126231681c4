"""The main window's size: it fits the screen it opens on and is remembered per screen.

A laptop at 1366×768 (less a panel) cannot show a 1280×800 window whole: the status bar fell
off the bottom. The size a user chose on one screen (a docked 1920×1200 monitor) says nothing
about another, so the geometry is kept per screen (its name and available size).
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSettings, QSize, Qt
from PySide6.QtGui import QCursor, QGuiApplication, QScreen
from PySide6.QtWidgets import QWidget

PREFERRED = QSize(1280, 800)
# Room for the window manager's title bar and borders, which a widget's size does not include.
FRAME_ALLOWANCE = QSize(16, 40)


def screen_key(screen: QScreen) -> str:
    available = screen.availableGeometry()
    name = screen.name().replace("/", "_") or "screen"
    return f"window/geometry/{name}-{available.width()}x{available.height()}"


def fitting_size(available: QRect) -> QSize:
    """The preferred size, made smaller where the screen's free area is smaller."""
    return QSize(
        max(320, min(PREFERRED.width(), available.width() - FRAME_ALLOWANCE.width())),
        max(240, min(PREFERRED.height(), available.height() - FRAME_ALLOWANCE.height())),
    )


def opening_screen() -> QScreen | None:
    """The screen the window opens on: where the pointer is, else the primary one."""
    return QGuiApplication.screenAt(QCursor.pos()) or QGuiApplication.primaryScreen()


def fit_into(window: QWidget, available: QRect) -> None:
    """Shrink and move `window` so that it lies wholly inside `available`."""
    limit = fitting_size(available) if not window.isMaximized() else available.size()
    size = window.size().boundedTo(
        QSize(
            max(limit.width(), available.width() - FRAME_ALLOWANCE.width()),
            max(limit.height(), available.height() - FRAME_ALLOWANCE.height()),
        )
    )
    if size != window.size():
        window.resize(size)
    frame = window.frameGeometry()
    x = min(max(frame.x(), available.left()), available.right() - frame.width() + 1)
    y = min(max(frame.y(), available.top()), available.bottom() - frame.height() + 1)
    if (x, y) != (frame.x(), frame.y()):
        window.move(max(x, available.left()), max(y, available.top()))


def restore(window: QWidget, store: QSettings, screen: QScreen | None = None) -> None:
    """The geometry last used on this screen, or a size that fits it, centred."""
    screen = screen or opening_screen()
    if screen is None:
        window.resize(PREFERRED)
        return
    available = screen.availableGeometry()
    saved = _saved_geometry(store.value(screen_key(screen)))
    if saved is not None:
        rect, maximised = saved
        window.resize(rect.size())
        window.move(rect.topLeft())
        fit_into(window, available)
        if maximised:
            window.setWindowState(window.windowState() | Qt.WindowState.WindowMaximized)
        return
    size = fitting_size(available)
    window.resize(size)
    centre = available.center()
    window.move(centre.x() - size.width() // 2, centre.y() - size.height() // 2)
    fit_into(window, available)


def save(window: QWidget, store: QSettings) -> None:
    """Kept as plain numbers, not Qt's saveGeometry(): restoreGeometry() would fit it to
    whatever screen is current, not the one it belongs to."""
    screen = window.screen() or opening_screen()
    if screen is None:
        return
    rect = window.normalGeometry() if window.isMaximized() else window.geometry()
    value = f"{rect.x()},{rect.y()},{rect.width()},{rect.height()},{int(window.isMaximized())}"
    store.setValue(screen_key(screen), value)


def _saved_geometry(value: object) -> tuple[QRect, bool] | None:
    try:
        x, y, width, height, maximised = (int(part) for part in str(value).split(","))
    except ValueError:
        return None
    if width < 100 or height < 100:
        return None
    return QRect(x, y, width, height), bool(maximised)
