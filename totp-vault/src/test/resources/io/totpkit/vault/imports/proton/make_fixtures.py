#!/usr/bin/env python3
"""Writes the Proton Authenticator fixtures of ProtonImportTest, plain and encrypted, independently of totpkit.

The accounts are invented (keys from RFC 6238's test key and Python's `secrets`); the shape follows
protonpass/proton-pass-common proton-authenticator/src/entry/exporter.rs (serde_json, compact): {"version":1,
"entries":[{"id","content":{"uri","entry_type","name"},"note"}]}, TOTP URIs as proton-pass-totp's TOTP::to_uri
writes them (label percent-encoded in the path, form-encoded query secret, issuer, algorithm, digits, period; entry 5
has the unencoded label of exports made before August 2025), Steam URIs as steam/mod.rs writes them ("steam://" and
the key, Base32 without padding or, for a key that came in as Base64, unpadded standard Base64).

The encrypted export follows entry/password_exporter.rs and crypto.rs: {"version":1,"salt":base64(16 bytes),
"content":base64(nonce || ciphertext || tag)}, key = Argon2id v0x13 (m = 19 MiB, t = 2, p = 1, 32 bytes) of the
password's UTF-8 bytes, AES-256-GCM with a 12-byte nonce and associated data "proton.authenticator.export.v1", over
the plain export's text. Salt and nonce come from a fixed seed so the files reproduce.

Run from this directory: python3 make_fixtures.py   (needs the `cryptography` package, 44 or later for Argon2id); it
also writes a fuzzing seed sealed with the password "pw" into ../../ProtonImportFuzzTestInputs/read/.
"""
import base64
import hashlib
import json

from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

PASSWORD = "proton fixture password"


def totp(id, uri, name, note=None):
    return {"id": id, "content": {"uri": uri, "entry_type": "Totp", "name": name}, "note": note}


def steam(id, key, name, note=None):
    return {"id": id, "content": {"uri": "steam://" + key, "entry_type": "Steam", "name": name}, "note": note}


ENTRIES = [
    totp("ae83ab32-c328-4584-919f-d967c520acea",
         "otpauth://totp/ann%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=GitHub&algorithm=SHA1"
         "&digits=6&period=30", "ann@example.com"),
    totp("d4306ac7-2b7a-47dd-9c58-7401a88d4eda",
         "otpauth://totp/ops%40example.com?secret=YXLUYPHDEEBE3V4TWILAXMZUTWECZRZW&issuer=Amazon+Web+Services"
         "&algorithm=SHA512&digits=8&period=60", "ops@example.com", "root account, break-glass only"),
    totp("66fd41ce-0a6c-4504-86bf-e355c3e53e84",
         "otpauth://totp/team%3A%20billing?secret=M7RYDL7EHJJ4ENBUBSPRQRUP4MMOHRMM&issuer=Acme&algorithm=SHA256"
         "&digits=6&period=30", "team: billing"),
    totp("9fb12cc0-54b7-4fe5-b90a-28038567f0b2",
         "otpauth://totp/homelab?secret=PD3BLMNMVDJIWWEFYMOSE5JC4PIOR7UH&algorithm=SHA1&digits=6&period=30",
         "homelab"),
    totp("b8fec89b-32a7-45bc-b37f-3910bdb71cad",
         "otpauth://totp/Work:%20mail?secret=COP6KLSVD43COO267LHO56XZ5P3YU2HK&issuer=Fastmail&algorithm=SHA1"
         "&digits=6&period=30", "Work: mail"),
    steam("576d1229-ec5e-44dc-977e-6236b08f7de7", "GKBUCQCNQ6POPU6CQOKRTBEGK5OIZGLE", "gabe_fan",
          "moved from Steam Desktop Authenticator"),
    steam("b9913f1d-6066-4570-b203-76dd21e79fef", "p2MIgj/B2MSJPRtDVnPanZp0c4Q", "gabe_alt"),
    totp("cf8e5f78-9efb-4ac5-b4dc-fe88a9a7c422",
         "otpauth://totp/ann?secret=GEZDGNBV&issuer=Forum&algorithm=SHA1&digits=6&period=30", "ann"),
    totp("40606790-c09c-4a41-b2c6-cd816e4fdc5e",
         "otpauth://totp/admin?secret=0123456789abcdef&issuer=Router&algorithm=SHA1&digits=6&period=30", "admin"),
]


def seeded(label, length):
    return hashlib.sha256(f"totpkit proton fixture {label.strip()}".encode()).digest()[:length]


def write(name, text):
    with open(name, "w", encoding="utf-8", newline="") as out:
        out.write(text)


plain = json.dumps({"version": 1, "entries": ENTRIES}, separators=(",", ":"), ensure_ascii=False)
write("proton-plain.json", plain)



def encrypted(name, password, salt_label):
    salt = seeded(salt_label + " salt", 16)
    nonce = seeded(salt_label + " nonce", 12)
    key = Argon2id(salt=salt, length=32, iterations=2, lanes=1, memory_cost=19 * 1024).derive(
        password.encode("utf-8"))
    sealed = nonce + AESGCM(key).encrypt(nonce, plain.encode("utf-8"), b"proton.authenticator.export.v1")
    write(name, json.dumps({"version": 1, "salt": base64.b64encode(salt).decode(),
                            "content": base64.b64encode(sealed).decode()}, separators=(",", ":")))


encrypted("proton-encrypted.json", PASSWORD, "")
# A fuzzing seed sealed with the fuzz target's password "pw", so that it reaches the decrypted export.
encrypted("../../ProtonImportFuzzTestInputs/read/proton-encrypted-pw.json", "pw", "fuzz")
