"""What the importer needs from core/package/reader.py (owned elsewhere): findings pinned here."""

from __future__ import annotations

import errno
from pathlib import Path

import pytest

from cchc_desktop.core.package.reader import SinkError, verify_package
from cchc_desktop.core.services.export import export_submission
from cchc_desktop.core.signing.trust import load_trust


class _DiskFullSink:
    def begin(self, path: str, size: int) -> None:
        self.evidence = path.startswith("evidence/")

    def chunk(self, data: bytes) -> None:
        if self.evidence:
            raise OSError(errno.ENOSPC, "No space left on device")

    def end(self, ok: bool) -> None:
        pass


def test_a_sink_write_error_is_not_reported_as_a_damaged_package(agency_folder, open_agency, keys, trust_dirs,
                                                                  tmp_path: Path) -> None:
    pkg = export_submission(open_agency(agency_folder()), tmp_path / "p.cchc", keys.a).package
    # Propagated as the importer's own failure (it can say "disk full"), never blamed on the package.
    with pytest.raises(SinkError) as err:
        verify_package(pkg.path, load_trust(trust_dirs["crl"]), sink=_DiskFullSink())
    assert isinstance(err.value.cause, OSError)
