"""In-app preview of evidence: PDFs through QtPdf, images through QImageReader."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImageReader, QPixmap
from PySide6.QtWidgets import QDialog, QLabel, QScrollArea, QVBoxLayout, QWidget


class PreviewDialog(QDialog):
    def __init__(self, path: Path, file_name: str, media_type: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Xem tài liệu: {name}").format(name=file_name))
        self.resize(820, 680)
        lay = QVBoxLayout(self)
        self.kind = "none"
        if media_type == "application/pdf" or file_name.lower().endswith(".pdf"):
            from PySide6.QtPdf import QPdfDocument
            from PySide6.QtPdfWidgets import QPdfView

            self.document = QPdfDocument(self)
            self.document.load(str(path))
            if self.document.status() == QPdfDocument.Status.Ready:
                view = QPdfView(self)
                view.setDocument(self.document)
                view.setPageMode(QPdfView.PageMode.MultiPage)
                view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
                lay.addWidget(view)
                self.kind = "pdf"
        elif QImageReader(str(path)).canRead():
            reader = QImageReader(str(path))
            reader.setAutoTransform(True)
            image = reader.read()
            if not image.isNull():
                label = QLabel(self)
                label.setPixmap(QPixmap.fromImage(image).scaledToWidth(min(image.width(), 780), Qt.TransformationMode.SmoothTransformation))
                area = QScrollArea(self)
                area.setWidget(label)
                lay.addWidget(area)
                self.kind = "image"
        if self.kind == "none":
            msg = QLabel(
                self.tr("Không xem trước được loại tệp này trong ứng dụng. Hãy dùng nút “Mở ngoài” để mở bằng ứng dụng khác."),
                self,
            )
            msg.setWordWrap(True)
            lay.addWidget(msg)
