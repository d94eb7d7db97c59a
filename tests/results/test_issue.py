"""The council issues result packages: the numbers, the binding, the record, the signature.

Every number of XA-001's round-1 result is computed here by hand from the mini framework, the
agencies' answers (tests/inspection/helpers.answers_doc) and the appraisals of the scenario:

self points      1.1.1 "cham" 0.5 · 1.1.2 90% -> 0.5 · 1.2 one violation 1-0.25 = 0.75 · 1.3 yes 1 · 1.4 1.5
                 2.1 N/A (exclude, -3 applicable) · 2.2 N/A (full) 1 · 2.3 council · 3.1 survey · T.1 +1 · T.2 -0.5
                 field 1: 4.25 / 6; field 2: 1 / 3 applicable (1 assessable); total 4.25+1+1-0.5 = 5.75 / 7 = 82.14%
appraised        1.1.1 -> 0, 1.4 -> 1, 2.3 -> 1.5, survey 3.1 = 6.5
final            field 1: 0+0.5+0.75+1+1 = 3.25 / 6 = 54.17% · field 2: 1+1.5 = 2.5 / 3 = 83.33%
                 field 3: 6.5 / 8 = 81.25% · total 3.25+2.5+6.5 +1 -0.5 = 12.75 / 17 = 75% -> Khá (>= 65)
ranking          XA-002 2.3 -> 2, survey 8: 4.25+3+8+0.5 = 15.75 / 17 = 92.65% -> rank 1
                 XA-001 and XA-003 (the same) share rank 2 of 3.
"""

from __future__ import annotations

import json
import subprocess
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from cchc_desktop.core.errors import UserFacingError
from cchc_desktop.core.package.reader import verify_council_package, verify_package
from cchc_desktop.core.package.result_format import RESULT, parse_result
from cchc_desktop.core.services import results as results_mod
from cchc_desktop.core.services.results import (
    issue_result,
    issue_results,
    issued_results,
    reconcile_pending_result,
)
from cchc_desktop.core.signing.api import Verdict
from cchc_desktop.core.storage.orm import AgencyRow, Meta

from ..inspection.helpers import snapshot
from .conftest import trust_of

D = Decimal


def _doc(path: Path) -> dict:
    with zipfile.ZipFile(path) as zf:
        return json.loads(zf.read(RESULT))


def test_result_numbers_equal_the_hand_computed_ones_and_the_council_views(scenario, tmp_path) -> None:
    ws = scenario.council
    issued = issue_result(ws, "XA-001", tmp_path / "XA-001-kq.cchc", scenario.pki.council)
    doc = _doc(issued.path)
    items = {i["code"]: i for i in doc["items"]}
    expected = {  # code: (self, appraised, final, reason, reviewer)
        "1.1.1": ("0.5", "0", "0", "Không có quyết định ban hành kế hoạch trong hồ sơ", "Nguyễn Văn A"),
        "1.1.2": ("0.5", None, "0.5", "", ""),
        "1.2": ("0.75", None, "0.75", "", ""),
        "1.3": ("1", None, "1", "", ""),
        "1.4": ("1.5", "1", "1", "Chỉ một sáng kiến được công nhận", "Trần Thị B"),
        "2.1": (None, None, None, "", ""),
        "2.2": ("1", None, "1", "", ""),
        "2.3": (None, "1.5", "1.5", "Kiểm tra đạt một phần", "Trần Thị B"),
        "3.1": (None, None, "6.5", "", ""),
        "T.1": ("1", None, "1", "", ""),
        "T.2": ("0.5", None, "0.5", "", ""),
    }
    assert list(items) == list(expected)  # every leaf, in framework order
    for code, (mine, appraised, final, reason, reviewer) in expected.items():
        it = items[code]
        assert (it["self_points"], it["appraised_points"], it["final_points"], it["reason"], it["reviewer"]) == (
            mine, appraised, final, reason, reviewer), code
        assert it["appraised"] is (appraised is not None)
    assert items["2.1"]["excluded"] and items["2.1"]["self_not_applicable"]
    assert items["2.2"]["self_not_applicable"] and not items["2.2"]["excluded"]
    assert (items["1.1.1"]["max"], items["2.3"]["scorer"], items["3.1"]["scorer"]) == ("1", "council", "survey")
    fields = {f["code"]: (f["self_points"], f["final_points"], f["applicable_max"], f["index"]) for f in doc["fields"]}
    assert fields == {"1": ("4.25", "3.25", "6", "54.17"), "2": ("1", "2.5", "3", "83.33"), "3": ("0", "6.5", "8", "81.25")}
    t = doc["total"]
    assert (t["self_points"], t["self_assessable_max"], t["self_percent"]) == ("5.75", "7", "82.14")
    assert (t["final_points"], t["applicable_max"], t["index"], t["bonus"], t["penalty"]) == ("12.75", "17", "75", "1", "0.5")
    assert t["category"] == {"key": "kha", "name": "Khá"}
    assert (t["rank"], t["ranked"], t["tied_with"]) == (2, 3, ["XA-003"])
    assert (doc["year"], doc["round"], doc["sequence"], doc["final"]) == (2026, 1, 1, False)
    assert doc["framework"] == {"id": ws.framework.id, "sha256": ws.framework.sha256}
    assert issued.unappraised == ("1.1.2", "1.2", "1.3", "2.1", "2.2", "T.1", "T.2")

    # The same numbers as the council's own views (final_sheet, ranking).
    sheet, ranking = ws.final_sheet("XA-001"), {e.agency_code: e for e in ws.ranking()}
    assert (D(t["final_points"]), D(t["applicable_max"]), D(t["index"])) == (sheet.final_points, sheet.applicable_max, sheet.percent)
    assert [D(f["final_points"]) for f in doc["fields"]] == [f.points for f in sheet.fields]
    assert (t["rank"], tuple(t["tied_with"])) == (ranking["XA-001"].rank, ranking["XA-001"].tied_with)
    assert ranking["XA-002"].rank == 1 and ranking["XA-002"].percent == D("92.65")
    # And the strict parser reads it back against the framework.
    parsed = parse_result(json.dumps(doc, ensure_ascii=False).encode(), ws.framework)
    assert parsed.item("1.1.1").differs and parsed.item("2.3").differs and not parsed.item("1.3").differs


