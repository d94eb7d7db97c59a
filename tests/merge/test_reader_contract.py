"""What the package reader must do for appraisal packages (package/reader.py is not this suite's file)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from cchc_desktop.core.package.reader import verify_package
from cchc_desktop.core.services.appraisal_package import APPRAISALS
from cchc_desktop.core.services.inspection import InspectionWorkspace
from cchc_desktop.core.signing.api import Verdict

from .conftest import MergeKeys


def test_the_reader_accepts_an_appraisal_package_signed_by_a_council_member(
        copies: Callable[[str], InspectionWorkspace], merge_keys: MergeKeys, merge_trust: Path, tmp_path: Path) -> None:
    from cchc_desktop.core.signing.trust import load_trust

    lan = copies("lan")
    lan.appraise("XA-001", "2.3", "1", "Thiếu báo cáo")
    pkg = lan.export_appraisals(tmp_path / "lan.cchc", merge_keys.lan)
    report = verify_package(pkg.path, load_trust(merge_trust), {lan.framework.sha256: lan.framework})
    assert report.verdict is Verdict.VALID, report.reasons()
    assert set(report.data) == {APPRAISALS}


def test_the_reader_refuses_an_appraisal_package_signed_by_an_agency(
        copies: Callable[[str], InspectionWorkspace], merge_keys: MergeKeys, merge_trust: Path, tmp_path: Path) -> None:
    from cchc_desktop.core.signing.trust import load_trust

    from .conftest import appraisal_package, entry

    lan = copies("lan")
    pkg = appraisal_package(tmp_path / "ag.cchc", merge_keys.xa1,
                            [entry(lan.submission("XA-001").manifest_sha256, "2.3", "1")], lan.framework)
    report = verify_package(pkg.path, load_trust(merge_trust), {lan.framework.sha256: lan.framework})
    assert report.verdict is Verdict.INVALID and "not_council_signer" in {f.code for f in report.findings}
