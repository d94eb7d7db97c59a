"""The round trip, end to end through the CLI: agency fill -> export -> verify -> council import,
then an edit, a second export chained to the first, and its import.

What the council holds must equal what the agency entered: the answers, the points (recomputed
by the council with the round's framework) and the evidence bytes.
"""

from __future__ import annotations

import hashlib
import json
import zipfile
from decimal import Decimal
from pathlib import Path

import pytest

from cchc_desktop.core.services.agency import AgencyWorkspace
from cchc_desktop.core.services.inspection import InspectionWorkspace
from cchc_desktop.core.services.inspection_scores import score_document
from cchc_desktop.core.signing.keys import encrypt_pkcs12

from ..conftest import TEST_ACTOR, fixed_clock
from ..inspection.helpers import MINI, PASSPHRASE, answers_doc


def manifest_sha256(pkg: Path) -> str:
    with zipfile.ZipFile(pkg) as zf:
        return hashlib.sha256(zf.read("manifest.json")).hexdigest()


def assert_council_holds_the_agency_state(council: Path, agency_dir: Path, sha: str, files: dict[str, bytes]) -> None:
    with AgencyWorkspace.open(agency_dir, clock=fixed_clock, actor=TEST_ACTOR) as agency, \
            InspectionWorkspace.open(council, clock=fixed_clock, actor=TEST_ACTOR) as ws:
        pkg = ws.package(sha)
        assert pkg is not None and pkg.verdict == "valid" and pkg.revocation == "good"
        stored = ws.answers(sha)
        assert set(stored) == set(agency.answers()) and len(stored) == 10
        for code, a in stored.items():
            st = agency.state_of(code)
            assert (a.value_json, a.not_applicable, a.reason, a.note) == (st.value_json, st.not_applicable, st.na_reason,
                                                                          st.note), code
        mine = score_document(agency.score())
        assert pkg.recomputed_score == mine == pkg.claimed_score and not pkg.score_mismatch
        docs = ws.documents(sha)
        assert {d.sha256 for d in docs} == {d.sha256 for d in agency.documents()} == set(files)
        for d in agency.documents():
            council_bytes = ws.evidence_path(d.sha256).read_bytes()
            assert council_bytes == agency.evidence_path(d.id).read_bytes() == files[d.sha256]
            assert hashlib.sha256(council_bytes).hexdigest() == d.sha256


def test_round_trip_through_the_cli(cli, keys, trust_dirs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CCHC_PASSPHRASE", PASSPHRASE)
    key = tmp_path / "xa-001.p12"
    key.write_bytes(encrypt_pkcs12(keys.a.private_key, keys.a.certificate, PASSPHRASE, keys.a.chain))
    agency, council, out = tmp_path / "co-quan", tmp_path / "hoi-dong", tmp_path / "usb"
    out.mkdir()

    # The agency: a workspace, the answers with their evidence files, the export.
    r = cli("workspace", "init", agency, "--role", "agency", "--framework", MINI, "--agency-code", "XA-001",
            "--agency-name", "UBND xã Một", "--year", "2026")
    assert r.code == 0, r.err
    evidence = tmp_path / "tai-lieu"
    evidence.mkdir()
    answers = tmp_path / "tra-loi.json"
    answers.write_text(json.dumps(answers_doc(evidence), ensure_ascii=False), encoding="utf-8")
    files = {hashlib.sha256(p.read_bytes()).hexdigest(): p.read_bytes() for p in evidence.iterdir()}
    assert len(files) == 2
    r = cli("assess", "fill", agency, "--answers", answers)
    assert r.code == 0, r.err
    first = out / "XA-001-lan-1.cchc"
    r = cli("package", "export", agency, "-o", first, "--key", key)
    assert r.code == 0, r.err
    sha1 = manifest_sha256(first)
    assert "Đã xuất lần nộp thứ 1" in r.out and sha1 in r.out

    # Anyone can check it: verify --json has a stable shape.
    r = cli("package", "verify", first, "--trust", trust_dirs["crl"], "--json")
    assert r.code == 0, r.out + r.err
    doc = r.json()
    assert set(doc) == {"file", "verdict", "findings", "manifest_sha256", "package", "signer"}
    assert doc["verdict"] == "valid" and doc["findings"] == [] and doc["manifest_sha256"] == sha1
    assert doc["file"] == str(first)
    p = doc["package"]
    assert (p["kind"], p["agency_code"], p["agency_name"], p["year"], p["round"]) == ("submission", "XA-001",
                                                                                      "UBND xã Một", 2026, 1)
    assert p["sequence"] == 1 and p["previous_sha256"] is None and p["files"] == 5  # 3 data + 2 evidence
    assert p["framework_id"] == "test-mini" and len(p["framework_sha256"]) == 64
    s = doc["signer"]
    assert s["agency_code"] == "XA-001" and s["revocation"] == "good" and "XA-001" in s["subject"]
    assert s["signing_time"] is not None

    # The council: a round trusting the province CA, the import.
    r = cli("workspace", "init", council, "--role", "inspection", "--framework", MINI, "--year", "2026",
            "--trust", trust_dirs["crl"])
    assert r.code == 0, r.err
    r = cli("inspect", "import", council, first)
    assert r.code == 0, r.out + r.err
    assert "✔ XA-001 lần nộp 1: đã nhập (điểm tự chấm 5,75 / 7)" in r.out
    assert_council_holds_the_agency_state(council, agency, sha1, files)

    # An edit after the submission starts submission 2, chained to the first.
    edit = tmp_path / "sua.json"
    edit.write_text(json.dumps({"format": "cchc-answers", "format_version": 1, "answers": {"1.1.2": {"value": 95}}}),
                    encoding="utf-8")
    r = cli("assess", "fill", agency, "--answers", edit)
    assert r.code == 0, r.err
    second = out / "XA-001-lan-2.cchc"
    r = cli("package", "export", agency, "-o", second, "--key", key)
    assert r.code == 0, r.err
    sha2 = manifest_sha256(second)
    assert "Đã xuất lần nộp thứ 2" in r.out and sha1 in r.out
    r = cli("package", "verify", second, "--trust", trust_dirs["crl"], "--json")
    assert r.code == 0 and r.json()["verdict"] == "valid"
    assert (r.json()["package"]["sequence"], r.json()["package"]["previous_sha256"]) == (2, sha1)
    assert first.read_bytes() != second.read_bytes() and sha2 != sha1

    r = cli("inspect", "import", council, out)  # the whole USB folder: the first is already there
    assert r.code == 0, r.out + r.err
    assert "đã nhập từ trước" in r.out and "✔ XA-001 lần nộp 2: đã nhập (điểm tự chấm 6,25 / 7)" in r.out
    assert "1 đã nhập, 1 đã có từ trước, 0 bị từ chối" in r.out
    assert_council_holds_the_agency_state(council, agency, sha2, files)
    with InspectionWorkspace.open(council) as ws:
        one, two = ws.packages("XA-001")
        assert (one.sequence, one.manifest_sha256, two.sequence, two.manifest_sha256) == (1, sha1, 2, sha2)
        assert two.previous_sha256 == sha1 and not two.chain_gap
        assert Decimal(one.recomputed_score["final_points"]) == Decimal("5.75")
        assert Decimal(two.recomputed_score["final_points"]) == Decimal("6.25")
        assert ws.answers(sha1)["1.1.2"].value_json == "90" and ws.answers(sha2)["1.1.2"].value_json == "95"
