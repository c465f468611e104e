#!/usr/bin/env python3
"""Writes the Steam .maFile fixtures of SteamImportTest, independently of totpkit's Java code.

Steam Desktop Authenticator's maFile is Newtonsoft's compact JSON of SteamAuth's SteamGuardAccount (geel9/SteamAuth,
SteamGuardAccount.cs and SessionData.cs, members in declaration order); steamguard-cli's is serde's JSON of its
SteamGuardAccount (dyc3/steamguard-cli, steamguard/src/lib.rs). SDA's encryption (FileEncryptor.cs): PBKDF2-HMAC-SHA1,
50 000 iterations, 8-byte salt, 32-byte key; AES-256-CBC with PKCS#7 and a 16-byte IV; the file holds Base64 of the
ciphertext, the salt and IV (Base64) are in manifest.json (Manifest.cs). Every value is invented; test keys only.

Also prints the Steam Guard code of each key at the tests' fixed time, computed here by SteamAuth's algorithm.

Run from this directory: python3 make_fixtures.py
"""
import base64
import hashlib
import hmac
import json
import struct

from cryptography.hazmat.primitives import hashes, padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

PASSKEY = "sda test passkey"
NOW = 1795428930  # 2026-11-23T10:15:30Z, TestVaults.NOW

SDA_KEY = bytes(range(0x40, 0x54))
CLI_KEY = bytes.fromhex("0f1e2d3c4b5a69788796a5b4c3d2e1f00112233a")


def b64(data):
    return base64.b64encode(data).decode()


def jwt(sub):
    # Shaped like Steam's tokens (header.payload.signature); invented, never valid.
    part = lambda d: base64.urlsafe_b64encode(json.dumps(d).encode()).decode().rstrip("=")
    return part({"typ": "JWT", "alg": "EdDSA"}) + "." + part({"iss": "steam", "sub": sub, "aud": ["mobile"]}) \
        + "." + base64.urlsafe_b64encode(hashlib.sha512(sub.encode()).digest()).decode().rstrip("=")


def uri(name, key):
    return "otpauth://totp/Steam:%s?secret=%s&issuer=Steam" % (name, base64.b32encode(key).decode())


SDA = {
    "shared_secret": b64(SDA_KEY),
    "serial_number": "8412096512348765432",
    "revocation_code": "R12345",
    "uri": uri("gaben_sda", SDA_KEY),
    "server_time": 1731400000,
    "account_name": "gaben_sda",
    "token_gid": "2b6a1c0e9f8d7c6b",
    "identity_secret": b64(bytes(range(0x80, 0x94))),
    "secret_1": b64(bytes(range(0xa0, 0xb4))),
    "status": 1,
    "device_id": "android:0f3c6d52-8b1e-4f7a-9c2d-3e4f5a6b7c8d",
    "phone_number_hint": "12",
    "confirm_type": 1,
    "fully_enrolled": True,
    "Session": {
        "SteamID": 76561197960287930,
        "AccessToken": jwt("76561197960287930"),
        "RefreshToken": jwt("76561197960287930-refresh"),
        "SessionID": "a1b2c3d4e5f60718293a4b5c",
    },
}

CLI = {
    "account_name": "gaben_cli",
    "steam_id": 76561197960287931,
    "serial_number": "9412096512348765433",
    "revocation_code": "R54321",
    "shared_secret": b64(CLI_KEY),
    "token_gid": "3c7b2d1f0e9d8c7b",
    "identity_secret": b64(bytes(range(0x90, 0xa4))),
    "uri": uri("gaben_cli", CLI_KEY),
    "device_id": "android:1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d",
    "secret_1": b64(bytes(range(0xb0, 0xc4))),
    "tokens": {"access_token": jwt("76561197960287931"), "refresh_token": jwt("76561197960287931-refresh")},
}

SALT = bytes(range(0x11, 0x19))
IV = bytes(range(0x21, 0x31))
MANIFEST = {
    "encrypted": True,
    "first_run": False,
    "entries": [{"encryption_iv": b64(IV), "encryption_salt": b64(SALT), "filename": "76561197960287930.maFile",
                 "steamid": 76561197960287930}],
    "periodic_checking": False,
    "periodic_checking_interval": 5,
    "periodic_checking_checkall": False,
    "auto_confirm_market_transactions": False,
    "auto_confirm_trades": False,
}


def compact(value):
    return json.dumps(value, separators=(",", ":")).encode()


def sda_encrypt(plain):
    key = PBKDF2HMAC(algorithm=hashes.SHA1(), length=32, salt=SALT, iterations=50000).derive(PASSKEY.encode())
    padder = padding.PKCS7(128).padder()
    padded = padder.update(plain) + padder.finalize()
    encryptor = Cipher(algorithms.AES(key), modes.CBC(IV)).encryptor()
    return b64(encryptor.update(padded) + encryptor.finalize()).encode()


def steam_code(key, time):
    # SteamGuardAccount.GenerateSteamGuardCodeForTime: HOTP-style truncation, five characters of this alphabet.
    digest = hmac.new(key, struct.pack(">Q", time // 30), hashlib.sha1).digest()
    offset = digest[19] & 0xF
    point = struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF
    alphabet = "23456789BCDFGHJKMNPQRTVWXY"
    out = ""
    for _ in range(5):
        out += alphabet[point % len(alphabet)]
        point //= len(alphabet)
    return out


def main():
    with open("76561197960287930.maFile", "wb") as f:
        f.write(compact(SDA))
    with open("gaben_cli.maFile", "wb") as f:
        f.write(compact(CLI))
    with open("manifest.json", "wb") as f:
        f.write(compact(MANIFEST))
    with open("encrypted.maFile", "wb") as f:
        f.write(sda_encrypt(compact(SDA)))
    print("SDA key code at NOW:", steam_code(SDA_KEY, NOW))
    print("CLI key code at NOW:", steam_code(CLI_KEY, NOW))


if __name__ == "__main__":
    main()
