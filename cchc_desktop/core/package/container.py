"""The ZIP container must be canonical: every header byte has exactly one allowed value.

Content hashes protect the entries' bytes, but not the ZIP around them (times, attributes, the
local copy of each header, padding between entries).  Two ZIP readers can also disagree about a
file with gaps, prefixes or local headers that differ from the central directory (the "polyglot"
trick).  So the reader accepts only what our writer produces: stored entries back to back from
offset 0, each local header consistent with its central-directory record, fixed times and
attributes, no comments, no extra fields but the ZIP64 ones zipfile writes when (and only when)
a size or offset needs them, the central directory right after the last entry and the end
records right after it.  Any changed byte anywhere then fails a hash, a CRC or this.

The expected bytes follow CPython's zipfile writer (3.11+), which is what `writer.py` uses:
- a local header uses ZIP64 exactly when the entry's size exceeds ZIP64_LIMIT (the writer forces
  it then): version 45, sizes 0xFFFFFFFF, extra = (1, 16, file size, compressed size);
- a central record carries a ZIP64 extra holding the sizes when they exceed the limit, then the
  offset when it does (each replaced by 0xFFFFFFFF in the record), and version 45 if either;
- the ZIP64 end record and locator are written when the count, the directory's offset or its
  size exceed the classic limits, with the classic end record's fields clamped.
"""

from __future__ import annotations

import struct
import zipfile
from typing import BinaryIO

LOCAL_SIG = b"PK\x03\x04"
CD_SIG = b"PK\x01\x02"
EOCD_SIG = b"PK\x05\x06"
ZIP64_EOCD_SIG = b"PK\x06\x06"
ZIP64_LOCATOR_SIG = b"PK\x06\x07"
LOCAL_LEN = 30
CD_LEN = 46
EOCD_LEN = 22
ZIP64_EOCD_LEN = 56
ZIP64_LOCATOR_LEN = 20
DOS_EPOCH = (0, 33)  # time 00:00:00, date 1980-01-01
EXTERNAL_ATTR = 0o100644 << 16
UNIX = 3
BASE_VERSION, ZIP64_VERSION = 20, 45
FFFF, FFFFFFFF = 0xFFFF, 0xFFFFFFFF


class NotCanonical(ValueError):
    pass


def _limit() -> int:
    # Read at call time: tests lower zipfile.ZIP64_LIMIT to exercise ZIP64 with small files.
    return zipfile.ZIP64_LIMIT


def _sizes_need_zip64(info: zipfile.ZipInfo) -> bool:
    return info.file_size > _limit() or info.compress_size > _limit()


def check(fh: BinaryIO, zf: zipfile.ZipFile, file_size: int) -> None:
    """Raise NotCanonical naming the first deviation."""
    infos = zf.infolist()
    expected_offset = 0
    for info in infos:
        if info.header_offset != expected_offset:
            raise NotCanonical(f"entry {info.filename!r} is not where the previous one ends")
        if info.compress_type != zipfile.ZIP_STORED or info.compress_size != info.file_size:
            raise NotCanonical(f"entry {info.filename!r} is not stored")
        if info.date_time != (1980, 1, 1, 0, 0, 0) or info.comment or info.flag_bits != 0:
            raise NotCanonical(f"entry {info.filename!r} has a non-canonical time, flag or comment")
        if info.external_attr != EXTERNAL_ATTR or info.internal_attr != 0 or info.volume != 0 or info.reserved != 0:
            raise NotCanonical(f"entry {info.filename!r} has non-canonical attributes")
        _check_local(fh, info)
        expected_offset = info.header_offset + LOCAL_LEN + len(info.filename) + (20 if _sizes_need_zip64(info) else 0) + info.compress_size
    if zf.start_dir != expected_offset:
        raise NotCanonical("bytes between the last entry and the central directory")
    cd_end = _check_central_directory(fh, infos, zf.start_dir)
    _check_end_records(fh, len(infos), zf.start_dir, cd_end, file_size)


