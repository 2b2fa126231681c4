"""File > Connect to a shared database…: a PostgreSQL portfolio shared by a team.

The password goes to the operating system's keyring when "Remember password" is ticked and
never into the settings: recent files and the last database hold the URL without it, and
opening such a URL puts the password back from the keyring (services.credentials).
"""

from __future__ import annotations

import logging

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from coprod_desktop.services import credentials
from coprod_desktop.ui import preferences as prefs

log = logging.getLogger(__name__)
DRIVER = "postgresql+psycopg"
DEFAULT_PORT = 5432


def last_shared_url() -> str | None:
    """The most recent shared database (without password) from the recent list."""
    for target in prefs.recent_databases():
        if target.startswith("postgresql"):
            return target
    return None


def has_stored_password(url: str) -> bool:
    try:
        import keyring

        return bool(keyring.get_password(credentials.SERVICE, credentials.account(url)))
    except Exception:  # no usable keyring on this desktop
        return False


class ConnectDialog(QDialog):
    """Host, port, database, user, password and "remember password"."""

    def __init__(self, parent: QWidget | None = None, initial: str | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("connect-dialog")
        self.setWindowTitle(self.tr("Connect to a shared database"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "A portfolio shared by your team lives on a PostgreSQL server. Your IT "
                "department can tell you the server's name and your user name."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.host = QLineEdit(self)
        self.host.setPlaceholderText(self.tr("e.g. db.kommune.dk"))
        self.port = QSpinBox(self)
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.port.setGroupSeparatorShown(False)
        self.database = QLineEdit(self)
        self.database.setPlaceholderText("coprod")
        self.user = QLineEdit(self)
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember = QCheckBox(self.tr("&Remember password (kept in the system keyring)"), self)
        for label, widget in (
            (self.tr("&Server:"), self.host),
            (self.tr("&Port:"), self.port),
            (self.tr("&Database:"), self.database),
            (self.tr("&User name:"), self.user),
            (self.tr("Pass&word:"), self.password),
        ):
            widget.setAccessibleName(label.replace("&", "").rstrip(":"))
            form.addRow(label, widget)
        form.addRow("", self.remember)
        layout.addLayout(form)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        self.connect_button = self.buttons.addButton(
            self.tr("&Connect"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.connect_button.setDefault(True)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        for edit in (self.host, self.database, self.user):
            edit.textChanged.connect(self._update)
        self.fill(initial if initial is not None else last_shared_url())
        self._update()
        self.resize(480, self.sizeHint().height())

    def fill(self, url: str | None) -> None:
        if not url:
            return
        parsed = credentials.address_of(url)
        if parsed is None:  # not a URL we can read: start empty
            return
        self.host.setText(parsed.host)
        self.port.setValue(parsed.port or DEFAULT_PORT)
        self.database.setText(parsed.database)
        self.user.setText(parsed.user)
        self.remember.setChecked(has_stored_password(credentials.without_password(url)))
        if self.remember.isChecked():
            self.password.setPlaceholderText(self.tr("(remembered)"))

    def _update(self) -> None:
        ready = all(e.text().strip() for e in (self.host, self.database, self.user))
        self.connect_button.setEnabled(ready)

    def stored_url(self) -> str:
        """The URL without the password: what recent files and settings may hold."""
        address = credentials.ServerAddress(
            host=self.host.text().strip(),
            port=self.port.value(),
            database=self.database.text().strip(),
            user=self.user.text().strip(),
        )
        return credentials.server_url(DRIVER, address)

    def url(self) -> str:
        """The URL to open now: with the typed password, or the keyring's."""
        stored = self.stored_url()
        password = self.password.text()
        if not password:
            return credentials.with_password(stored)
        return credentials.with_typed_password(stored, password)

    def accept(self) -> None:
        stored = self.stored_url()
        password = self.password.text()
        try:
            if self.remember.isChecked() and password:
                credentials.remember(stored, password)
            elif not self.remember.isChecked():
                credentials.forget(stored)
        except Exception as error:  # the keyring refused: connect anyway, just not remembered
            log.warning("keyring: %s", error)
            QMessageBox.warning(
                self,
                self.tr("Password not remembered"),
                self.tr("The password could not be kept in the system keyring: %1").replace(
                    "%1", str(error)
                ),
            )
        super().accept()
