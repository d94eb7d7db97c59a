"""Hostile packages: each is refused with its own finding and its own plain Vietnamese reason, writes
nothing anywhere and imports nothing (see the `refused` fixture in conftest.py).

Every variant is made from ONE valid package (`base`) by the raw writer of forge.py, which rebuilds
the valid package byte for byte: a variant differs from it only by the change under test.  When the
manifest changes it is signed again by the trusted agency key, so the check under test is the one
that comes after the signature.
"""

from __future__ import annotations

import hashlib
import json
import struct
import time
import tracemalloc
import zipfile
import zlib
from pathlib import Path

import pytest

from cchc_desktop.core.package import format as fmt
from cchc_desktop.core.package.reader import verify_package
from cchc_desktop.core.signing.api import Verdict

from .forge import (
    SYMLINK,
    Entry,
    build_zip,
    evidence_name,
    evidence_names,
    get,
    manifest_doc,
    read_entries,
    replaced,
    resign,
    without,
    write_zip,
)

EVIL = b"#!/bin/sh\necho pwned\n"


@pytest.fixture
def entries(base) -> list[Entry]:  # type: ignore[no-untyped-def]
    return read_entries(base.path)


def test_the_forge_rebuilds_the_valid_package_byte_for_byte(base, entries, keys, trust, council, tmp_path) -> None:
    """The premise of every test below: an unchanged rebuild is the original, and it is valid."""
    assert build_zip(entries) == base.bytes
    assert [e.name for e in entries][-2:] == [fmt.MANIFEST, fmt.SIGNATURE] and len(evidence_names(entries)) == 2
    assert verify_package(base.path, trust).verdict is Verdict.VALID
    resigned = write_zip(tmp_path / "resigned.cchc", resign(entries, keys.a))
    assert verify_package(resigned, trust).verdict is Verdict.VALID  # re-signing alone breaks nothing
    assert council().import_packages([resigned])[0].status == "imported"


# ---------------------------------------------------------------- names: traversal, links, duplicates


@pytest.mark.parametrize("name", ["../../evil", "/etc/x", "C:/x", "..\\..\\evil", "evidence/../../evil"])
def test_entry_escaping_the_package_is_refused(name: str, entries, refused, tmp_path: Path) -> None:
    existed = Path("/etc/x").exists()
    pkg = write_zip(tmp_path / "escape.cchc", entries + [Entry(name, EVIL)])
    refused(pkg, ("path_escape",), "trỏ ra ngoài gói", "độc hại")
    assert Path("/etc/x").exists() == existed


def test_symlink_entry_is_refused(entries, refused, tmp_path: Path) -> None:
    target = evidence_names(entries)[0]
    pkg = write_zip(tmp_path / "link.cchc", replaced(entries, target, data=b"../../../../etc/passwd", external_attr=SYMLINK))
    with zipfile.ZipFile(pkg) as zf:  # what an extracting tool would see: a link
        assert zf.getinfo(target).external_attr >> 16 & 0o170000 == 0o120000
    refused(pkg, ("symlink_entry",), "liên kết tượng trưng", target)


def test_duplicate_entry_names_are_refused(entries, refused, tmp_path: Path) -> None:
    forged = json.dumps({"answers": {}}).encode()
    # Two entries named data/assessment.json: ZIP tools disagree on which one counts.
    pkg = write_zip(tmp_path / "dup.cchc", entries + [Entry(fmt.ASSESSMENT, forged)])
    with zipfile.ZipFile(pkg) as zf:
        assert [i.filename for i in zf.infolist()].count(fmt.ASSESSMENT) == 2
        assert zf.read(fmt.ASSESSMENT) == forged  # zipfile picks the last one
    refused(pkg, ("duplicate_entry",), "xuất hiện hai lần", fmt.ASSESSMENT)


def test_duplicate_entry_written_by_zipfile_is_refused(base, refused, tmp_path: Path) -> None:
    """The same with Python's own zipfile appending a second entry of the same name (it warns)."""
    pkg = tmp_path / "dup-zipfile.cchc"
    pkg.write_bytes(base.bytes)
    with pytest.warns(UserWarning, match="Duplicate name"), zipfile.ZipFile(pkg, "a") as zf:
        zf.writestr(fmt.MANIFEST, b"{}")
    refused(pkg, ("duplicate_entry",), "xuất hiện hai lần", fmt.MANIFEST)


