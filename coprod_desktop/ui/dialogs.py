"""Dialogs: a stakeholder form, picking stakeholders, settings, the typology guide."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from coprod_desktop.domain import vocab as v
from coprod_desktop.domain.errors import ValidationError
from coprod_desktop.domain.messages import message
from coprod_desktop.domain.model import StakeholderData
from coprod_desktop.domain.typology import TYPOLOGY
from coprod_desktop.services.settings import load_settings, save_settings
from coprod_desktop.ui import i18n
from coprod_desktop.ui import preferences as prefs
from coprod_desktop.ui.widgets import DateField, ErrorLabel, VocabCombo, with_error


def _as_typed(field: QWidget) -> Any:
    """A form field's value as it stands on screen."""
    if isinstance(field, QPlainTextEdit):
        return field.toPlainText()
    if isinstance(field, QCheckBox):
        return field.isChecked()
    if isinstance(field, VocabCombo):
        return field.key()
    assert isinstance(field, QLineEdit | DateField), type(field).__name__
    return field.text()


class StakeholderForm(QWidget):
    """The fields of one stakeholder, with inline errors."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.name = QLineEdit(self)
        self.kind = VocabCombo(v.StakeholderKind, parent=self)
        self.is_person = QCheckBox(self.tr("This is a private person (personal data)"), self)
        self.organisation = QLineEdit(self)
        self.email = QLineEdit(self)
        self.phone = QLineEdit(self)
        self.notes = QPlainTextEdit(self)
        self.notes.setTabChangesFocus(True)
        self.notes.setMaximumHeight(90)
        self.lawful_basis = VocabCombo(v.LawfulBasis, empty="", parent=self)
        self.consent_date = DateField(self)
        self.retention_until = DateField(self)
        self.cvr = QLineEdit(self)
        self.cvr.setPlaceholderText(self.tr("8 digits, organisations only"))
        self.errors: dict[str, ErrorLabel] = {}
        rows: list[tuple[str, str, QWidget]] = [
            ("name", self.tr("&Name"), self.name),
            ("kind", self.tr("&Kind"), self.kind),
            ("is_person", "", self.is_person),
            ("organisation", self.tr("&Organisation"), self.organisation),
            ("email", self.tr("&E-mail"), self.email),
            ("phone", self.tr("&Phone"), self.phone),
            ("cvr", self.tr("C&VR number"), self.cvr),
            ("notes", self.tr("No&tes"), self.notes),
            ("lawful_basis", self.tr("&Lawful basis"), self.lawful_basis),
            ("consent_date", self.tr("&Consent given on"), self.consent_date),
            ("retention_until", self.tr("Keep &until"), self.retention_until),
        ]
        self.fields = [widget for _key, _text, widget in rows]
        for key, text, widget in rows:
            box, self.errors[key] = with_error(widget, self)
            if text:
                label = QLabel(text, self)
                label.setBuddy(widget)
                widget.setAccessibleName(text.replace("&", ""))
                form.addRow(label, box)
            else:
                widget.setAccessibleName(self.is_person.text())
                form.addRow(box)
        self.is_person.toggled.connect(self._person_toggled)
        self._person_toggled(False)
        # Citizens and volunteers are natural persons whatever the box says: it is ticked and
        # locked for them, with the reason beside it.
        self.person_hint = QLabel(
            self.tr("Citizens and volunteers are always private persons."), self
        )
        self.person_hint.setObjectName("person-hint")
        self.person_hint.setWordWrap(True)
        hint_box = self.errors["is_person"].parentWidget()
        assert hint_box is not None
        hint_layout = hint_box.layout()
        assert isinstance(hint_layout, QVBoxLayout)
        hint_layout.insertWidget(1, self.person_hint)
        self.kind.currentIndexChanged.connect(lambda _index: self._kind_changed())
        self._kind_changed()
        self.original = StakeholderData()

    def _kind_changed(self) -> None:
        always = self.kind.key() in v.PERSON_KINDS
        if always and not self.is_person.isChecked():
            self.is_person.setChecked(True)
            self._ticked_for_kind = True
        elif not always and getattr(self, "_ticked_for_kind", False):
            # Typing "Fo" for Forening passes Frivillig: the tick that kind forced goes again.
            self.is_person.setChecked(False)
            self._ticked_for_kind = False
        self.is_person.setEnabled(not always)
        self.person_hint.setVisible(always)

    def _person_toggled(self, on: bool) -> None:
        for widget in (self.lawful_basis, self.consent_date, self.retention_until):
            widget.setEnabled(on)
        # a person has no CVR number; a number already typed stays visible so saving says so
        self.cvr.setEnabled(not on or bool(self.cvr.text().strip()))

    def set_data(self, data: StakeholderData) -> None:
        self.original = data
        self.name.setText(data.name)
        self.kind.set_key(data.kind)
        self.is_person.setChecked(data.is_person)
        self._ticked_for_kind = False
        self._kind_changed()
        self.organisation.setText(data.organisation or "")
        self.email.setText(data.email or "")
        self.phone.setText(data.phone or "")
        self.cvr.setText(data.cvr or "")
        self._person_toggled(self.is_person.isChecked())
        self.notes.setPlainText(data.notes or "")
        self.lawful_basis.set_key(data.lawful_basis)
        self.consent_date.set_value(data.consent_date)
        self.retention_until.set_value(data.retention_until)
        self.show_problems(None)

    def snapshot(self) -> tuple[Any, ...]:
        """What the fields hold now, as typed (to tell whether anything was typed since)."""
        return (self.original.id, *(_as_typed(field) for field in self.fields))

    def data(self) -> StakeholderData | None:
        """The entered stakeholder, or None (with the errors shown) if a date is not valid."""
        self.show_problems(None)
        dates = {}
        ok = True
        for key, field in (
            ("consent_date", self.consent_date),
            ("retention_until", self.retention_until),
        ):
            valid, value = field.value()
            if not valid:
                self.errors[key].show_message(
                    message("sheet_bad_date", i18n.lang(), value=field.text())
                )
                ok = False
            dates[key] = value if self.is_person.isChecked() else None
        if not self.name.text().strip():
            self.errors["name"].show_message(message("required", i18n.lang()))
            ok = False
        if not ok:
            return None

        def text(edit: QLineEdit) -> str | None:
            return edit.text().strip() or None

        kind = self.kind.key() or "other"
        person = v.is_natural_person(kind, self.is_person.isChecked())
        return StakeholderData(
            id=self.original.id,
            version=self.original.version,
            name=self.name.text().strip(),
            kind=kind,
            is_person=person,
            organisation=text(self.organisation),
            email=text(self.email),
            phone=text(self.phone),
            notes=self.notes.toPlainText().strip() or None,
            lawful_basis=self.lawful_basis.key() if person else None,
            consent_date=dates["consent_date"],
            retention_until=dates["retention_until"],
            cvr=text(self.cvr),
        )

    def show_problems(self, error: ValidationError | None) -> None:
        for label in self.errors.values():
            label.show_message("")
        if error is None:
            return
        for problem in error.problems:
            key = problem.path.split(".")[-1] or "name"
            target = self.errors.get(key, self.errors["name"])
            target.show_message(message(problem.code, i18n.lang(), **problem.params))


class StakeholderDialog(QDialog):
    """Create or edit one stakeholder; `save` is the service call to use."""

    def __init__(
        self,
        save: object,
        data: StakeholderData | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New stakeholder") if data is None else self.tr("Stakeholder"))
        self.form = StakeholderForm(self)
        self.form.set_data(data or StakeholderData())
        self.saver = save
        self.saved: StakeholderData | None = None
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        layout.addWidget(buttons)
        self.resize(520, 0)

    def accept(self) -> None:
        data = self.form.data()
        if data is None:
            return
        try:
            self.saved = self.saver(data)  # type: ignore[operator]
        except ValidationError as error:
            self.form.show_problems(error)
            return
        super().accept()


class StakeholderPicker(QDialog):
    """Choose one or more existing stakeholders (searchable)."""

    def __init__(
        self,
        stakeholders: list[StakeholderData],
        exclude: set[int] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Add existing stakeholders"))
        self.search = QLineEdit(self)
        self.search.setPlaceholderText(self.tr("Search by name or organisation"))
        self.search.setAccessibleName(self.tr("Search stakeholders"))
        self.list = QListWidget(self)
        self.list.setAccessibleName(self.tr("Stakeholders"))
        self.list.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        for person in stakeholders:
            if exclude and person.id in exclude:
                continue
            kind = v.StakeholderKind.get(person.kind).label(i18n.lang())
            item = QListWidgetItem(f"{person.name} — {kind}", self.list)
            item.setData(Qt.ItemDataRole.UserRole, person.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, f"{person.name} {person.organisation or ''}")
        self.search.textChanged.connect(self._filter)
        self.role = VocabCombo(v.InvolvementRole, parent=self)
        self.role.setAccessibleName(self.tr("Role"))
        row = QHBoxLayout()
        role_label = QLabel(self.tr("&Role in this initiative"), self)
        role_label.setBuddy(self.role)
        row.addWidget(role_label)
        row.addWidget(self.role, 1)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.list.itemDoubleClicked.connect(lambda _i: self.accept())
        layout = QVBoxLayout(self)
        layout.addWidget(self.search)
        layout.addWidget(self.list, 1)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self.resize(480, 460)

    def _filter(self, text: str) -> None:
        wanted = text.strip().casefold()
        for row in range(self.list.count()):
            item = self.list.item(row)
            haystack = str(item.data(Qt.ItemDataRole.UserRole + 1)).casefold()
            item.setHidden(bool(wanted) and wanted not in haystack)

    def chosen(self) -> list[int]:
        return [int(item.data(Qt.ItemDataRole.UserRole)) for item in self.list.selectedItems()]


class ChecklistDialog(QDialog):
    """Tick several of a list of (id, label) — the participants of a journal entry."""

    def __init__(
        self,
        title: str,
        options: list[tuple[int, str]],
        checked: list[int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.list = QListWidget(self)
        self.list.setAccessibleName(title)
        for ident, label in options:
            item = QListWidgetItem(label, self.list)
            item.setData(Qt.ItemDataRole.UserRole, ident)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if ident in checked else Qt.CheckState.Unchecked
            )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list)
        layout.addWidget(buttons)

    def checked(self) -> list[int]:
        out = []
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(int(item.data(Qt.ItemDataRole.UserRole)))
        return out


class SettingsDialog(QDialog):
    """User name, language, municipality (for the briefs) and the default database."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        form = QFormLayout()
        self.user = QLineEdit(prefs.user_name(), self)
        self.user.setPlaceholderText(self.tr("Your login name is used when empty"))
        self.language = QComboBox(self)
        self.language.addItem("English", "en")
        self.language.addItem("Dansk", "da")
        self.language.setCurrentIndex(max(self.language.findData(i18n.lang()), 0))
        self.municipality = QLineEdit(prefs.get_str("briefs/municipality"), self)
        self.logo = QLineEdit(prefs.get_str("briefs/logo"), self)
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo, 1)
        browse_logo = QPushButton(self.tr("Browse…"), self)
        browse_logo.clicked.connect(self._browse_logo)
        logo_row.addWidget(browse_logo)
        self.database = QLineEdit(prefs.default_database(), self)
        self.database.setPlaceholderText(self.tr("The per-user portfolio"))
        db_row = QHBoxLayout()
        db_row.addWidget(self.database, 1)
        browse_db = QPushButton(self.tr("Browse…"), self)
        browse_db.clicked.connect(self._browse_db)
        db_row.addWidget(browse_db)
        core = load_settings()  # shared with the coprod command
        self.stale_pressure = QSpinBox(self)
        self.stale_pressure.setRange(1, 3650)
        self.stale_pressure.setValue(core.stale_pressure_days)
        self.stale_pressure.setSuffix(self.tr(" days"))
        self.stale_pressure.setToolTip(
            self.tr("A high-severity cross-pressure open longer than this is flagged")
        )
        self.stale_journal = QSpinBox(self)
        self.stale_journal.setRange(1, 3650)
        self.stale_journal.setValue(core.stale_journal_days)
        self.stale_journal.setSuffix(self.tr(" days"))
        self.stale_journal.setToolTip(
            self.tr("An active initiative without a journal entry for this long is flagged")
        )
        self.outcome_grace = QSpinBox(self)
        self.outcome_grace.setRange(1, 3650)
        self.outcome_grace.setValue(core.outcome_grace_days)
        self.outcome_grace.setSuffix(self.tr(" days"))
        self.outcome_grace.setToolTip(
            self.tr("An active initiative under way this long without any outcome is flagged")
        )
        self.outcome_stale = QSpinBox(self)
        self.outcome_stale.setRange(1, 3650)
        self.outcome_stale.setValue(core.outcome_stale_days)
        self.outcome_stale.setSuffix(self.tr(" days"))
        self.outcome_stale.setToolTip(self.tr("Outcomes not measured for this long are flagged"))
        self.attachment_limit = QSpinBox(self)
        self.attachment_limit.setRange(1, 2048)
        self.attachment_limit.setValue(core.attachment_limit_mb)
        self.attachment_limit.setSuffix(self.tr(" MB"))
        self.attachment_limit.setToolTip(self.tr("A larger file is refused with a message"))
        rows: list[tuple[str, QWidget | QHBoxLayout, QWidget]] = [
            (self.tr("&User name (audit trail)"), self.user, self.user),
            (self.tr("&Language"), self.language, self.language),
            (self.tr("&Municipality name"), self.municipality, self.municipality),
            (self.tr("Municipality &logo"), logo_row, self.logo),
            (self.tr("&Default database"), db_row, self.database),
            (self.tr("Serious cross-pressure &open for"), self.stale_pressure, self.stale_pressure),
            (self.tr("No &journal entry for"), self.stale_journal, self.stale_journal),
            (self.tr("&No outcome after"), self.outcome_grace, self.outcome_grace),
            (self.tr("Outcomes not measu&red for"), self.outcome_stale, self.outcome_stale),
            (self.tr("Largest &attached file"), self.attachment_limit, self.attachment_limit),
        ]
        for text, field, widget in rows:
            label = QLabel(text, self)
            label.setBuddy(widget)
            widget.setAccessibleName(text.replace("&", ""))
            if isinstance(field, QWidget):
                form.addRow(label, field)
            else:
                form.addRow(label, field)
        browse_logo.setAccessibleName(self.tr("Browse for a logo"))
        browse_db.setAccessibleName(self.tr("Browse for a database"))
        note = QLabel(self.tr("The municipality name and logo appear on printed briefs."), self)
        note.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(560, 0)

    def _browse_logo(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Municipality logo"), "", self.tr("Images (*.png *.jpg *.jpeg *.svg)")
        )
        if path:
            self.logo.setText(path)

    def _browse_db(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Default database"),
            "",
            self.tr("Portfolio databases (*.sqlite *.db)"),
            options=QFileDialog.Option.DontConfirmOverwrite,
        )
        if path:
            self.database.setText(path)

    def chosen_language(self) -> str:
        return str(self.language.currentData())

    def store(self) -> None:
        prefs.set_value("user/name", self.user.text().strip())
        prefs.set_value("ui/language", self.chosen_language())
        prefs.set_value("briefs/municipality", self.municipality.text().strip())
        prefs.set_value("briefs/logo", self.logo.text().strip())
        prefs.set_value("db/default", self.database.text().strip())
        core = load_settings()
        core.stale_pressure_days = self.stale_pressure.value()
        core.stale_journal_days = self.stale_journal.value()
        core.outcome_grace_days = self.outcome_grace.value()
        core.outcome_stale_days = self.outcome_stale.value()
        core.attachment_limit_mb = self.attachment_limit.value()
        save_settings(core)


