"""THE acceptance test of the council's import: agency fill (CLI) -> export -> verify -> import.

What the council stores must be exactly what the agency entered: the answers (values, N/A and
reasons, explanations), the points (recomputed with the round's framework), the documents with
their citations and links, and the evidence bytes.
"""

from __future__ import annotations

import hashlib
import json
from decimal import Decimal
from pathlib import Path

from cchc_desktop.core.package.reader import verify_package
from cchc_desktop.core.services.export import export_submission
from cchc_desktop.core.services.inspection import InspectionWorkspace
from cchc_desktop.core.services.inspection_scores import score_document
from cchc_desktop.core.signing.api import Verdict
from cchc_desktop.core.signing.trust import load_trust

from .helpers import EVIDENCE_A, EVIDENCE_B, MINI, evidence_files


def test_round_trip_fill_export_verify_import(cli, agency_folder, open_agency, keys, trust_dirs, tmp_path: Path) -> None:
    agency = open_agency(agency_folder())
    assert agency.problems() == ()
    (tmp_path / "nop").mkdir()
    package = export_submission(agency, tmp_path / "nop" / "XA-001-lan-1.cchc", keys.a).package
    report = verify_package(package.path, load_trust(trust_dirs["crl"]))
    assert report.verdict is Verdict.VALID, report.reasons()

    hd = tmp_path / "hoi-dong"
    r = cli("workspace", "init", hd, "--role", "inspection", "--framework", MINI, "--year", "2026", "--trust", trust_dirs["crl"])
    assert r.code == 0, r.err
    assert "Hội đồng thẩm định" in r.out and "1 CA" in r.out
    r = cli("inspect", "import", hd, tmp_path / "nop")
    assert r.code == 0, r.err
    # 1.1.1 late 0.5 + 1.1.2 0.5 + 1.2 0.75 + 1.3 1 + 1.4 1.5 = 4.25; 2.2 N/A full 1; bonus 1 - penalty 0.5
    assert "✔ XA-001 lần nộp 1: đã nhập (điểm tự chấm 5,75 / 7)" in r.out
    assert "1 đã nhập, 0 đã có từ trước, 0 bị từ chối" in r.out

    with InspectionWorkspace.open(hd) as ws:
        [pkg] = ws.packages()
        assert (pkg.agency_code, pkg.sequence, pkg.manifest_sha256) == ("XA-001", 1, package.manifest_sha256)
        assert (pkg.verdict, pkg.revocation, pkg.score_mismatch, pkg.chain_gap) == ("valid", "good", False, False)
        assert "XA-001" in pkg.signer_subject and len(pkg.signer_fingerprint) == 64
        # The answers, exactly as the agency stored them.
        stored = ws.answers(pkg.manifest_sha256)
        assert set(stored) == set(agency.answers())
        for code, a in stored.items():
            st = agency.state_of(code)
            assert (a.value_json, a.not_applicable, a.reason, a.note) == (st.value_json, st.not_applicable, st.na_reason, st.note)
        # The points: recomputed, and equal to the agency's own (and to what the package claims).
        mine = score_document(agency.score())
        assert pkg.recomputed_score == mine == pkg.claimed_score
        assert Decimal(pkg.recomputed_score["final_points"]) == Decimal("5.75")
        # The documents, their citations and links, and the evidence bytes.
        docs = {d.sha256: d for d in ws.documents(pkg.manifest_sha256)}
        originals = {d.sha256: d for d in agency.documents()}
        assert set(docs) == set(originals) == {hashlib.sha256(EVIDENCE_A).hexdigest(), hashlib.sha256(EVIDENCE_B).hexdigest()}
        for sha, d in docs.items():
            o = originals[sha]
            assert (d.file_name, d.size, d.media_type) == (o.file_name, o.size, o.media_type)
            assert (d.doc_type, d.number_symbol, d.issue_date, d.issuer, d.excerpt) == tuple(o.citation.__dict__.values())
            assert d.links == o.links
            assert ws.evidence_path(sha).read_bytes() == agency.evidence_path(o.id).read_bytes()
        assert evidence_files(hd) == {hashlib.sha256(b).hexdigest(): b for b in (EVIDENCE_A, EVIDENCE_B)}
        assert not any((hd / "evidence" / ".tmp").iterdir())
        # Manifest kept verbatim: its hash is the package's identity.
        assert (hd / "trust" / "ca.crt").read_bytes() == keys.ca_pem and (hd / "trust" / "ca.crl").exists()
        assert not (hd / "trust" / "README.txt").exists()

    listed = cli("inspect", "list", hd, "--json")
    assert listed.code == 0, listed.err
    doc = listed.json()
    assert doc["workspace"]["role"] == "inspection" and doc["workspace"]["year"] == 2026
    [p] = doc["packages"]
    assert p["points"] == {"claimed": "5.75", "recomputed": "5.75", "assessable_max": "7", "percent": "82.14", "category": "tot"}
    assert (p["agency_code"], p["sequence"], p["source_name"], p["verdict"]) == ("XA-001", 1, "XA-001-lan-1.cchc", "valid")
    text = cli("inspect", "list", hd)
    assert text.code == 0 and "XA-001" in text.out and "5,75 / 7" in text.out


def test_manifest_kept_verbatim(council, agency_folder, open_agency, keys, tmp_path: Path) -> None:
    agency = open_agency(agency_folder())
    written = export_submission(agency, tmp_path / "p.cchc", keys.a).package
    ws = council()
    [r] = ws.import_packages([written.path])
    assert r.status == "imported", r.reasons()
    import sqlite3

    con = sqlite3.connect(ws.folder / "workspace.sqlite")
    manifest, assessment = con.execute("SELECT manifest, assessment FROM packages").fetchone()
    con.close()
    assert manifest == written.manifest_bytes and hashlib.sha256(manifest).hexdigest() == r.manifest_sha256
    assert json.loads(assessment)["format"] == "cchc-assessment"
