"""Messages the GUI looks up at run time but pyside6-lupdate cannot extract from cchc_desktop/gui.

Never imported: scripts/update_translations.sh passes this file to lupdate next to the GUI
sources so that these (context, source) pairs stay in cchc_en.ts with their translations.
Each block names the call it stands for; delete the block once that call is written so that
lupdate sees it (the translation is kept, because the context and source text are the same).
"""

from PySide6.QtCore import QT_TRANSLATE_NOOP

# cchc_desktop/gui/models/criteria_tree.py: `self.tr(self.COLUMNS[section])` in headerData.
# Fix there: COLUMNS = (QT_TRANSLATE_NOOP("CriteriaTreeModel", "Mã"), ...).
QT_TRANSLATE_NOOP("CriteriaTreeModel", "Mã")
QT_TRANSLATE_NOOP("CriteriaTreeModel", "Tiêu chí")
QT_TRANSLATE_NOOP("CriteriaTreeModel", "Tối đa")
QT_TRANSLATE_NOOP("CriteriaTreeModel", "Tự chấm")
QT_TRANSLATE_NOOP("CriteriaTreeModel", "Trạng thái")

# cchc_desktop/gui/widgets/rule_inputs.py, make_input: `tr = parent.tr` then `tr("...")`.
# lupdate files these under the empty context, but PySide looks them up under the class name
# of `parent`, which is ItemEditor.  Fix there: QCoreApplication.translate("RuleInput", "...").
QT_TRANSLATE_NOOP("ItemEditor", "ví dụ 92,5")
QT_TRANSLATE_NOOP("ItemEditor", "số nguyên, ví dụ 0")
QT_TRANSLATE_NOOP("ItemEditor", "Điểm")
QT_TRANSLATE_NOOP("ItemEditor", "0 đến {mx}")