def _check_local(fh: BinaryIO, info: zipfile.ZipInfo) -> None:
    fh.seek(info.header_offset)
    head = fh.read(LOCAL_LEN)
    if len(head) != LOCAL_LEN or head[:4] != LOCAL_SIG:
        raise NotCanonical(f"entry {info.filename!r} has no local header")
    (_sig, version, flags, method, mtime, mdate, crc, csize, usize, nlen, elen) = struct.unpack("<4sHHHHHIIIHH", head)
    name = fh.read(nlen)
    extra = fh.read(elen)
    if _sizes_need_zip64(info):
        expected = (ZIP64_VERSION, FFFFFFFF, FFFFFFFF, struct.pack("<HHQQ", 1, 16, info.file_size, info.compress_size))
    else:
        expected = (BASE_VERSION, info.compress_size, info.file_size, b"")
    if (
        (version, csize, usize, extra) != expected
        or flags != 0
        or method != zipfile.ZIP_STORED
        or (mtime, mdate) != DOS_EPOCH
        or crc != info.CRC
        or name != info.filename.encode("ascii", "replace")
    ):
        raise NotCanonical(f"the local header of {info.filename!r} is not canonical")


def _check_central_directory(fh: BinaryIO, infos: list[zipfile.ZipInfo], start: int) -> int:
    """Every raw directory record has exactly the expected bytes (zipfile itself would silently
    truncate a name or extra field whose length points past the directory); returns its end."""
    pos = start
    for info in infos:
        fh.seek(pos)
        rec = fh.read(CD_LEN)
        if len(rec) != CD_LEN or rec[:4] != CD_SIG:
            raise NotCanonical("a central directory record is missing")
        (_sig, made_ver, made_sys, need, flags, method, mtime, mdate, crc, csize, usize, nlen, elen, clen, disk, iattr,
         eattr, offset) = struct.unpack("<4sBBHHHHHIIIHHHHHII", rec)
        values: list[int] = []
        sizes = (info.compress_size, info.file_size)
        if _sizes_need_zip64(info):
            values += [info.file_size, info.compress_size]
            sizes = (FFFFFFFF, FFFFFFFF)
        raw_offset = info.header_offset
        if info.header_offset > _limit():
            values.append(info.header_offset)
            raw_offset = FFFFFFFF
        extra = struct.pack("<HH" + "Q" * len(values), 1, 8 * len(values), *values) if values else b""
        version = ZIP64_VERSION if values else BASE_VERSION
        name = info.filename.encode("ascii", "replace")
        if (
            (made_ver, made_sys, need, flags, method) != (version, UNIX, version, 0, zipfile.ZIP_STORED)
            or (mtime, mdate) != DOS_EPOCH
            or crc != info.CRC
            or (csize, usize) != sizes
            or (nlen, elen, clen) != (len(name), len(extra), 0)
            or (disk, iattr, eattr) != (0, 0, EXTERNAL_ATTR)
            or offset != raw_offset
            or fh.read(nlen) != name
            or fh.read(elen) != extra
        ):
            raise NotCanonical(f"the directory record of {info.filename!r} is not canonical")
        pos += CD_LEN + nlen + elen
    return pos


def _check_end_records(fh: BinaryIO, count: int, cd_start: int, cd_end: int, file_size: int) -> None:
    cd_size = cd_end - cd_start
    zip64 = count > zipfile.ZIP_FILECOUNT_LIMIT or cd_start > _limit() or cd_size > _limit()
    eocd_at = cd_end + (ZIP64_EOCD_LEN + ZIP64_LOCATOR_LEN if zip64 else 0)
    if file_size != eocd_at + EOCD_LEN:
        raise NotCanonical("bytes after the central directory, or the end records are misplaced")
    if zip64:
        fh.seek(cd_end)
        record = fh.read(ZIP64_EOCD_LEN)
        # zipfile writes "version made by" = 45 here (no system byte), unlike the entry records.
        expected = struct.pack("<4sQ2H2L4Q", ZIP64_EOCD_SIG, 44, ZIP64_VERSION, ZIP64_VERSION, 0, 0, count, count, cd_size, cd_start)
        locator = fh.read(ZIP64_LOCATOR_LEN)
        if record != expected or locator != struct.pack("<4sIQI", ZIP64_LOCATOR_SIG, 0, cd_end, 1):
            raise NotCanonical("the ZIP64 end records are not canonical")
    fh.seek(eocd_at)
    eocd = fh.read(EOCD_LEN)
    n = min(count, FFFF)
    expected_eocd = struct.pack("<4sHHHHIIH", EOCD_SIG, 0, 0, n, n, min(cd_size, FFFFFFFF), min(cd_start, FFFFFFFF), 0)
    if eocd != expected_eocd:
        raise NotCanonical("the end record is not canonical")
