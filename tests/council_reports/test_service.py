"""The council report service: one snapshot equal to what the round says, the round digest (and
how anyone recomputes it from the CLI's JSON), the files complete under their final names or
absent, and clear refusals."""

from __future__ import annotations

import errno
import hashlib
import json
from decimal import Decimal as D
from pathlib import Path

import pytest

from cchc_desktop.core.errors import UserFacingError
from cchc_desktop.core.progress import Cancelled, CancelToken
from cchc_desktop.core.reports.council_model import canonical_bytes, digest_of
from cchc_desktop.core.services.council_reports import (
    council_report_data,
    council_report_options,
    export_council_reports,
    round_digest,
    save_council_report_options,
)


def test_the_snapshot_equals_what_the_round_says(council_round):
    ws = council_round
    data = council_report_data(ws)
    ranking = ws.ranking()
    assert [(r.code, r.entry) for r in data.results] == [(e.agency_code, e) for e in ranking]
    assert [r.rank_text for r in data.results] == ["=1", "=1"]
    assert data.not_submitted == (("XA-003", "UBND xã Ba"),)
    for r in data.results:
        final, own = ws.final_sheet(r.code), ws.self_sheet(r.code)
        assert r.sheet == final
        assert r.self_sheet.final_points == own.final_points and r.self_sheet.percent == own.percent
        assert {c: n.points for c, n in r.self_sheet.nodes.items()} == {c: n.points for c, n in own.nodes.items()}
        o = ws.overview(r.code)[0]
        assert (r.appraised, r.to_appraise, r.status) == (o.appraised, o.to_appraise, o.status)
        assert r.submission_sha256 == ws.submission(r.code).manifest_sha256
        assert {ln.item.code: ln.appraisal for ln in r.leaves if ln.appraisal} == ws.effective_appraisals(r.code)
    one = data.result("XA-001")
    assert (one.sheet.final_points, one.sheet.applicable_max, one.entry.percent) == (D("13.25"), D(17), D("77.94"))
    assert one.complete and not data.result("XA-002").complete
    stats = ws.statistics()
    assert data.categories == stats.categories == (("Tốt", 0), ("Khá", 2), ("Trung bình", 0), ("Yếu", 0))
    assert [(f.code, f.percent, f.agencies) for f in data.fields] == [(f.code, f.percent, f.agencies) for f in stats.fields]


def test_the_round_digest_is_the_sha256_of_the_canonical_ranking(council_round):
    ws = council_round
    digest, doc = round_digest(ws)
    assert digest == hashlib.sha256(json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
                                    .encode("utf-8")).hexdigest() == digest_of(doc)
    assert doc["format"] == "cchc-round-digest" and doc["format_version"] == 1
    assert doc["framework_sha256"] == ws.framework.sha256
    assert doc["ranking"] == [
        {"rank": 1, "agency_code": code, "submission_sha256": ws.submission(code).manifest_sha256,
         "final_points": "13.25", "applicable_max": "17", "index": "77.94"} for code in ("XA-001", "XA-002")]
    assert canonical_bytes(doc).count(b" ") == 0
    ws.appraise("XA-002", "1.3", "0", "Không có tài liệu tuyên truyền.")
    changed, _ = round_digest(ws)
    assert changed != digest
    ws.undo()
    assert round_digest(ws)[0] == digest  # the same figures give the same digest


def test_anyone_recomputes_the_digest_from_the_cli_json(council_round, cli):
    """The recipe of docs/reports.md: rank --json, status --json and list --json are enough."""
    ws = council_round
    digest, _ = round_digest(ws)
    folder = ws.folder
    rank = json.loads(cli("inspect", "rank", folder, "--json").out)
    status = json.loads(cli("inspect", "status", folder, "--json").out)
    listing = json.loads(cli("inspect", "list", folder, "--json").out)
    submissions = {a["agency_code"]: a["package_sha256"] for a in status["agencies"]}
    doc = {"format": "cchc-round-digest", "format_version": 1,
           "framework_sha256": listing["workspace"]["framework_sha256"],
           "ranking": [{"rank": e["rank"], "agency_code": e["agency_code"], "submission_sha256": submissions[e["agency_code"]],
                        "final_points": e["final_points"], "applicable_max": e["applicable_max"], "index": e["index"]}
                       for e in rank["ranking"]]}
    text = json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    assert hashlib.sha256(text.encode("utf-8")).hexdigest() == digest


def test_options_are_kept_with_the_round(council_round, opts):
    from dataclasses import replace

    ws = council_round
    assert council_report_options(ws).body == "HỘI ĐỒNG THẨM ĐỊNH"  # the default
    save_council_report_options(ws, replace(opts, recipients=("Sở Nội vụ",)))
    kept = council_report_options(ws)
    assert (kept.superior, kept.body, kept.place, kept.signer, kept.recipients) == (
        "UBND TỈNH KHÁNH HÒA", "HỘI ĐỒNG THẨM ĐỊNH CHỈ SỐ CẢI CÁCH HÀNH CHÍNH", "Khánh Hòa", "Lê Văn Thành", ("Sở Nội vụ",))


