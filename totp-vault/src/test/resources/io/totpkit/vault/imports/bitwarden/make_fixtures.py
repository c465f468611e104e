#!/usr/bin/env python3
"""Writes the encrypted Bitwarden fixtures with the `cryptography` package, independently of totpkit's reader.

Construction, as Bitwarden's clients write a password-protected export (bitwarden/clients
libs/tools/export/vault-export/vault-export-core/src/services/base-vault-export.service.ts buildPasswordExport;
bitwarden/sdk-internal crates/bitwarden-crypto keys/kdf.rs, keys/utils.rs, enc_string/symmetric.rs,
hazmat/symmetric_encryption/aes256_cbc_hmac_sha256_ae.rs):

  salt   = Base64 text of 16 random bytes; the KDF takes the text's UTF-8 bytes, not the decoded bytes
  key    = PBKDF2-HMAC-SHA256(password, salt, kdfIterations, 32)                       (kdfType 0)
         | Argon2id(password, SHA-256(salt), kdfIterations, kdfMemory MiB, kdfParallelism, 32)   (kdfType 1)
  enc    = HKDF-Expand-SHA256(key, "enc", 32); mac = HKDF-Expand-SHA256(key, "mac", 32)
  EncString type 2 = "2." + b64(iv) + "|" + b64(AES-256-CBC-PKCS7(enc, iv, text)) + "|" + b64(HMAC-SHA256(mac, iv || ct))
  encKeyValidation_DO_NOT_EDIT = EncString of a random UUID; data = EncString of the plain JSON export

The checks at the top reproduce the test vectors in bitwarden/sdk-internal (kdf.rs test_master_key_derive_pbkdf2
and _argon2, utils.rs test_stretch_kdf_key, aes256_cbc_hmac_sha256_ae.rs test_decrypt_testvector), so this script
agrees with Bitwarden, not merely with itself. The passwords are test passwords. Run: python3 make_fixtures.py
"""
import base64
import hashlib
import hmac
import json
import pathlib
import random
import uuid

from cryptography.hazmat.primitives import hashes, padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDFExpand
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

HERE = pathlib.Path(__file__).parent
PASSWORD = "Tr0ub4dor&3 export"


def pbkdf2(password, salt, iterations):
    return PBKDF2HMAC(algorithm=hashes.SHA256(), length=32, salt=salt, iterations=iterations).derive(password)


def argon2(password, salt, iterations, memory_mib, parallelism):
    return Argon2id(salt=hashlib.sha256(salt).digest(), length=32, iterations=iterations, lanes=parallelism,
                    memory_cost=memory_mib * 1024).derive(password)


def stretch(key):
    return (HKDFExpand(algorithm=hashes.SHA256(), length=32, info=b"enc").derive(key),
            HKDFExpand(algorithm=hashes.SHA256(), length=32, info=b"mac").derive(key))


def seal(enc, mac, iv, plaintext):
    padder = padding.PKCS7(128).padder()
    padded = padder.update(plaintext) + padder.finalize()
    encryptor = Cipher(algorithms.AES(enc), modes.CBC(iv)).encryptor()
    ct = encryptor.update(padded) + encryptor.finalize()
    tag = hmac.new(mac, iv + ct, hashlib.sha256).digest()
    return ct, tag


def enc_string(enc, mac, iv, plaintext):
    ct, tag = seal(enc, mac, iv, plaintext)
    return "2." + "|".join(base64.b64encode(part).decode() for part in (iv, ct, tag))


# Bitwarden's own vectors.
vector = pbkdf2(b"67t9b5g67$%Dh89n", b"test_key", 10000)
assert list(vector) == [31, 79, 104, 226, 150, 71, 177, 90, 194, 80, 172, 209, 17, 129, 132, 81, 138, 167, 69, 167,
                        254, 149, 2, 27, 39, 197, 64, 42, 22, 195, 86, 75]
enc_vector, mac_vector = stretch(vector)
assert list(enc_vector) == [111, 31, 178, 45, 238, 152, 37, 114, 143, 215, 124, 83, 135, 173, 195, 23, 142, 134, 120,
                            249, 61, 132, 163, 182, 113, 197, 189, 204, 188, 21, 237, 96]
