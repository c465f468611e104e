#!/usr/bin/env python3
"""Writes links.tsv: a tab-separated sheet whose URL column holds otpauth:// URIs, a web address and a Google
Authenticator export (otpauth-migration://offline?data=...), the last encoded here with a hand-written protobuf
writer after Google Authenticator's MigrationPayload message (fields: 1 otp_parameters, 2 version, 3 batch_size,
4 batch_index, 5 batch_id; OtpParameters: 1 secret bytes, 2 name, 3 issuer, 4 algorithm (1 SHA1), 5 digits (1 six),
6 type (1 HOTP, 2 TOTP), 7 counter). Keys are invented test keys. Run: python3 make_fixtures.py
"""
import base64
import pathlib
import urllib.parse

HERE = pathlib.Path(__file__).parent


def varint(n):
    out = bytearray()
    while True:
        byte = n & 0x7F
        n >>= 7
        if n:
            out.append(byte | 0x80)
        else:
            out.append(byte)
            return bytes(out)


def field(number, wire, value):
    key = varint(number << 3 | wire)
    if wire == 0:
        return key + varint(value)
    return key + varint(len(value)) + value


def otp(secret_b32, name, issuer, otp_type, counter=0):
    body = field(1, 2, base64.b32decode(secret_b32)) + field(2, 2, name.encode()) + field(3, 2, issuer.encode())
    body += field(4, 0, 1) + field(5, 0, 1) + field(6, 0, otp_type)
    if otp_type == 1:
        body += field(7, 0, counter)
    return body


payload = (field(1, 2, otp("ZS35KQTJCOEBUEBQOXXVMUQTXWJE7IYH", "Acme:ops@acme.example", "Acme", 2))
           + field(1, 2, otp("72K2NU4NMJ7YTLMWNXLSW73633DK2MFG", "Vault:ops", "Vault", 1, counter=5))
           + field(2, 0, 1) + field(3, 0, 1) + field(4, 0, 0) + field(5, 0, 424242))
export = "otpauth-migration://offline?data=" + urllib.parse.quote(base64.b64encode(payload).decode(), safe="")

rows = [
    ["Site", "User", "URL", "Tags"],
    ["Zeta Cloud", "ops", "otpauth://totp/?secret=5NZG7FL6G65AHSOL5HBH6DH32LZMNNOS", "zeta"],
    ["Omega", "", "otpauth://totp/Omega:dev%40omega.example?secret=R2CKE325ROXLOBXJQW3I43CXESELRM7UNMSYNJGGPULIGYUY7HRA"
     "&issuer=Omega&algorithm=SHA256&digits=8", ""],
    ["Portal", "admin", "https://portal.example/login", ""],
    ["Phone", "", export, "from phone"],
]
(HERE / "links.tsv").write_text("".join("\t".join(row) + "\n" for row in rows), encoding="utf-8")
