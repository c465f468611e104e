#!/usr/bin/env python3
"""Writes the Stratum fixtures of StratumImportTest, independently of totpkit's Java code.

The backup follows Stratum's doc/BACKUP_FORMAT.md and its entities (stratumauth/app, Stratum.Core/src/Entity/*.cs):
member names and order as System.Text.Json writes them, enums as numbers, and System.Text.Json's default escaping
('+', '&', '<', '>', "'" and non-ASCII as \\uXXXX). The encrypted files follow StrongBackupEncryption.cs and
LegacyBackupEncryption.cs with the `cryptography` package; the HTML follows HtmlBackup.cs, backup_template.html and
Authenticator.GetOtpAuthUri. Salts and IVs are fixed so the files are reproducible. Test keys only.

Run from this directory: python3 make_fixtures.py
"""
import base64
import hashlib
import hmac
import json
import re
import struct
import urllib.parse

from cryptography.hazmat.primitives import hashes, padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

PASSWORD = "stratum test password"
NOW = 1795428930  # 2026-11-23T10:15:30Z, TestVaults.NOW

RFC6238 = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ"  # RFC 6238's SHA-1 key, "12345678901234567890"
RFC6238_SHA256 = base64.b32encode(b"12345678901234567890123456789012").decode()
RFC6238_SHA512 = base64.b32encode(b"1234567890" * 6 + b"1234").decode()
STEAM = base64.b32encode(bytes(range(0x40, 0x54))).decode()  # 20 bytes, as Steam's shared secrets are
GITHUB = "KRUGKIDROVUWG2ZAMJZG653OEBTG66BANJ2W24DT"  # 25 invented bytes


def category(name):
    # Category.cs: Id is the first 8 hex digits of SHA-1 of the name.
    return {"Id": hashlib.sha1(name.encode()).hexdigest()[:8], "Name": name, "Ranking": 0}


def authenticator(type_, issuer, username, secret, algorithm=0, digits=6, period=30, counter=0, icon=None,
                  pin=None, copy_count=0, ranking=0):
    # Authenticator.cs declaration order: Type, Icon, Issuer, Username, Secret, Pin, Algorithm, Digits, Period,
    # Counter, CopyCount, Ranking.
    return {"Type": type_, "Icon": icon, "Issuer": issuer, "Username": username, "Secret": secret, "Pin": pin,
            "Algorithm": algorithm, "Digits": digits, "Period": period, "Counter": counter,
            "CopyCount": copy_count, "Ranking": ranking}


ICON = base64.b64encode(bytes.fromhex(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000"
    "1f15c4890000000d49444154789c63f8cfc0f01f0005fe02fea7d6a5d80000000049454e44ae426082")).decode()
ICON_ID = hashlib.sha1(ICON.encode()).hexdigest()[:8]

AUTHENTICATORS = [
    authenticator(2, "GitHub", "octo@example.com", GITHUB, icon="github", copy_count=12, ranking=0),
    authenticator(1, "Bank", "customer 4711", RFC6238, digits=6, counter=1, icon="@" + ICON_ID, ranking=1),
    authenticator(2, "Cloud & Co", None, RFC6238_SHA256, algorithm=1, digits=8, period=60, icon=None, ranking=2),
    authenticator(4, "Steam", "gaben", STEAM, digits=5, icon="steam", copy_count=3, ranking=3),
    authenticator(2, "Zürich Mail", "anna", RFC6238_SHA512, algorithm=2, digits=7, period=30, ranking=4),
    authenticator(3, "Legacy VPN", "ops", "0123456789abcdef", digits=6, pin="1234", ranking=5),
    authenticator(5, "Yandex", "ivan", base64.b32encode(bytes(range(16))).decode(), digits=8, pin="5555",
                  ranking=6),
    authenticator(2, "Tiny", "short key", "MFRGGZDFMZTWQ2LK", ranking=7),  # 80 bits: the vault's minimum
    authenticator(2, "Tinier", "shorter key", "MFRGGZDFMZTWQ", ranking=8),  # 64 bits: the vault refuses it
]

WORK, PERSONAL, EMPTY = category("Work"), category("Personal"), category("Unused")
BACKUP = {
    "Authenticators": AUTHENTICATORS,
    "Categories": [WORK, PERSONAL, EMPTY],
    "AuthenticatorCategories": [
        {"CategoryId": WORK["Id"], "AuthenticatorSecret": GITHUB, "Ranking": 0},
        {"CategoryId": PERSONAL["Id"], "AuthenticatorSecret": GITHUB, "Ranking": 1},
        {"CategoryId": WORK["Id"], "AuthenticatorSecret": RFC6238_SHA256, "Ranking": 1},
        {"CategoryId": PERSONAL["Id"], "AuthenticatorSecret": STEAM, "Ranking": 0},
        {"CategoryId": "deadbeef", "AuthenticatorSecret": RFC6238, "Ranking": 0},  # a category not in the file
    ],
    "CustomIcons": [{"Id": ICON_ID, "Data": ICON}],
}


def system_text_json(value):
    text = json.dumps(value, ensure_ascii=True, separators=(",", ":"))
    text = re.sub(r"\\u([0-9a-f]{4})", lambda m: "\\u" + m.group(1).upper(), text)
    for c in "+&<>'":
        text = text.replace(c, "\\u%04X" % ord(c))
    return text.encode("utf-8")


def strong(plain, salt, iv):
    # StrongBackupEncryption.cs: Argon2id (m 65536 KiB, t 3, p 4, 32 bytes), AES-GCM with a 16-byte tag.
    key = Argon2id(salt=salt, length=32, iterations=3, lanes=4, memory_cost=65536).derive(PASSWORD.encode())
    return b"AUTHENTICATORPRO" + salt + iv + AESGCM(key).encrypt(iv, plain, None)


