"""Staging a package's evidence while it is verified, and finding the package files to import."""

from __future__ import annotations

import hashlib
import zipfile
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import UserFacingError
from ..package import format as fmt
from ..storage.evidence_store import StreamWriter
from .inspection_records import Note

if TYPE_CHECKING:
    from ..storage.evidence_store import EvidenceStore

PACKAGE_SUFFIX = ".cchc"


class StagingSink:
    """Receives the verified entries from the reader: evidence goes to temporary files of the store.

    Nothing is committed here; `commit` renames the staged files once the package is accepted,
    `abort_all` removes them.  A write error (disk full) is kept, not raised, so the reader does not
    mistake it for a damaged package.
    """

    def __init__(self, store: EvidenceStore) -> None:
        self.store = store
        self.staged: dict[str, StreamWriter] = {}
        self.present: set[str] = set()  # verified, and already in the store
        self.error: OSError | None = None
        self._current: tuple[str, StreamWriter | None] | None = None

    def begin(self, path: str, size: int) -> None:
        self._current = None
        if not path.startswith(fmt.EVIDENCE_PREFIX) or self.error is not None:
            return
        sha = path[len(fmt.EVIDENCE_PREFIX):]
        if self.store.has(sha):
            self._current = (sha, None)
            return
        try:
            # verify=False: the reader hashes exactly these chunks and reports `ok` only on a match.
            self._current = (sha, self.store.open_stream(verify=False))
        except OSError as exc:
            self.error = exc

    def chunk(self, data: bytes) -> None:
        if self._current is None or self._current[1] is None:
            return
        try:
            self._current[1].write(data)
        except OSError as exc:
            self.error = exc
            self._current[1].abort()
            self._current = None

    def end(self, ok: bool) -> None:
        current, self._current = self._current, None
        if current is None:
            return
        sha, writer = current
        if writer is None:
            if ok:
                self.present.add(sha)
            return
        if not ok:
            writer.abort()
            return
        try:
            writer.finish()
            self.staged[sha] = writer
        except OSError as exc:
            self.error = exc
            writer.abort()

    def commit(self, shas: Sequence[str], created: list[str]) -> None:
        """Rename the staged files among `shas` into the store; `created` gets the new ones."""
        for sha in shas:
            writer = self.staged.pop(sha, None)
            if writer is not None and writer.commit(sha):
                created.append(sha)

    def abort_all(self) -> None:
        for writer in self.staged.values():
            writer.abort()
        self.staged.clear()


def expand_paths(paths: Sequence[Path | str]) -> list[tuple[Path, Note | None]]:
    """Files as given; folders become their `*.cchc` files, sorted; each file once."""
    out: list[tuple[Path, Note | None]] = []
    seen: set[Path] = set()
    for raw in paths:
        p = Path(raw).expanduser()
        if p.is_dir():
            found = sorted((f for f in p.iterdir() if f.suffix.lower() == PACKAGE_SUFFIX and f.is_file()),
                           key=lambda f: f.name)
            if not found:
                out.append((p, Note("no_packages", f"Thư mục “{p}” không có gói hồ sơ .cchc nào.",
                                    f"Folder '{p}' holds no .cchc package.")))
            files = found
        else:
            files = [p]
        for f in files:
            key = f.resolve()
            if key not in seen:
                seen.add(key)
                out.append((f, None))
    return out


def file_size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def read_manifest_bytes(path: Path, manifest_sha256: str) -> bytes:
    """The manifest bytes exactly as signed (re-read: the report keeps only their hash)."""
    with zipfile.ZipFile(path) as zf, zf.open(fmt.MANIFEST) as fh:
        data = fh.read(fmt.MAX_MANIFEST_BYTES + 1)
    if hashlib.sha256(data).hexdigest() != manifest_sha256:
        raise UserFacingError("Tệp gói đã thay đổi trong lúc nhập; hãy nhập lại.", "The package file changed during import.")
    return data
