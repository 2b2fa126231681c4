"""The main window fits the screen it opens on and remembers its size per screen."""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize

from coprod_desktop.ui import preferences as prefs
from coprod_desktop.ui import window_fit


class LaptopScreen:
    """A 1366×768 screen with a 40-pixel panel (what the offscreen platform cannot be told)."""

    def __init__(self, name: str = "LVDS-1", width: int = 1366, height: int = 768) -> None:
        self._name, self._width, self._height = name, width, height

    def name(self) -> str:
        return self._name

    def availableGeometry(self) -> QRect:
        return QRect(0, 0, self._width, self._height - 40)


def test_the_window_fits_a_768_pixel_high_screen_with_its_status_bar(window):
    screen = LaptopScreen()
    window_fit.restore(window, prefs.settings(), screen)  # type: ignore[arg-type]
    available = screen.availableGeometry()
    assert window.height() + window_fit.FRAME_ALLOWANCE.height() <= available.height()
    assert window.width() <= available.width()
    assert available.contains(window.frameGeometry().topLeft())
    status = window.statusBar()
    assert status.isVisible()
    assert status.geometry().bottom() < window.height()  # inside the window, not cut off


def test_the_window_opens_no_taller_than_the_real_screen(window):
    available = window.screen().availableGeometry()  # the offscreen screen is 800 wide: only
    frame = window.frameGeometry()  # the filter bar's minimum width is allowed to stick out
    assert available.top() <= frame.top() and frame.bottom() <= available.bottom()
    assert frame.width() <= max(available.width(), window.minimumSizeHint().width() + 20)


def test_a_size_is_remembered_per_screen(window):
    laptop, monitor = LaptopScreen(), LaptopScreen("HDMI-1", 1920, 1200)
    store = prefs.settings()
    window_fit.restore(window, store, monitor)  # type: ignore[arg-type]
    assert window.size() == window_fit.PREFERRED  # room enough: the preferred size
    window.resize(1500, 1000)
    store.setValue(window_fit.screen_key(monitor), "10,20,1500,1000,0")  # type: ignore[arg-type]
    window_fit.restore(window, store, laptop)  # type: ignore[arg-type]
    assert window.size() == window_fit.fitting_size(laptop.availableGeometry())
    window_fit.restore(window, store, monitor)  # type: ignore[arg-type]
    assert window.size() == QSize(1500, 1000)


def test_closing_saves_the_size_under_the_screen_it_is_on(window):
    store = prefs.settings()
    window.resize(1100, 700)
    window_fit.save(window, store)
    assert store.value(window_fit.screen_key(window.screen())).split(",")[2:4] == ["1100", "700"]


def test_a_remembered_size_too_big_for_the_screen_is_cut_to_fit(window):
    laptop = LaptopScreen()
    store = prefs.settings()
    store.setValue(window_fit.screen_key(laptop), "0,0,1900,1100,0")  # type: ignore[arg-type]
    window_fit.restore(window, store, laptop)  # type: ignore[arg-type]
    assert window.height() <= laptop.availableGeometry().height()
    assert window.width() <= laptop.availableGeometry().width()
