"""Fuzzing the package reader with hypothesis: mutated packages are refused, never crash, never import.

Every mutant is made from ONE valid package (`base`, XA-001, two evidence files).  Four families:

- bytes: flips, truncations, inserted and deleted bytes anywhere (several at once);
- entries: an entry renamed (to another allowed name, a traversal, a wrong hash, odd bytes), dropped,
  duplicated or given another entry's bytes, the ZIP rebuilt with correct CRCs (forge.py), so the
  reader's later checks are reached, not only the CRC;
- manifest: the manifest JSON mutated (keys deleted, values replaced by random JSON, types changed,
  file entries altered) and signed AGAIN by the trusted agency key, so the checks after the
  signature are the ones under test; a re-signed manifest may legitimately stay VALID (it is the
  agency's own signature), but then it must still describe exactly the package's entries;
- raw manifest bytes (not JSON, duplicate keys, NaN, deep nesting, bad UTF-8), re-signed.

The invariant: `verify_package` never raises; a mutant is INVALID with at least one finding and no
data, unless it is a legitimately re-signed manifest; importing mutants changes nothing.
"""

from __future__ import annotations

import copy
import json
import zipfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, assume, event, given, settings
from hypothesis import strategies as st

from cchc_desktop.core.package import format as fmt
from cchc_desktop.core.package.reader import verify_package
from cchc_desktop.core.signing.api import Verdict

from ..inspection.helpers import snapshot
from ..package.forge import Entry, build_zip, dump_manifest, evidence_name, get, manifest_doc, read_entries, resign

SETTINGS = settings(
    max_examples=150,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)

