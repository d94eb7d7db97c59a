"""For the province: turn its Excel table into a framework file, or a framework file into Excel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...core.errors import InvalidFramework, UserFacingError
from ..resources import current_language


class FrameworkToolsDialog(QDialog):
    """Two actions; each reports what it did, or every problem with its sheet, row and column."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Bộ tiêu chí và bảng Excel"))
        lay = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Tỉnh soạn bộ tiêu chí bằng bảng Excel như bảng vẫn ban hành kèm quyết định (mẫu: "
                "forms/template-khung-tieu-chi.xlsx). Nhập bảng để tạo tệp bộ tiêu chí; xuất một bộ tiêu chí ra Excel "
                "để sửa cho năm sau."
            ),
            self,
        )
        intro.setWordWrap(True)
        lay.addWidget(intro)
        self.import_button = QPushButton(self.tr("Nhập bảng Excel → tệp bộ tiêu chí (.json)…"), self)
        self.export_button = QPushButton(self.tr("Xuất tệp bộ tiêu chí → bảng Excel…"), self)
        self.import_button.clicked.connect(self.choose_import)
        self.export_button.clicked.connect(self.choose_export)
        lay.addWidget(self.import_button)
        lay.addWidget(self.export_button)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.summary.setObjectName("toolsSummary")
        lay.addWidget(self.summary)
        self.findings = QListWidget(self)
        self.findings.setWordWrap(True)
        lay.addWidget(self.findings, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        lay.addWidget(buttons)
        self.resize(760, 480)

    # -- actions (the file choice is separate so tests can call the work directly) --------------

    def choose_import(self) -> None:
        src, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn bảng Excel"), "", self.tr("Bảng Excel (*.xlsx)"))
        if not src:
            return
        out, _ = QFileDialog.getSaveFileName(self, self.tr("Lưu tệp bộ tiêu chí"), str(Path(src).with_suffix(".json")),
                                             self.tr("Bộ tiêu chí (*.json)"))
        if out:
            self.import_table(Path(src), Path(out))

    def choose_export(self) -> None:
        src, _ = QFileDialog.getOpenFileName(self, self.tr("Chọn tệp bộ tiêu chí"), "", self.tr("Bộ tiêu chí (*.json)"))
        if not src:
            return
        out, _ = QFileDialog.getSaveFileName(self, self.tr("Lưu bảng Excel"), str(Path(src).with_suffix(".xlsx")),
                                             self.tr("Bảng Excel (*.xlsx)"))
        if out:
            self.export_table(Path(src), Path(out))

    def import_table(self, xlsx: Path, out: Path) -> bool:
        from ...core.excel import InvalidXlsxFramework, import_xlsx, save_framework_json

        lang = current_language()
        self.findings.clear()
        try:
            result = import_xlsx(xlsx)
            save_framework_json(result.framework, out, overwrite=out.exists())
        except InvalidXlsxFramework as exc:
            self.summary.setText(self.tr("Chưa tạo được bộ tiêu chí: bảng có {n} lỗi. Sửa các ô dưới đây rồi nhập lại.").format(
                n=len(exc.findings)))
            for f in exc.findings:
                self.findings.addItem(f"{f.where}: {f.en if lang == 'en' else f.vi}")
            return False
        except (InvalidFramework, UserFacingError) as exc:
            self.summary.setText(exc.message(lang))
            return False
        fw = result.framework
        self.summary.setText(
            self.tr("Đã tạo “{name}”: {fields} lĩnh vực, tổng {total} điểm. Mã băm: {sha}").format(
                name=out.name, fields=len(fw.fields), total=fw.total, sha=fw.sha256[:16] + "…"
            )
        )
        for w in result.warnings:
            self.findings.addItem(f"{w.where}: {w.en if lang == 'en' else w.vi}")
        return True

    def export_table(self, form: Path, out: Path) -> bool:
        from ...core.excel import export_xlsx
        from ...core.framework.load import load_framework

        self.findings.clear()
        try:
            fw = load_framework(form)
            export_xlsx(fw, out)
        except UserFacingError as exc:
            self.summary.setText(exc.message(current_language()))
            if isinstance(exc, InvalidFramework):
                for p in exc.problems:
                    self.findings.addItem(f"{p.where}: {p.vi}")
            return False
        self.summary.setText(self.tr("Đã xuất “{name}” ra bảng Excel “{out}”.").format(name=fw.title, out=out.name))
        return True
