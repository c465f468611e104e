#!/usr/bin/env python3
"""Writes the 2FAS fixtures of TwoFasImportTest, plain and encrypted, independently of totpkit's Java code.

The accounts are invented (keys from RFC 6238's test key and Python's `secrets`); the shapes follow what the apps
write: twofas/2fas-android BackupContent.kt / BackupService.kt / ServiceMapper.kt (kotlinx JSON, compact, nulls
left out) and twofas/2fas-ios ExchangeData2.swift / MainRepositoryImpl+Export.swift (Swift JSONEncoder, compact,
'/' written as '\\/'). Encryption as BackupCipherImpl.kt / ExchangeFileEncryption.swift do it:
PBKDF2-HMAC-SHA256(password UTF-8, salt, 10 000, 32 bytes), AES-256-GCM with a 12-byte IV, each encrypted field
"base64(ciphertext || tag):base64(salt):base64(iv)". Salts and IVs come from a fixed seed so the files reproduce.

Run from this directory: python3 make_fixtures.py   (needs the `cryptography` package); it also writes two fuzzing
seeds sealed with the password "pw" into ../../TwoFasImportFuzzTestInputs/read/.
"""
import base64
import hashlib
import json

from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

PASSWORD = "2fas fixture password"

# The reference text Android encrypts (BackupContent.Reference) and the one the open-source iOS build ships
# (TwoFAS/opensource/Keys.swift); they differ, which is why a reader can only trust the reference's tag.
ANDROID_REFERENCE = (
    "tRViSsLKzd86Hprh4ceC2OP7xazn4rrt4xhfEUbOjxLX8Rc3mkISXE0lWbmnWfggogbBJhtYgpK6fMl1D6mtsy92R3HkdGfwuXbzLebqVFJsR7I"
    "Z2w58t938iymwG4824igYy1wi6n2WDpO1Q1P69zwJGs2F5a1qP4MyIiDSD7NCV2OvidXQCBnDlGfmz0f1BQySRkkt4ryiJeCjD2o4QsveJ9uDBUn8E"
    "LyOrESv5R5DMDkD4iAF8TXU7KyoJujd")
IOS_OPEN_SOURCE_REFERENCE = bytes([
    116, 82, 105, 83, 115, 76, 75, 122, 56, 54, 72, 112, 114, 104, 52, 99, 101, 67, 50, 79, 80, 100, 55, 120, 97, 122,
    110, 52, 114, 114, 86, 116, 52, 120, 104, 102, 69, 85, 98, 79, 106, 120, 76, 88, 56, 82, 99, 51, 109, 107, 73, 83,
    88, 69, 48, 108, 87, 98, 109, 110, 87, 102, 103, 103, 108, 103, 98, 66, 74, 104, 116, 89, 103, 112, 75, 54, 102,
    77, 108, 49, 68, 54, 109, 116, 115, 121, 57, 50, 82, 51, 72, 107, 100, 71, 102, 119, 117, 88, 98, 122, 76, 101, 98,
    113, 86, 70, 74, 115, 82, 55, 74, 90, 50, 119, 53, 56, 116, 57, 51, 56, 105, 121, 109, 119, 71, 51, 56, 50, 52,
    105, 103, 89, 121, 49, 119, 105, 54, 110, 50, 87, 68, 112, 79, 49, 81, 49, 80, 54, 57, 122, 119, 74, 71, 115, 50,
    70, 53, 97, 49, 113, 80, 52, 77, 121, 73, 105, 68, 83, 68, 55, 78, 67, 86, 50, 79, 118, 105, 100, 88, 81, 67, 66,
    110, 68, 108, 71, 102, 109, 122, 48, 102, 49, 66, 81, 121, 83, 82, 107, 107, 116, 52, 114, 121, 105, 74, 101, 67,
    106, 68, 50, 111, 52, 81, 115, 118, 101, 74, 57, 117, 69, 66, 85, 110, 56, 69, 76, 121, 79, 114, 69, 83, 118, 53,
    82, 53, 68, 77, 68, 107, 68, 52, 105, 65, 70, 56, 84, 88, 85, 55, 75, 120, 111, 74, 117, 106, 100]).decode()

DEFAULT_ICONS = "a5b3fb65-4ec5-43e6-8ec1-49e24ca9e7ad"  # 2FAS's default icon collection
WORK = "ae83ab32-c328-4584-919f-d967c520acea"
PERSONAL = "d4306ac7-2b7a-47dd-9c58-7401a88d4eda"