def test_entry_outside_the_format_is_refused(entries, refused, tmp_path: Path) -> None:
    pkg = write_zip(tmp_path / "extra-name.cchc", entries + [Entry("autorun.inf", EVIL)])
    refused(pkg, ("unexpected_entry",), "không thuộc định dạng", "autorun.inf")


def test_name_hiding_a_path_after_a_nul_byte_is_refused(entries, refused, tmp_path: Path) -> None:
    """zipfile cuts a name at NUL: "data/changelog.jsonl\\0/../../evil" reads as the changelog."""
    target = fmt.CHANGELOG
    forged = [Entry(target.encode() + b"\x00/../../evil", e.data) if e.name == target else e for e in entries]
    pkg = write_zip(tmp_path / "nul.cchc", forged)
    with zipfile.ZipFile(pkg) as zf:
        assert target in zf.namelist()
    refused(pkg, ("not_canonical",), "Cấu trúc ZIP")


def test_too_many_entries_are_refused(entries, refused, tmp_path: Path) -> None:
    many = [Entry(evidence_name(str(i).encode()), str(i).encode()) for i in range(fmt.MAX_ENTRIES)]
    pkg = write_zip(tmp_path / "many.cchc", many + entries)
    refused(pkg, ("too_many_entries",), f"{fmt.MAX_ENTRIES + len(entries)} mục", "quá nhiều")


@pytest.mark.parametrize("extra", [
    struct.pack("<HHQQ", 1, 16, 123_456_789, 987_654_321),  # ZIP64 sizes that are not the entry's
    struct.pack("<HH", 1, 0) + struct.pack("<HH", 0xCAFE, 14) + b"hidden payload",  # anything after an empty ZIP64 id
], ids=["fake-zip64-sizes", "hidden-payload"])
def test_extra_field_in_the_central_directory_is_refused(extra: bytes, entries, refused, tmp_path: Path) -> None:
    target = evidence_names(entries)[0]
    pkg = write_zip(tmp_path / "cd-extra.cchc", replaced(entries, target, cd_extra=extra))
    with zipfile.ZipFile(pkg) as zf:
        assert zf.getinfo(target).extra == extra and zf.read(target) == get(entries, target).data
    refused(pkg, ("not_canonical",), "Cấu trúc ZIP")


# ---------------------------------------------------------------- entries vs manifest (re-signed)


def test_entry_not_in_the_manifest_is_refused(entries, keys, refused, tmp_path: Path) -> None:
    extra = evidence_name(EVIL)  # a well-formed evidence name, correctly hashed: only unlisted
    pkg = write_zip(tmp_path / "extra.cchc", resign(entries[:-2] + [Entry(extra, EVIL)] + entries[-2:], keys.a))
    report = refused(pkg, ("extra_entry",), "không có trong kê khai", extra)
    assert report.signature is not None and report.signature.ok  # the signature is fine: the listing is not


def test_listed_entry_removed_from_the_zip_is_refused(entries, refused, tmp_path: Path) -> None:
    gone = evidence_names(entries)[1]
    pkg = write_zip(tmp_path / "missing.cchc", without(entries, gone))  # the original signature still holds
    report = refused(pkg, ("missing_entry",), "Thiếu tệp", gone)
    assert report.signature is not None and report.signature.ok


def test_manifest_listing_an_absent_entry_is_refused(entries, keys, refused, tmp_path: Path) -> None:
    doc = manifest_doc(entries)
    ghost = evidence_name(b"khong co trong goi")
    doc["files"].append({"path": ghost, "size": 18, "sha256": ghost.split("/")[1]})
    pkg = write_zip(tmp_path / "ghost.cchc", resign(entries, keys.a, doc))
    report = refused(pkg, ("missing_entry",), "Thiếu tệp", ghost)
    assert report.signature is not None and report.signature.ok


