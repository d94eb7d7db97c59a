"""Next year from the command line (`assess next-year`, `assess confirm`) and from the window
(the "Xác nhận" button of a carried item, the menu action)."""

from __future__ import annotations

import json
from pathlib import Path

from cchc_desktop.core.services.agency import AgencyWorkspace

from ..cli.conftest import cli, new_workspace  # noqa: F401 - fixtures
from ..cli.helpers import answers_file
from ..gui.conftest import open_window  # noqa: F401 - fixture
from .test_carry_over import doc_2027, framework_2027, year_2026  # noqa: F401 - fixture


def test_next_year_from_the_command_line(cli, new_workspace, tmp_path: Path):  # noqa: F811
    ws = new_workspace()
    (tmp_path / "ke-hoach.pdf").write_bytes(b"%PDF-1.4 ke hoach")
    r = cli("assess", "fill", ws, "--answers", answers_file(tmp_path / "a.json", {
        "1.1.1": {"value": "dung_han", "note": "Đúng hạn", "evidence": [{"file": "ke-hoach.pdf", "number_symbol": "1/KH"}]},
        "1.3": {"value": True, "note": "Có tuyên truyền"},
    }))
    assert r.code == 0, r.err
    fw27 = tmp_path / "mini-2027.json"
    fw27.write_text(json.dumps(doc_2027(), ensure_ascii=False), encoding="utf-8")
    r = cli("assess", "next-year", ws, "--framework", fw27)
    assert r.code == 0, r.err
    assert "Đã bắt đầu năm 2027 từ năm 2026" in r.out and "Cần xác nhận: 1.1.1" in r.out
    assert "Không mang sang (mã hoặc tên tiêu chí đã đổi): 1.3" in r.out
    score = cli("assess", "score", ws, "--json").json()
    assert [p["code"] for p in score["problems"] if p["kind"] == "to_confirm"] == ["1.1.1"]
    info = cli("workspace", "info", ws, "--json").json()
    assert info["year"] == 2027 and info["to_confirm"] == ["1.1.1"]
    assert [(y["year"], y["current"]) for y in info["years"]] == [(2026, False), (2027, True)]
    r = cli("assess", "confirm", ws, "9.9")
    assert r.code == 1 and "không có gì cần xác nhận" in r.err
    r = cli("assess", "confirm", ws, "--all")
    assert r.code == 0 and "còn 0 mục" in r.out
    score = cli("assess", "score", ws, "--json").json()
    assert not [p for p in score["problems"] if p["kind"] == "to_confirm"]
    # Same year again: refused, nothing changed.
    r = cli("assess", "next-year", ws, "--framework", fw27)
    assert r.code == 1 and "phải sau năm hiện tại" in r.err


def test_next_year_with_an_unsigned_official_file_needs_unsigned(cli, new_workspace, tmp_path: Path):  # noqa: F811
    ws = new_workspace()
    doc = doc_2027()
    doc["sample"] = False
    fw27 = tmp_path / "chinh-thuc-2027.json"
    fw27.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    r = cli("assess", "next-year", ws, "--framework", fw27)
    assert r.code == 1 and "--unsigned" in r.err
    assert cli("workspace", "info", ws, "--json").json()["year"] == 2026
    r = cli("assess", "next-year", ws, "--framework", fw27, "--unsigned")
    assert r.code == 0, r.err
    assert cli("workspace", "info", ws, "--json").json()["framework_trust"]["status"] == "unsigned"


def test_confirm_button_in_the_item_editor(year_2026: AgencyWorkspace, open_window):  # noqa: F811
    year_2026.start_next_year(framework_2027())
    d = open_window(year_2026)
    editor = d.window.editor
    d.select("1.1.1")
    assert editor.carried.isVisible() and editor.confirm_button.isVisible()
    assert "2026" in editor.carried_text.text()
    assert any(p.kind == "to_confirm" and p.code == "1.1.1" for p in d.score.problems)
    editor.confirm_button.click()
    d.settle()
    assert not editor.carried.isVisible()
    assert [p.code for p in d.score.problems if p.kind == "to_confirm"] == ["2.3"]
    d.select("1.1.2")  # never carried: no confirm box
    assert not editor.carried.isVisible()


def test_menu_action_starts_the_new_year(year_2026: AgencyWorkspace, open_window, monkeypatch):  # noqa: F811
    from PySide6.QtWidgets import QMessageBox

    from cchc_desktop.core.services.framework_source import FrameworkChoice
    from cchc_desktop.core.storage.records import FrameworkTrust
    from cchc_desktop.gui.dialogs.next_year import NextYearDialog

    d = open_window(year_2026)
    assert d.window.next_year_action.text() == "Bắt đầu năm mới từ năm trước…"
    choice = FrameworkChoice(framework_2027(), FrameworkTrust("sample"))

    def fake_exec(dialog: NextYearDialog) -> int:
        assert dialog.current_year == 2026 and dialog.source.sample_warning.isVisibleTo(dialog)
        dialog.choice = choice
        return 1

    shown: list[str] = []
    monkeypatch.setattr(NextYearDialog, "exec", fake_exec)
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda parent, title, text, *a, **k: shown.append(text)))
    started: list[object] = []
    d.window.year_started.connect(started.append)
    d.window.next_year_action.trigger()
    d.settle()
    assert started and started[0].year == 2027 and "năm 2027 từ năm 2026" in shown[0]
    assert d.ops.framework.year == 2027 and d.ops.snapshot.info.to_confirm == 2


def test_the_application_reopens_the_workspace_on_the_new_year(year_2026: AgencyWorkspace, qtbot, monkeypatch):  # noqa: F811
    from PySide6.QtWidgets import QApplication, QMessageBox

    from cchc_desktop.core.services.framework_source import FrameworkChoice
    from cchc_desktop.core.storage.records import FrameworkTrust
    from cchc_desktop.gui.app import Application
    from cchc_desktop.gui.dialogs.next_year import NextYearDialog

    class Settings:  # no QSettings written by a test
        last_workspace = ""
        language = "vi"

        def geometry(self) -> None:
            return None

        def set_geometry(self, _g: object) -> None:
            pass

    def fake_exec(dialog: NextYearDialog) -> int:
        dialog.choice = FrameworkChoice(framework_2027(), FrameworkTrust("sample"))
        return 1

    monkeypatch.setattr(NextYearDialog, "exec", fake_exec)
    monkeypatch.setattr(QMessageBox, "information", staticmethod(lambda *a, **k: None))
    controller = Application(QApplication.instance(), Settings(), "vi")  # type: ignore[arg-type]
    controller.show_workspace(year_2026)
    first = controller.window
    qtbot.addWidget(first)
    first.next_year_action.trigger()
    qtbot.waitUntil(lambda: controller.window is not first, timeout=10000)
    qtbot.addWidget(controller.window)
    try:
        assert "(2027)" in controller.window.windowTitle() and not first.isVisible()
        assert controller.ops.framework.year == 2027 and controller.ops.workspace is not year_2026
        assert controller.window.model.index_of("1.4").isValid() is False  # removed in 2027
        assert controller.window.framework_warning is not None and controller.window.framework_warning.isVisible()
    finally:
        controller.shutdown()
