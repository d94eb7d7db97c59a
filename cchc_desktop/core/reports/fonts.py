"""The fonts of printed reports: Liberation Serif, shipped in resources/fonts/ and embedded.

State documents are customarily set in Times New Roman (Nghị định 30/2020/NĐ-CP); Liberation Serif
has the same metrics, every Vietnamese letter, and a licence (SIL OFL 1.1) that allows bundling.
reportlab's built-in Times/Helvetica are never used: they are not embedded and drop ầ, ữ, ợ.

The files are found through `core.paths.resources_dir()`, which also works inside the PyInstaller
bundle (sys._MEIPASS), exactly like the interface font.
"""

from __future__ import annotations

import threading
import unicodedata
from pathlib import Path

from ..errors import UserFacingError
from ..paths import resources_dir

SERIF = "LiberationSerif"
SERIF_BOLD = "LiberationSerif-Bold"
SERIF_ITALIC = "LiberationSerif-Italic"
SERIF_BOLD_ITALIC = "LiberationSerif-BoldItalic"

FONT_FILES = {
    SERIF: "LiberationSerif-Regular.ttf",
    SERIF_BOLD: "LiberationSerif-Bold.ttf",
    SERIF_ITALIC: "LiberationSerif-Italic.ttf",
    SERIF_BOLD_ITALIC: "LiberationSerif-BoldItalic.ttf",
}

_lock = threading.Lock()
_registered = False


def font_path(name: str) -> Path:
    """The TTF file of one of the four faces (resources/fonts/…)."""
    return resources_dir() / "fonts" / FONT_FILES[name]


def register_fonts() -> str:
    """Register the four faces and their family with reportlab (once per process); returns the
    family name to use in styles.  <b> and <i> in paragraphs then pick the right face.

    Raises a UserFacingError naming the missing file when the installation lacks a font (a broken
    install must say so, not print boxes)."""
    global _registered
    with _lock:  # the GUI builds reports on its worker thread; the CLI on the main one
        if _registered:
            return SERIF
        from reportlab.pdfbase import pdfmetrics
        from reportlab.pdfbase.ttfonts import TTFont

        for name in FONT_FILES:
            path = font_path(name)
            if not path.is_file():
                raise UserFacingError(
                    f"Thiếu tệp phông chữ “{path}” của ứng dụng: hãy cài đặt lại ứng dụng.",
                    f"The application's font file '{path}' is missing: reinstall the application.",
                )
            pdfmetrics.registerFont(TTFont(name, str(path)))
        pdfmetrics.registerFontFamily(SERIF, normal=SERIF, bold=SERIF_BOLD, italic=SERIF_ITALIC, boldItalic=SERIF_BOLD_ITALIC)
        _registered = True
        return SERIF


def nfc(text: str | None) -> str:
    """Text as drawn: NFC (decomposed marks are misplaced by the PDF font engine)."""
    return unicodedata.normalize("NFC", text or "")
