"""Signing with a key on a PKCS#11 token (the USB tokens agencies hold; SoftHSM2 in tests).

The token signs the DER signed attributes; the CMS around it is assembled by cms.py, the same
code as for software keys.  Mechanisms are the ones every token has: CKM_RSA_PKCS over a
DigestInfo computed here, and CKM_ECDSA over the hash computed here.  A wrong PIN says so and
warns that tokens lock after a few wrong tries.
"""

from __future__ import annotations

import datetime as _dt
import hashlib
from typing import Any, Sequence

from asn1crypto import algos
from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa

from ..errors import UserFacingError
from .cms import build_signed_data

DEFAULT_MODULES = (
    "/usr/lib/softhsm/libsofthsm2.so",
    "/usr/lib/x86_64-linux-gnu/softhsm/libsofthsm2.so",
    "/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so",
)


def _pkcs11() -> Any:
    try:
        import pkcs11  # python-pkcs11; imported only when a token is used
    except ImportError:  # pragma: no cover - a dependency of the project
        raise UserFacingError("Thiếu thư viện python-pkcs11 để dùng thiết bị ký số (token).",
                              "python-pkcs11 is missing: tokens cannot be used.") from None
    return pkcs11


def _lib(module_path: str) -> Any:
    pkcs11 = _pkcs11()
    try:
        return pkcs11.lib(str(module_path))
    except Exception as exc:  # noqa: BLE001 - a missing or broken driver library
        raise UserFacingError(
            f"Không nạp được thư viện PKCS#11 của thiết bị ký số “{module_path}” ({exc}). "
            "Hãy cài trình điều khiển của token hoặc chỉ đúng đường dẫn tệp .so/.dll.",
            f"Cannot load the PKCS#11 module '{module_path}' ({exc}). Install the token's driver "
            "or give the right path.",
        ) from None


def _open_session(module_path: str, token_label: str, pin: str, rw: bool = False) -> Any:
    pkcs11 = _pkcs11()
    lib = _lib(module_path)
    try:
        token = lib.get_token(token_label=token_label)
    except pkcs11.NoSuchToken:
        raise UserFacingError(
            f"Không tìm thấy thiết bị ký số (token) có nhãn “{token_label}”. Hãy cắm token vào máy rồi thử lại.",
            f"No token labelled '{token_label}' found. Plug the token in and try again.",
        ) from None
    except pkcs11.MultipleTokensReturned:
        raise UserFacingError(f"Có nhiều token cùng nhãn “{token_label}”; hãy chỉ cắm một token.",
                              f"Several tokens are labelled '{token_label}'; plug in only one.") from None
    try:
        return token.open(rw=rw, user_pin=pin)
    except (pkcs11.PinIncorrect, pkcs11.PinLenRange, pkcs11.PinInvalid):
        raise UserFacingError(
            "Mã PIN của thiết bị ký số (token) không đúng. Lưu ý: token sẽ bị khóa sau vài lần nhập sai liên tiếp; "
            "hãy kiểm tra kỹ trước khi thử lại.",
            "Wrong token PIN. Careful: the token locks after a few wrong tries in a row.",
        ) from None
    except pkcs11.PinLocked:
        raise UserFacingError(
            "Thiết bị ký số (token) đã bị khóa do nhập sai PIN nhiều lần. Hãy liên hệ nơi cấp chứng thư để mở khóa.",
            "The token is locked after too many wrong PINs. Ask the certificate issuer to unlock it.",
        ) from None
    except pkcs11.PKCS11Error as exc:
        raise UserFacingError(f"Không mở được phiên làm việc với token “{token_label}” ({type(exc).__name__}).",
                              f"Cannot open a session on token '{token_label}' ({type(exc).__name__}).") from None


