"""The survey tab of the round setup: save the survey template, import the filled one (all or
nothing: a bad cell refuses the file and the service names it)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from ...core.errors import UserFacingError
from ...core.framework.model import Scorer
from ...core.services.inspection import InspectionWorkspace
from .round_setup import SetupTab


class SurveyTab(SetupTab):
    def __init__(self, ws: InspectionWorkspace, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(ws, lang, parent)
        intro = QLabel(self.tr("Điểm điều tra xã hội học (SIPAS) nhập từ tệp Excel theo mẫu: mỗi dòng một cơ quan, mỗi cột "
                               "một tiêu chí điều tra. Lưu mẫu, điền điểm, rồi nhập lại. Tệp có ô sai thì không nhập điểm "
                               "nào; ô sai được chỉ rõ bên dưới."), self)
        intro.setWordWrap(True)
        self.lay.addWidget(intro)
        self.status = QLabel(self)
        self.status.setObjectName("surveyStatus")
        self.status.setWordWrap(True)
        self.lay.addWidget(self.status)
        row = QHBoxLayout()
        self.template_button = QPushButton(self.tr("Lưu &mẫu điều tra…"), self)
        self.import_button = QPushButton(self.tr("Nhập đ&iểm điều tra…"), self)
        row.addWidget(self.template_button)
        row.addWidget(self.import_button)
        row.addStretch(1)
        self.lay.addLayout(row)
        self.add_messages()
        self.lay.addStretch(1)
        self.template_button.clicked.connect(self.save_template)
        self.import_button.clicked.connect(lambda: self.import_file())
        self.refresh()

    def refresh(self) -> None:
        items = [i for i in self.ws.framework.leaves() if i.scorer is Scorer.SURVEY]
        if not items:
            self.status.setText(self.tr("Bộ tiêu chí của đợt này không có tiêu chí điều tra xã hội học."))
            self.template_button.setEnabled(False)
            self.import_button.setEnabled(False)
            return
        points = self.ws.survey_points()
        agencies = self.ws.agencies()
        done = sum(1 for a in agencies if all(i.code in points.get(a.code, {}) for i in items))
        self.status.setText(self.tr("{n} tiêu chí điều tra. Đã có đủ điểm điều tra của {done}/{total} cơ quan.").format(
            n=len(items), done=done, total=len(agencies)))

    def save_template(self) -> None:
        path = type(self).ask_save(self, self.tr("Lưu mẫu điểm điều tra xã hội học"), "diem-dieu-tra-xa-hoi-hoc.xlsx")
        if path is None:
            return
        try:
            self.ws.write_survey_template(path)
        except UserFacingError as exc:
            self.refused(exc)
            return
        except OSError as exc:
            self.refused(UserFacingError(f"Không ghi được tệp “{path}”: {exc.strerror}.", f"Cannot write '{path}': {exc.strerror}."))
            return
        self.error.hide()
        self.result.setText(self.tr("Đã lưu mẫu: {path}").format(path=path))
        self.result.show()

    def import_file(self, path: Path | None = None) -> None:
        path = path or type(self).ask_open(self, self.tr("Chọn tệp điểm điều tra xã hội học"))
        if path is None:
            return
        try:
            result = self.ws.import_survey(path)
        except UserFacingError as exc:
            self.refused(exc)
            return
        self.refresh()
        self.done(self.tr("Đã nhập {cells} điểm điều tra của {n} cơ quan từ “{name}”.").format(
            cells=result.cells, n=result.agencies, name=result.source_name))
