"""Writing key, certificate and CRL files safely, and reading them with a size limit.

A file is written to a temporary name beside its destination, fsynced, and only then given its
final name, so a crash never leaves a half-written key under the final name.  New files never
overwrite: a key file that exists already is refused (it may be the only copy of someone's key).
"""

from __future__ import annotations

import errno
import os
import secrets
from pathlib import Path

from ..errors import UserFacingError
from ..storage.evidence_store import fsync_dir

MAX_READ_BYTES = 8 * 1024 * 1024  # no key, certificate or CRL file here is anywhere near this
PRIVATE_SUFFIXES = (".p12", ".pfx", ".key")


def _exists_error(path: Path) -> UserFacingError:
    return UserFacingError(
        f"Tệp “{path}” đã có; không ghi đè lên tệp khóa hoặc chứng thư đã có. "
        "Hãy chọn tên khác hoặc chuyển tệp cũ đi chỗ khác. Không có gì thay đổi.",
        f"'{path}' already exists; key and certificate files are never overwritten. "
        "Choose another name or move the old file away. Nothing was changed.",
    )


def _os_error(path: Path, exc: OSError) -> UserFacingError:
    reason = exc.strerror or str(exc)
    hint_vi = " Ổ đĩa đã đầy." if exc.errno == errno.ENOSPC else ""
    hint_en = " The disk is full." if exc.errno == errno.ENOSPC else ""
    return UserFacingError(
        f"Không ghi được tệp “{path}”: {reason}.{hint_vi} Không có tệp nào được tạo dở dang.",
        f"Cannot write '{path}': {reason}.{hint_en} No partial file was left.",
    )


def _write_temp(path: Path, data: bytes) -> Path:
    tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")
    mode = 0o600 if path.suffix.lower() in PRIVATE_SUFFIXES else 0o644  # keys private; certificates, CRLs public
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def _rename_new(tmp: Path, path: Path) -> None:
    """Give `tmp` the name `path` unless `path` exists (no overwrite, even in a race)."""
    try:
        os.link(tmp, path)  # fails with EEXIST when the name is taken
    except FileExistsError:
        raise
    except OSError:
        # No hard links here (FAT32 USB stick...): Windows' rename refuses to overwrite by itself;
        # elsewhere check first (a race remains only on link-less file systems).
        if os.name != "nt" and path.exists():
            raise FileExistsError(errno.EEXIST, "exists", str(path)) from None
        os.rename(tmp, path)
        return
    tmp.unlink()


def write_new_files(files: dict[Path, bytes]) -> None:
    """Write every file, all or nothing: refuse if any exists; on failure remove what was written."""
    paths = [Path(p) for p in files]
    for p in paths:
        if p.exists():
            raise _exists_error(p)
        if not p.parent.is_dir():
            raise UserFacingError(
                f"Thư mục “{p.parent}” không tồn tại; hãy tạo nó trước.",
                f"Folder '{p.parent}' does not exist; create it first.",
            )
    done: list[Path] = []
    temps: list[Path] = []
    current = paths[0]
    try:
        for p in paths:
            current = p
            temps.append(_write_temp(p, files[p]))
        for p, tmp in zip(paths, temps):
            current = p
            _rename_new(tmp, p)
            done.append(p)
        for parent in {p.parent for p in paths}:
            fsync_dir(parent)
    except FileExistsError:
        _cleanup(done, temps)
        raise _exists_error(current) from None
    except OSError as exc:
        _cleanup(done, temps)
        raise _os_error(current, exc) from None
    except BaseException:
        _cleanup(done, temps)
        raise


def _cleanup(done: list[Path], temps: list[Path]) -> None:
    for p in done:
        p.unlink(missing_ok=True)
    for t in temps:
        t.unlink(missing_ok=True)


def replace_file(path: Path, data: bytes) -> None:
    """Atomically replace (or create) `path` with `data` (used for the CA's CRL)."""
    path = Path(path)
    tmp: Path | None = None
    try:
        tmp = _write_temp(path, data)
        os.replace(tmp, path)
        tmp = None
        fsync_dir(path.parent)
    except OSError as exc:
        raise _os_error(path, exc) from None
    finally:
        if tmp is not None:
            tmp.unlink(missing_ok=True)


def read_limited(path: Path, what_vi: str, what_en: str, limit: int = MAX_READ_BYTES) -> bytes:
    """Read a small file whole; a missing, unreadable or oversized file gives a clear message."""
    path = Path(path)
    try:
        with path.open("rb") as fh:
            data = fh.read(limit + 1)
    except FileNotFoundError:
        raise UserFacingError(f"Không tìm thấy {what_vi} “{path}”.", f"{what_en} '{path}' not found.") from None
    except IsADirectoryError:
        raise UserFacingError(f"“{path}” là một thư mục, không phải {what_vi}.",
                              f"'{path}' is a folder, not a {what_en.lower()}.") from None
    except OSError as exc:
        raise UserFacingError(f"Không đọc được {what_vi} “{path}”: {exc.strerror or exc}.",
                              f"Cannot read {what_en.lower()} '{path}': {exc.strerror or exc}.") from None
    if len(data) > limit:
        raise UserFacingError(
            f"{what_vi[:1].upper()}{what_vi[1:]} “{path}” quá lớn (trên {limit // (1024 * 1024)} MB): "
            "đây không phải tệp đúng loại.",
            f"{what_en} '{path}' is too large (over {limit // (1024 * 1024)} MB): not the right kind of file.",
        )
    return data
