"""Verify a detached CMS signature offline: asn1crypto parses, cryptography checks.

`verify_detached` never raises: a malformed, hostile or oversized input becomes an INVALID
report with a finding.  Finding codes (stable; docs/keys-and-certificates.md lists them):
malformed, not_signed_data, signer_count, not_detached, weak_digest, unsupported_algorithm,
signed_attrs_missing, content_type_missing, content_mismatch, signature_invalid,
signer_cert_missing, weak_key, untrusted, key_usage, expired, not_yet_valid,
signing_time_future, revoked, revocation_unknown (the only non-fatal one).
"""

from __future__ import annotations

import datetime as _dt
import hashlib
import hmac

from asn1crypto import cms, core
from asn1crypto import x509 as ax509
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa

from .api import Finding, SignatureReport, TrustStore, Verdict
from .certutil import agency_code_of, aware, common_name, der, fingerprint, is_self_signed, key_usage, utcnow
from .chain import build_chain, issuer_among, revocation, validity_findings

MAX_CMS_BYTES = 1024 * 1024  # a signature with its chain is a few KB
FUTURE_SKEW = _dt.timedelta(days=1)
ACCEPTED_DIGESTS = {"sha256": hashes.SHA256, "sha384": hashes.SHA384, "sha512": hashes.SHA512}
WEAK_DIGESTS = {"md2", "md5", "sha1", "sha224"}


class _Stop(Exception):
    def __init__(self, finding: Finding) -> None:
        self.finding = finding


def _malformed(detail_vi: str, detail_en: str) -> Finding:
    return Finding("malformed", f"Chữ ký không đọc được hoặc sai cấu trúc CMS: {detail_vi}.",
                   f"The signature is unreadable or not a valid CMS structure: {detail_en}.")


UNTRUSTED = Finding(
    "untrusted",
    "Chứng thư của người ký không được tin cậy (không thuộc CA của tỉnh hoặc danh sách đã ghim).",
    "The signer's certificate is not trusted (not issued by the province CA nor pinned).",
)
CONTENT_MISMATCH = Finding(
    "content_mismatch",
    "Chữ ký không khớp với nội dung: tệp đã bị thay đổi sau khi ký.",
    "The signature does not match the content: the file was changed after it was signed.",
)
SIGNATURE_INVALID = Finding(
    "signature_invalid",
    "Chữ ký số không hợp lệ: chữ ký không được tạo bằng khóa của chứng thư đi kèm, hoặc đã bị sửa.",
    "The digital signature is invalid: not made with the key of its certificate, or altered.",
)


def verify_detached(cms_der: bytes, content: bytes, trust: TrustStore,
                    now: _dt.datetime | None = None) -> SignatureReport:
    """Check a detached CMS signature over `content` against `trust` (see the module docstring)."""
    now = aware(now) if now is not None else utcnow()
    try:
        return _verify(cms_der, content, trust, now)
    except _Stop as stop:
        return SignatureReport(Verdict.INVALID, (stop.finding,))
    except RecursionError:
        return SignatureReport(Verdict.INVALID, (_malformed("lồng nhau quá sâu", "nested too deeply"),))
    except Exception as exc:  # noqa: BLE001 - the contract: never raise on bad input
        return SignatureReport(Verdict.INVALID, (_malformed(type(exc).__name__, type(exc).__name__),))


def _signed_data(cms_der: bytes) -> cms.SignedData:
    if not isinstance(cms_der, (bytes, bytearray, memoryview)) or len(cms_der) == 0:
        raise _Stop(_malformed("tệp chữ ký rỗng", "the signature file is empty"))
    if len(cms_der) > MAX_CMS_BYTES:
        raise _Stop(_malformed(f"quá lớn ({len(cms_der)} byte)", f"too large ({len(cms_der)} bytes)"))
    try:
        info = cms.ContentInfo.load(bytes(cms_der), strict=True)
        ctype = info["content_type"].native
    except Exception:  # noqa: BLE001
        raise _Stop(_malformed("không phải dữ liệu DER hợp lệ", "not valid DER")) from None
    if ctype != "signed_data":
        raise _Stop(Finding("not_signed_data", "Tệp chữ ký không chứa dữ liệu ký (CMS SignedData).",
                            "The signature file holds no CMS SignedData."))
    return info["content"]


