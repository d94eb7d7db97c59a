"""The agency imports its result: verified completely, or refused with a clear Vietnamese reason and
nothing changed (every table row and every file of the workspace as before)."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest

from cchc_desktop.core.package.result_format import RESULT
from cchc_desktop.core.services.agency_results import (
    ALREADY_IMPORTED,
    IMPORTED,
    ResultRefused,
    import_result,
    received_results,
    result_view,
)
from cchc_desktop.core.services.results import issue_result

from ..inspection.helpers import snapshot
from .conftest import resign_result, trust_of


@pytest.fixture
def issued(scenario, tmp_path):
    """XA-001's round-1 result, issued by the council key."""
    return issue_result(scenario.council, "XA-001", tmp_path / "XA-001-kq-1.cchc", scenario.pki.council)


def test_the_agency_imports_its_result_and_sees_self_vs_appraised(scenario, issued) -> None:
    ws = scenario.agency("XA-001")
    before_answers, before_score = ws.answers(), ws.score()
    done = import_result(ws, issued.path, trust_of(scenario.pki.trust))
    assert done.status == IMPORTED and done.notes == ()
    r = done.result
    assert (r.sequence, r.round, r.final, r.manifest_sha256) == (1, 1, False, issued.manifest_sha256)
    assert r.submission_sha256 == scenario.council.submission("XA-001").manifest_sha256
    assert "Hội đồng thẩm định" in r.signer_subject and r.revocation == "good"
    doc = r.document
    assert [i.code for i in doc.items if i.differs] == ["1.1.1", "1.4", "2.3"]
    assert doc.item("1.1.1").reason == "Không có quyết định ban hành kế hoạch trong hồ sơ"
    assert str(doc.total.index) == "75" and doc.total.category_name == "Khá" and doc.total.rank == 2
    view = result_view(ws)
    assert view.can_rebut and view.latest and view.drafts == {} and view.sent == ()
    # The self-assessment is untouched: same answers, same score, still "submitted".
    assert ws.answers() == before_answers and ws.score() == before_score
    assert ws.info().state == "submitted"
    # Importing the same file again changes nothing.
    snap = snapshot(ws.folder)
    again = import_result(ws, issued.path, trust_of(scenario.pki.trust))
    assert again.status == ALREADY_IMPORTED and snapshot(ws.folder) == snap
    assert [x.manifest_sha256 for x in received_results(ws)] == [issued.manifest_sha256]


def _refused(scenario, path: Path, trust: Path | None = None, code: str = "XA-001") -> ResultRefused:
    ws = scenario.agency(code)
    before = snapshot(ws.folder)
    with pytest.raises(ResultRefused) as err:
        import_result(ws, path, trust_of(trust or scenario.pki.trust))
    assert snapshot(ws.folder) == before, "a refused result changed the workspace"
    assert err.value.vi.startswith("Không nhận kết quả thẩm định:") and "Không có gì thay đổi." in err.value.vi
    assert err.value.en != err.value.vi
    return err.value


def test_a_result_signed_by_an_agency_certificate_is_refused(scenario, issued, tmp_path) -> None:
    forged = resign_result(issued.path, tmp_path / "gia.cchc", scenario.pki.agencies["XA-001"])
    err = _refused(scenario, forged.path)
    assert err.codes == ("not_council_signer",)
    assert "không phải chứng thư của Hội đồng thẩm định" in err.vi


def test_a_result_for_another_agency_is_refused(scenario, tmp_path) -> None:
    other = issue_result(scenario.council, "XA-002", tmp_path / "XA-002-kq.cchc", scenario.pki.council)
    err = _refused(scenario, other.path)
    assert err.codes == ("wrong_agency",)
    assert "XA-002" in err.vi and "không phải của cơ quan này (mã XA-001)" in err.vi


