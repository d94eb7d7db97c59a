"""Certificate path building, validity at the signing time, and revocation by CRL (offline).

Used by verify.py.  Every check is done with cryptography: each certificate's signature is
verified by its issuer's key (`verify_directly_issued_by`), CA certificates must say CA:TRUE
(and keyCertSign when they have keyUsage), a path ends at a trust anchor.
"""

from __future__ import annotations

import datetime as _dt
from typing import Iterable, Sequence

from cryptography import x509

from .api import Finding, TrustStore
from .certutil import common_name, der, is_ca, is_self_signed, issued_by, key_usage, path_length

MAX_DEPTH = 8
MAX_SIGNATURE_CHECKS = 64


def _can_issue(ca: x509.Certificate) -> bool:
    if not is_ca(ca):
        return False
    ku = key_usage(ca)
    return ku is None or ku.key_cert_sign


def build_chain(signer: x509.Certificate, extra: Iterable[x509.Certificate], trust: TrustStore) -> list[x509.Certificate] | None:
    """signer ... anchor, or None when no path reaches a trust anchor.

    Issuers come from the anchors first, then the trust store's intermediates, then the
    certificates the signature carries (`extra`).  Depth is limited; loops are impossible.
    """
    anchors = {der(a): a for a in trust.anchors}
    pool: dict[bytes, x509.Certificate] = {}
    for c in list(trust.intermediates) + list(extra):
        d = der(c)
        if d not in anchors:
            pool.setdefault(d, c)
    if der(signer) in anchors:
        return [signer]
    budget = [MAX_SIGNATURE_CHECKS]  # hostile sets of look-alike CA certificates cannot make this explode

    def check(cert: x509.Certificate, issuer: x509.Certificate) -> bool:
        if budget[0] <= 0:
            return False
        budget[0] -= 1
        return issued_by(cert, issuer)

    def walk(path: list[x509.Certificate], used: set[bytes]) -> list[x509.Certificate] | None:
        cur = path[-1]
        for a in anchors.values():
            if a.subject == cur.issuer and _can_issue(a) and check(cur, a) and _path_len_ok(path + [a]):
                return path + [a]
        if len(path) >= MAX_DEPTH:
            return None
        for d, c in pool.items():
            if d in used or c.subject != cur.issuer or not _can_issue(c) or not check(cur, c):
                continue
            found = walk(path + [c], used | {d})
            if found:
                return found
        return None

    return walk([signer], {der(signer)})


def _path_len_ok(path: Sequence[x509.Certificate]) -> bool:
    """basicConstraints pathLenConstraint: CAs allowed below each CA of the path (RFC 5280 4.2.1.9)."""
    for i in range(1, len(path)):
        limit = path_length(path[i])
        if limit is not None:
            intermediates_below = sum(1 for c in path[1:i] if not is_self_signed(c))
            if intermediates_below > limit:
                return False
    return True


def _when(t: _dt.datetime) -> str:
    return t.strftime("%d/%m/%Y %H:%M UTC")


def validity_findings(chain: Sequence[x509.Certificate], at: _dt.datetime, at_is_signing_time: bool) -> list[Finding]:
    out: list[Finding] = []
    moment_vi = "vào thời điểm ký" if at_is_signing_time else "vào lúc này (chữ ký không ghi thời điểm ký)"
    moment_en = "at the signing time" if at_is_signing_time else "now (the signature has no signing time)"
    for c in chain:
        name = common_name(c)
        if at < c.not_valid_before_utc:
            out.append(Finding(
                "not_yet_valid",
                f"Chứng thư “{name}” chưa có hiệu lực {moment_vi} (hiệu lực từ {_when(c.not_valid_before_utc)}).",
                f"Certificate '{name}' was not yet valid {moment_en} (valid from {_when(c.not_valid_before_utc)}).",
            ))
        elif at > c.not_valid_after_utc:
            out.append(Finding(
                "expired",
                f"Chứng thư “{name}” đã hết hạn {moment_vi} (hết hạn {_when(c.not_valid_after_utc)}).",
                f"Certificate '{name}' had expired {moment_en} (expired {_when(c.not_valid_after_utc)}).",
            ))
    return out


