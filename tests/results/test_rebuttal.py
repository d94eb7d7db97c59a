"""Rebuttals (giải trình): the agency writes and signs one, the council imports it (round 2), a
round-2 result makes the agency final; hostile rebuttals are refused with nothing stored."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy.orm import Session

from cchc_desktop.core.errors import UserFacingError
from cchc_desktop.core.package.reader import verify_package
from cchc_desktop.core.package.result_format import REBUTTAL, rebuttal_json
from cchc_desktop.core.package.writer import EvidenceSource
from cchc_desktop.core.services import export as export_mod
from cchc_desktop.core.services.agency import AgencyWorkspace
from cchc_desktop.core.services.agency_results import (
    add_rebuttal_evidence,
    export_rebuttal,
    import_result,
    rebuttal_document,
    remove_rebuttal_evidence,
    result_view,
    sent_rebuttals,
    set_rebuttal_text,
)
from cchc_desktop.core.services.results import issue_result
from cchc_desktop.core.signing.api import Verdict
from cchc_desktop.core.storage.orm import AgencyRow, PackageRow
from cchc_desktop.core.storage.records import Citation

from ..conftest import TEST_ACTOR, fixed_clock
from ..inspection.helpers import snapshot
from .conftest import rebuttal_package, trust_of

NEW_EVIDENCE = b"%PDF-1.4\n% Quyet dinh 15/QD-UBND ban hanh ke hoach CCHC (ban goc)\n"
TEXT_111 = "Kế hoạch CCHC năm 2026 đã ban hành theo Quyết định 15/QĐ-UBND ngày 10/01/2026 (gửi kèm bản gốc)."
TEXT_14 = "Hai sáng kiến đã được Hội đồng sáng kiến huyện công nhận."


@pytest.fixture
def received(scenario, tmp_path) -> Any:
    """XA-001 received its round-1 result; returns the agency workspace."""
    issued = issue_result(scenario.council, "XA-001", tmp_path / "kq-1.cchc", scenario.pki.council)
    ws = scenario.agency("XA-001")
    import_result(ws, issued.path, trust_of(scenario.pki.trust))
    return ws


def _write_rebuttal(ws: AgencyWorkspace, make_file) -> None:
    set_rebuttal_text(ws, "1.1.1", TEXT_111)
    set_rebuttal_text(ws, "1.4", TEXT_14)
    add_rebuttal_evidence(ws, "1.1.1", make_file("qd-15.pdf", NEW_EVIDENCE),
                          Citation("Quyết định", "15/QĐ-UBND", "10/01/2026", "UBND xã Một", "Ban hành kế hoạch CCHC năm 2026"),
                          pages="trang 1")


def test_rebuttal_round_trip_then_round_two_and_final(scenario, received, make_file, tmp_path) -> None:
    ws, council = received, scenario.council
    answers, documents, score = ws.answers(), ws.documents(), ws.score()
    _write_rebuttal(ws, make_file)
    view = result_view(ws)
    assert view.drafts == {"1.1.1": TEXT_111, "1.4": TEXT_14}
    assert [(e.item_code, e.file_name, e.citation.number_symbol, e.pages) for e in view.evidence] == [
        ("1.1.1", "qd-15.pdf", "15/QĐ-UBND", "trang 1")]
    out = tmp_path / "giai-trinh.cchc"
    done = export_rebuttal(ws, out, scenario.pki.agencies["XA-001"])
    # The self-assessment stays frozen: the rebuttal never changes the answers or the evidence.
    assert (ws.answers(), ws.documents(), ws.score()) == (answers, documents, score)
    assert ws.info().state == "submitted"
    submission = council.submission("XA-001")
    assert (done.sequence, done.previous_sha256, done.items, done.documents) == (2, submission.manifest_sha256,
                                                                                   ("1.1.1", "1.4"), 1)
    report = verify_package(out, trust_of(scenario.pki.trust))
    assert report.verdict is Verdict.VALID and report.manifest.kind == "rebuttal"
    doc = json.loads(report.data[REBUTTAL])
    assert doc["result"]["sha256"] == result_view(ws).result.manifest_sha256
    assert doc["items"] == [{"code": "1.1.1", "text": TEXT_111}, {"code": "1.4", "text": TEXT_14}]
    [ev] = doc["evidence"]
    assert ev["links"] == [{"code": "1.1.1", "pages": "trang 1"}] and ev["issue_date"] == "2026-01-10"
    assert [s.sequence for s in sent_rebuttals(ws)] == [2]

    # The council imports it: round 2, the texts, the new evidence stored.
    assert council.round_of("XA-001") == 1
    [res] = council.import_packages([out])
    assert res.status == "imported" and res.sequence == 2, res.reasons()
    assert any("Bản giải trình cho kết quả lần 1: 2 tiêu chí" in r for r in res.reasons())
    assert council.round_of("XA-001") == 2 and council.round_of("XA-002") == 1
    assert council.rebuttal_texts("XA-001") == {"1.1.1": TEXT_111, "1.4": TEXT_14}
    [d] = council.documents(res.manifest_sha256)
    assert d.links == (("1.1.1", "trang 1"),) and d.number_symbol == "15/QĐ-UBND"
    assert council.evidence_path(d.sha256).read_bytes() == NEW_EVIDENCE
    assert council.submission("XA-001").manifest_sha256 == submission.manifest_sha256  # still the one appraised
    [o] = council.overview("XA-001")
    assert (o.status, o.round) == ("rebuttal", 2)
    assert council.import_packages([out])[0].status == "already_imported"

    # Round 2: the council accepts the rebuttal of 1.1.1; 1.4 keeps its round-1 appraisal.
    a = council.appraise("XA-001", "1.1.1", "0.5", "Chấp nhận giải trình", reviewer="Nguyễn Văn A")
    assert a.round == 2
    final = issue_result(council, "XA-001", tmp_path / "kq-2.cchc", scenario.pki.council)
    fdoc = final.document
    assert (fdoc.round, fdoc.sequence, fdoc.final, fdoc.rebuttal_sha256) == (2, 2, True, res.manifest_sha256)
    assert (fdoc.item("1.1.1").final_points, fdoc.item("1.1.1").round, fdoc.item("1.4").round) == (
        __import__("decimal").Decimal("0.5"), 2, 1)
    assert str(fdoc.total.final_points) == "13.25" and str(fdoc.total.index) == "77.94"  # 12.75 + 0.5, / 17
    with Session(council.engine) as s:
        assert s.get(AgencyRow, "XA-001").final_at is not None
    assert council.overview("XA-001")[0].status == "final"

    # The agency receives the final result; nothing more to rebut, and the council would refuse it.
    imported = import_result(ws, final.path, trust_of(scenario.pki.trust))
    assert imported.result.final and imported.notes == ()
    assert not result_view(ws).can_rebut
    with pytest.raises(UserFacingError) as err:
        set_rebuttal_text(ws, "1.1.1", "thêm")
    assert "kết quả cuối cùng" in err.value.vi


def test_export_refusals_change_nothing(scenario, received, make_file, tmp_path) -> None:
    ws = received
    out = tmp_path / "gt.cchc"
    before = snapshot(ws.folder)
    with pytest.raises(UserFacingError) as err:
        export_rebuttal(ws, out, scenario.pki.agencies["XA-001"])
    assert "Chưa có nội dung giải trình" in err.value.vi
    assert snapshot(ws.folder) == before and not out.exists()
    with pytest.raises(UserFacingError):
        set_rebuttal_text(ws, "9.9", "không có")
    with pytest.raises(UserFacingError):
        set_rebuttal_text(ws, "1.1", "mục tổng hợp")
    assert snapshot(ws.folder) == before
    # Evidence on an item without text: refused; the other agency's key, the council's key: refused.
    add_rebuttal_evidence(ws, "1.3", make_file("x.pdf", NEW_EVIDENCE))
    set_rebuttal_text(ws, "1.1.1", TEXT_111)
    with pytest.raises(UserFacingError) as err:
        export_rebuttal(ws, out, scenario.pki.agencies["XA-001"])
    assert "1.3" in err.value.vi and "chưa có nội dung giải trình" in err.value.vi
    remove_rebuttal_evidence(ws, result_view(ws).evidence_for("1.3")[0].id)
    mid = snapshot(ws.folder)
    for key in (scenario.pki.agencies["XA-002"], scenario.pki.council):
        with pytest.raises(UserFacingError) as err:
            export_rebuttal(ws, out, key)
        assert "bản giải trình phải do chính cơ quan ký" in err.value.vi
    assert snapshot(ws.folder) == mid and not out.exists() and not list(tmp_path.glob(".gt.cchc*"))
    # An empty text withdraws the item.
    set_rebuttal_text(ws, "1.1.1", "  ")
    assert result_view(ws).drafts == {}


def test_no_result_nothing_to_rebut(scenario) -> None:
    ws = scenario.agency("XA-002")
    with pytest.raises(UserFacingError) as err:
        set_rebuttal_text(ws, "1.1.1", "x")
    assert "Chưa nhận kết quả thẩm định nào" in err.value.vi
    assert result_view(ws) is None


def test_a_killed_rebuttal_export_is_published_when_the_workspace_opens(scenario, received, make_file, tmp_path,
                                                                       monkeypatch) -> None:
    ws = received
    _write_rebuttal(ws, make_file)
    out = tmp_path / "gt.cchc"
    monkeypatch.setattr(export_mod, "reconcile_pending_export", lambda ws: None)
    with pytest.raises(UserFacingError):  # "killed" between the record and the rename
        export_rebuttal(ws, out, scenario.pki.agencies["XA-001"])
    assert not out.exists() and len(list(tmp_path.glob(".gt.cchc.*.part"))) == 1
    monkeypatch.undo()
    ws.close()
    with AgencyWorkspace.open(scenario.agencies["XA-001"], clock=fixed_clock, actor=TEST_ACTOR) as again:
        assert out.exists() and not list(tmp_path.glob(".gt.cchc.*.part"))
        assert [s.file_name for s in sent_rebuttals(again)] == ["gt.cchc"]
    assert verify_package(out, trust_of(scenario.pki.trust)).ok


# ---------------------------------------------------------------- hostile rebuttals


def _hostile(scenario, received, make_file, tmp_path, mutate=None, signer=None, agency_code="XA-001",
             name="gt.cchc", evidence=None) -> Path:
    """A rebuttal package built by hand (the real writer and signer), its data changed by `mutate`."""
    ws = received
    set_rebuttal_text(ws, "1.1.1", TEXT_111)
    doc = rebuttal_json(rebuttal_document(ws)[0])
    if mutate is not None:
        mutate(doc)
    sub = scenario.council.submission("XA-001")
    return rebuttal_package(tmp_path / name, signer or scenario.pki.agencies["XA-001"], doc, fw=ws.framework,
                            sequence=2, previous=sub.manifest_sha256, agency_code=agency_code, evidence=evidence).path


def _council_refuses(scenario, pkg: Path, *codes: str) -> list[str]:
    council = scenario.council
    before = snapshot(council.folder)
    [res] = council.import_packages([pkg])
    assert res.status == "refused" and res.codes == codes, (res.codes, res.reasons())
    assert snapshot(council.folder) == before
    assert council.round_of("XA-001") == 1 and council.rebuttal_texts("XA-001") == {}
    with Session(council.engine) as s:
        assert s.query(PackageRow).filter_by(kind="rebuttal").count() == 0
    return res.reasons()


def test_a_rebuttal_of_an_unknown_or_inner_item_is_refused(scenario, received, make_file, tmp_path) -> None:
    def unknown(doc):
        doc["items"].append({"code": "9.9", "text": "mục không có"})

    reasons = _council_refuses(scenario, _hostile(scenario, received, make_file, tmp_path, unknown), "rebuttal_invalid")
    assert "“9.9” không phải tiêu chí chấm điểm" in reasons[0]

    def inner(doc):
        doc["items"][0]["code"] = "1.1"

    _council_refuses(scenario, _hostile(scenario, received, make_file, tmp_path, inner, name="b.cchc"), "rebuttal_invalid")

    def twice(doc):
        doc["items"].append(dict(doc["items"][0]))

    _council_refuses(scenario, _hostile(scenario, received, make_file, tmp_path, twice, name="c.cchc"), "rebuttal_invalid")


def test_a_rebuttal_of_a_result_this_council_never_issued_is_refused(scenario, received, make_file, tmp_path) -> None:
    def other(doc):
        doc["result"]["sha256"] = "ef" * 32

    reasons = _council_refuses(scenario, _hostile(scenario, received, make_file, tmp_path, other), "result_unknown")
    assert "Hội đồng này chưa từng gửi" in reasons[0]


def test_agency_mismatch_is_refused(scenario, received, make_file, tmp_path) -> None:
    # Signed by XA-002 but claiming to be XA-001's: the signature binding refuses it.
    pkg = _hostile(scenario, received, make_file, tmp_path, signer=scenario.pki.agencies["XA-002"])
    _council_refuses(scenario, pkg, "agency_mismatch")

    # XA-002 (authentic) answering XA-001's result: not a result issued to XA-002.
    def as_xa002(doc):
        doc["agency"] = {"code": "XA-002", "name": "UBND xã Hai"}

    pkg = _hostile(scenario, received, make_file, tmp_path, as_xa002, signer=scenario.pki.agencies["XA-002"],
                   agency_code="XA-002", name="b.cchc")
    _council_refuses(scenario, pkg, "result_unknown")

    # Data saying XA-002 in a package of XA-001: inconsistent.
    pkg = _hostile(scenario, received, make_file, tmp_path, as_xa002, name="c.cchc")
    _council_refuses(scenario, pkg, "rebuttal_invalid")


def test_undeclared_evidence_and_a_non_string_text_are_refused(scenario, received, make_file, tmp_path) -> None:
    stray = make_file("la.pdf", b"%PDF-1.4 la\n")
    import hashlib

    sha = hashlib.sha256(stray.read_bytes()).hexdigest()
    pkg = _hostile(scenario, received, make_file, tmp_path, evidence=[EvidenceSource(sha, stray, stray.stat().st_size)])
    reasons = _council_refuses(scenario, pkg, "rebuttal_invalid")
    assert "không được khai" in reasons[0]

    def number(doc):
        doc["items"][0]["text"] = 5

    _council_refuses(scenario, _hostile(scenario, received, make_file, tmp_path, number, name="b.cchc"), "rebuttal_invalid")


def test_a_rebuttal_after_the_final_result_is_refused(scenario, received, make_file, tmp_path) -> None:
    council = scenario.council
    with Session(council.engine) as s, s.begin():
        s.get(AgencyRow, "XA-001").final_at = "2026-03-10T08:00:00.000+00:00"
    reasons = _council_refuses(scenario, _hostile(scenario, received, make_file, tmp_path), "already_final")
    assert "kết quả cuối cùng" in reasons[0]


def test_the_rebuttal_package_is_signed_by_the_agency_only(scenario, received, make_file, tmp_path) -> None:
    pkg = _hostile(scenario, received, make_file, tmp_path, signer=scenario.pki.council)
    _council_refuses(scenario, pkg, "agency_unbound")


def test_tampering_with_a_rebuttal_is_refused(scenario, received, make_file, tmp_path) -> None:
    set_rebuttal_text(received, "1.1.1", TEXT_111)
    out = export_rebuttal(received, tmp_path / "gt.cchc", scenario.pki.agencies["XA-001"]).path
    data = bytearray(out.read_bytes())
    with zipfile.ZipFile(out) as zf:
        info = zf.getinfo(REBUTTAL)
    data[info.header_offset + 30 + len(info.filename) + 10] ^= 0x20
    bad = tmp_path / "sua.cchc"
    bad.write_bytes(bytes(data))
    _council_refuses(scenario, bad, "damaged_entry")  # the CRC catches it before the hash


def test_a_submission_after_the_rebuttal_continues_the_same_chain(scenario, received, make_file, tmp_path) -> None:
    from cchc_desktop.core.services.export import export_submission

    _write_rebuttal(received, make_file)
    gt = export_rebuttal(received, tmp_path / "gt.cchc", scenario.pki.agencies["XA-001"])
    received.set_note("1.3", "Bổ sung thuyết minh sau giải trình")
    again = export_submission(received, tmp_path / "lan-3.cchc", scenario.pki.agencies["XA-001"], allow_problems=True)
    assert (again.sequence, again.previous_sha256) == (3, gt.manifest_sha256)
    results = scenario.council.import_packages([gt.path, again.package.path])
    assert [r.status for r in results] == ["imported", "imported"] and not any(r.chain_gap for r in results)
    assert scenario.council.submission("XA-001").sequence == 3 and scenario.council.round_of("XA-001") == 2


def test_the_report_stamp_still_shows_the_submission_after_a_rebuttal(scenario, received, make_file, tmp_path) -> None:
    from cchc_desktop.core.services.agency_report import report_stamp

    before = report_stamp(received)
    assert before.exported and before.sequence == 1
    _write_rebuttal(received, make_file)
    export_rebuttal(received, tmp_path / "gt.cchc", scenario.pki.agencies["XA-001"])
    after = report_stamp(received)
    assert after.exported and after.sequence == 1