@pytest.mark.parametrize("where", ["data", "manifest", "signature"])
def test_a_tampered_byte_is_refused(scenario, issued, tmp_path, where) -> None:
    data = bytearray(issued.path.read_bytes())
    with zipfile.ZipFile(issued.path) as zf:
        info = zf.getinfo({"data": RESULT, "manifest": "manifest.json", "signature": "manifest.p7s"}[where])
    at = info.header_offset + 30 + len(info.filename) + info.compress_size // 2
    data[at] ^= 0x01
    bad = tmp_path / "sua.cchc"
    bad.write_bytes(bytes(data))
    err = _refused(scenario, bad)
    assert set(err.codes) & {"hash_mismatch", "damaged_entry", "content_mismatch", "signature_invalid", "malformed",
                             "manifest_malformed"}, err.codes


def test_wrong_year_and_wrong_framework_are_refused(scenario, issued, tmp_path) -> None:
    def year(doc):
        doc["year"] = 2027

    err = _refused(scenario, resign_result(issued.path, tmp_path / "nam.cchc", scenario.pki.council, year, year=2027).path)
    assert err.codes == ("wrong_year",) and "năm 2027" in err.vi

    from types import SimpleNamespace

    from .conftest import write_kind

    with zipfile.ZipFile(issued.path) as zf:
        doc = json.loads(zf.read(RESULT))
    doc["framework"]["sha256"] = "ab" * 32
    other = write_kind(tmp_path / "bo.cchc", scenario.pki.council, "result",
                       {RESULT: json.dumps(doc, ensure_ascii=False).encode()},
                       previous=doc["answers"]["submission_sha256"], fw=SimpleNamespace(id="khac", sha256="ab" * 32))
    err = _refused(scenario, other.path)
    assert err.codes == ("wrong_framework",) and "bộ tiêu chí khác" in err.vi


def test_an_untrusted_ca_is_refused(scenario, issued) -> None:
    err = _refused(scenario, issued.path, trust=scenario.pki.other_trust)
    assert "untrusted" in err.codes and "không được tin cậy" in err.vi


def test_a_result_that_answers_no_submission_of_ours_is_refused(scenario, issued, tmp_path) -> None:
    stranger = "cd" * 32

    def answers(doc):
        doc["answers"]["submission_sha256"] = stranger

    forged = resign_result(issued.path, tmp_path / "la.cchc", scenario.pki.council, answers, previous=stranger)
    err = _refused(scenario, forged.path)
    assert err.codes == ("not_our_submission",) and "không phải hồ sơ do không gian làm việc này đã xuất" in err.vi


def test_data_that_contradicts_the_manifest_or_the_framework_is_refused(scenario, issued, tmp_path) -> None:
    def drop_leaf(doc):
        doc["items"] = [i for i in doc["items"] if i["code"] != "1.3"]

    err = _refused(scenario, resign_result(issued.path, tmp_path / "a.cchc", scenario.pki.council, drop_leaf).path)
    assert err.codes == ("result_invalid",) and "thiếu tiêu chí 1.3" in err.vi

    def float_points(doc):
        doc["items"][0]["final_points"] = 0.5

    err = _refused(scenario, resign_result(issued.path, tmp_path / "b.cchc", scenario.pki.council, float_points).path)
    assert err.codes == ("result_invalid",) and "số thập phân viết dạng chuỗi" in err.vi

    err = _refused(scenario, resign_result(issued.path, tmp_path / "c.cchc", scenario.pki.council, None, sequence=5).path)
    assert err.codes == ("result_invalid",) and "không khớp với tệp kê khai" in err.vi


def test_an_older_or_conflicting_result_is_refused(scenario, tmp_path) -> None:
    first = issue_result(scenario.council, "XA-001", tmp_path / "kq-1.cchc", scenario.pki.council)
    second = issue_result(scenario.council, "XA-001", tmp_path / "kq-2.cchc", scenario.pki.council)
    ws = scenario.agency("XA-001")
    assert import_result(ws, second.path, trust_of(scenario.pki.trust)).status == IMPORTED
    err = _refused(scenario, first.path)
    assert err.codes == ("replay",)
    # Another file claiming to be result 2 (re-signed by the council with a change): conflict.

    def change(doc):
        doc["issued_by"] = "ai đó"

    err = _refused(scenario, resign_result(second.path, tmp_path / "kq-2b.cchc", scenario.pki.council, change).path)
    assert err.codes == ("conflict",)
