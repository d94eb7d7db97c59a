"""The ZIP container must be canonical: every header byte has exactly one allowed value.

Content hashes protect the entries' bytes, but not the ZIP around them (times, attributes, the
local copy of each header, padding between entries).  Two ZIP readers can also disagree about a
file with gaps, prefixes or local headers that differ from the central directory (the "polyglot"
trick).  So the reader accepts only what our writer produces: entries back to back from offset 0,
each local header identical to its central-directory record, fixed times and attributes, no
comments, no extra fields but the ZIP64 sizes, the central directory right after the last entry
and the end record right after it.  Any changed byte anywhere then fails a hash, a CRC or this.
"""

from __future__ import annotations

import struct
import zipfile
from typing import BinaryIO

LOCAL_SIG = b"PK\x03\x04"
EOCD_SIG = b"PK\x05\x06"
ZIP64_EOCD_SIG = b"PK\x06\x06"
ZIP64_LOCATOR_SIG = b"PK\x06\x07"
LOCAL_LEN = 30
EOCD_LEN = 22
ZIP64_LOCATOR_LEN = 20
DOS_EPOCH = (0, 33)  # time 00:00:00, date 1980-01-01
EXTERNAL_ATTR = 0o100644 << 16
UNIX = 3


class NotCanonical(ValueError):
    pass


def check(fh: BinaryIO, zf: zipfile.ZipFile, file_size: int) -> None:
    """Raise NotCanonical naming the first deviation."""
    infos = zf.infolist()
    expected_offset = 0
    for info in infos:
        if info.header_offset != expected_offset:
            raise NotCanonical(f"entry {info.filename!r} is not where the previous one ends")
        if info.date_time != (1980, 1, 1, 0, 0, 0) or info.comment or info.flag_bits != 0:
            raise NotCanonical(f"entry {info.filename!r} has a non-canonical time, flag or comment")
        if info.create_system != UNIX or info.create_version != info.extract_version or info.extract_version not in (20, 45):
            raise NotCanonical(f"entry {info.filename!r} has non-canonical versions")
        if info.external_attr != EXTERNAL_ATTR or info.internal_attr != 0 or info.volume != 0 or info.reserved != 0:
            raise NotCanonical(f"entry {info.filename!r} has non-canonical attributes")
        if info.extra and not info.extra.startswith(b"\x01\x00"):
            raise NotCanonical(f"entry {info.filename!r} has an extra field")
        fh.seek(info.header_offset)
        head = fh.read(LOCAL_LEN)
        if len(head) != LOCAL_LEN or head[:4] != LOCAL_SIG:
            raise NotCanonical(f"entry {info.filename!r} has no local header")
        (_sig, version, flags, method, mtime, mdate, crc, csize, usize, nlen, elen) = struct.unpack("<4sHHHHHIIIHH", head)
        name = fh.read(nlen)
        extra = fh.read(elen)
        zip64 = info.extract_version == 45
        if (
            version != info.extract_version
            or flags != info.flag_bits
            or method != info.compress_type
            or (mtime, mdate) != DOS_EPOCH
            or crc != info.CRC
            or name != info.filename.encode("ascii", "replace")
        ):
            raise NotCanonical(f"local header of {info.filename!r} differs from the central directory")
        if zip64:
            if (csize, usize) != (0xFFFFFFFF, 0xFFFFFFFF) or extra != struct.pack("<HHQQ", 1, 16, info.file_size, info.compress_size):
                raise NotCanonical(f"local ZIP64 sizes of {info.filename!r} are not canonical")
        elif (csize, usize, extra) != (info.compress_size, info.file_size, b""):
            raise NotCanonical(f"local sizes of {info.filename!r} differ from the central directory")
        expected_offset = info.header_offset + LOCAL_LEN + nlen + elen + info.compress_size
    if zf.start_dir != expected_offset:
        raise NotCanonical("bytes between the last entry and the central directory")
    cd_end_offset = _check_central_directory(fh, infos, zf.start_dir)
    # The end of central directory record is the last 22 bytes, with no comment.
    fh.seek(file_size - EOCD_LEN)
    eocd = fh.read(EOCD_LEN)
    if len(eocd) != EOCD_LEN or eocd[:4] != EOCD_SIG:
        raise NotCanonical("the end record is not at the end of the file")
    (_s, disk, cd_disk, n_disk, n_total, cd_size, cd_offset, comment_len) = struct.unpack("<4sHHHHIIH", eocd)
    if disk != 0 or cd_disk != 0 or comment_len != 0 or n_disk != n_total:
        raise NotCanonical("the end record is not canonical")
    cd_end = file_size - EOCD_LEN
    fh.seek(cd_end - ZIP64_LOCATOR_LEN)
    locator = fh.read(ZIP64_LOCATOR_LEN) if cd_end >= ZIP64_LOCATOR_LEN else b""
    if locator[:4] == ZIP64_LOCATOR_SIG:
        (_s, lz_disk, z64_offset, lz_disks) = struct.unpack("<4sIQI", locator)
        fh.seek(z64_offset)
        z64 = fh.read(56)
        if len(z64) != 56 or z64[:4] != ZIP64_EOCD_SIG or lz_disk != 0 or lz_disks != 1 or z64_offset + 56 != cd_end - ZIP64_LOCATOR_LEN:
            raise NotCanonical("the ZIP64 end record is not canonical")
        (_s, rec_size, made, need, d1, d2, e1, e2, size64, off64) = struct.unpack("<4sQHHIIQQQQ", z64)
        if rec_size != 44 or d1 or d2 or e1 != e2 or e1 != len(infos) or off64 != zf.start_dir or off64 + size64 != z64_offset:
            raise NotCanonical("the ZIP64 end record does not match the directory")
        if cd_end_offset != z64_offset:
            raise NotCanonical("bytes after the central directory")
    else:
        if n_total != len(infos) or cd_offset != zf.start_dir or cd_offset + cd_size != cd_end or cd_end_offset != cd_end:
            raise NotCanonical("the end record does not match the central directory")