def legacy(plain, salt, iv):
    # LegacyBackupEncryption.cs: PBKDF2-HMAC-SHA1, 64 000 iterations, 32 bytes; AES-CBC with PKCS#7 padding.
    key = PBKDF2HMAC(algorithm=hashes.SHA1(), length=32, salt=salt, iterations=64000).derive(PASSWORD.encode())
    padder = padding.PKCS7(128).padder()
    padded = padder.update(plain) + padder.finalize()
    encryptor = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    return b"AuthenticatorPro" + salt + iv + encryptor.update(padded) + encryptor.finalize()


def escape(text):
    # .NET Uri.EscapeDataString: everything but RFC 3986's unreserved characters.
    return urllib.parse.quote(text, safe="-_.~")


def uri(a):
    # Authenticator.GetUri / GetOtpAuthUri, with the defaults of AuthenticatorType.cs.
    if a["Type"] == 3:
        return "motp://%s:%s?secret=%s" % (a["Issuer"], a["Username"], a["Secret"])
    kind = {1: "hotp", 2: "totp", 4: "totp", 5: "yaotp"}[a["Type"]]
    label = a["Issuer"] if not a["Username"] else a["Issuer"] + ":" + a["Username"]
    out = "otpauth://%s/%s?secret=%s&issuer=%s" % (kind, escape(label), a["Secret"], escape(a["Issuer"]))
    if a["Algorithm"] != 0:
        out += "&algorithm=" + {1: "SHA256", 2: "SHA512"}[a["Algorithm"]]
    default_digits = {1: 6, 2: 6, 4: 5, 5: 8}[a["Type"]]
    if a["Digits"] != default_digits:
        out += "&digits=%d" % a["Digits"]
    if a["Type"] == 2 and a["Period"] != 30:
        out += "&period=%d" % a["Period"]
    elif a["Type"] == 1:
        out += "&counter=%d" % a["Counter"]
    elif a["Type"] == 4 and a["Issuer"] != "Steam":
        out += "&steam"
    elif a["Type"] == 5 and a["Pin"] is not None:
        out += "&pin_length=%d" % len(a["Pin"])
    return out


def html(authenticators):
    # HtmlBackup.cs fills backup_template.html's %ITEMS with one row per authenticator, issuer and username raw.
    rows = "".join("""<tr>
    <td>%s</td>
    <td>%s</td>
    <td><code>%s</code></td>
    <td><img src="data:image/png;base64,%s"></td>
</tr>""" % (a["Issuer"], a["Username"] or "", uri(a), ICON) for a in authenticators)
    return ("""<!doctype html>
<html>
    <head>
        <meta charset="utf-8">
        <title>Stratum Backup</title>
        <style>
            body {
                font-family: sans-serif;
            }
        </style>
    </head>
    <body>
        
        <table>
            <tr>
                <th>Issuer</th>
                <th>Username</th>
                <th>OTP Auth URI</th>
                <th>QR Code</th>
            </tr>
            
            %s
        </table>
    
    </body>
</html>""" % rows).encode("utf-8")


def code(secret, algorithm, digits, counter, steam=False):
    # RFC 4226 dynamic truncation; Steam's five characters as Stratum's SteamOtp.Finalise makes them.
    key = base64.b32decode(secret + "=" * (-len(secret) % 8))
    digest = hmac.new(key, struct.pack(">Q", counter), algorithm).digest()
    offset = digest[-1] & 0xF
    point = struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF
    if not steam:
        return str(point % 10 ** digits).zfill(digits)
    alphabet = "23456789BCDFGHJKMNPQRTVWXY"
    return "".join(alphabet[point // len(alphabet) ** i % len(alphabet)] for i in range(5))


def main():
    plain = system_text_json(BACKUP)
    with open("backup.stratum", "wb") as f:
        f.write(plain)
    with open("backup-strong.stratum", "wb") as f:
        f.write(strong(plain, bytes(range(0x10, 0x20)), bytes(range(0x20, 0x2c))))
    with open("backup-legacy.authpro", "wb") as f:
        f.write(legacy(plain, bytes(range(0x30, 0x44)), bytes(range(0x50, 0x60))))
    # Encrypted right but holding no backup: what a reader says once the password opened the file.
    with open("not-json.stratum", "wb") as f:
        f.write(strong(b"[1, 2", bytes(range(0x70, 0x80)), bytes(range(0x80, 0x8c))))
    with open("no-authenticators.stratum", "wb") as f:
        f.write(strong(b'{"Categories":[]}', bytes(range(0x90, 0xa0)), bytes(range(0xa0, 0xac))))
    # Steam with another issuer is marked by a bare "steam" parameter in URIs.
    steam_elsewhere = authenticator(4, "Valve", "dota", base64.b32encode(bytes(range(0x60, 0x74))).decode(),
                                    digits=5)
    with open("export.html", "wb") as f:
        f.write(html(AUTHENTICATORS + [steam_elsewhere]))
    print("codes at NOW: Bank (HOTP, counter 1)", code(RFC6238, hashlib.sha1, 6, 1),
          "Cloud", code(RFC6238_SHA256, hashlib.sha256, 8, NOW // 60),
          "Zurich", code(RFC6238_SHA512, hashlib.sha512, 7, NOW // 30),
          "Steam", code(STEAM, hashlib.sha1, 5, NOW // 30, steam=True),
          "Valve", code(steam_elsewhere["Secret"], hashlib.sha1, 5, NOW // 30, steam=True))


if __name__ == "__main__":
    main()