ANDROID_SERVICES = [
    {"name": "GitHub", "secret": "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", "updatedAt": 1763973112412,
     "serviceTypeID": "66fd41ce-0a6c-4504-86bf-e355c3e53e84",
     "otp": {"link": "otpauth://totp/GitHub:ann%40example.com?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=GitHub",
             "label": "ann@example.com", "account": "ann@example.com", "issuer": "GitHub", "digits": 6,
             "period": 30, "algorithm": "SHA1", "tokenType": "TOTP", "source": "Link"},
     "order": {"position": 0},
     "icon": {"selected": "IconCollection", "iconCollection": {"id": "9fb12cc0-54b7-4fe5-b90a-28038567f0b2"}},
     "groupId": WORK},
    {"name": "Bank of Example", "secret": "YC4LLFTCGU23TSSTMJDRV5APCKF7MLKK", "updatedAt": 1763973190007,
     "otp": {"label": "ann", "account": "ann", "issuer": "Bank of Example", "digits": 6, "algorithm": "SHA1",
             "counter": 7, "tokenType": "HOTP", "source": "Manual"},
     "order": {"position": 1}, "badge": {"color": "Red"},
     "icon": {"selected": "Label", "label": {"text": "BA", "backgroundColor": "LightBlue"},
              "iconCollection": {"id": DEFAULT_ICONS}}},
    {"name": "Steam", "secret": "GKBUCQCNQ6POPU6CQOKRTBEGK5OIZGLE", "updatedAt": 1763973254871,
     "serviceTypeID": "b8fec89b-32a7-45bc-b37f-3910bdb71cad",
     "otp": {"label": "gabe_fan", "account": "gabe_fan", "issuer": "Steam", "digits": 5, "period": 30,
             "algorithm": "SHA1", "tokenType": "STEAM", "source": "Manual"},
     "order": {"position": 2},
     "icon": {"selected": "IconCollection", "iconCollection": {"id": "576d1229-ec5e-44dc-977e-6236b08f7de7"}}},
    {"name": "AWS", "secret": "YXLUYPHDEEBE3V4TWILAXMZUTWECZRZW", "updatedAt": 1763973301550,
     "serviceTypeID": "b9913f1d-6066-4570-b203-76dd21e79fef",
     "otp": {"link": "otpauth://totp/Amazon%20Web%20Services:ops%40example.com?secret=YXLUYPHDEEBE3V4TWILAXMZUTWECZRZW"
                     "&issuer=Amazon%20Web%20Services&algorithm=SHA256&digits=8&period=60",
             "label": "ops@example.com", "account": "ops@example.com", "issuer": "Amazon Web Services",
             "digits": 8, "period": 60, "algorithm": "SHA256", "tokenType": "TOTP", "source": "Link"},
     "order": {"position": 3},
     "icon": {"selected": "IconCollection", "iconCollection": {"id": "cf8e5f78-9efb-4ac5-b4dc-fe88a9a7c422"}},
     "groupId": WORK},
    {"name": "Legacy VPN", "secret": "PJXGKMCGQTYPCDIB57WGRVZTMIA6XPCA", "updatedAt": 1763973377123,
     "otp": {"label": "ann", "account": "ann", "issuer": "Legacy VPN", "digits": 6, "period": 30,
             "algorithm": "SHA224", "tokenType": "TOTP", "source": "Manual"},
     "order": {"position": 4},
     "icon": {"selected": "Label", "label": {"text": "LE", "backgroundColor": "Orange"},
              "iconCollection": {"id": DEFAULT_ICONS}},
     "groupId": WORK},
    {"name": "Forum", "secret": "GEZDGNBV", "updatedAt": 1763973402999,
     "otp": {"label": "ann", "account": "ann", "issuer": "Forum", "digits": 6, "period": 30, "algorithm": "SHA1",
             "tokenType": "TOTP", "source": "Manual"},
     "order": {"position": 5},
     "icon": {"selected": "Label", "label": {"text": "FO", "backgroundColor": "Green"},
              "iconCollection": {"id": DEFAULT_ICONS}},
     "groupId": PERSONAL},
    {"name": "Mastodon", "secret": "OVDZ4P4SP7QTZJGWNJEX7APORFC3GVZJ", "updatedAt": 1763973455310,
     "serviceTypeID": "40606790-c09c-4a41-b2c6-cd816e4fdc5e",
     "otp": {"link": "otpauth://totp/mastodon.social:ann?secret=OVDZ4P4SP7QTZJGWNJEX7APORFC3GVZJ"
                     "&issuer=mastodon.social",
             "label": "ann", "account": "ann", "issuer": "mastodon.social", "digits": 6, "period": 30,
             "algorithm": "SHA1", "tokenType": "TOTP", "source": "Link"},
     "order": {"position": 6},
     "icon": {"selected": "IconCollection", "iconCollection": {"id": "4ab473c9-2026-462f-85c9-9bd10718a6e3"}},
     "groupId": PERSONAL},
]
ANDROID_GROUPS = [
    {"id": WORK, "name": "Work", "isExpanded": True, "updatedAt": 1763972990114},
    {"id": PERSONAL, "name": "Personal", "isExpanded": False, "updatedAt": 1763973000871},
]