def test_the_package_is_bound_signed_and_recorded(scenario, tmp_path) -> None:
    ws = scenario.council
    issued = issue_result(ws, "XA-001", tmp_path / "kq.cchc", scenario.pki.council)
    report = verify_council_package(issued.path, trust_of(scenario.pki.trust), kinds=("result",))
    assert report.verdict is Verdict.VALID, report.findings
    m = report.manifest
    assert (m.kind, m.agency_code, m.year, m.round, m.sequence) == ("result", "XA-001", 2026, 1, 1)
    submission = ws.submission("XA-001")
    assert m.previous_sha256 == submission.manifest_sha256  # bound to the submission it answers
    assert _doc(issued.path)["answers"] == {"submission_sha256": submission.manifest_sha256, "submission_sequence": 1,
                                            "rebuttal_sha256": None, "rebuttal_sequence": None}
    assert [f.path for f in m.files] == [RESULT]  # a result holds its data and nothing else
    [rec] = issued_results(ws)
    assert (rec.manifest_sha256, rec.agency_code, rec.round, rec.sequence, rec.file_name, rec.percent) == (
        issued.manifest_sha256, "XA-001", 1, 1, "kq.cchc", D("75"))
    with zipfile.ZipFile(issued.path) as zf:
        assert rec.document == zf.read(RESULT)  # kept as signed
    # A second result for the same agency: sequence 2, chained to the first in result.json.
    again = issue_result(ws, "XA-001", tmp_path / "kq-2.cchc", scenario.pki.ca)  # the CA itself may sign
    assert again.document.sequence == 2 and again.document.previous_result_sha256 == issued.manifest_sha256
    assert verify_package(again.path, trust_of(scenario.pki.trust)).verdict is Verdict.VALID
    with Session(ws.engine) as s:
        assert s.get(AgencyRow, "XA-001").final_at is None  # round 1: not final