def _attributes(signer_info: cms.SignerInfo) -> dict[str, cms.SetOfAny]:
    attrs = signer_info["signed_attrs"]
    if isinstance(attrs, core.Void) or len(attrs) == 0:
        raise _Stop(Finding("signed_attrs_missing", "Chữ ký thiếu các thuộc tính được ký (signed attributes).",
                            "The signature has no signed attributes."))
    out: dict[str, cms.SetOfAny] = {}
    for a in attrs:
        name = a["type"].native
        if name in out:
            raise _Stop(_malformed(f"thuộc tính {name} lặp lại", f"attribute {name} repeated"))
        out[name] = a["values"]
    return out


def _single(attrs: dict[str, cms.SetOfAny], name: str):  # type: ignore[no-untyped-def]
    values = attrs.get(name)
    if values is None:
        return None
    if len(values) != 1:
        raise _Stop(_malformed(f"thuộc tính {name} phải có đúng một giá trị", f"attribute {name} must have one value"))
    return values[0]


def _certificates(signed_data: cms.SignedData) -> list[tuple[ax509.Certificate, x509.Certificate]]:
    out = []
    certs = signed_data["certificates"]
    if isinstance(certs, core.Void):
        return out
    for choice in certs:
        if choice.name != "certificate":
            continue
        try:
            out.append((choice.chosen, x509.load_der_x509_certificate(choice.chosen.dump())))
        except Exception:  # noqa: BLE001 - an unreadable extra certificate is ignored
            continue
    return out


def _carried_certificate_findings(signed_data: cms.SignedData, signer: x509.Certificate, chain: list[x509.Certificate],
                                  trust: TrustStore) -> list[Finding]:
    """Every certificate the signature carries must be the signer's or an exact copy of one the
    chain or the trust store holds.  The carried set is not covered by the signature, so an
    altered or extra certificate would otherwise ride along unnoticed in a "valid" package."""
    known = {der(c) for c in [signer, *chain, *trust.anchors, *trust.intermediates, *trust.pinned.values()]}
    certs = signed_data["certificates"]
    if isinstance(certs, core.Void):
        return []
    for choice in certs:
        if choice.name != "certificate" or choice.chosen.dump() not in known:
            return [Finding(
                "carried_certificate",
                "Chữ ký kèm theo một chứng thư không thuộc chuỗi chứng thư của người ký hoặc đã bị sửa: gói đã bị thay đổi.",
                "The signature carries a certificate that is not in the signer's chain or was altered: the package was changed.",
            )]
    return []


def _find_signer(sid: cms.SignerIdentifier, candidates: list[tuple[ax509.Certificate, x509.Certificate]]):  # type: ignore[no-untyped-def]
    for a, c in candidates:
        if sid.name == "issuer_and_serial_number":
            isn = sid.chosen
            if a.serial_number == isn["serial_number"].native and a.issuer == isn["issuer"]:
                return c
        elif sid.name == "subject_key_identifier":
            if a.key_identifier is not None and a.key_identifier == sid.chosen.native:
                return c
    return None