FAMILY = "55D97FBA-5D65-4415-BFB8-2ADEF4FAA8D5"
IOS_SERVICES = [
    {"name": "Dropbox", "secret": "M7RYDL7EHJJ4ENBUBSPRQRUP4MMOHRMM",
     "serviceTypeID": "5E881BAB-1B33-44C6-8453-A6906A881D49", "order": {"position": 0},
     "otp": {"account": "ann@example.com", "issuer": "Dropbox", "digits": 6, "period": 30, "algorithm": "SHA1",
             "tokenType": "TOTP", "source": "link",
             "link": "otpauth://totp/Dropbox:ann%40example.com?secret=M7RYDL7EHJJ4ENBUBSPRQRUP4MMOHRMM&issuer=Dropbox"},
     "updatedAt": 1763975000000,
     "icon": {"selected": "IconCollection", "label": {"text": "DR", "backgroundColor": "Indigo"},
              "iconCollection": {"id": "0E1FC1E3-4D0C-4A4F-8E36-5AE14AB6E0F1"}},
     "groupId": FAMILY},
    {"name": "Jenkins: staging", "secret": "PD3BLMNMVDJIWWEFYMOSE5JC4PIOR7UH", "order": {"position": 1},
     "otp": {"account": "deploy", "issuer": "Jenkins", "digits": 6, "period": 30, "algorithm": "SHA1",
             "tokenType": "TOTP", "source": "manual"},
     "updatedAt": 1763975060000,
     "icon": {"selected": "Label", "label": {"text": "JE", "backgroundColor": "Purple"},
              "iconCollection": {"id": DEFAULT_ICONS.upper()}},
     "groupId": FAMILY},
    {"name": "Proton", "secret": "COP6KLSVD43COO267LHO56XZ5P3YU2HK",
     "serviceTypeID": "B0A3C1C6-3D6F-4E8B-9A52-7C0E8F1D2A34", "order": {"position": 0},
     "otp": {"account": "ann@proton.me", "issuer": "Proton", "digits": 8, "algorithm": "SHA512", "counter": 3,
             "tokenType": "HOTP", "source": "link",
             "link": "otpauth://hotp/Proton:ann%40proton.me?secret=COP6KLSVD43COO267LHO56XZ5P3YU2HK&issuer=Proton"
                     "&algorithm=SHA512&digits=8&counter=3"},
     "updatedAt": 1763975120000,
     "icon": {"selected": "IconCollection", "label": {"text": "PR", "backgroundColor": "Purple"},
              "iconCollection": {"id": "7D5B2A4C-1E3F-4A6B-8C9D-0E1F2A3B4C5D"}}},
    {"name": "Steam", "secret": "GKBUCQCNQ6POPU6CQOKRTBEGK5OIZGLE",
     "serviceTypeID": "D2B3E4F5-A6B7-4C8D-9E0F-1A2B3C4D5E6F", "order": {"position": 1},
     "otp": {"account": "gabe_fan", "issuer": "Steam", "digits": 5, "period": 30, "algorithm": "SHA1",
             "tokenType": "STEAM", "source": "manual"},
     "updatedAt": 1763975180000,
     "icon": {"selected": "IconCollection", "label": {"text": "ST", "backgroundColor": "LightBlue"},
              "iconCollection": {"id": "E3C4D5E6-F7A8-4B9C-8D0E-1F2A3B4C5D6E"}}},
]
IOS_GROUPS = [{"id": FAMILY, "name": "Family", "isExpanded": True}]

# Schema 1 (Android 3.1, 2021): otp holds only label, account and issuer; the service has a legacy "type".
V1_SERVICES = [
    {"name": "GitLab", "secret": "PJXGKMCGQTYPCDIB57WGRVZTMIA6XPCA", "updatedAt": 1618417205843, "type": "Gitlab",
     "otp": {"label": "GitLab:ann", "account": "ann", "issuer": "GitLab"}, "order": {"position": 0}},
    {"name": "Nextcloud", "secret": "OVDZ4P4SP7QTZJGWNJEX7APORFC3GVZJ", "updatedAt": 1618417216085,
     "type": "Nextcloud", "otp": {"label": "cloud.example.org:ann", "account": "ann", "issuer": "cloud.example.org"},
     "order": {"position": 1}},
]

