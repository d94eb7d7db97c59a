"""The whole exchange on the command line: issue, import, rebut, export, import, final result."""

from __future__ import annotations

from pathlib import Path

import pytest

from cchc_desktop.core.signing.keys import encrypt_pkcs12

from ..inspection.helpers import PASSPHRASE, snapshot


@pytest.fixture(scope="module")
def key_files(pki, tmp_path_factory) -> dict[str, Path]:
    """PKCS#12 files of the council, of XA-001, and a CA folder (ca.p12), as the users hold them."""
    root = tmp_path_factory.mktemp("khoa")
    out = {}
    for name, signer in (("hd", pki.council), ("xa-001", pki.agencies["XA-001"])):
        out[name] = root / f"{name}.p12"
        out[name].write_bytes(encrypt_pkcs12(signer.private_key, signer.certificate, PASSPHRASE, signer.chain))
    ca = root / "ca"
    ca.mkdir()
    (ca / "ca.p12").write_bytes(encrypt_pkcs12(pki.ca.private_key, pki.ca.certificate, PASSPHRASE))
    out["ca"] = ca
    return out


def test_results_and_rebuttal_through_the_cli(scenario, cli, key_files, tmp_path, monkeypatch, make_file) -> None:
    monkeypatch.setenv("CCHC_PASSPHRASE", PASSPHRASE)
    hd, ag, trust = scenario.council.folder, scenario.agencies["XA-001"], scenario.pki.trust
    scenario.council.close()  # the CLI opens the workspaces itself

    # Council: an agency's key may not sign results (nothing written), the council key may.
    r = cli("inspect", "results", hd, "--agency", "XA-001", "-o", tmp_path / "x.cchc", "--key", key_files["xa-001"])
    assert r.code == 1 and "không được ký kết quả thẩm định" in r.err and not (tmp_path / "x.cchc").exists()
    kq = tmp_path / "XA-001-kq-1.cchc"
    r = cli("inspect", "results", hd, "--agency", "XA-001", "-o", kq, "--key", key_files["hd"])
    assert r.code == 0, r.err
    assert "✔ XA-001: đã phát hành kết quả lần 1 (vòng 1)" in r.out
    assert "Điểm cuối cùng 12,75 / 17 = 75% · xếp loại Khá · hạng 2/3 (đồng hạng với XA-003)" in r.out
    assert "7 tiêu chí chưa thẩm định" in r.out

    # Agency: the wrong trust is refused (exit 1, Vietnamese reason, nothing changed); the right one works.
    before = snapshot(ag)
    r = cli("assess", "import-results", ag, kq, "--trust", scenario.pki.other_trust)
    assert r.code == 1 and r.err.startswith("Không nhận kết quả thẩm định:") and "Traceback" not in r.err
    assert snapshot(ag) == before
    r = cli("assess", "import-results", ag, kq, "--trust", trust, "--json")
    assert r.code == 0, r.err
    doc = r.json()
    assert doc["status"] == "imported" and doc["result"]["sequence"] == 1 and doc["reasons"] == []
    r = cli("assess", "results", ag)
    assert r.code == 0 and "Kết quả thẩm định lần 1 (vòng 1)" in r.out
    assert any(line.startswith("1.1.1") and "≠" in line and "0,5" in line for line in r.out.splitlines()), r.out

    # The rebuttal: a text and a new evidence file, then the signed package.
    pdf = make_file("qd-15.pdf", b"%PDF-1.4 quyet dinh 15\n")
    r = cli("assess", "rebut", ag, "--item", "9.9", "--text", "x")
    assert r.code == 1 and "không phải tiêu chí chấm điểm" in r.err
    r = cli("assess", "rebut", ag, "--item", "1.1.1", "--text", "Đã ban hành kế hoạch (Quyết định 15/QĐ-UBND).",
            "--evidence", pdf, "--doc-type", "Quyết định", "--number-symbol", "15/QĐ-UBND", "--issue-date", "10/01/2026")
    assert r.code == 0, r.err
    assert "1 tài liệu đính kèm" in r.out
    shown = cli("assess", "results", ag, "--json").json()["current"]
    assert shown["rebuttal"]["drafts"] == {"1.1.1": "Đã ban hành kế hoạch (Quyết định 15/QĐ-UBND)."}
    assert shown["rebuttal"]["evidence"][0]["number_symbol"] == "15/QĐ-UBND"
    assert shown["differs"] == ["1.1.1", "1.4", "2.3"] and shown["document"]["total"]["index"] == "75"
    gt = tmp_path / "XA-001-giai-trinh.cchc"
    r = cli("assess", "export-rebuttal", ag, "-o", gt, "--key", key_files["xa-001"])
    assert r.code == 0, r.err
    assert "lần nộp thứ 2" in r.out and gt.exists()

    # Council: import (round 2), appraise again, the final result signed by the CA itself.
    r = cli("inspect", "import", hd, gt)
    assert r.code == 0, r.out + r.err
    assert "Bản giải trình cho kết quả lần 1" in r.out
    r = cli("inspect", "appraise", hd, "--agency", "XA-001", "--criterion", "1.1.1", "--points", "0,5",
            "--reason", "Chấp nhận giải trình")
    assert r.code == 0, r.err
    folder = tmp_path / "ket-qua"
    folder.mkdir()
    r = cli("inspect", "results", hd, "--agency", "XA-001", "-o", folder, "--key", key_files["ca"], "--json")
    assert r.code == 0, r.err
    [res] = r.json()["results"]
    assert (res["status"], res["round"], res["sequence"], res["final"], res["index"]) == ("issued", 2, 2, True, "77.94")
    assert Path(res["file"]).name == "XA-001-2026-ket-qua-2.cchc"
    r = cli("assess", "import-results", ag, res["file"], "--trust", trust)
    assert r.code == 0 and "Đây là kết quả cuối cùng." in r.out
    r = cli("assess", "rebut", ag, "--item", "1.4", "--text", "muộn")
    assert r.code == 1 and "kết quả cuối cùng" in r.err


def test_english_and_json_refusals(scenario, cli, key_files, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("CCHC_PASSPHRASE", PASSPHRASE)
    hd, ag = scenario.council.folder, scenario.agencies["XA-002"]
    scenario.council.close()
    out = tmp_path / "kq.cchc"
    assert cli("inspect", "results", hd, "--agency", "XA-001", "-o", out, "--key", key_files["hd"]).code == 0
    r = cli("assess", "import-results", ag, out, "--trust", scenario.pki.trust, "--json", "--lang", "en")
    assert r.code == 1
    doc = r.json()
    assert doc["status"] == "refused" and [x["code"] for x in doc["reasons"]] == ["wrong_agency"]
    assert "not for this agency" in doc["reasons"][0]["message"]
    r = cli("inspect", "results", hd, "--agency", "XA-009", "-o", tmp_path / "k9.cchc", "--key", key_files["hd"], "--lang", "en")
    assert r.code == 1 and "No agency 'XA-009'" in r.err
    r = cli("assess", "results", ag, "--lang", "en")
    assert r.code == 0 and "No result received yet" in r.out