JSON = st.recursive(
    st.none() | st.booleans() | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats(allow_nan=False, allow_infinity=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)


class Mutants:
    """Writes each mutant to a fresh file (the reader takes a path)."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(exist_ok=True)
        self.folder = folder
        self.n = 0

    def write(self, data: bytes) -> Path:
        self.n += 1
        p = self.folder / f"mutant-{self.n:05d}.cchc"
        p.write_bytes(data)
        return p


@pytest.fixture
def mutants(tmp_path: Path) -> Mutants:
    return Mutants(tmp_path / "mutants")


def note(text: str) -> None:
    try:
        event(text)
    except Exception:  # noqa: BLE001 - outside a hypothesis test
        pass


def refused(path: Path, trust: Any) -> None:
    report = verify_package(path, trust)  # must not raise: any exception fails the test as it is
    note(f"refused: {report.findings[0].code if report.findings else '-'}")
    assert report.verdict is Verdict.INVALID, (report.verdict, report.findings)
    assert report.findings and all(f.vi and f.en for f in report.findings)
    assert report.data == {}


# ---------------------------------------------------------------- bytes


@st.composite
def byte_mutation(draw: st.DrawFn, blob: bytes) -> bytes:
    out = bytearray(blob)
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["flip", "flip", "truncate", "insert", "delete", "overwrite"]))
        if not out:
            break
        pos = draw(st.integers(0, len(out) - 1))
        if op == "flip":
            out[pos] ^= draw(st.integers(1, 255))
        elif op == "truncate":
            del out[pos:]
        elif op == "insert":
            out[pos:pos] = draw(st.binary(min_size=1, max_size=64))
        elif op == "delete":
            del out[pos:pos + draw(st.integers(1, 64))]
        else:
            chunk = draw(st.binary(min_size=1, max_size=32))
            out[pos:pos + len(chunk)] = chunk
    return bytes(out)


@SETTINGS
@given(data=st.data())
def test_byte_mutations_are_refused(base, trust, mutants: Mutants, data: st.DataObject) -> None:
    blob = data.draw(byte_mutation(base.bytes))
    assume(blob != base.bytes)
    refused(mutants.write(blob), trust)


# ---------------------------------------------------------------- entries


NEW_NAMES = st.one_of(
    st.sampled_from([fmt.MANIFEST, fmt.SIGNATURE, fmt.ASSESSMENT, fmt.FRAMEWORK, fmt.CHANGELOG, "data/other.json",
                     "../manifest.json", "/etc/passwd", "C:/x", "evidence\\abc", "evidence/", "Manifest.json",
                     "manifest.json ", "data/assessment.json/", "./data/framework.json", "evidence/../manifest.json"]),
    st.binary(min_size=64, max_size=64).map(lambda b: "evidence/" + b.hex()[:64]),
    st.text(alphabet="0123456789abcdefABCDEF", min_size=63, max_size=65).map(lambda h: "evidence/" + h),
    st.binary(min_size=1, max_size=40),  # raw name bytes, possibly not ASCII or not UTF-8
)


@st.composite
def entry_mutation(draw: st.DrawFn, entries: list[Entry]) -> list[Entry]:
    out = list(entries)
    for _ in range(draw(st.integers(1, 3))):
        i = draw(st.integers(0, len(out) - 1))
        op = draw(st.sampled_from(["rename", "rename", "drop", "duplicate", "swap_data", "move", "extra"]))
        e = out[i]
        if op == "rename":
            name = draw(NEW_NAMES)
            out[i] = Entry(name, e.data)
        elif op == "drop" and len(out) > 1:
            del out[i]
        elif op == "duplicate":
            out.insert(draw(st.integers(0, len(out))), e)
        elif op == "swap_data":
            j = draw(st.integers(0, len(out) - 1))
            out[i] = Entry(e.name, out[j].data)
        elif op == "move":
            del out[i]
            out.insert(draw(st.integers(0, len(out))), e)
        elif op == "extra":
            payload = draw(st.binary(max_size=200))
            name = draw(st.one_of(st.just(evidence_name(payload)), NEW_NAMES))
            out.insert(draw(st.integers(0, len(out))), Entry(name, payload))
    return out


def _same_content(a: list[Entry], b: list[Entry]) -> bool:
    """The same set of (name, bytes): only the order differs."""
    return sorted((e.raw_name, e.data) for e in a) == sorted((e.raw_name, e.data) for e in b)


@SETTINGS
@given(data=st.data())
def test_entry_mutations_are_refused(base, trust, mutants: Mutants, data: st.DataObject) -> None:
    entries = read_entries(base.path)
    changed = data.draw(entry_mutation(entries))
    blob = build_zip(changed)
    assume(blob != base.bytes)
    # Reordering alone is the subject of its own (xfail) test below; here something else changed too.
    assume(not _same_content(changed, entries))
    refused(mutants.write(blob), trust)


def test_reordered_entries_are_refused(base, trust, tmp_path: Path) -> None:
    entries = read_entries(base.path)
    reordered = [entries[i] for i in (1, 0, *range(2, len(entries)))]  # the assessment after the framework
    path = tmp_path / "reordered.cchc"
    path.write_bytes(build_zip(reordered))
    assert path.read_bytes() != base.bytes
    refused(path, trust)


def test_an_altered_copy_of_the_ca_certificate_in_the_signature_is_refused(base, keys, trust, tmp_path: Path) -> None:
    from cryptography import x509
    from cryptography.hazmat.primitives.serialization import Encoding

    entries = read_entries(base.path)
    sig = bytearray(get(entries, fmt.SIGNATURE).data)
    ca_der = x509.load_pem_x509_certificate(keys.ca_pem).public_bytes(Encoding.DER)
    at = bytes(sig).index(ca_der)  # the province CA's certificate, carried in the signature
    sig[at + len(ca_der) - 1] ^= 0x01  # the last byte of its own signature value
    path = tmp_path / "ca-copy-altered.cchc"
    path.write_bytes(build_zip([Entry(e.name, bytes(sig)) if e.name == fmt.SIGNATURE else e for e in entries]))
    assert path.read_bytes() != base.bytes
    refused(path, trust)


@pytest.mark.xfail(strict=True, reason=(
    "BUG (same class, found while classifying the fuzzer's accepted mutants): ECDSA signatures are malleable - "
    "anyone can replace the signature value (r, s) by (r, n - s) without the key, and it still verifies, so a "
    "third party can make other package bytes that verify VALID for the same signed manifest. Not a forgery. "
    "Fix: the signer emits low-S signatures (signing/cms.py: if s > n/2, s = n - s before encode_dss_signature) "
    "and verify._check_signature refuses an ECDSA signature with s > n/2 (signature_invalid); RSA is not affected."))
def test_the_high_s_twin_of_an_ecdsa_signature_is_refused(base, trust, tmp_path: Path) -> None:
    from asn1crypto import cms
    from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature, encode_dss_signature

    order = 0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551  # P-256, the keys of these tests
    entries = read_entries(base.path)
    info = cms.ContentInfo.load(get(entries, fmt.SIGNATURE).data)
    signer_info = info["content"]["signer_infos"][0]
    r, s = decode_dss_signature(signer_info["signature"].native)
    signer_info["signature"] = cms.OctetString(encode_dss_signature(r, order - s))
    twin = info.dump(force=True)
    path = tmp_path / "high-s.cchc"
    path.write_bytes(build_zip([Entry(e.name, twin) if e.name == fmt.SIGNATURE else e for e in entries]))
    assert path.read_bytes() != base.bytes
    refused(path, trust)


# ---------------------------------------------------------------- manifest JSON, re-signed


def _paths(doc: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(doc, dict):
        for k, v in doc.items():
            out += _paths(v, prefix + (k,))
    elif isinstance(doc, list):
        for i, v in enumerate(doc):
            out += _paths(v, prefix + (i,))
    return out


def _get(doc: Any, path: tuple[Any, ...]) -> Any:
    for k in path:
        doc = doc[k]
    return doc


SPECIAL = st.sampled_from([0, -1, 1, 2**63, -(2**63), 10**30, 1.5, "", "0", "1", "2026", None, True, False, [], {},
                           "a" * 64, "f" * 64, "../x", "evidence/" + "0" * 64, "XA-002", "submission", "result"])


@st.composite
def manifest_mutation(draw: st.DrawFn, doc: dict[str, Any]) -> dict[str, Any]:
    doc = copy.deepcopy(doc)
    well_typed = draw(st.booleans())  # half the examples only tell well-typed lies
    for _ in range(draw(st.integers(1, 3))):
        paths = [p for p in _paths(doc) if p]
        if well_typed:
            paths = [p for p in paths if not isinstance(_get(doc, p), (dict, list))]
        if not paths:
            break
        path = draw(st.sampled_from(paths))
        parent, key = _get(doc, path[:-1]), path[-1]
        op = "same_type" if well_typed else draw(st.sampled_from(["delete", "replace", "special", "retype", "rename",
                                                                   "duplicate", "same_type"]))
        if op == "same_type":  # a well-typed lie: the checks after the shape are the ones reached
            value = parent[key]
            if type(value) is int:
                parent[key] = draw(st.integers(-1, 3000).filter(lambda v, old=value: v != old))
            elif isinstance(value, str) and fmt.SHA256_RE.fullmatch(value):
                parent[key] = draw(st.binary(min_size=32, max_size=32)).hex()
            elif isinstance(value, str):
                parent[key] = draw(st.sampled_from([fmt.ASSESSMENT, fmt.FRAMEWORK, fmt.CHANGELOG, "XA-002", "XA-001 ",
                                                    "submission", "result", "rebuttal", "framework", ""]) | st.text(max_size=12))
            else:
                parent[key] = draw(JSON)
        elif op == "delete":
            del parent[key]
        elif op == "replace":
            parent[key] = draw(JSON)
        elif op == "special":
            parent[key] = draw(SPECIAL)
        elif op == "retype":
            value = parent[key]
            parent[key] = str(value) if not isinstance(value, str) else (int(value) if value.isdigit() else [value])
        elif op == "rename" and isinstance(parent, dict):
            parent[draw(st.text(max_size=10))] = parent.pop(key)
        elif op == "duplicate" and isinstance(parent, list):
            parent.insert(draw(st.integers(0, len(parent))), copy.deepcopy(parent[key]))
    return doc


def _files(doc: dict[str, Any]) -> list[tuple[Any, Any, Any]]:
    return sorted((f.get("path"), f.get("size"), f.get("sha256")) for f in doc["files"])


@SETTINGS
@given(data=st.data())
def test_resigned_manifest_mutations_never_pass_a_lie(base, keys, trust, mutants: Mutants, data: st.DataObject) -> None:
    entries = read_entries(base.path)
    original = manifest_doc(entries)
    doc = data.draw(manifest_mutation(original))
    assume(doc != original)
    path = mutants.write(build_zip(resign(entries, keys.a, doc)))
    report = verify_package(path, trust)
    event(f"verdict {report.verdict.value}" + (f" ({report.findings[0].code})" if report.findings else ""))
    if report.verdict is Verdict.INVALID:
        assert report.findings and report.data == {}
        return
    # Still valid: the agency signed this manifest itself, so it may say other things (another creation
    # time, another name), but it must describe exactly these entries, in the v1 shape, for this agency.
    assert report.verdict is Verdict.VALID, report.findings
    m = report.manifest
    assert m is not None
    assert _files(doc) == _files(original)
    assert (doc["format"], doc["format_version"]) == (original["format"], original["format_version"])
    assert doc["agency"]["code"] == original["agency"]["code"] == m.agency_code
    assert doc["framework"]["sha256"] == original["framework"]["sha256"] == m.framework_sha256
    assert m.kind in fmt.KINDS and type(m.year) is int and type(m.sequence) is int and m.sequence >= 1
    assert all(isinstance(x, str) for x in (m.agency_name, m.framework_id, m.app_version, m.created_at))


RAW_MANIFESTS = st.one_of(
    st.binary(max_size=200),
    st.just(b""),
    st.just(b"\xef\xbb\xbf" + b'{"format": "cchc-package"}'),
    st.just(b'{"format": "cchc-package", "format": "cchc-package"}'),
    st.just(b'{"format_version": NaN}'),
    st.just(b"[" * 5000 + b"]" * 5000),
    st.just(b'{"a":' * 3000 + b"1" + b"}" * 3000),
    st.just(b"\xff\xfe{}"),
    st.text(max_size=100).map(lambda t: t.encode("utf-8")),
)


@SETTINGS
@given(raw=RAW_MANIFESTS)
def test_resigned_raw_manifests_are_refused(base, keys, trust, mutants: Mutants, raw: bytes) -> None:
    entries = read_entries(base.path)
    refused(mutants.write(build_zip(resign(entries, keys.a, raw))), trust)


@SETTINGS
@given(data=st.data())
def test_duplicate_manifest_keys_are_refused(base, keys, trust, mutants: Mutants, data: st.DataObject) -> None:
    """The same key twice (either value first): a reader must not have to guess which one is meant."""
    entries = read_entries(base.path)
    text = dump_manifest(manifest_doc(entries)).decode("utf-8")
    key = data.draw(st.sampled_from(['"kind"', '"sequence"', '"year"', '"code"', '"files"', '"sha256"']))
    value = data.draw(st.sampled_from(['"result"', "2", "2027", '"XA-002"', "[]", '"' + "0" * 64 + '"']))
    at = text.index(key)
    dup = text[:at] + f"{key}: {value},\n " + text[at:]
    refused(mutants.write(build_zip(resign(entries, keys.a, dup.encode("utf-8")))), trust)


# ---------------------------------------------------------------- importing mutants changes nothing


def test_importing_mutants_changes_nothing(base, trust, council, mutants: Mutants) -> None:
    """One inspection workspace receives every mutant: each is refused and nothing changes."""
    ws = council()

    @settings(max_examples=20, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
    @given(data=st.data())
    def one(data: st.DataObject) -> None:
        if data.draw(st.booleans()):
            blob = data.draw(byte_mutation(base.bytes))
        else:
            entries = read_entries(base.path)
            changed = data.draw(entry_mutation(entries))
            assume(not _same_content(changed, entries))
            blob = build_zip(changed)
        assume(blob != base.bytes)
        before = snapshot(ws.folder)
        [result] = ws.import_packages([mutants.write(blob)])
        assert result.status == "refused" and result.notes, result
        assert snapshot(ws.folder) == before

    one()
    assert ws.packages() == []


def test_the_base_package_is_valid_and_zip_readable(base, trust) -> None:
    """The premise: the unmutated package verifies, and it is an ordinary ZIP."""
    assert verify_package(base.path, trust).verdict is Verdict.VALID
    with zipfile.ZipFile(base.path) as zf:
        assert zf.testzip() is None
    assert json.loads(zipfile.ZipFile(base.path).read(fmt.MANIFEST))["format"] == fmt.FORMAT_NAME