# Schema 2 (Android 3.8, 2022): encryption arrives; services gain digits, period and algorithm.
V2_SERVICES = [
    {"name": "Google", "secret": "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", "updatedAt": 1644513801000, "type": "Google",
     "otp": {"label": "Google:ann@example.com", "account": "ann@example.com", "issuer": "Google", "digits": 6,
             "period": 30, "algorithm": "SHA1"},
     "order": {"position": 0}, "icon": {"selected": "Brand", "brand": {"id": "Google"}}},
    {"name": "Bitwarden", "secret": "YXLUYPHDEEBE3V4TWILAXMZUTWECZRZW", "updatedAt": 1644513855000,
     "type": "Bitwarden",
     "otp": {"label": "Bitwarden:ann", "account": "ann", "issuer": "Bitwarden", "digits": 6, "period": 30,
             "algorithm": "SHA1"},
     "order": {"position": 1}, "icon": {"selected": "Brand", "brand": {"id": "Bitwarden"}}},
]


def compact(value, escape_slashes=False):
    text = json.dumps(value, separators=(",", ":"), ensure_ascii=False)
    return text.replace("/", "\\/") if escape_slashes else text


def seeded(label, length):
    out = b""
    counter = 0
    while len(out) < length:
        out += hashlib.sha256(f"totpkit 2fas fixture {label} {counter}".encode()).digest()
        counter += 1
    return out[:length]


def seal(key, salt, iv, plaintext):
    sealed = AESGCM(key).encrypt(iv, plaintext.encode("utf-8"), None)  # ciphertext || 16-byte tag
    return ":".join(base64.b64encode(part).decode() for part in (sealed, salt, iv))


def encrypted(name, services_json, reference, salt_length, password):
    salt = seeded(name + " salt", salt_length)
    key = PBKDF2HMAC(algorithm=hashes.SHA256(), length=32, salt=salt, iterations=10_000).derive(
        password.encode("utf-8"))
    return (seal(key, salt, seeded(name + " services iv", 12), services_json),
            seal(key, salt, seeded(name + " reference iv", 12), reference))


def write(name, text):
    with open(name, "w", encoding="utf-8", newline="") as out:
        out.write(text)


def android(name, schema, version_code, version_name, services, groups, password, escape_slashes=False):
    """Writes an Android backup; `password` None for a plain one."""
    head = {"services": [] if password else services, "groups": groups, "updatedAt": 1763973500000,
            "schemaVersion": schema, "appVersionCode": version_code, "appVersionName": version_name,
            "appOrigin": "android"}
    if password:
        data, reference = encrypted(name, compact(services, escape_slashes), ANDROID_REFERENCE, 256, password)
        head["servicesEncrypted"] = data
        head["reference"] = reference
    write(name, compact(head, escape_slashes))


def ios(name, services, password):
    """Writes an iOS backup; `password` None for a plain one."""
    head = {"appOrigin": "ios", "appVersionCode": 50302, "appVersionName": "5.3.2", "schemaVersion": 4,
            "services": [] if password else services}
    if password:
        data, reference = encrypted(name, compact(services, True), IOS_OPEN_SOURCE_REFERENCE, 32, password)
        head["servicesEncrypted"] = data
        head["reference"] = reference
    head["groups"] = IOS_GROUPS
    write(name, compact(head, True))


android("2fas-android-v4-plain.2fas", 4, 5020003, "5.2.3", ANDROID_SERVICES, ANDROID_GROUPS, None)
android("2fas-android-v4-encrypted.2fas", 4, 5020003, "5.2.3", ANDROID_SERVICES, ANDROID_GROUPS, PASSWORD)
ios("2fas-ios-v4-plain.2fas", IOS_SERVICES, None)
ios("2fas-ios-v4-encrypted.2fas", IOS_SERVICES, PASSWORD)
write("2fas-android-v1-plain.2fas", compact({"appOrigin": "android", "appVersionCode": 300101,
                                             "appVersionName": "3.1.1", "schemaVersion": 1,
                                             "services": V1_SERVICES}))
android("2fas-android-v2-encrypted.2fas", 2, 3080200, "3.8.2", V2_SERVICES, [], PASSWORD, escape_slashes=True)

# Fuzzing seeds sealed with the fuzz target's password "pw", so that a seed reaches the decrypted services.
SEEDS = "../../TwoFasImportFuzzTestInputs/read/"
android(SEEDS + "android-v4-encrypted-pw.2fas", 4, 5020003, "5.2.3", ANDROID_SERVICES, ANDROID_GROUPS, "pw")
ios(SEEDS + "ios-v4-encrypted-pw.2fas", IOS_SERVICES, "pw")
