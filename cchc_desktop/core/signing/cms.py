"""Detached CMS SignedData (RFC 5652), built with asn1crypto so any key can sign it.

`build_signed_data` assembles the structure and asks a callback to sign the DER SET OF signed
attributes (contentType, signingTime, messageDigest); the software signer answers it with
cryptography, the PKCS#11 signer with the token.  One code path, so both produce exactly what
`openssl cms -verify -binary -inform DER -in sig -content data -CAfile ca.pem -purpose any`
accepts (checked by the tests).
"""

from __future__ import annotations

import datetime as _dt
import hashlib
from typing import Callable, Sequence

from asn1crypto import algos, cms
from asn1crypto import x509 as ax509
from cryptography import x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa

from ..errors import UserFacingError
from .certutil import check_key_type, der, spki, utcnow

SignCallback = Callable[[bytes], bytes]


def signature_algorithm_for(public_key: object) -> str:
    """The SignerInfo signatureAlgorithm for a certificate's key (asn1crypto name)."""
    if isinstance(public_key, rsa.RSAPublicKey):
        return "rsassa_pkcs1v15"  # rsaEncryption, as OpenSSL writes it (RFC 3370)
    if isinstance(public_key, ec.EllipticCurvePublicKey):
        return "sha256_ecdsa"
    raise ValueError("unsupported key type (RSA or EC only)")


def _signing_time(t: _dt.datetime) -> cms.Time:
    t = t.astimezone(_dt.timezone.utc).replace(microsecond=0)
    # RFC 5652 11.3: UTCTime for 1950-2049, GeneralizedTime otherwise.
    if 1950 <= t.year <= 2049:
        return cms.Time({"utc_time": t})
    return cms.Time({"generalized_time": t})


def signed_attributes(content_digest: bytes, signing_time: _dt.datetime) -> cms.CMSAttributes:
    return cms.CMSAttributes([
        cms.CMSAttribute({"type": "content_type", "values": ["data"]}),
        cms.CMSAttribute({"type": "signing_time", "values": [_signing_time(signing_time)]}),
        cms.CMSAttribute({"type": "message_digest", "values": [content_digest]}),
    ])


def build_signed_data(
    content: bytes,
    certificate: x509.Certificate,
    chain: Sequence[x509.Certificate],
    sign: SignCallback,
    signing_time: _dt.datetime | None = None,
    *,
    digest_algorithm: str = "sha256",
    signature_algorithm: str | None = None,
) -> bytes:
    """A DER ContentInfo(SignedData), detached, SHA-256, carrying `certificate` and `chain`.

    `sign(data)` receives the DER encoding (tag SET OF) of the signed attributes and returns the
    signature bytes (PKCS#1 v1.5 for RSA, DER ECDSA-Sig-Value for EC) over `data` hashed with
    `digest_algorithm`.  `digest_algorithm` exists for tests that need a weak signature.
    """
    signing_time = signing_time or utcnow()
    digest = hashlib.new(digest_algorithm, content).digest()
    cert_asn1 = ax509.Certificate.load(der(certificate))
    sig_alg = signature_algorithm or signature_algorithm_for(certificate.public_key())
    signer_info = cms.SignerInfo({
        "version": "v1",
        "sid": cms.SignerIdentifier({
            "issuer_and_serial_number": cms.IssuerAndSerialNumber({
                "issuer": cert_asn1.issuer,
                "serial_number": cert_asn1.serial_number,
            })
        }),
        "digest_algorithm": algos.DigestAlgorithm({"algorithm": digest_algorithm}),
        "signed_attrs": signed_attributes(digest, signing_time),
        "signature_algorithm": algos.SignedDigestAlgorithm({"algorithm": sig_alg}),
        "signature": b"",
    })
    # The signature covers the attributes as encoded in the message, with the SET OF tag (0x31)
    # in place of the [0] IMPLICIT tag (RFC 5652 5.4).
    encoded = signer_info["signed_attrs"].dump()
    signer_info["signature"] = sign(b"\x31" + encoded[1:])

    certs: list[ax509.Certificate] = [cert_asn1]
    seen = {der(certificate)}
    for c in chain:
        d = der(c)
        if d not in seen:
            seen.add(d)
            certs.append(ax509.Certificate.load(d))
    signed_data = cms.SignedData({
        "version": "v1",
        "digest_algorithms": [algos.DigestAlgorithm({"algorithm": digest_algorithm})],
        "encap_content_info": {"content_type": "data"},
        "certificates": certs,
        "signer_infos": [signer_info],
    })
    return cms.ContentInfo({"content_type": "signed_data", "content": signed_data}).dump()


_HASHES = {"sha1": hashes.SHA1, "sha256": hashes.SHA256, "sha384": hashes.SHA384, "sha512": hashes.SHA512}


def software_sign_callback(key: object, digest_algorithm: str = "sha256") -> SignCallback:
    """Sign with a cryptography private key (RSA PKCS#1 v1.5 or ECDSA)."""
    h = _HASHES[digest_algorithm]()

    def sign(data: bytes) -> bytes:
        if isinstance(key, rsa.RSAPrivateKey):
            return key.sign(data, padding.PKCS1v15(), h)
        if isinstance(key, ec.EllipticCurvePrivateKey):
            return key.sign(data, ec.ECDSA(h))
        raise ValueError("unsupported key type")

    return sign


class SoftwareSigner:
    """A private key held in memory (loaded from a PKCS#12 file), with its certificate and chain."""

    def __init__(self, key: object, cert: x509.Certificate, chain: Sequence[x509.Certificate] = ()) -> None:
        check_key_type(key)
        if spki(key.public_key()) != spki(cert.public_key()):  # type: ignore[attr-defined]
            raise UserFacingError(
                "Khóa bí mật không khớp với chứng thư đi kèm; không thể ký bằng cặp này.",
                "The private key does not match its certificate; it cannot sign.",
            )
        self._key = key
        self._cert = cert
        self.chain: tuple[x509.Certificate, ...] = tuple(chain)

    @property
    def certificate(self) -> x509.Certificate:
        return self._cert

    @property
    def private_key(self) -> object:
        return self._key

    def sign_detached(self, content: bytes, signing_time: _dt.datetime | None = None) -> bytes:
        return build_signed_data(content, self._cert, self.chain, software_sign_callback(self._key), signing_time)