CD_SIG = b"PK\x01\x02"
CD_LEN = 46


def _check_central_directory(fh: BinaryIO, infos: list[zipfile.ZipInfo], start: int) -> int:
    """Every raw directory record matches what zipfile parsed (zipfile silently truncates a name
    or extra field whose length points past the directory); returns where the directory ends."""
    pos = start
    for info in infos:
        fh.seek(pos)
        rec = fh.read(CD_LEN)
        if len(rec) != CD_LEN or rec[:4] != CD_SIG:
            raise NotCanonical("a central directory record is missing")
        fields = struct.unpack("<4sBBHHHHHIIIHHHHHII", rec)
        (_sig, made_ver, made_sys, need, flags, method, mtime, mdate, crc, csize, usize, nlen, elen, clen, disk, iattr, eattr, offset) = fields
        name = info.filename.encode("ascii", "replace")
        zip64 = info.extract_version == 45
        sizes = (0xFFFFFFFF, 0xFFFFFFFF) if zip64 else (info.compress_size, info.file_size)
        if (
            (made_ver, made_sys, need, flags, method) != (info.extract_version, UNIX, info.extract_version, 0, info.compress_type)
            or (mtime, mdate) != DOS_EPOCH
            or crc != info.CRC
            or (csize, usize) != sizes
            or (nlen, elen, clen) != (len(name), len(info.extra), 0)
            or (disk, iattr, eattr) != (0, 0, EXTERNAL_ATTR)
            or offset != info.header_offset
            or fh.read(nlen) != name
            or fh.read(elen) != info.extra
        ):
            raise NotCanonical(f"the directory record of {info.filename!r} is not canonical")
        pos += CD_LEN + nlen + elen
    return pos