def test_manifest_size_that_lies_is_refused(entries, keys, refused, tmp_path: Path) -> None:
    doc = manifest_doc(entries)
    small = evidence_names(entries)[1]
    [entry] = [f for f in doc["files"] if f["path"] == small]
    entry["size"] += 1
    pkg = write_zip(tmp_path / "size-manifest.cchc", resign(entries, keys.a, doc))
    report = refused(pkg, ("size_mismatch",), "Kích thước tệp", "khác với kê khai", f"{entry['size'] - 1} ≠ {entry['size']}")
    assert report.signature is not None and report.signature.ok


def test_zip_header_size_that_lies_is_refused(entries, refused, tmp_path: Path) -> None:
    """Both headers claim 1000 bytes more than stored (the entry's extent is still right).

    A stored entry's uncompressed and stored sizes must agree, so the container rule refuses it
    before the manifest comparison (size_mismatch) would."""
    small = evidence_names(entries)[1]
    real = len(get(entries, small).data)
    pkg = write_zip(tmp_path / "size-header.cchc", replaced(entries, small, size=real + 1000))
    with zipfile.ZipFile(pkg) as zf:
        assert zf.getinfo(small).file_size == real + 1000
    refused(pkg, ("not_canonical",), "Cấu trúc ZIP của gói đã bị sửa")


def test_zip_header_sizes_that_lie_about_the_extent_are_refused(entries, refused, tmp_path: Path) -> None:
    """Local and central headers both claim an entry 100 bytes shorter than the bytes that follow."""
    small = evidence_names(entries)[1]
    real = len(get(entries, small).data)
    pkg = write_zip(tmp_path / "extent.cchc", replaced(entries, small, size=real - 100, csize=real - 100))
    with zipfile.ZipFile(pkg) as zf:
        assert zf.getinfo(small).compress_size == real - 100
    refused(pkg, ("not_canonical",), "Cấu trúc ZIP")


