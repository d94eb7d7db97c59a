"""The signing contract the package layer relies on.  Implementations live beside this file.

- A `Signer` produces a detached CMS SignedData (DER) over exact bytes, carrying the signer's
  certificate and chain, with signed attributes contentType, messageDigest (SHA-256) and
  signingTime.  `openssl cms -verify -binary -inform DER -in sig -content data -CAfile ca.pem
  -purpose any` must accept it.
- `verify_detached` never raises on bad input: every problem becomes a `Finding` with a stable
  code and Vietnamese/English text, and the verdict is VALID, INVALID or UNKNOWN (decidable only
  online, e.g. no usable CRL: never silently valid).
- An agency certificate binds the agency code: SAN URI `urn:cchc:agency:<CODE>` (issued by the
  province CA, `ca.py`), else the subject's UID attribute; a pinned certificate in the trust
  store binds whatever code its pin file names.
"""

from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from enum import Enum
from typing import Protocol

from cryptography import x509

AGENCY_URI_PREFIX = "urn:cchc:agency:"
# A province certificate issued by the CA to sign frameworks (`ca.issue_framework_signer`): it binds
# no agency, so it can never sign a submission, and an agency certificate can never sign a framework.
FRAMEWORK_SIGNER_URI = "urn:cchc:role:framework-signer"


class Verdict(str, Enum):
    VALID = "valid"
    INVALID = "invalid"
    UNKNOWN = "unknown"


@dataclass(frozen=True)
class Finding:
    """One check's outcome.  `code` is stable (tests and --json use it)."""

    code: str  # e.g. "signature_invalid", "untrusted", "expired", "revoked", "revocation_unknown"
    vi: str
    en: str
    fatal: bool = True  # False: only makes the verdict UNKNOWN (revocation not decidable)


@dataclass(frozen=True)
class SignatureReport:
    verdict: Verdict
    findings: tuple[Finding, ...] = ()
    signer: x509.Certificate | None = None
    chain: tuple[x509.Certificate, ...] = ()  # signer first, trust anchor last (when found)
    signing_time: _dt.datetime | None = None
    agency_code: str | None = None  # bound by the certificate (SAN URI / UID / pin)
    revocation: str = "unknown"  # good | revoked | unknown

    @property
    def ok(self) -> bool:
        return self.verdict is Verdict.VALID


class Signer(Protocol):
    """Something that can sign: a PKCS#12 software key or a PKCS#11 token."""

    @property
    def certificate(self) -> x509.Certificate: ...

    def sign_detached(self, content: bytes, signing_time: _dt.datetime | None = None) -> bytes:
        """DER CMS SignedData, detached, over `content`."""
        ...


@dataclass
class TrustStore:
    """Trust anchors (CA certificates), intermediates, pinned leaf certificates and CRLs."""

    anchors: list[x509.Certificate] = field(default_factory=list)
    intermediates: list[x509.Certificate] = field(default_factory=list)
    pinned: dict[str, x509.Certificate] = field(default_factory=dict)  # agency code -> certificate
    crls: list[x509.CertificateRevocationList] = field(default_factory=list)
