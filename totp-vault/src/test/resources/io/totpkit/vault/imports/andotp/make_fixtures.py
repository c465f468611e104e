#!/usr/bin/env python3
"""Encrypts the hand-written andOTP plain backups the way andOTP does, independently of totpkit's Java code.

andOTP 0.6.3 and later (BackupHelper.backupToFile, EncryptedRestoreTask in github.com/andOTP/andOTP):
    iterations (4 bytes, big-endian) || salt (12) || nonce (12) || AES-256-GCM ciphertext || tag (16)
    key = PBKDF2-HMAC-SHA1(UTF-8 password, salt, iterations, 32 bytes)
andOTP before 0.6.3 (EncryptionHelper.generateSymmetricKeyFromPassword): key = SHA-256(UTF-8 password),
file = nonce (12) || ciphertext || tag (16); totpkit cannot recognise it (no header) and the test shows that.

Salts and nonces are fixed so that a re-run gives the same files. Test keys only. Run with the `cryptography`
package (48): python3 make_fixtures.py. It also prints the codes the test expects at the vault's fixed clock,
computed here with Python's hmac (RFC 4226/6238), not with totpkit.
"""
import hashlib
import hmac
import struct
from base64 import b32decode
from pathlib import Path

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

HERE = Path(__file__).resolve().parent


def encrypt(plain: bytes, password: str, iterations: int, salt: bytes, nonce: bytes) -> bytes:
    kdf = PBKDF2HMAC(algorithm=hashes.SHA1(), length=32, salt=salt, iterations=iterations)
    key = kdf.derive(password.encode("utf-8"))
    return struct.pack(">i", iterations) + salt + nonce + AESGCM(key).encrypt(nonce, plain, None)


def encrypt_old(plain: bytes, password: str, nonce: bytes) -> bytes:
    key = hashlib.sha256(password.encode("utf-8")).digest()
    return nonce + AESGCM(key).encrypt(nonce, plain, None)


def code(base32: str, counter: int, digits: int, digest) -> str:
    key = b32decode(base32)
    mac = hmac.new(key, struct.pack(">Q", counter), digest).digest()
    offset = mac[-1] & 0x0F
    value = struct.unpack(">I", mac[offset:offset + 4])[0] & 0x7FFFFFFF
    return str(value % 10 ** digits).zfill(digits)


def main() -> None:
    plain = (HERE / "otp_accounts.json").read_bytes()
    old = (HERE / "otp_accounts_0.6.3.json").read_bytes()
    (HERE / "otp_accounts.json.aes").write_bytes(encrypt(
        plain, "andOTP test password", 151_234,
        bytes.fromhex("5e1f0a3c9b27d4e6a8f01c2d"), bytes.fromhex("a1b2c3d4e5f60718293a4b5c")))
    (HERE / "otp_accounts_0.6.3.json.aes").write_bytes(encrypt(
        old, "pässwörd 0.6.3", 3_187,
        bytes.fromhex("0d9c8b7a69584736251403f2"), bytes.fromhex("77e1c0ffee42d15ea5e0b0a1")))
    (HERE / "otp_accounts_before_0.6.3.json.aes").write_bytes(encrypt_old(
        old, "old password", bytes.fromhex("c3a5f00d2b1e8e7f6a5b4c3d")))

    # At the vault's fixed clock, 2026-11-23T10:15:30Z (TestVaults.NOW).
    now = 1795428930
    print("GitHub   (SHA1, 6, 30 s):  ", code("KMSIZLETEIGQN6CJOXS45QOKQP5AV35C", now // 30, 6, hashlib.sha1))
    print("Vendor   (SHA256, 8, 30 s):", code("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZA====", now // 30, 8,
                                            hashlib.sha256))
    print("alice    (SHA512, 8, 60 s):", code("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"
                                            "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQGEZDGNA=", now // 60, 8, hashlib.sha512))
    print("Bank     (HOTP, counter 1):", code("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", 1, 6, hashlib.sha1))


if __name__ == "__main__":
    main()