class Pkcs11Signer:
    """Signs on a token.  `certificate` is the certificate of the token's key (and `chain` its CAs)."""

    def __init__(self, module_path: str, token_label: str, pin: str, key_label: str,
                 certificate: x509.Certificate, chain: Sequence[x509.Certificate] = ()) -> None:
        self.module_path = str(module_path)
        self.token_label = token_label
        self._pin = pin
        self.key_label = key_label
        self._cert = certificate
        self.chain = tuple(chain)
        pub = certificate.public_key()
        if not isinstance(pub, (rsa.RSAPublicKey, ec.EllipticCurvePublicKey)):
            raise UserFacingError("Chứng thư này có loại khóa không hỗ trợ (chỉ RSA hoặc ECDSA).",
                                  "Unsupported key type in the certificate (RSA or ECDSA only).")

    @property
    def certificate(self) -> x509.Certificate:
        return self._cert

    def _sign_on_token(self, data: bytes) -> bytes:
        pkcs11 = _pkcs11()
        from pkcs11.util.ec import encode_ecdsa_signature

        digest = hashlib.sha256(data).digest()
        with _open_session(self.module_path, self.token_label, self._pin) as session:
            try:
                key = session.get_key(pkcs11.ObjectClass.PRIVATE_KEY, label=self.key_label)
            except pkcs11.NoSuchKey:
                raise UserFacingError(f"Token không có khóa bí mật nhãn “{self.key_label}”.",
                                      f"The token has no private key labelled '{self.key_label}'.") from None
            except pkcs11.MultipleObjectsReturned:
                raise UserFacingError(f"Token có nhiều khóa nhãn “{self.key_label}”.",
                                      f"The token has several keys labelled '{self.key_label}'.") from None
            try:
                if isinstance(self._cert.public_key(), rsa.RSAPublicKey):
                    info = algos.DigestInfo({"digest_algorithm": {"algorithm": "sha256"}, "digest": digest}).dump()
                    signature = key.sign(info, mechanism=pkcs11.Mechanism.RSA_PKCS)
                else:
                    signature = encode_ecdsa_signature(key.sign(digest, mechanism=pkcs11.Mechanism.ECDSA))
            except pkcs11.PKCS11Error as exc:
                raise UserFacingError(f"Token không ký được ({type(exc).__name__}).",
                                      f"The token could not sign ({type(exc).__name__}).") from None
        self._check(signature, data)
        return bytes(signature)

    def _check(self, signature: bytes, data: bytes) -> None:
        """The key on the token must be the key of the certificate: check before anything uses it."""
        pub = self._cert.public_key()
        try:
            if isinstance(pub, rsa.RSAPublicKey):
                pub.verify(signature, data, padding.PKCS1v15(), hashes.SHA256())
            else:
                pub.verify(signature, data, ec.ECDSA(hashes.SHA256()))  # type: ignore[union-attr]
        except InvalidSignature:
            raise UserFacingError(
                f"Khóa “{self.key_label}” trên token không khớp với chứng thư đã chọn.",
                f"Key '{self.key_label}' on the token does not match the chosen certificate.",
            ) from None

    def sign_detached(self, content: bytes, signing_time: _dt.datetime | None = None) -> bytes:
        return build_signed_data(content, self._cert, self.chain, self._sign_on_token, signing_time)


def generate_key_on_token(module_path: str, token_label: str, pin: str, key_label: str,
                          kind: str = "ec") -> rsa.RSAPublicKey | ec.EllipticCurvePublicKey:
    """Make a key pair on the token (P-256 or RSA 3072); returns its public key (to issue a certificate)."""
    pkcs11 = _pkcs11()
    from pkcs11.util.ec import encode_ec_public_key, encode_named_curve_parameters
    from pkcs11.util.rsa import encode_rsa_public_key

    with _open_session(module_path, token_label, pin, rw=True) as session:
        key_id = hashlib.sha256(key_label.encode("utf-8")).digest()[:16]
        if kind == "ec":
            params = session.create_domain_parameters(
                pkcs11.KeyType.EC, {pkcs11.Attribute.EC_PARAMS: encode_named_curve_parameters("secp256r1")}, local=True)
            pub, _priv = params.generate_keypair(store=True, label=key_label, id=key_id)
            return serialization.load_der_public_key(encode_ec_public_key(pub))  # type: ignore[return-value]
        if kind == "rsa":
            pub, _priv = session.generate_keypair(pkcs11.KeyType.RSA, 3072, store=True, label=key_label, id=key_id)
            return serialization.load_der_public_key(_rsa_spki(encode_rsa_public_key(pub)))  # type: ignore[return-value]
    raise ValueError(f"unknown key kind {kind!r}")


def _rsa_spki(pkcs1: bytes) -> bytes:
    from asn1crypto import keys

    return keys.PublicKeyInfo({"algorithm": {"algorithm": "rsa"}, "public_key": keys.RSAPublicKey.load(pkcs1)}).dump()