def _crl_applies(crl: x509.CertificateRevocationList, cert: x509.Certificate) -> bool:
    """A complete CRL covering `cert` (no delta CRL, no partitioned or indirect CRL that excludes it)."""
    try:
        exts = crl.extensions
        for ext in exts:
            if isinstance(ext.value, x509.DeltaCRLIndicator):
                return False
            if isinstance(ext.value, x509.IssuingDistributionPoint):
                idp = ext.value
                if idp.only_some_reasons or idp.indirect_crl or idp.only_contains_attribute_certs:
                    return False
                if idp.only_contains_ca_certs and not is_ca(cert):
                    return False
                if idp.only_contains_user_certs and is_ca(cert):
                    return False
            elif ext.critical and not isinstance(ext.value, (x509.CRLNumber, x509.AuthorityKeyIdentifier)):
                return False  # an unknown critical extension: the CRL cannot be relied on
    except ValueError:
        return False
    return True


def crl_status(cert: x509.Certificate, issuer: x509.Certificate, crls: Iterable[x509.CertificateRevocationList],
               now: _dt.datetime) -> str:
    """good | revoked | unknown, from the CRLs `issuer` signed that are current at `now`."""
    usable = []
    ku = key_usage(issuer)
    if ku is not None and not ku.crl_sign:
        return "unknown"
    for crl in crls:
        try:
            if crl.issuer != issuer.subject or not crl.is_signature_valid(issuer.public_key()):  # type: ignore[arg-type]
                continue
        except Exception:  # noqa: BLE001 - an unsupported key type cannot vouch for anything
            continue
        nu = crl.next_update_utc
        if nu is None or not (crl.last_update_utc <= now <= nu) or not _crl_applies(crl, cert):
            continue
        usable.append(crl)
    if not usable:
        return "unknown"
    for crl in usable:
        if crl.get_revoked_certificate_by_serial_number(cert.serial_number) is not None:
            return "revoked"
    return "good"


def revocation(chain: Sequence[x509.Certificate], trust: TrustStore,
               now: _dt.datetime) -> tuple[str, list[Finding]]:
    """Check every certificate below the anchor against its issuer's CRL."""
    statuses: list[tuple[x509.Certificate, x509.Certificate, str]] = []
    for i in range(len(chain) - 1):
        statuses.append((chain[i], chain[i + 1], crl_status(chain[i], chain[i + 1], trust.crls, now)))
    revoked = [(c, iss) for c, iss, s in statuses if s == "revoked"]
    if revoked:
        out = []
        for c, iss in revoked:
            out.append(Finding(
                "revoked",
                f"Chứng thư đã bị thu hồi. Chứng thư “{common_name(c)}” (số hiệu {c.serial_number:x}) có trong "
                f"danh sách thu hồi (CRL) của “{common_name(iss)}”.",
                f"The certificate has been revoked. Certificate '{common_name(c)}' (serial {c.serial_number:x}) is "
                f"listed in the CRL of '{common_name(iss)}'.",
            ))
        return "revoked", out
    unknown = [c for c, _, s in statuses if s == "unknown"]
    if unknown:
        names = ", ".join(f"“{common_name(c)}”" for c in unknown)
        return "unknown", [Finding(
            "revocation_unknown",
            "Chưa kiểm tra được tình trạng thu hồi chứng thư (không có danh sách thu hồi CRL còn hiệu lực). "
            f"Chứng thư: {names}. Hãy lấy tệp CRL mới nhất của CA, đặt vào thư mục tin cậy rồi kiểm tra lại.",
            "The certificate's revocation status could not be checked (no current CRL). "
            f"Certificates: {names.replace('“', chr(39)).replace('”', chr(39))}. "
            "Put the CA's latest CRL in the trust folder and verify again.",
            fatal=False,
        )]
    return "good", []


def issuer_among(cert: x509.Certificate, candidates: Iterable[x509.Certificate]) -> x509.Certificate | None:
    for c in candidates:
        if c.subject == cert.issuer and der(c) != der(cert) and _can_issue(c) and issued_by(cert, c):
            return c
    return None