class TypologyGuide(QDialog):
    """The article's three practices of co-production, side by side."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Typology guide"))
        lang = i18n.lang()
        intro = QLabel(
            self.tr(
                "Three practices of co-production (Agger & Tortzen 2023). Choose the one that "
                "describes the initiative best; a secondary type can record a mix."
            ),
            self,
        )
        intro.setWordWrap(True)
        cards = QWidget(self)
        row = QHBoxLayout(cards)
        for card in TYPOLOGY.values():
            row.addWidget(typology_card_label(card.type.value, lang, cards), 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(cards)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(buttons)
        self.resize(960, 520)


def typology_card_html(type_key: str, lang: str) -> str:
    from html import escape

    from PySide6.QtCore import QCoreApplication

    heading_characteristics = QCoreApplication.translate("Typology", "Characteristics")
    heading_role = QCoreApplication.translate("Typology", "Role of the frontline co-producer")
    heading_value = QCoreApplication.translate("Typology", "Perceived public value")
    heading_examples = QCoreApplication.translate("Typology", "Examples")
    card = TYPOLOGY[v.InitiativeType.get(type_key)]
    examples = "".join(f"<li>{escape(e.get(lang))}</li>" for e in card.examples)
    return (
        f"<h3>{escape(card.type.label(lang))}</h3>"
        f"<p><b>{heading_characteristics}</b><br>{escape(card.characteristics.get(lang))}</p>"
        f"<p><b>{heading_role}</b><br>{escape(card.role.get(lang))}</p>"
        f"<p><b>{heading_value}</b><br>{escape(card.public_value.get(lang))}</p>"
        f"<p><b>{heading_examples}</b></p><ul style='margin-top:0'>{examples}</ul>"
    )


def typology_card_label(type_key: str, lang: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(typology_card_html(type_key, lang), parent)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    label.setFrameShape(QLabel.Shape.StyledPanel)
    label.setMargin(8)
    return label
