"""Guard against a Qt binding that over-releases None, True or False.

PySide6-Essentials 6.12.0 on Python 3.11 takes one reference from `None` (or `True`/`False`)
on every call of a Qt method that returns nothing (`QLabel.setText`, `QWidget.setEnabled`, …)
without having given it. `None` holds some 34,000 references in the running app, so after
that many calls the interpreter aborts with "Fatal Python error: none_dealloc" — typing one
page into a description did it. On Python 3.12+ these objects are immortal and nothing
happens. README ("Python and Qt") tells the story; this test is what tells an upgrade apart.

The calls run in a child interpreter, so a binding with the defect fails this test (abort or
counts that moved) instead of taking the whole test session down with it.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

CALLS = 3000  # per kind of call: far above noise

CHILD = textwrap.dedent(
    """
    import json, sys
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QAction, QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import (
        QApplication, QCheckBox, QComboBox, QLabel, QLineEdit, QPlainTextEdit, QPushButton,
        QSpinBox, QTableWidgetItem, QTextEdit, QTreeWidgetItem, QWidget,
    )

    CALLS = int(sys.argv[1])
    MILLION = int(sys.argv[2])
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
        moved[name] = [a - b for a, b in zip(after, before)]
    for _ in range(MILLION):  # the issue's reproduction: a million setText calls
        label.setText("text")
    print(json.dumps(moved))
    sys.stdout.flush()
    if MILLION == 0:
        import os
        os._exit(0)  # the spare references' release must not abort the report
    """
)


def run_child(calls: int, million: int) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [sys.executable, "-c", CHILD, str(calls), str(million)],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )


def test_qt_setters_leave_none_true_and_false_counts_alone():
    result = run_child(CALLS, 0)
    assert result.returncode == 0, result.stderr[-2000:]
    moved = json.loads(result.stdout.strip().splitlines()[-1])
    # A few references may come and go with caches; the defect moves them by CALLS.
    leaking = {name: delta for name, delta in moved.items() if max(map(abs, delta)) > CALLS // 10}
    assert not leaking, (
        f"{len(leaking)} kind(s) of Qt call change the reference counts of (None, True, False) "
        f"by about one per call over {CALLS} calls — this binding over-releases them and the "
        f"app will abort (README, 'Python and Qt'): {leaking}"
    )


def test_a_million_setter_calls_do_not_abort_the_interpreter():
    result = run_child(3000, 1_000_000)
    assert result.returncode == 0, (
        "the Qt binding aborted the interpreter (see README, 'Python and Qt'):\n"
        + result.stderr[-2000:]
    )