def test_openssl_accepts_the_result_signature(scenario, tmp_path, openssl) -> None:
    issued = issue_result(scenario.council, "XA-002", tmp_path / "kq.cchc", scenario.pki.council)
    out = tmp_path / "giai-nen"
    with zipfile.ZipFile(issued.path) as zf:
        zf.extractall(out, members=["manifest.json", "manifest.p7s"])
    done = subprocess.run(
        [openssl, "cms", "-verify", "-binary", "-inform", "DER", "-in", str(out / "manifest.p7s"), "-content",
         str(out / "manifest.json"), "-CAfile", str(scenario.pki.trust / "ca.crt"), "-purpose", "any", "-out", str(out / "v")],
        check=False, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "Verification successful" in done.stderr


@pytest.mark.parametrize("who", ["agency", "framework_signer"])
def test_a_key_that_may_not_sign_results_is_refused_before_anything_is_written(scenario, tmp_path, who) -> None:
    ws = scenario.council
    signer = scenario.pki.agencies["XA-001"] if who == "agency" else scenario.pki.framework_signer
    before = snapshot(ws.folder)
    with pytest.raises(UserFacingError) as err:
        issue_result(ws, "XA-001", tmp_path / "kq.cchc", signer)
    assert "không được ký kết quả thẩm định" in err.value.vi
    assert snapshot(ws.folder) == before and not list(tmp_path.glob("*kq*"))


def test_a_council_key_the_round_does_not_trust_is_refused_and_nothing_is_left(scenario, tmp_path) -> None:
    ws = scenario.council
    before = snapshot(ws.folder)
    with pytest.raises(UserFacingError) as err:
        issue_result(ws, "XA-001", tmp_path / "kq.cchc", scenario.pki.rogue_council)
    assert "không xác minh được" in err.value.vi
    assert snapshot(ws.folder) == before and list(tmp_path.glob("*kq*")) == []


def test_no_submission_no_result_and_an_existing_file_is_never_overwritten(scenario, tmp_path) -> None:
    ws = scenario.council
    ws.set_expected_agencies([("XA-001", "UBND xã Một"), ("XA-009", "UBND xã Chín")])
    with pytest.raises(UserFacingError) as err:
        issue_result(ws, "XA-009", tmp_path / "kq.cchc", scenario.pki.council)
    assert "chưa có hồ sơ nộp" in err.value.vi
    taken = tmp_path / "kq.cchc"
    taken.write_bytes(b"da co")
    with pytest.raises(UserFacingError):
        issue_result(ws, "XA-001", taken, scenario.pki.council)
    assert taken.read_bytes() == b"da co" and issued_results(ws) == []


def test_a_killed_issue_is_finished_or_withdrawn_by_reconcile(scenario, tmp_path, monkeypatch) -> None:
    """Killed between record and rename: the next reconcile publishes the complete temporary file;
    if that file is gone too, the record is withdrawn (and the final mark with it)."""
    ws = scenario.council
    monkeypatch.setattr(results_mod, "reconcile_pending_result", lambda ws: None)

    def killed(out: Path) -> None:
        with pytest.raises(UserFacingError):  # the "kill": publishing never happened, _published says so
            results_mod.issue_result(ws, "XA-001", out, scenario.pki.council)

    out = tmp_path / "kq.cchc"
    killed(out)
    assert not out.exists() and len(list(tmp_path.glob(".kq.cchc.*.part"))) == 1
    assert len(issued_results(ws)) == 1  # recorded (reconcile is what the kill prevented)
    monkeypatch.undo()
    reconcile_pending_result(ws)
    assert out.exists() and not list(tmp_path.glob(".kq.cchc.*.part"))
    [rec] = issued_results(ws)
    assert verify_council_package(out, trust_of(scenario.pki.trust)).verdict is Verdict.VALID
    with Session(ws.engine) as s:
        assert s.get(Meta, "pending_result") is None
    assert rec.sequence == 1

    # Killed again, and this time the temporary file was lost as well: withdrawn.
    monkeypatch.setattr(results_mod, "reconcile_pending_result", lambda ws: None)
    out2 = tmp_path / "kq-2.cchc"
    killed(out2)
    for part in tmp_path.glob(".kq-2.cchc.*.part"):
        part.unlink()
    monkeypatch.undo()
    reconcile_pending_result(ws)
    assert [r.sequence for r in issued_results(ws)] == [1] and not out2.exists()


def test_issue_for_all_agencies_into_a_folder(scenario, tmp_path) -> None:
    ws = scenario.council
    folder = tmp_path / "ket-qua"
    folder.mkdir()
    seen = []
    outcomes = issue_results(ws, folder, scenario.pki.council, on_result=seen.append)
    assert [o.agency_code for o in outcomes] == ["XA-001", "XA-002", "XA-003"] and all(o.ok for o in outcomes)
    assert seen == outcomes
    assert sorted(p.name for p in folder.iterdir()) == [f"XA-00{i}-2026-ket-qua-1.cchc" for i in (1, 2, 3)]
    assert [o.issued.document.total.rank for o in outcomes] == [2, 1, 2]
    # Again: sequence 2 each, new files beside the first ones.
    outcomes = issue_results(ws, folder, scenario.pki.council, ["XA-002"])
    assert outcomes[0].issued.path.name == "XA-002-2026-ket-qua-2.cchc"
