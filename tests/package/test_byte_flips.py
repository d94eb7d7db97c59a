"""The fuzz acceptance: one bit flipped ANYWHERE in a valid package, and the package is refused.

ONE valid package (`base`: data entries, evidence of ~20 KB and ~5 KB, manifest, signature) is
mutated at more than a thousand positions: every byte of every local header and of every entry name,
every byte of the central directory and of the end record, and evenly spaced bytes of every entry's
data (the manifest's and the signature's included).  Each mutant flips one bit (which bit varies
with the position).  `verify_package` must never raise and never say VALID, and importing all the
mutants into one inspection workspace must refuse each and change nothing; the original then imports.
"""

from __future__ import annotations

import collections
import zipfile
from pathlib import Path

from cchc_desktop.core.package import format as fmt
from cchc_desktop.core.package.reader import verify_package
from cchc_desktop.core.signing.api import Verdict

from ..inspection.helpers import evidence_files, snapshot
from .conftest import BIG_EVIDENCE, SMALL_EVIDENCE

DATA_SAMPLES = 48  # evenly spaced data positions per entry (first and last byte included)


def regions(blob: bytes, path: Path) -> dict[str, list[int]]:
    """Positions to flip, by the part of the file they belong to."""
    out: dict[str, list[int]] = {}
    with zipfile.ZipFile(path) as zf:
        infos = zf.infolist()
        start_dir = zf.start_dir
    for info in infos:
        name_len = len(info.filename)
        head = info.header_offset
        data = head + 30 + name_len
        out[f"local header {info.filename}"] = list(range(head, head + 30))
        out[f"name {info.filename}"] = list(range(head + 30, data))
        n = info.compress_size
        step = max(1, (n - 1) / (DATA_SAMPLES - 1))
        out[f"data {info.filename}"] = sorted({data + min(n - 1, round(i * step)) for i in range(DATA_SAMPLES)})
    eocd = len(blob) - 22
    out["central directory"] = list(range(start_dir, eocd))
    out["end record"] = list(range(eocd, len(blob)))
    return out


def test_every_single_bit_flip_is_refused_and_imports_nothing(base, trust, council, tmp_path: Path) -> None:
    blob = base.bytes
    parts = regions(blob, base.path)
    # The package is the one the acceptance asks for: two evidence files, ~20 KB and ~5 KB.
    with zipfile.ZipFile(base.path) as zf:
        sizes = sorted(i.file_size for i in zf.infolist() if i.filename.startswith(fmt.EVIDENCE_PREFIX))
        names = zf.namelist()
    assert len(sizes) == 2 and abs(sizes[0] - SMALL_EVIDENCE) < 200 and abs(sizes[1] - BIG_EVIDENCE) < 200
    # Every entry (manifest and signature included) and every ZIP structure is covered.
    for name in names:
        for kind in ("local header", "name", "data"):
            assert len(parts[f"{kind} {name}"]) >= min(DATA_SAMPLES, 8), (kind, name)
    assert len(parts["central directory"]) > 46 * len(names) and len(parts["end record"]) == 22
    positions = sorted({p for ps in parts.values() for p in ps})
    assert len(positions) >= 600 and positions[0] == 0 and positions[-1] == len(blob) - 1
    assert len(positions) == sum(len(ps) for ps in parts.values())  # the regions do not overlap

    folder = tmp_path / "mutants"
    folder.mkdir()
    mutants: list[Path] = []
    problems: list[str] = []
    codes: collections.Counter[str] = collections.Counter()
    for k, pos in enumerate(positions):
        bit = k % 8
        mutant = bytearray(blob)
        mutant[pos] ^= 1 << bit
        path = folder / f"{pos:06d}-bit{bit}.cchc"
        path.write_bytes(mutant)
        mutants.append(path)
        try:
            report = verify_package(path, trust)
        except Exception as exc:  # noqa: BLE001 - the contract: never raises; collected to name them all
            problems.append(f"{path.name}: raised {exc!r}")
            continue
        if report.verdict is Verdict.VALID or not report.findings:
            problems.append(f"{path.name}: {report.verdict.value} {report.findings}")
        codes.update({f.code for f in report.findings})
    assert not problems, f"{len(problems)} of {len(positions)} mutants:\n" + "\n".join(problems[:40])
    # Different checks caught them (a sanity check of the spread, not a contract on which).
    assert {"not_canonical", "damaged_entry"} <= set(codes), codes

    ws = council()
    before = snapshot(ws.folder)
    results = ws.import_packages(mutants, allow_unknown_revocation=False)
    assert len(results) == len(mutants)
    accepted = [f"{r.source.name}: {r.status}" for r in results if r.status != "refused"]
    assert not accepted, accepted[:20]
    assert all(r.notes for r in results)
    assert snapshot(ws.folder) == before  # every table, every evidence file (temporary ones too)
    assert ws.packages() == [] and evidence_files(ws.folder) == {}

    [r] = ws.import_packages([base.path])
    assert r.status == "imported", r.reasons()
    assert len(evidence_files(ws.folder)) == 2
