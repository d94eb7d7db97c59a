"""Content-addressed evidence store: files named by their SHA-256, each stored once.

A file is streamed (never loaded whole) into `evidence/.tmp/`, hashed on the way, fsynced, and
renamed to `evidence/<2 hex>/<sha256>` only when complete: a crash leaves at most a temporary file,
which the next open removes.  The same document attached to five criteria is stored once.
"""

from __future__ import annotations

import hashlib
import mimetypes
import os
import uuid
from dataclasses import dataclass
from pathlib import Path

from ..errors import EvidenceError, UserFacingError
from ..progress import CancelToken, ProgressCallback, no_progress

CHUNK = 1024 * 1024


@dataclass(frozen=True)
class StoredFile:
    sha256: str
    size: int
    media_type: str


def _fmt_size(n: int) -> str:
    for unit in ("B", "KB", "MB", "GB"):
        if n < 1024 or unit == "GB":
            return f"{n:.0f} {unit}" if unit == "B" else f"{n:.1f} {unit}"
        n /= 1024  # type: ignore[assignment]
    return f"{n} B"


def fsync_dir(path: Path) -> None:
    """Make a rename durable (POSIX); a no-op where directories cannot be opened (Windows)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


class EvidenceStore:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.tmp = root / ".tmp"

    def ensure(self) -> None:
        self.tmp.mkdir(parents=True, exist_ok=True)

    def path_of(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def has(self, sha256: str) -> bool:
        return self.path_of(sha256).is_file()

    def clean_temporary(self) -> int:
        """Remove leftovers of interrupted copies; returns how many were removed."""
        n = 0
        if self.tmp.is_dir():
            for p in self.tmp.iterdir():
                try:
                    p.unlink()
                    n += 1
                except OSError:
                    pass
        return n

    def add(
        self,
        source: Path,
        max_bytes: int,
        progress: ProgressCallback = no_progress,
        cancel: CancelToken | None = None,
    ) -> StoredFile:
        """Copy `source` into the store; refuse empty, unreadable or oversized files."""
        source = Path(source)
        name = source.name
        try:
            st = source.stat()
        except OSError as exc:
            raise EvidenceError(
                f"Không đọc được tệp “{name}”: {exc.strerror or exc}. Hãy kiểm tra tệp còn tồn tại và bạn có quyền đọc.",
                f"Cannot read '{name}': {exc.strerror or exc}.",
            ) from None
        if not source.is_file():
            raise EvidenceError(f"“{name}” không phải là một tệp.", f"'{name}' is not a file.")
        if st.st_size == 0:
            raise EvidenceError(
                f"Tệp “{name}” rỗng (0 byte): có thể tệp quét hoặc tải về bị lỗi. Hãy chọn lại tệp đúng.",
                f"'{name}' is empty (0 bytes).",
            )
        if st.st_size > max_bytes:
            raise EvidenceError(
                f"Tệp “{name}” có dung lượng {_fmt_size(st.st_size)}, vượt giới hạn {_fmt_size(max_bytes)} cho một tài liệu kiểm chứng. "
                "Hãy nén hoặc quét lại với độ phân giải thấp hơn.",
                f"'{name}' is {_fmt_size(st.st_size)}, above the {_fmt_size(max_bytes)} limit.",
            )
        self.ensure()
        tmp = self.tmp / f"{uuid.uuid4().hex}.part"
        digest = hashlib.sha256()
        size = 0
        try:
            with source.open("rb") as src, tmp.open("wb") as dst:
                while True:
                    if cancel is not None:
                        cancel.raise_if_cancelled()
                    chunk = src.read(CHUNK)
                    if not chunk:
                        break
                    size += len(chunk)
                    if size > max_bytes:  # the file grew while we read it
                        raise EvidenceError(
                            f"Tệp “{name}” vượt giới hạn {_fmt_size(max_bytes)}.", f"'{name}' exceeds the limit."
                        )
                    digest.update(chunk)
                    dst.write(chunk)
                    progress(size, st.st_size, name)
                dst.flush()
                os.fsync(dst.fileno())
            if size == 0:
                raise EvidenceError(f"Tệp “{name}” rỗng (0 byte).", f"'{name}' is empty.")
            sha = digest.hexdigest()
            final = self.path_of(sha)
            if final.exists():
                tmp.unlink()
            else:
                final.parent.mkdir(parents=True, exist_ok=True)
                os.replace(tmp, final)
                fsync_dir(final.parent)
        except UserFacingError:
            tmp.unlink(missing_ok=True)
            raise
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            if exc.errno == 28:  # ENOSPC
                raise EvidenceError(
                    "Ổ đĩa đã đầy nên không lưu được tài liệu. Hãy giải phóng dung lượng rồi thử lại; dữ liệu đã nhập vẫn an toàn.",
                    "The disk is full; the evidence was not stored. Free some space and retry.",
                ) from None
            raise EvidenceError(
                f"Không đọc/ghi được tệp “{name}”: {exc.strerror or exc}.", f"Cannot copy '{name}': {exc.strerror or exc}."
            ) from None
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise
        media_type = mimetypes.guess_type(name)[0] or "application/octet-stream"
        return StoredFile(sha256=sha, size=size, media_type=media_type)

    def verify(self, sha256: str) -> bool:
        """Re-hash a stored file (used by integrity checks)."""
        p = self.path_of(sha256)
        if not p.is_file():
            return False
        h = hashlib.sha256()
        with p.open("rb") as fh:
            for chunk in iter(lambda: fh.read(CHUNK), b""):
                h.update(chunk)
        return h.hexdigest() == sha256

    def open_stream(self, max_bytes: int | None = None, verify: bool = True) -> StreamWriter:
        """Start streaming a file into the store (see `StreamWriter`): write, then commit or abort."""
        return StreamWriter(self, max_bytes, verify)

    def remove(self, sha256: str) -> None:
        """Remove a stored file (only to undo a commit whose database transaction failed)."""
        try:
            self.path_of(sha256).unlink()
        except FileNotFoundError:
            pass


# ---------------------------------------------------------------- streaming add (package import)


class StreamWriter:
    """One file streamed into the store: `write` chunks, then `commit` or `abort`.

    The bytes go to a temporary file in `.tmp/`; `finish` closes it (and checks the hash when the
    writer hashes), `commit` makes it durable (fsync) and renames it to its content address.  An
    importer stages every evidence file of a package this way and commits only once the whole
    package is accepted: a refused package leaves nothing behind but removed temporary files.
    """

    def __init__(self, store: EvidenceStore, max_bytes: int | None = None, verify: bool = True) -> None:
        store.ensure()
        self._store = store
        self._max = max_bytes
        self._digest = hashlib.sha256() if verify else None
        self.tmp_path = store.tmp / f"{uuid.uuid4().hex}.part"
        self._fh = open(self.tmp_path, "xb")  # noqa: SIM115 - closed by finish/abort
        self.size = 0
        self._done = False

    def write(self, chunk: bytes) -> None:
        if self._fh is None:
            raise ValueError("stream already finished")
        self.size += len(chunk)
        if self._max is not None and self.size > self._max:
            raise EvidenceError("Tài liệu vượt giới hạn dung lượng.", "The evidence file exceeds the size limit.")
        if self._digest is not None:
            self._digest.update(chunk)
        self._fh.write(chunk)

    def finish(self, expected_sha256: str | None = None) -> None:
        """Close the temporary file (no fsync yet: a refused file costs no disk flush)."""
        if self._fh is not None:
            self._fh.close()
            self._fh = None
        if self._digest is not None:
            sha = self._digest.hexdigest()
            if expected_sha256 is not None and sha != expected_sha256:
                self.abort()
                raise EvidenceError("Nội dung tài liệu không khớp mã băm.", "The evidence bytes do not match their hash.")

    def commit(self, expected_sha256: str) -> bool:
        """Durably store the file under `expected_sha256`; True if it was not in the store before.

        Without hashing (`verify=False`) the caller vouches for the bytes (the package reader has
        hashed exactly these chunks already).
        """
        if self._done:
            raise ValueError("stream already committed or aborted")
        self.finish(expected_sha256)
        final = self._store.path_of(expected_sha256)
        try:
            if final.exists():
                self.tmp_path.unlink(missing_ok=True)
                created = False
            else:
                # fsync is per file, not per handle; read-write because Windows cannot flush a read-only one.
                fd = os.open(self.tmp_path, os.O_RDWR | getattr(os, "O_BINARY", 0))
                try:
                    os.fsync(fd)
                finally:
                    os.close(fd)
                final.parent.mkdir(parents=True, exist_ok=True)
                os.replace(self.tmp_path, final)
                fsync_dir(final.parent)
                created = True
        except BaseException:
            self.abort()
            raise
        self._done = True
        return created

    def abort(self) -> None:
        """Drop the temporary file; harmless to call twice or after a commit."""
        if self._fh is not None:
            try:
                self._fh.close()
            except OSError:
                pass
            self._fh = None
        if not self._done:
            self.tmp_path.unlink(missing_ok=True)
        self._done = True