def test_every_output_and_the_agency_pdfs(council_round, opts, tmp_path):
    out = tmp_path / "xuat"
    out.mkdir()
    seen: list[tuple[int, int]] = []
    r = export_council_reports(council_round, out / "xep-hang.xlsx", out / "bao-cao.pdf", out / "tung-co-quan", opts,
                               progress=lambda done, total, label="": seen.append((done, total)))
    assert r.xlsx.is_file() and r.pdf.is_file() and r.ranked == 2
    assert [(a.agency_code, a.path.name, a.issued) for a in r.agency_pdfs] == [
        ("XA-001", "XA-001-2026-ket-qua-tham-dinh.pdf", False), ("XA-002", "XA-002-2026-ket-qua-tham-dinh.pdf", False)]
    assert all(a.path.is_file() and a.sha256 == council_round.submission(a.agency_code).manifest_sha256 for a in r.agency_pdfs)
    assert seen[-1][0] == seen[-1][1] and [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert sorted(p.name for p in out.rglob("*") if p.name.startswith(".")) == []  # no temporary file left
    only = export_council_reports(council_round, agency_pdfs_dir=out / "mot", options=opts, agencies=["XA-002"])
    assert [a.agency_code for a in only.agency_pdfs] == ["XA-002"]
    with pytest.raises(UserFacingError, match="XA-003"):
        export_council_reports(council_round, agency_pdfs_dir=out / "hai", options=opts, agencies=["XA-003"])


def _listing(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize(("kwargs", "says"), [
    ({}, "ít nhất một tệp"),
    ({"xlsx": "khong-co/x.xlsx"}, "không tồn tại"),
    ({"pdf": "la-tep/bao-cao.pdf"}, "không tồn tại"),
    ({"pdf": "."}, "là một thư mục"),
    ({"agency_pdfs_dir": "la-tep"}, "là một tệp"),
    ({"agency_pdfs_dir": "khong-co/pdf"}, "không tồn tại"),
    ({"xlsx": "a.xlsx", "pdf": "a.xlsx"}, "phải khác nhau"),
])
def test_bad_outputs_are_refused_and_write_nothing(council, tmp_path, kwargs, says):
    """Outputs are checked before the round is read: an empty round will do."""
    ws = council()
    out = tmp_path / "ra"
    out.mkdir()
    (out / "la-tep").write_text("không phải thư mục", encoding="utf-8")
    before = _listing(out)
    args = {k: (out / v if v != "." else out) for k, v in kwargs.items()}
    with pytest.raises(UserFacingError, match=says):
        export_council_reports(ws, **args)
    assert _listing(out) == before


def test_an_unwritable_folder_is_refused(council, tmp_path, monkeypatch):
    import os

    ws = council()
    out = tmp_path / "chi-doc"
    out.mkdir()
    real = os.access
    monkeypatch.setattr(os, "access", lambda p, mode, **k: False if Path(p) == out else real(p, mode, **k))
    for kwargs in ({"pdf": out / "b.pdf"}, {"xlsx": out / "x.xlsx"}, {"agency_pdfs_dir": out}):
        with pytest.raises(UserFacingError, match="Không có quyền ghi vào thư mục") as e:
            export_council_reports(ws, **kwargs)
        assert e.value.message("en").startswith("Cannot write to folder")
    assert list(out.iterdir()) == []


def test_a_round_with_no_submission_is_refused(council, tmp_path):
    ws = council()
    with pytest.raises(UserFacingError, match="Chưa có cơ quan nào nộp hồ sơ"):
        export_council_reports(ws, pdf=tmp_path / "b.pdf")
    assert not (tmp_path / "b.pdf").exists()


def test_a_failure_leaves_nothing_under_a_final_name(council_round, opts, tmp_path, monkeypatch):
    """The workbook is complete when the PDF fails (a full disk): neither appears, an older
    report of the same name is untouched, no temporary file stays, a new folder is removed."""
    from cchc_desktop.core.reports import council_pdf

    out = tmp_path / "ra"
    out.mkdir()
    (out / "bao-cao.pdf").write_bytes(b"%PDF-1.4 old report")

    def full_disk(data, fh):
        fh.write(b"%PDF-1.4 half")
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(council_pdf, "write_council_pdf", full_disk)
    with pytest.raises(UserFacingError, match="Ổ đĩa đã đầy") as e:
        export_council_reports(council_round, out / "x.xlsx", out / "bao-cao.pdf", out / "tung-co-quan", opts)
    assert "No partial report file" in e.value.message("en")
    assert _listing(out) == {"bao-cao.pdf": b"%PDF-1.4 old report"}
    assert not (out / "tung-co-quan").exists()


def test_cancel_between_agencies_leaves_nothing(council_round, opts, tmp_path):
    out = tmp_path / "ra"
    out.mkdir()
    token = CancelToken()

    def progress(done: int, total: int, label: str = "") -> None:
        if label.startswith("XA-001"):
            token.cancel()

    with pytest.raises(Cancelled):
        export_council_reports(council_round, out / "x.xlsx", None, out / "pdf", opts, progress=progress, cancel=token)
    assert _listing(out) == {} and not (out / "pdf").exists()


def test_a_report_is_replaced_whole(council_round, opts, tmp_path):
    out = tmp_path / "b.pdf"
    out.write_bytes(b"old")
    export_council_reports(council_round, pdf=out, options=opts)
    assert out.read_bytes().startswith(b"%PDF") and b"old" != out.read_bytes()[:3]