def test_evidence_altered_with_a_correct_crc_is_refused_and_nothing_staged_stays(entries, refused,
                                                                                 tmp_path: Path) -> None:
    """A careful forger recomputes the CRC: the hash catches it.  The big evidence file comes first
    and is streamed into the store's temporary files before the small one fails: it must go too."""
    big, small = evidence_names(entries)
    assert len(get(entries, big).data) > len(get(entries, small).data)
    data = bytearray(get(entries, small).data)
    data[len(data) // 2] ^= 0xFF
    pkg = write_zip(tmp_path / "altered.cchc", replaced(entries, small, data=bytes(data)))  # CRC of the new bytes
    refused(pkg, ("hash_mismatch",), "đã bị thay đổi", "mã băm không khớp", small)


def test_evidence_not_named_by_its_hash_is_refused(entries, keys, refused, tmp_path: Path) -> None:
    """Evidence swapped for another file, listed with the other file's true hash: the name lies."""
    small = evidence_names(entries)[1]
    swapped = b"%PDF-1.4\n% tai lieu khac\n"
    doc = manifest_doc(entries)
    [entry] = [f for f in doc["files"] if f["path"] == small]
    entry.update(size=len(swapped), sha256=hashlib.sha256(swapped).hexdigest())
    pkg = write_zip(tmp_path / "misnamed.cchc", resign(replaced(entries, small, data=swapped), keys.a, doc))
    refused(pkg, ("hash_mismatch",), "không được đặt tên theo mã băm", small)


def test_enclosed_framework_other_than_the_manifest_says_is_refused(entries, keys, refused, tmp_path: Path) -> None:
    from cchc_desktop.core.framework.canonical import canonical_bytes
    from cchc_desktop.core.framework.load import parse_framework

    fw = json.loads(get(entries, fmt.FRAMEWORK).data)
    fw["title"] = "Bộ tiêu chí đã bị sửa"
    other = canonical_bytes(parse_framework(json.dumps(fw, ensure_ascii=False))[0])
    doc = manifest_doc(entries)  # the framework hash of the manifest stays the round's
    [entry] = [f for f in doc["files"] if f["path"] == fmt.FRAMEWORK]
    entry.update(size=len(other), sha256=hashlib.sha256(other).hexdigest())
    pkg = write_zip(tmp_path / "framework.cchc", resign(replaced(entries, fmt.FRAMEWORK, data=other), keys.a, doc))
    refused(pkg, ("framework_mismatch",), "Bộ tiêu chí kèm theo không khớp")


# ---------------------------------------------------------------- compression, encryption, bombs


def test_deflated_entry_is_refused(entries, refused, tmp_path: Path) -> None:
    fw = get(entries, fmt.FRAMEWORK).data
    pkg = write_zip(tmp_path / "deflated.cchc", [Entry.deflated(fmt.FRAMEWORK, fw) if e.name == fmt.FRAMEWORK else e
                                                 for e in entries])
    with zipfile.ZipFile(pkg) as zf:
        assert zf.read(fmt.FRAMEWORK) == fw  # same content, any ZIP tool opens it: still refused
    refused(pkg, ("unsupported_compression",), "bị nén", fmt.FRAMEWORK)


def test_encrypted_entry_is_refused(entries, refused, tmp_path: Path) -> None:
    pkg = write_zip(tmp_path / "encrypted.cchc", replaced(entries, fmt.ASSESSMENT, flags=0x1))
    with zipfile.ZipFile(pkg) as zf:
        assert zf.getinfo(fmt.ASSESSMENT).flag_bits & 0x1
    refused(pkg, ("encrypted_entry",), "mã hóa", fmt.ASSESSMENT)


BOMB_SIZE = 100 * 1024 * 1024


def _zero_bomb(size: int) -> tuple[str, bytes, int]:
    """(name, raw deflate of `size` zero bytes, CRC-32), made in 1 MiB steps."""
    comp, crc, sha = zlib.compressobj(9, zlib.DEFLATED, -15), 0, hashlib.sha256()
    chunk, parts = bytes(1024 * 1024), []
    for _ in range(size // len(chunk)):
        parts.append(comp.compress(chunk))
        crc = zlib.crc32(chunk, crc)
        sha.update(chunk)
    parts.append(comp.flush())
    return fmt.EVIDENCE_PREFIX + sha.hexdigest(), b"".join(parts), crc


def test_decompression_bomb_is_refused_without_inflating(entries, refused, tmp_path: Path, trust) -> None:
    name, deflated, crc = _zero_bomb(BOMB_SIZE)
    assert len(deflated) * 200 < BOMB_SIZE  # ratio ~1000:1
    bomb = Entry(name, deflated, zipfile.ZIP_DEFLATED, crc, BOMB_SIZE)
    pkg = write_zip(tmp_path / "bomb.cchc", entries[:-2] + [bomb] + entries[-2:])
    assert pkg.stat().st_size < 1024 * 1024
    tracemalloc.start()
    try:
        started = time.perf_counter()
        report = verify_package(pkg, trust)
        elapsed = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert report.verdict is Verdict.INVALID and "compression_bomb" in {f.code for f in report.findings}
    assert elapsed < 0.5, f"{elapsed:.2f} s: was the bomb inflated?"
    assert peak < 4 * 1024 * 1024, f"peak {peak} bytes: was the bomb inflated?"
    report = refused(pkg, ("unsupported_compression", "compression_bomb"), "bị nén")
    bomb_finding = report.findings[1]
    assert "bom nén" in bomb_finding.vi and name[:40] in bomb_finding.vi


# ---------------------------------------------------------------- the manifest itself


def test_oversized_manifest_is_refused(entries, keys, refused, tmp_path: Path) -> None:
    padded = get(entries, fmt.MANIFEST).data + b" " * fmt.MAX_MANIFEST_BYTES  # still valid JSON, signed
    pkg = write_zip(tmp_path / "big-manifest.cchc", resign(entries, keys.a, padded))
    refused(pkg, ("manifest_too_large",), "Tệp kê khai", "quá lớn")


def test_manifest_not_utf8_is_refused(entries, keys, refused, tmp_path: Path) -> None:
    mbytes = get(entries, fmt.MANIFEST).data
    bad = mbytes.replace("UBND xã Một".encode(), b"UBND x\xe3 M\xf4t", 1)  # Latin-1, not UTF-8
    assert bad != mbytes
    pkg = write_zip(tmp_path / "latin1.cchc", resign(entries, keys.a, bad))
    report = refused(pkg, ("manifest_malformed",), "UTF-8")
    assert report.signature is not None and report.signature.ok


def test_manifest_not_json_is_refused(entries, keys, refused, tmp_path: Path) -> None:
    bad = get(entries, fmt.MANIFEST).data.rstrip().rstrip(b"}") + b",}"
    pkg = write_zip(tmp_path / "not-json.cchc", resign(entries, keys.a, bad))
    refused(pkg, ("manifest_malformed",), "JSON")


def test_manifest_with_duplicate_keys_is_refused(entries, keys, refused, tmp_path: Path) -> None:
    """{"code": "XA-001", "code": "XA-002"}: parsers disagree on which agency this is."""
    mbytes = get(entries, fmt.MANIFEST).data
    bad = mbytes.replace(b'"code": "XA-001"', b'"code": "XA-001",\n  "code": "XA-002"', 1)
    assert bad != mbytes and json.loads(bad)["agency"]["code"] == "XA-002"
    pkg = write_zip(tmp_path / "dup-keys.cchc", resign(entries, keys.a, bad))
    refused(pkg, ("manifest_malformed",), "JSON")


def test_duplicate_keys_message_names_the_duplicate(entries, keys, trust, tmp_path: Path) -> None:
    mbytes = get(entries, fmt.MANIFEST).data
    bad = mbytes.replace(b'"code": "XA-001"', b'"code": "XA-001",\n  "code": "XA-002"', 1)
    report = verify_package(write_zip(tmp_path / "dup-keys.cchc", resign(entries, keys.a, bad)), trust)
    assert report.findings[0].code == "manifest_malformed"
    assert "trùng" in report.findings[0].vi or "lặp" in report.findings[0].vi, report.findings[0].vi


def test_previous_hash_with_a_trailing_newline_is_refused(entries, keys, refused, tmp_path: Path) -> None:
    doc = manifest_doc(entries)
    doc.update(sequence=2, previous_sha256="ab" * 32 + "\n")
    pkg = write_zip(tmp_path / "newline.cchc", resign(entries, keys.a, doc))
    refused(pkg, ("manifest_malformed",), "lần nộp trước")


def test_unknown_format_version_is_refused_asking_for_an_update(entries, keys, refused, tmp_path: Path) -> None:
    doc = manifest_doc(entries)
    doc["format_version"] = 2
    pkg = write_zip(tmp_path / "v2.cchc", resign(entries, keys.a, doc))
    report = refused(pkg, ("unsupported_version",), "phiên bản 2", "cập nhật ứng dụng")
    assert report.signature is not None and report.signature.ok
    assert "update the application" in report.findings[0].en


# ---------------------------------------------------------------- not a (whole) package


@pytest.mark.parametrize("cut", ["half", "minus-1", "first-100"])
def test_truncated_package_is_refused(cut: str, base, refused, tmp_path: Path) -> None:
    size = len(base.bytes)
    keep = {"half": size // 2, "minus-1": size - 1, "first-100": 100}[cut]
    pkg = tmp_path / f"cut-{cut}.cchc"
    pkg.write_bytes(base.bytes[:keep])
    refused(pkg, ("not_a_zip",), "bị hỏng/cắt cụt", "gửi lại")


def test_empty_file_is_refused(refused, tmp_path: Path) -> None:
    pkg = tmp_path / "empty.cchc"
    pkg.write_bytes(b"")
    refused(pkg, ("empty_file",), "rỗng")


def test_pdf_renamed_to_cchc_is_refused(refused, tmp_path: Path) -> None:
    pkg = tmp_path / "bao-cao.cchc"
    pkg.write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n")
    refused(pkg, ("not_a_zip",), "không phải gói hồ sơ CCHC")


def test_zip_with_a_prefix_is_refused(base, refused, tmp_path: Path) -> None:
    """A polyglot: a PDF followed by the package.  ZIP readers still open it (zipfile does)."""
    pkg = tmp_path / "polyglot.cchc"
    pkg.write_bytes(b"%PDF-1.4\n% a PDF reader shows this part\n%%EOF\n" + base.bytes)
    with zipfile.ZipFile(pkg) as zf:
        assert zf.testzip() is None
    refused(pkg, ("not_canonical",), "Cấu trúc ZIP", "gói gốc")
