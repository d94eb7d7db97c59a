"""Packages the council must refuse (and report plainly), each leaving the workspace unchanged."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

import pytest

from cchc_desktop.core.framework.load import parse_framework
from cchc_desktop.core.services.export import export_submission
from cchc_desktop.core.services.inspection import InspectionWorkspace

from ..conftest import fixed_clock
from .helpers import EVIDENCE_A, EVIDENCE_B, MINI, build_package, evidence_files, snapshot


def test_untrusted_signer_is_refused(council, agency_folder, open_agency, keys, tmp_path: Path) -> None:
    agency = open_agency(agency_folder())
    pkg = export_submission(agency, tmp_path / "mao-danh.cchc", keys.rogue).package
    ws = council()
    before = snapshot(ws.folder)
    [r] = ws.import_packages([pkg.path])
    assert r.status == "refused" and "untrusted" in r.codes, r.codes
    assert r.agency_code == "XA-001" and r.manifest_sha256 is None
    assert snapshot(ws.folder) == before
    assert ws.packages() == [] and ws.agencies() == []


def test_certificate_of_another_agency_is_refused(cli, council, agency_folder, open_agency, keys, tmp_path: Path) -> None:
    b = open_agency(agency_folder("xa-hai", code="XA-002"))
    pkg = export_submission(b, tmp_path / "xa-hai.cchc", keys.a).package  # XA-002's package, XA-001's key
    ws = council()
    before = snapshot(ws.folder)
    [r] = ws.import_packages([pkg.path])
    assert r.status == "refused" and r.codes == ("agency_mismatch",)
    assert "“XA-002”" in r.reasons()[0] and "“XA-001”" in r.reasons()[0]
    assert snapshot(ws.folder) == before
    out = cli("inspect", "import", ws.folder, pkg.path)
    assert out.code == 1 and out.out.startswith("✘ xa-hai.cchc: bị từ chối — Gói ghi là của cơ quan “XA-002”")
    assert snapshot(ws.folder) == before


def test_agency_not_on_the_expected_list_is_refused(council, agency_folder, open_agency, keys, tmp_path: Path) -> None:
    pkg = export_submission(open_agency(agency_folder()), tmp_path / "p.cchc", keys.a).package
    ws = council()
    ws.set_expected_agencies([("XA-002", "UBND xã Hai")])
    before = snapshot(ws.folder)
    [r] = ws.import_packages([pkg.path])
    assert r.status == "refused" and r.codes == ("agency_not_expected",)
    assert snapshot(ws.folder) == before
    ws.set_expected_agencies([("XA-002", "UBND xã Hai"), ("XA-001", "UBND xã Một")])
    assert ws.import_packages([pkg.path])[0].status == "imported"
    assert [(a.code, a.expected) for a in ws.agencies()] == [("XA-001", True), ("XA-002", True)]


def test_framework_other_than_the_rounds_is_refused(agency_folder, open_agency, keys, trust_dirs, tmp_path: Path) -> None:
    pkg = export_submission(open_agency(agency_folder()), tmp_path / "p.cchc", keys.a).package
    doc = json.loads(MINI.read_text(encoding="utf-8"))
    doc["title"] = "Bộ tiêu chí khác"
    other, _ = parse_framework(json.dumps(doc, ensure_ascii=False))
    with InspectionWorkspace.create(tmp_path / "hd", other, 2026, trust_dirs["crl"], clock=fixed_clock) as ws:
        before = snapshot(ws.folder)
        [r] = ws.import_packages([pkg.path])
        assert r.status == "refused" and r.codes == ("framework_unknown",)
        assert snapshot(ws.folder) == before


def test_revocation_unknown_refused_unless_allowed(cli, council, agency_folder, open_agency, keys, tmp_path: Path) -> None:
    pkg = export_submission(open_agency(agency_folder()), tmp_path / "p.cchc", keys.a).package
    ws = council("no_crl")
    before = snapshot(ws.folder)
    [r] = ws.import_packages([pkg.path])
    assert r.status == "refused" and r.codes[:2] == ("revocation_unknown", "revocation_unknown")
    assert "chưa kiểm tra được chứng thư của người ký có bị thu hồi" in r.reasons()[0]
    assert snapshot(ws.folder) == before
    out = cli("inspect", "import", ws.folder, pkg.path)
    assert out.code == 1 and "--allow-unknown-revocation" in out.out
    out = cli("inspect", "import", ws.folder, pkg.path, "--allow-unknown-revocation", "--json")
    assert out.code == 0, out.err
    [res] = out.json()["results"]
    assert res["status"] == "imported" and [x["code"] for x in res["reasons"]] == ["revocation_unchecked"]
    [p] = ws.packages()
    assert (p.verdict, p.revocation) == ("unknown", "unknown")


def _drop_evidence_entry(doc: dict[str, Any]) -> None:
    doc["evidence"][0]["sha256"] = "0" * 64


@pytest.mark.parametrize("mutate, fact", [
    (lambda d: d["answers"].__setitem__("9.9", {"value": 1, "not_applicable": False, "reason": "", "note": ""}),
     "mã tiêu chí “9.9” không có"),
    (lambda d: d["answers"]["1.4"].__setitem__("value", 1.7), "bội số của 0.5"),
    (lambda d: d["answers"]["1.3"].__setitem__("value", "có lẽ"), "chỉ nhận"),
    (lambda d: d["answers"]["2.3"].__setitem__("value", 2), "cơ quan không được nhập giá trị"),
    (lambda d: d["answers"]["1.3"].__setitem__("not_applicable", True), "không cho phép “không áp dụng”"),
    (lambda d: d["answers"]["1.3"].pop("note"), "sai cấu trúc"),
    (_drop_evidence_entry, "không có tệp tương ứng trong gói"),
    (lambda d: d["evidence"][0]["links"].append({"code": "8.8", "pages": ""}), "“8.8” không có trong bộ tiêu chí"),
    (lambda d: d.__setitem__("format", "khac"), "không phải dữ liệu “cchc-assessment”"),
    (lambda d: d["agency"].__setitem__("code", "XA-009"), "mã cơ quan khác với tệp kê khai"),
    (lambda d: d.pop("claimed_score"), "claimed_score"),
], ids=["unknown-code", "off-step", "bad-yes-no", "council-value", "na-not-allowed", "answer-shape", "no-such-file",
        "link-unknown-code", "format", "agency", "no-claim"])
def test_assessment_is_read_strictly(council, agency_folder, open_agency, keys, tmp_path: Path, mutate, fact: str) -> None:
    agency = open_agency(agency_folder())
    pkg = build_package(agency, tmp_path / "p.cchc", keys.a, mutate)
    ws = council()
    before = snapshot(ws.folder)
    [r] = ws.import_packages([pkg.path])
    assert r.status == "refused" and set(r.codes) == {"assessment_invalid"}, r.reasons()
    assert any(fact in text for text in r.reasons()), r.reasons()
    assert snapshot(ws.folder) == before


def test_claimed_score_differs_imported_with_mismatch(cli, council, agency_folder, open_agency, keys, tmp_path: Path) -> None:
    agency = open_agency(agency_folder())

    def inflate(doc: dict[str, Any]) -> None:
        doc["claimed_score"]["final_points"] = "7"
        doc["claimed_score"]["percent"] = "100"
        doc["claimed_score"]["items"]["1.2"] = "1"

    pkg = build_package(agency, tmp_path / "thoi-phong.cchc", keys.a, inflate)
    ws = council()
    out = cli("inspect", "import", ws.folder, pkg.path)
    assert out.code == 0, out.err
    assert "✔ XA-001 lần nộp 1: đã nhập (điểm tự chấm tính lại 5,75 / 7; gói khai 7)" in out.out
    assert "điểm tự chấm khai trong gói khác với điểm tính lại" in out.out
    assert "tổng điểm: khai 7, tính lại 5,75" in out.out and "mục 1.2: khai 1, tính lại 0,75" in out.out
    [p] = ws.packages()
    assert p.score_mismatch and p.recomputed_score["final_points"] == "5.75" and p.claimed_score["final_points"] == "7"
    assert [n.code for n in p.notes] == ["score_mismatch"]
    listed = cli("inspect", "list", ws.folder)
    assert "lệch điểm" in listed.out


def test_folder_with_good_and_corrupt_packages(cli, council, agency_folder, open_agency, keys, make_file,
                                               tmp_path: Path) -> None:
    good = export_submission(open_agency(agency_folder()), tmp_path / "tmp-good.cchc", keys.a).package
    b = open_agency(agency_folder("xa-hai", code="XA-002"))
    unique = b"%PDF-1.4\n% chi co trong goi cua XA-002\n" + bytes(range(256)) * 4
    b.add_evidence("1.3", make_file("rieng.pdf", unique))
    bad = export_submission(b, tmp_path / "tmp-bad.cchc", keys.b).package
    usb = tmp_path / "usb"
    usb.mkdir()
    good.path.rename(usb / "b-tot.cchc")
    data = bytearray(bad.path.read_bytes())
    at = bytes(data).index(unique[:40]) + 100  # inside XA-002's own evidence (stored, uncompressed)
    data[at] ^= 0xFF
    (usb / "a-hong.cchc").write_bytes(bytes(data))
    (usb / "c-cut.cchc").write_bytes(bytes(data[: len(data) // 3]))
    (usb / "ghi-chu.txt").write_text("không phải gói", encoding="utf-8")
    ws = council()
    out = cli("inspect", "import", ws.folder, usb)
    assert out.code == 1
    lines = out.out.splitlines()
    assert lines[0].startswith("✘ a-hong.cchc: bị từ chối — Tệp “evidence/") and "trong gói bị hỏng" in lines[0]
    assert lines[1] == "✔ XA-001 lần nộp 1: đã nhập (điểm tự chấm 5,75 / 7)"
    assert lines[2].startswith("✘ c-cut.cchc: bị từ chối — Tệp không phải gói hồ sơ CCHC hoặc đã bị hỏng")
    assert "Tổng cộng 3 gói: 1 đã nhập, 0 đã có từ trước, 2 bị từ chối." in lines[3]
    assert [p.agency_code for p in ws.packages()] == ["XA-001"]
    # XA-002's evidence streamed in while it was verified, then was dropped: no file, no temporary.
    assert set(evidence_files(ws.folder)) == {hashlib.sha256(x).hexdigest() for x in (EVIDENCE_A, EVIDENCE_B)}
    assert list((ws.folder / "evidence" / ".tmp").iterdir()) == []
    assert [a.code for a in ws.agencies()] == ["XA-001"]


def test_missing_file_and_empty_folder_are_reported(cli, council, tmp_path: Path) -> None:
    ws = council()
    (tmp_path / "trong").mkdir()
    out = cli("inspect", "import", ws.folder, tmp_path / "khong-co.cchc", tmp_path / "trong")
    assert out.code == 1
    assert "✘ khong-co.cchc: bị từ chối — Không đọc được tệp" in out.out
    assert "✘ trong: bị từ chối — Thư mục" in out.out and "không có gói hồ sơ .cchc nào" in out.out
    en = cli("--lang", "en", "inspect", "import", ws.folder, tmp_path / "trong", "--json")
    assert en.code == 1
    [res] = en.json()["results"]
    assert res["status"] == "refused" and res["reasons"][0]["code"] == "no_packages"
    assert "holds no .cchc package" in res["reasons"][0]["message"]
