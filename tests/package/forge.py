"""Forging hostile packages: a raw ZIP writer (every header field controllable) and re-signing.

`build_zip` writes exactly the canonical container of docs/package-format.md (stored entries,
1980-01-01 times, Unix 0644 attributes, entries back to back from offset 0, no comments or extra
fields), so `build_zip(read_entries(pkg)) == pkg bytes` (checked by a test): a hostile variant
built from a valid package differs from it only by the change under test.  `resign` replaces the
manifest and signs it with a trusted signer, so that the check being tested is one that comes
after the signature.
"""

from __future__ import annotations

import hashlib
import json
import stat
import struct
import zipfile
import zlib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from cchc_desktop.core.package import format as fmt
from cchc_desktop.core.signing.api import Signer

REGULAR = 0o100644 << 16
SYMLINK = (stat.S_IFLNK | 0o777) << 16
DOS_TIME, DOS_DATE = 0, 33  # 1980-01-01 00:00:00


@dataclass(frozen=True)
class Entry:
    """One ZIP entry as written: `data` is the bytes stored in the file (compressed if `method`)."""

    name: str | bytes
    data: bytes
    method: int = zipfile.ZIP_STORED
    crc: int | None = None  # CRC-32 of the uncompressed bytes; default: of `data`
    size: int | None = None  # uncompressed size written in both headers; default: len(data)
    csize: int | None = None  # compressed size written in both headers; default: len(data) (the truth)
    flags: int = 0
    external_attr: int = REGULAR
    version: int = 20
    cd_extra: bytes = b""  # an extra field in the central-directory record only

    @classmethod
    def deflated(cls, name: str, plain: bytes) -> Entry:
        comp = zlib.compressobj(6, zlib.DEFLATED, -15)
        data = comp.compress(plain) + comp.flush()
        return cls(name, data, zipfile.ZIP_DEFLATED, zlib.crc32(plain), len(plain))

    @property
    def raw_name(self) -> bytes:
        return self.name.encode("ascii") if isinstance(self.name, str) else self.name


def build_zip(entries: list[Entry]) -> bytes:
    out = bytearray()
    central = bytearray()
    for e in entries:
        name = e.raw_name
        crc = zlib.crc32(e.data) if e.crc is None else e.crc
        usize = len(e.data) if e.size is None else e.size
        csize = len(e.data) if e.csize is None else e.csize
        offset = len(out)
        out += struct.pack("<4sHHHHHIIIHH", b"PK\x03\x04", e.version, e.flags, e.method, DOS_TIME, DOS_DATE, crc,
                           csize, usize, len(name), 0) + name + e.data
        central += struct.pack("<4sBBHHHHHIIIHHHHHII", b"PK\x01\x02", e.version, 3, e.version, e.flags, e.method,
                               DOS_TIME, DOS_DATE, crc, csize, usize, len(name), len(e.cd_extra), 0, 0, 0,
                               e.external_attr, offset) + name + e.cd_extra
    cd_offset = len(out)
    out += central
    out += struct.pack("<4sHHHHIIH", b"PK\x05\x06", 0, 0, len(entries), len(entries), len(central), cd_offset, 0)
    return bytes(out)


def write_zip(path: Path, entries: list[Entry]) -> Path:
    path.write_bytes(build_zip(entries))
    return path


def read_entries(path: Path) -> list[Entry]:
    """The entries of a (valid, stored) package, in order."""
    with zipfile.ZipFile(path) as zf:
        return [Entry(i.filename, zf.read(i)) for i in zf.infolist()]


def get(entries: list[Entry], name: str) -> Entry:
    return next(e for e in entries if e.name == name)


def replaced(entries: list[Entry], name: str, **changes: Any) -> list[Entry]:
    """`entries` with the entry `name` changed (data, flags, method, ...)."""
    assert any(e.name == name for e in entries), name
    return [replace(e, **changes) if e.name == name else e for e in entries]


def without(entries: list[Entry], name: str) -> list[Entry]:
    assert any(e.name == name for e in entries), name
    return [e for e in entries if e.name != name]


def evidence_names(entries: list[Entry]) -> list[str]:
    return [str(e.name) for e in entries if str(e.name).startswith(fmt.EVIDENCE_PREFIX)]


def manifest_doc(entries: list[Entry]) -> dict[str, Any]:
    return json.loads(get(entries, fmt.MANIFEST).data)


def dump_manifest(doc: dict[str, Any]) -> bytes:
    """The writer's serialisation (sorted keys, indent 1, final newline)."""
    return (json.dumps(doc, ensure_ascii=False, sort_keys=True, indent=1) + "\n").encode("utf-8")


def resign(entries: list[Entry], signer: Signer, manifest: bytes | dict[str, Any] | None = None) -> list[Entry]:
    """Put `manifest` (bytes as they are, or a document; default: the current bytes) in the package,
    with a fresh valid signature by `signer` over exactly those bytes."""
    if manifest is None:
        mbytes = get(entries, fmt.MANIFEST).data
    elif isinstance(manifest, dict):
        mbytes = dump_manifest(manifest)
    else:
        mbytes = manifest
    entries = replaced(entries, fmt.MANIFEST, data=mbytes)
    return replaced(entries, fmt.SIGNATURE, data=signer.sign_detached(mbytes))


def evidence_name(data: bytes) -> str:
    return fmt.EVIDENCE_PREFIX + hashlib.sha256(data).hexdigest()
