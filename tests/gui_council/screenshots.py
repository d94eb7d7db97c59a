"""Screenshots of the council's screens on a realistic round (docs/screenshots/council-*.png and
the council guide's pictures):

    xvfb-run -a -s "-screen 0 1366x768x24" .venv/bin/python tests/gui_council/screenshots.py

Builds the demo round of demo_round.py in a temporary folder (removed afterwards), opens the
council window and the review window at 1366x768 in Vietnamese and grabs them.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO))

from PySide6.QtCore import QEventLoop, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

from cchc_desktop.gui.resources import install_language, load_fonts  # noqa: E402
from tests.gui_council.demo_round import build_demo_round  # noqa: E402

DOCS = REPO / "docs" / "screenshots"
GUIDE = REPO / "resources" / "help" / "screenshots"


def wait(ms: int = 300) -> None:
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def shot(widget: QWidget, *paths: Path) -> None:
    widget.show()
    widget.raise_()
    wait(400)
    image = widget.grab()
    for path in paths:
        path.parent.mkdir(parents=True, exist_ok=True)
        image.save(str(path))
        print(f"wrote {path.relative_to(REPO)} ({widget.width()}x{widget.height()})")


def main() -> int:
    app = QApplication([])
    app.setStyle("Fusion")
    load_fonts(app)
    install_language("vi")
    tmp = Path(tempfile.mkdtemp(prefix="cchc-hoi-dong-"))
    try:
        ws = build_demo_round(tmp)
        from cchc_desktop.gui.dialogs.round_setup import TAB_REVIEWERS, RoundSetupDialog
        from cchc_desktop.gui.windows.inspection_window import InspectionWindow

        win = InspectionWindow(ws)
        win.resize(1366, 740)
        win.show()
        done: list[int] = []
        win.dashboard_loaded.connect(lambda: done.append(1))
        while not done:
            wait(100)
        win.dashboard.select("XA-DTO")
        shot(win, DOCS / "council-dashboard.png", GUIDE / "hoi-dong-bang-dieu-khien.png")
        win.tabs.setCurrentIndex(1)
        ranked: list[int] = []
        win.ranking_loaded.connect(lambda: ranked.append(1))
        while not ranked:
            wait(100)
        shot(win, DOCS / "council-ranking.png", GUIDE / "hoi-dong-xep-hang.png")
        win.tabs.setCurrentIndex(0)

        setup = RoundSetupDialog(ws, TAB_REVIEWERS, "vi", win)
        shot(setup, DOCS / "council-setup.png", GUIDE / "hoi-dong-thiet-lap.png")
        setup.close()

        review = win.open_review("XA-DTO")
        review.resize(1366, 740)
        # An item the council changed, with evidence: what a reviewer looks at most.
        target = next(c for c in review.review.disagreements(review.model.leaf_codes())
                      if review.review.evidence_for(c)) if review.review.disagreements(review.model.leaf_codes()) else None
        if target:
            review.select_item(target)
        shot(review, DOCS / "council-review.png", GUIDE / "hoi-dong-tham-dinh.png")
        review.go_unreviewed(1)
        review.editor.points.setText("0,3")
        review.save()
        shot(review, DOCS / "council-review-error.png")
        review.close()
        win.close()
        ws.close()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
