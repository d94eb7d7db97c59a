"""Writing a package: stream every entry once (hash while copying), sign the manifest, then rename.

Memory stays flat with evidence size: files are copied in 1 MiB chunks.  The package is written
to a temporary name beside the destination, fsynced, and renamed only when complete, so a crash
or a full disk never leaves a half package under the final name.
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ..errors import UserFacingError
from ..progress import CancelToken, ProgressCallback, no_progress
from ..signing.api import Signer
from ..storage.evidence_store import fsync_dir
from .hashing import OverlappedHashing
from .format import EVIDENCE_PREFIX, MANIFEST, SIGNATURE, FileEntry, Manifest

CHUNK = 1024 * 1024
_EPOCH = (1980, 1, 1, 0, 0, 0)  # fixed entry times: the ZIP reveals nothing but the manifest's date


@dataclass(frozen=True)
class EvidenceSource:
    sha256: str
    path: Path
    size: int


@dataclass(frozen=True)
class WrittenPackage:
    path: Path
    manifest_bytes: bytes
    manifest_sha256: str
    size: int


def manifest_bytes(manifest: Manifest) -> bytes:
    """The signed bytes: UTF-8 JSON, sorted keys, one line per file entry for readable diffs."""
    return (json.dumps(manifest.document(), ensure_ascii=False, sort_keys=True, indent=1) + "\n").encode("utf-8")


def _info(name: str, compress: int) -> zipfile.ZipInfo:
    # Every entry is stored: deflate has padding bits a decoder ignores, so a compressed entry could
    # change without any hash noticing.  The data files are small and evidence does not compress.
    info = zipfile.ZipInfo(name, date_time=_EPOCH)
    info.compress_type = compress
    info.external_attr = 0o100644 << 16  # a regular file: never a link, never executable
    info.create_system = 3  # the same bytes on every OS: the reader accepts only the canonical form
    return info


def write_package(
    out: Path,
    header: Manifest,
    data: dict[str, bytes],
    evidence: list[EvidenceSource],
    signer: Signer,
    progress: ProgressCallback = no_progress,
    cancel: CancelToken | None = None,
    publish: bool = True,
) -> WrittenPackage:
    """Write `data` entries and evidence, then the manifest built from `header` and its signature.

    With publish=False the complete, fsynced package stays under its temporary name (returned as
    `path`); the caller records it and then calls `publish_package(path, out)`."""
    out = Path(out)
    if out.exists():
        raise UserFacingError(
            f"Tệp “{out}” đã tồn tại. Hãy chọn tên khác; gói đã nộp không bao giờ bị ghi đè.",
            f"'{out}' exists; choose another name (packages are never overwritten).",
        )
    tmp = out.with_name(f".{out.name}.{uuid.uuid4().hex[:8]}.part")
    total = sum(len(b) for b in data.values()) + sum(e.size for e in evidence)
    done = 0
    entries: list[FileEntry] = []
    try:
        with open(tmp, "wb") as raw, OverlappedHashing() as hashing:
            with zipfile.ZipFile(raw, "w", allowZip64=True) as zf:
                for name, payload in data.items():
                    zf.writestr(_info(name, zipfile.ZIP_STORED), payload)
                    entries.append(FileEntry(name, len(payload), hashlib.sha256(payload).hexdigest()))
                    done += len(payload)
                    progress(done, total, name)
                for ev in evidence:
                    name = EVIDENCE_PREFIX + ev.sha256
                    digest = hashing.digest()
                    size = 0
                    # force_zip64: the size is only known to be right once read; never fail mid-file.
                    with open(ev.path, "rb") as src, zf.open(_info(name, zipfile.ZIP_STORED), "w", force_zip64=ev.size > zipfile.ZIP64_LIMIT) as dst:
                        while chunk := src.read(CHUNK):
                            if cancel is not None:
                                cancel.raise_if_cancelled()
                            digest.update(chunk)
                            dst.write(chunk)
                            size += len(chunk)
                            done += len(chunk)
                            progress(done, total, ev.path.name)
                    if digest.hexdigest() != ev.sha256 or size != ev.size:
                        raise UserFacingError(
                            f"Tài liệu kiểm chứng {ev.sha256[:12]}… trong không gian làm việc đã bị hỏng (nội dung không khớp mã băm). "
                            "Hãy đính kèm lại tệp gốc rồi xuất lại.",
                            f"Evidence {ev.sha256[:12]}… in the workspace is damaged (hash mismatch); attach it again.",
                        )
                    entries.append(FileEntry(name, size, ev.sha256))
                manifest = Manifest(**{**header.__dict__, "files": tuple(entries)})
                mbytes = manifest_bytes(manifest)
                signature = signer.sign_detached(mbytes)
                zf.writestr(_info(MANIFEST, zipfile.ZIP_STORED), mbytes)
                zf.writestr(_info(SIGNATURE, zipfile.ZIP_STORED), signature)
            raw.flush()
            os.fsync(raw.fileno())
        if publish:
            publish_package(tmp, out)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        if exc.errno == 28:
            raise UserFacingError(
                "Ổ đĩa đích đã đầy nên chưa xuất được gói. Không có tệp dở dang nào được để lại; dữ liệu vẫn an toàn. "
                "Hãy giải phóng dung lượng hoặc chọn ổ khác.",
                "The destination disk is full; no partial file was left. Free space or choose another drive.",
            ) from None
        raise UserFacingError(
            f"Không ghi được gói “{out}”: {exc.strerror or exc}.", f"Cannot write '{out}': {exc.strerror or exc}."
        ) from None
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    final = out if publish else tmp
    return WrittenPackage(final, mbytes, hashlib.sha256(mbytes).hexdigest(), final.stat().st_size)


def publish_package(tmp: Path, out: Path) -> None:
    """Give a complete package its final name (never over an existing file) durably."""
    if out.exists():  # created meanwhile by someone else: still never overwrite
        raise UserFacingError(f"Tệp “{out}” đã tồn tại.", f"'{out}' exists.")
    os.replace(tmp, out)
    fsync_dir(out.parent)