def _check_signature(signer_info: cms.SignerInfo, digest: str, cert: x509.Certificate) -> Finding | None:
    raw = signer_info["signed_attrs"].dump()
    data = b"\x31" + raw[1:]
    salg = signer_info["signature_algorithm"]
    unsupported = Finding("unsupported_algorithm",
                          "Thuật toán chữ ký không được hỗ trợ hoặc không khớp với khóa của chứng thư.",
                          "Unsupported signature algorithm, or it does not match the certificate's key.")
    try:
        algo = salg.signature_algo
    except ValueError:
        return unsupported
    try:
        implied = salg.hash_algo
    except ValueError:
        implied = None
    if implied is not None and implied != digest:
        return unsupported
    signature = signer_info["signature"].native
    pub = cert.public_key()
    h = ACCEPTED_DIGESTS[digest]()
    if isinstance(pub, rsa.RSAPublicKey) and pub.key_size < 2048:
        return Finding("weak_key", f"Khóa RSA của người ký quá ngắn ({pub.key_size} bit; tối thiểu 2048).",
                       f"The signer's RSA key is too short ({pub.key_size} bits; at least 2048).")
    try:
        if algo == "rsassa_pkcs1v15" and isinstance(pub, rsa.RSAPublicKey):
            pub.verify(signature, data, padding.PKCS1v15(), h)
        elif algo == "rsassa_pss" and isinstance(pub, rsa.RSAPublicKey):
            params = salg["parameters"]
            mgf = params["mask_gen_algorithm"]
            if params["hash_algorithm"]["algorithm"].native != digest or mgf["algorithm"].native != "mgf1":
                return unsupported
            mgf_hash = ACCEPTED_DIGESTS.get(mgf["parameters"]["algorithm"].native)
            if mgf_hash is None:
                return unsupported
            pss = padding.PSS(mgf=padding.MGF1(mgf_hash()), salt_length=params["salt_length"].native)
            pub.verify(signature, data, pss, h)
        elif algo == "ecdsa" and isinstance(pub, ec.EllipticCurvePublicKey):
            pub.verify(signature, data, ec.ECDSA(h))
        else:
            return unsupported
    except InvalidSignature:
        return SIGNATURE_INVALID
    return None


