#!/usr/bin/env python3
"""Writes FreeOTP+ JSON exports as FreeOTP+ writes them, independently of totpkit's Java code.

FreeOTP+ (github.com/helloworld1/FreeOTPPlus, ImportExportUtil.exportJsonFile) renders SavedTokens(tokens, tokenOrder)
with a default Gson: one line, nulls left out, '=', '&', '<', '>' and "'" escaped as \\u003d etc., byte[] as an array
of signed numbers, fields in the order Android's reflection gives them (sorted by name). Since 2.4 the tokens are
rebuilt from otpauth URIs (OtpTokenFactory.toUri, then Token(uri)), so they hold issuerExt, label, type, algo, secret,
digits, counter, period only; 2.3 and before exported the stored Token objects, with issuerInt, issuerAlt, labelAlt,
image and imageAlt when set. A HOTP "counter" is the counter of the next code (one less than the URI's).

Test keys only. Run: python3 make_fixtures.py. It also prints the codes the test expects at the vault's fixed clock,
computed with Python's hmac (RFC 4226/6238).
"""
import hashlib
import hmac
import json
import struct
from base64 import b32decode
from pathlib import Path

HERE = Path(__file__).resolve().parent
RFC4226 = b"12345678901234567890"
RFC6238_SHA256 = b"12345678901234567890123456789012"
RFC6238_SHA512 = b"1234567890" * 6 + b"1234"


def signed(key: bytes) -> list:
    return [b - 256 if b > 127 else b for b in key]


def token(issuer_ext, label, kind, algo, key, digits=6, period=30, counter=0, **legacy):
    fields = dict(algo=algo, counter=counter, digits=digits, issuerExt=issuer_ext, label=label, period=period,
                  secret=signed(key), type=kind, **legacy)
    return {name: fields[name] for name in sorted(fields)}


def gson(value) -> str:
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for char, escape in (("=", "\\u003d"), ("&", "\\u0026"), ("'", "\\u0027"), ("<", "\\u003c"), (">", "\\u003e")):
        text = text.replace(char, escape)
    return text


def export(tokens, order) -> str:
    return gson({"tokenOrder": order, "tokens": tokens})


def code(key: bytes, counter: int, digits: int, digest) -> str:
    mac = hmac.new(key, struct.pack(">Q", counter), digest).digest()
    offset = mac[-1] & 0x0F
    value = struct.unpack(">I", mac[offset:offset + 4])[0] & 0x7FFFFFFF
    return str(value % 10 ** digits).zfill(digits)


GITHUB = b32decode("KMSIZLETEIGQN6CJOXS45QOKQP5AV35C")
STEAM = b32decode("TECDT63XDBO5I7ZS2HVQINS2CKTOQCAO")
VPN = b32decode("XDOJZECQHWIO7IXGZDYL2HTGQ4======")
ICECREAM = b32decode("Z7ZBDONFNSSFLQCC")
TINY = b32decode("TQJXOKZH")


def main() -> None:
    current = [
        token("GitHub", "acme-ops", "TOTP", "SHA1", GITHUB),
        token("Bank", "ops", "HOTP", "SHA1", RFC4226, counter=1),
        token("Steam", "gamer", "TOTP", "SHA1", STEAM, digits=5),
        token("Vendor", "sha256-user", "TOTP", "SHA256", RFC6238_SHA256, digits=8, period=60),
        token("", "alice@example.com", "TOTP", "SHA512", RFC6238_SHA512, digits=8),
        token("VPN", "ops", "HOTP", "SHA1", VPN, counter=-1),
        token("Ben & Jerry's", "fan", "TOTP", "SHA1", ICECREAM),
        token("Weird", "md5", "TOTP", "MD5", GITHUB),
        token("Tiny", "short-key", "TOTP", "SHA1", TINY),
    ]
    # exportJsonFile: "issuer:label" whenever the issuer is not null, and since 2.4 it is never null ("" at least).
    order = [t["issuerExt"] + ":" + t["label"] for t in current]
    (HERE / "freeotp-plus.json").write_text(export(current, order), encoding="utf-8")

    legacy = [
        token("GitHub", "acme-ops", "TOTP", "SHA1", GITHUB, issuerInt="GitHub", issuerAlt="Work GitHub",
              labelAlt="ops team", image="https://github.githubassets.com/favicons/favicon.png",
              imageAlt="content://media/external/images/media/42"),
        token("", "alice@example.com", "TOTP", "SHA256", RFC6238_SHA256, issuerInt="Example"),
        token("Steam", "gamer", "TOTP", "SHA1", STEAM, digits=5, issuerAlt="My Steam"),
        token("Bank", "ops", "HOTP", "SHA1", RFC4226, counter=41, issuerInt="Bank"),
    ]
    legacy_order = ["GitHub:acme-ops", "Example:alice@example.com", "Steam:gamer", "Bank:ops"]
    (HERE / "freeotp-plus-2.3.json").write_text(export(legacy, legacy_order), encoding="utf-8")

    # At the vault's fixed clock, 2026-11-23T10:15:30Z (TestVaults.NOW).
    now = 1795428930
    print("GitHub (SHA1, 6, 30 s):    ", code(GITHUB, now // 30, 6, hashlib.sha1))
    print("Vendor (SHA256, 8, 60 s):  ", code(RFC6238_SHA256, now // 60, 8, hashlib.sha256))
    print("alice  (SHA512, 8, 30 s):  ", code(RFC6238_SHA512, now // 30, 8, hashlib.sha512))
    print("Bank   (HOTP, counter 1):  ", code(RFC4226, 1, 6, hashlib.sha1))
    print("VPN    (HOTP, counter 0):  ", code(VPN, 0, 6, hashlib.sha1))
    print("Bank   (HOTP, counter 41): ", code(RFC4226, 41, 6, hashlib.sha1))


if __name__ == "__main__":
    main()