assert list(mac_vector) == [221, 127, 206, 234, 101, 27, 202, 38, 86, 52, 34, 28, 78, 28, 185, 16, 48, 61, 127, 166,
                            209, 247, 194, 87, 232, 26, 48, 85, 193, 249, 179, 155]
assert list(argon2(b"67t9b5g67$%Dh89n", b"test_key", 4, 32, 2)) == [
    207, 240, 225, 177, 162, 19, 163, 76, 98, 106, 179, 175, 224, 9, 17, 240, 20, 147, 237, 47, 246, 150, 141, 184,
    62, 225, 131, 242, 51, 53, 225, 242]
ct, tag = seal(bytes(range(32)), bytes(range(32, 64)),
               bytes([216, 218, 36, 0, 196, 186, 150, 85, 49, 147, 110, 168, 185, 227, 42, 172]),
               b"Bitwarden SDK test vector")
assert list(ct) == [234, 77, 16, 15, 189, 82, 36, 188, 182, 88, 64, 67, 145, 94, 30, 178, 36, 235, 130, 67, 255, 207,
                    183, 168, 73, 231, 82, 122, 193, 139, 25, 129]
assert list(tag) == [60, 78, 44, 111, 72, 233, 3, 6, 86, 250, 217, 242, 62, 229, 184, 221, 231, 150, 189, 44, 99, 189,
                     220, 55, 196, 194, 101, 60, 102, 195, 149, 130]


def protected(name, plain_file, kdf, seed, password=PASSWORD):
    rng = random.Random(seed)
    salt = base64.b64encode(rng.randbytes(16)).decode()
    if kdf[0] == 0:
        key = pbkdf2(password.encode(), salt.encode(), kdf[1])
    else:
        key = argon2(password.encode(), salt.encode(), kdf[1], kdf[2], kdf[3])
    enc, mac = stretch(key)
    doc = {
        "encrypted": True,
        "passwordProtected": True,
        "salt": salt,
        "kdfType": kdf[0],
        "kdfIterations": kdf[1],
        "encKeyValidation_DO_NOT_EDIT": enc_string(enc, mac, rng.randbytes(16),
                                                   str(uuid.UUID(bytes=rng.randbytes(16), version=4)).encode()),
        "data": enc_string(enc, mac, rng.randbytes(16), (HERE / plain_file).read_bytes()),
    }
    if kdf[0] == 1:
        doc["kdfMemory"] = kdf[2]
        doc["kdfParallelism"] = kdf[3]
    (HERE / name).write_text(json.dumps(doc, indent=2), encoding="utf-8")


protected("protected-pbkdf2.json", "individual.json", (0, 100000), 1)
protected("protected-argon2.json", "organization.json", (1, 3, 64, 4), 2)
# A cheap one for the fuzz target's seeds, which opens every file it recognises with the password "pw".
protected("protected-pw.json", "organization.json", (0, 5000), 4, password="pw")

# An "account restricted" export: encrypted with an account key no file holds. Its EncStrings are random.
rng = random.Random(3)


def opaque(length):
    return "2." + "|".join(base64.b64encode(rng.randbytes(n)).decode() for n in (16, length, 32))


restricted = {
    "encrypted": True,
    "encKeyValidation_DO_NOT_EDIT": opaque(48),
    "folders": [{"id": "3f2b6a1e-5c4d-4e8f-9a0b-1c2d3e4f5a6b", "name": opaque(16)}],
    "items": [{
        "passwordHistory": None, "revisionDate": "2025-03-14T09:26:53.120Z", "creationDate": "2024-11-02T15:04:11.532Z",
        "deletedDate": None, "id": "0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f", "organizationId": None,
        "folderId": "3f2b6a1e-5c4d-4e8f-9a0b-1c2d3e4f5a6b", "type": 1, "reprompt": 0, "name": opaque(16),
        "notes": None, "favorite": False,
        "login": {"fido2Credentials": [], "uris": [{"match": None, "uri": opaque(32)}], "username": opaque(32),
                  "password": opaque(16), "totp": opaque(96)},
        "collectionIds": None}],
}
(HERE / "account-restricted.json").write_text(json.dumps(restricted, indent=2), encoding="utf-8")