def _verify(cms_der: bytes, content: bytes, trust: TrustStore, now: _dt.datetime) -> SignatureReport:
    sd = _signed_data(cms_der)
    signer_infos = sd["signer_infos"]
    if len(signer_infos) != 1:
        raise _Stop(Finding("signer_count", f"Tệp chữ ký phải có đúng một người ký (có {len(signer_infos)}).",
                            f"The signature must have exactly one signer (it has {len(signer_infos)})."))
    si = signer_infos[0]
    eci = sd["encap_content_info"]
    if not isinstance(eci["content"], core.Void):
        raise _Stop(Finding("not_detached", "Chữ ký phải là chữ ký tách rời (không chứa nội dung bên trong).",
                            "The signature must be detached (no embedded content)."))
    digest = si["digest_algorithm"]["algorithm"].native
    if digest in WEAK_DIGESTS:
        raise _Stop(Finding("weak_digest", f"Chữ ký dùng hàm băm yếu {digest.upper()}; chỉ chấp nhận SHA-256 trở lên.",
                            f"The signature uses the weak hash {digest.upper()}; SHA-256 or stronger is required."))
    if digest not in ACCEPTED_DIGESTS:
        raise _Stop(Finding("unsupported_algorithm", f"Hàm băm “{digest}” không được hỗ trợ.",
                            f"Unsupported hash '{digest}'."))
    attrs = _attributes(si)
    findings: list[Finding] = []
    ctype = _single(attrs, "content_type")
    if ctype is None or ctype.native != eci["content_type"].native:
        findings.append(Finding("content_type_missing", "Chữ ký thiếu thuộc tính contentType hoặc thuộc tính này sai.",
                                "The contentType attribute is missing or wrong."))
    md = _single(attrs, "message_digest")
    if md is None or not isinstance(md.native, bytes):
        raise _Stop(_malformed("thiếu thuộc tính messageDigest", "no messageDigest attribute"))
    expected = hashlib.new(digest, bytes(content)).digest()
    if not hmac.compare_digest(md.native, expected):
        findings.append(CONTENT_MISMATCH)
    st = _single(attrs, "signing_time")
    signing_time = aware(st.native) if st is not None else None
    if signing_time is not None and not isinstance(signing_time, _dt.datetime):
        raise _Stop(_malformed("thời điểm ký sai định dạng", "bad signing time"))

    carried = _certificates(sd)
    pinned = [(ax509.Certificate.load(der(c)), c) for c in trust.pinned.values()]
    signer = _find_signer(si["sid"], carried + pinned)
    if signer is None:
        raise _Stop(Finding("signer_cert_missing", "Chữ ký không kèm chứng thư của người ký.",
                            "The signature does not carry the signer's certificate."))
    bad_sig = _check_signature(si, digest, signer)
    if bad_sig is not None:
        findings.append(bad_sig)

    ku = key_usage(signer)
    if ku is not None and not (ku.digital_signature or ku.content_commitment):
        findings.append(Finding("key_usage", "Chứng thư của người ký không được phép dùng để ký số (keyUsage).",
                                "The signer's certificate may not be used for digital signatures (keyUsage)."))
    if signing_time is not None and signing_time > now + FUTURE_SKEW:
        findings.append(Finding(
            "signing_time_future",
            f"Thời điểm ký ({signing_time:%d/%m/%Y %H:%M} UTC) nằm ở tương lai: đồng hồ máy ký sai hoặc chữ ký giả.",
            f"The signing time ({signing_time:%Y-%m-%d %H:%M} UTC) is in the future: a wrong clock or a forgery.",
        ))

    extra = [c for _, c in carried]
    pin_code = next((code for code, c in trust.pinned.items() if fingerprint(c) == fingerprint(signer)), None)
    agency_code: str | None
    if pin_code is not None:
        chain = [signer]
        agency_code = pin_code
        if is_self_signed(signer):
            rev_status, rev_findings = "good", []  # a pinned own certificate: revoked by removing the pin
        else:
            issuer = issuer_among(signer, list(trust.anchors) + list(trust.intermediates) + extra)
            if issuer is None:
                rev_status, rev_findings = "unknown", revocation_unknown_for(signer)
            else:
                rev_status, rev_findings = revocation([signer, issuer], trust, now)
    else:
        built = build_chain(signer, extra, trust)
        if built is None:
            findings.append(UNTRUSTED if not is_self_signed(signer) else Finding(
                UNTRUSTED.code,
                UNTRUSTED.vi + " Chứng thư này là chứng thư tự ký: nếu đúng là của cơ quan, hãy ghim nó "
                "(tệp pins.json trong thư mục tin cậy).",
                UNTRUSTED.en + " It is self-signed: if it really is the agency's, pin it (pins.json in the trust folder).",
            ))
            chain, agency_code, rev_status, rev_findings = [signer], agency_code_of(signer), "unknown", []
        else:
            chain, agency_code = built, agency_code_of(signer)
            rev_status, rev_findings = revocation(chain, trust, now)
    findings.extend(validity_findings(chain, signing_time or now, signing_time is not None))
    findings.extend(rev_findings)
    if not any(f.fatal for f in findings):  # otherwise the real reason is already given
        findings.extend(_carried_certificate_findings(sd, signer, chain, trust))
    if any(f.fatal for f in findings):
        verdict = Verdict.INVALID
    elif findings:
        verdict = Verdict.UNKNOWN
    else:
        verdict = Verdict.VALID
    return SignatureReport(verdict, tuple(findings), signer, tuple(chain), signing_time, agency_code, rev_status)


def revocation_unknown_for(cert: x509.Certificate) -> list[Finding]:
    name = common_name(cert)
    return [Finding(
        "revocation_unknown",
        "Chưa kiểm tra được tình trạng thu hồi chứng thư (không có danh sách thu hồi CRL còn hiệu lực). "
        f"Chứng thư: “{name}”; không tìm thấy chứng thư của nơi cấp.",
        f"The certificate's revocation status could not be checked (no current CRL). Certificate: '{name}'; "
        "its issuer's certificate was not found.",
        fatal=False,
    )]
