"""Does this Python + Qt binding over-release None, True or False? (README, "Python and Qt")

    python packaging/check_qt_binding.py [CALLS [MILLION]]

PySide6-Essentials 6.12.0 on Python 3.11 takes one reference from `None` on every call of a
Qt method that returns nothing, and the interpreter aborts after some 30,000 such calls. This
script calls each kind of Qt setter the app uses CALLS times and prints, as JSON, how far each
moved the reference counts of (None, True, False); with MILLION > 0 it then calls
`QLabel.setText` that many times (a defective binding aborts there). It exits 0 when nothing
moved, 1 when something did. tests/ui/test_qt_binding_refcounts.py runs it in the test suite
and packaging/build.sh refuses to freeze a bundle on a binding that fails it.
"""

import json
import os
import sys

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableWidgetItem,
    QTextEdit,
    QTreeWidgetItem,
    QWidget,
)

CALLS = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
MILLION = int(sys.argv[2]) if len(sys.argv) > 2 else 0
# When measuring, lend the three objects spare references so that a defective binding
# shows its counts instead of aborting before it can report them.
spare = [None, True, False] * (200_000 if MILLION == 0 else 0)
app = QApplication([])
label, line, widget = QLabel(), QLineEdit(), QWidget()
plain, rich, combo, check = QPlainTextEdit(), QTextEdit(), QComboBox(), QCheckBox()
button, spin, action = QPushButton(), QSpinBox(), QAction("a")
tree_item, table_item = QTreeWidgetItem(["x"]), QTableWidgetItem("x")
standard_item, model = QStandardItem("x"), QStandardItemModel(1, 1)
role = Qt.ItemDataRole.UserRole
kinds = {
    "QLabel.setText": lambda i: label.setText("text"),
    "QLineEdit.setText": lambda i: line.setText("text"),
    "QWidget.setEnabled(True)": lambda i: widget.setEnabled(True),
    "QWidget.setEnabled(False)": lambda i: widget.setEnabled(False),
    "QWidget.setVisible": lambda i: widget.setVisible(False),
    "QWidget.setToolTip": lambda i: widget.setToolTip("tip"),
    "QPlainTextEdit.setPlainText": lambda i: plain.setPlainText("text"),
    "QTextEdit.setPlainText": lambda i: rich.setPlainText("text"),
    "QComboBox.addItem": lambda i: combo.addItem("item", None),
    "QComboBox.setCurrentIndex": lambda i: combo.setCurrentIndex(0),
    "QCheckBox.setChecked": lambda i: check.setChecked(i % 2 == 0),
    "QPushButton.setDefault": lambda i: button.setDefault(True),
    "QSpinBox.setValue": lambda i: spin.setValue(i % 10),
    "QAction.setEnabled": lambda i: action.setEnabled(False),
    "QAction.setChecked": lambda i: action.setChecked(True),
    "QTreeWidgetItem.setData": lambda i: tree_item.setData(0, role, None),
    "QTreeWidgetItem.setText": lambda i: tree_item.setText(0, "text"),
    "QTreeWidgetItem.setToolTip": lambda i: tree_item.setToolTip(0, "tip"),
    "QTableWidgetItem.setData": lambda i: table_item.setData(role, True),
    "QStandardItem.setData": lambda i: standard_item.setData(None, role),
    "QStandardItemModel.setData": lambda i: model.setData(model.index(0, 0), False, role),
}
moved = {}
for name, call in kinds.items():
    before = [sys.getrefcount(o) for o in (None, True, False)]
    for i in range(CALLS):
        call(i)
    after = [sys.getrefcount(o) for o in (None, True, False)]
    moved[name] = [a - b for a, b in zip(after, before, strict=True)]
for _ in range(MILLION):  # the reproduction: a million setText calls run to the end
    label.setText("text")
leaking = any(max(map(abs, delta)) > CALLS // 10 for delta in moved.values())
print(json.dumps(moved))
sys.stdout.flush()
# os._exit: with spare references lent, their release at exit must not abort the report
os._exit(1 if leaking else 0)
