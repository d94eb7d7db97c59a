"""Regenerate docs/screenshots/ from a demo workspace.

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python scripts/screenshots.py

Fills part of the bundled commune sample through the service (as `cchc assess fill` would),
attaches a real PDF, opens the main window at 1366x768 and grabs it in Vietnamese and English.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from PySide6.QtCore import QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from cchc_desktop.core.framework.load import load_framework  # noqa: E402
from cchc_desktop.core.services.agency import AgencyWorkspace  # noqa: E402
from cchc_desktop.core.storage.records import Citation  # noqa: E402
from cchc_desktop.gui.operations import AgencyOperations  # noqa: E402
from cchc_desktop.gui.resources import install_language, load_fonts  # noqa: E402
from cchc_desktop.gui.windows.agency_window import AgencyWindow  # noqa: E402

OUT = REPO / "docs" / "screenshots"


def demo_pdf(path: Path) -> Path:
    from reportlab.pdfgen import canvas

    c = canvas.Canvas(str(path))
    c.drawString(72, 760, "UBND XA CAM HAI DONG - KE HOACH CCHC NAM 2026")
    c.save()
    return path


def fill(ws: AgencyWorkspace, tmp: Path) -> str:
    fw = ws.framework
    shown = ""
    for n, item in enumerate(i for i in fw.leaves() if i.scorer and i.scorer.value == "agency" and i.rule.kind not in ("bonus", "penalty")):
        if n >= 30:
            break
        kind = item.rule.kind
        if kind == "yes_no":
            ws.set_value(item.code, True)
        elif kind == "choice":
            ws.set_value(item.code, item.rule.options[min(n % 2, len(item.rule.options) - 1)].key)
        elif kind == "percent_tiers":
            ws.set_value(item.code, 92)
        elif kind == "ratio_tiers":
            ws.set_value(item.code, {"numerator": 187, "denominator": 192})
        elif kind == "deduction":
            ws.set_value(item.code, 1)
        elif kind == "manual":
            ws.set_value(item.code, item.max_points)
        if kind == "choice" and not shown:
            shown = item.code
            ws.add_evidence(
                item.code,
                demo_pdf(tmp / "ke-hoach-cchc-2026.pdf"),
                Citation("Kế hoạch", "15/KH-UBND", "10/01/2026", "UBND xã Cam Hải Đông", "Kế hoạch cải cách hành chính năm 2026"),
                pages="trang 1-3",
            )
            ws.set_note(item.code, "Kế hoạch ban hành đúng hạn, đăng trên Trang thông tin điện tử của xã.")
    return shown


def main() -> int:
    app = QApplication([])
    app.setStyle("Fusion")
    load_fonts(app)
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmpdir:
        tmp = Path(tmpdir)
        ws = AgencyWorkspace.create(tmp / "ws", load_framework(REPO / "forms" / "xa-2026.json"), "XA-CHD", "UBND xã Cam Hải Đông")
        code = fill(ws, tmp)
        ops = AgencyOperations(ws)
        for lang, name in (("vi", "agency-main-window.png"), ("en", "agency-main-window-en.png")):
            install_language(lang)
            ops.lang = lang
            win = AgencyWindow(ops)
            win.resize(1366, 740)
            win.show()
            win.select_item(code)
            QTimer.singleShot(400, app.quit)
            app.exec()
            win.grab().save(str(OUT / name))
            print("wrote", OUT / name)
            win.close()
        ops.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
