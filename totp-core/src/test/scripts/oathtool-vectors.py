#!/usr/bin/env python3
"""Generate HOTP/TOTP cross-check vectors with an independent implementation.

What it does
------------
Builds a deterministic list of cases (fixed seed, random.Random(20261123)),
computes the one-time password for each case by running the external
`oathtool` program (OATH Toolkit) via subprocess, and writes a CSV table that
the totpkit Java tests compare against:

    mode,algorithm,key_hex,digits,period,t0,time,counter,code

  mode       totp | hotp
  algorithm  SHA1 | SHA256 | SHA512
  key_hex    lowercase hex of the raw key bytes (1..100 bytes)
  digits     6 | 7 | 8
  period     TOTP step in seconds (empty for hotp)
  t0         TOTP start time, Unix epoch seconds (empty for hotp; may be < 0)
  time       Unix epoch second at which the code is computed (empty for hotp)
  counter    HOTP counter; for totp rows floor((time - t0) / period), computed
             here in Python and asserted equal to the counter oathtool reports
  code       the code exactly as oathtool printed it (leading zeros kept)

How to rerun (from the repository root, /work/main):

    python3 totp-core/src/test/scripts/oathtool-vectors.py \
        totp-core/src/test/resources/io/totpkit/core/oathtool-vectors.csv

Without an argument the CSV goes to stdout.  Only the Python 3 standard
library and the `oathtool` binary on PATH are needed.  The table was generated
with oathtool (OATH Toolkit) 2.6.7; the version found at run time is checked
and a warning is printed to stderr if it differs.

oathtool command lines used (key passed as hex, times as "@<epoch seconds>",
which oathtool parses exactly, including negative values):

    oathtool -v --hotp -d DIGITS -c COUNTER KEYHEX
    oathtool -v --totp=SHA1|SHA256|SHA512 -d DIGITS -s PERIOD -S @T0 -N @TIME KEYHEX

Every invocation uses -v and the script asserts that the values oathtool
echoes back (digits, hash, step size, start time, current time and the
counter / time step it used) equal the intended ones, so a mis-parsed option
fails loudly instead of producing a wrong vector.  At start-up it also checks
the RFC 4226 Appendix D and RFC 6238 Appendix B vectors.

Limitations of oathtool 2.6.7 relevant here
--------------------------------------------
* HOTP mode (--hotp) is HMAC-SHA-1 only; there is no option to select another
  hash.  HOTP rows are therefore SHA1 only.  SHA-256 / SHA-512 are covered
  through TOTP rows (whose counter column makes them usable as HOTP vectors
  for those hashes too).
* Only 6, 7 and 8 digits are supported.
* oathtool accepts HOTP counters up to 2^64-1 (unsigned); this table stops at
  2^63-1 so that every counter fits a Java long.
"""

import random
import re
import subprocess
import sys

SEED = 20261123
OATHTOOL = "oathtool"
EXPECTED_VERSION = "2.6.7"
HEADER = "mode,algorithm,key_hex,digits,period,t0,time,counter,code"

ALGORITHMS = ("SHA1", "SHA256", "SHA512")
DIGITS = (6, 7, 8)
REQUIRED_KEY_LENGTHS = (1, 2, 19, 20, 21, 32, 63, 64, 65, 100)
Y2038 = 2**31            # 2038-01-19 03:14:08 UTC
Y2200 = 7258118400       # 2200-01-01 00:00:00 UTC


def run_oathtool(args):
    proc = subprocess.run([OATHTOOL] + args, stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, universal_newlines=True)
    if proc.returncode != 0:
        raise SystemExit("oathtool failed (rc=%d) for %r: %s"
                         % (proc.returncode, args, proc.stderr.strip()))
    return proc.stdout


def field(out, label, args):
    """Return the integer in parentheses on the line starting with label."""
    m = re.search(r"^" + re.escape(label) + r":.*\((-?\d+)\)\s*$", out, re.M)
    if not m:
        raise SystemExit("no %r line in oathtool -v output for %r:\n%s"
                         % (label, args, out))
    return int(m.group(1))


def plain_field(out, label, args):
    m = re.search(r"^" + re.escape(label) + r":\s*(\S+)\s*$", out, re.M)
    if not m:
        raise SystemExit("no %r line in oathtool -v output for %r:\n%s"
                         % (label, args, out))
    return m.group(1)


def code_of(out, digits, args):
    lines = [l for l in out.splitlines() if l.strip()]
    code = lines[-1].strip()
    if not re.fullmatch(r"\d{%d}" % digits, code):
        raise SystemExit("unexpected code %r for %r" % (code, args))
    return code


def check(cond, msg):
    if not cond:
        raise SystemExit("ASSERTION FAILED: " + msg)


def hotp(key, counter, digits):
    key_hex = key.hex()
    args = ["-v", "--hotp", "-d", str(digits), "-c", str(counter), key_hex]
    out = run_oathtool(args)
    check(plain_field(out, "Hex secret", args).lower() == key_hex,
          "key echoed back differs for %r" % (args,))
    check(int(plain_field(out, "Digits", args)) == digits,
          "digits echoed back differ for %r" % (args,))
    used = field(out, "Start counter", args)
    check(used == counter, "oathtool used counter %d, expected %d for %r"
          % (used, counter, args))
    return code_of(out, digits, args)


def totp(key, alg, digits, period, t0, time):
    check(time >= t0, "time must be >= t0")
    key_hex = key.hex()
    args = ["-v", "--totp=" + alg, "-d", str(digits), "-s", str(period),
            "-S", "@%d" % t0, "-N", "@%d" % time, key_hex]
    out = run_oathtool(args)
    counter = (time - t0) // period
    check(plain_field(out, "Hex secret", args).lower() == key_hex,
          "key echoed back differs for %r" % (args,))
    check(int(plain_field(out, "Digits", args)) == digits,
          "digits echoed back differ for %r" % (args,))
    check(plain_field(out, "TOTP mode", args).upper() == alg,
          "hash echoed back differs for %r" % (args,))
    check(int(plain_field(out, "Step size (seconds)", args)) == period,
          "step size echoed back differs for %r" % (args,))
    check(field(out, "Start time", args) == t0,
          "start time echoed back differs for %r" % (args,))
    check(field(out, "Current time", args) == time,
          "current time echoed back differs for %r" % (args,))
    used = field(out, "Counter", args)
    check(used == counter, "oathtool used time step %d, expected %d for %r"
          % (used, counter, args))
    return counter, code_of(out, digits, args)


def self_test():
    version = run_oathtool(["--version"]).splitlines()[0]
    if not version.strip().endswith(EXPECTED_VERSION):
        sys.stderr.write("warning: table was made with oathtool %s, found: %s\n"
                         % (EXPECTED_VERSION, version))
    rfc_key = b"12345678901234567890"
    # RFC 4226 Appendix D
    rfc4226 = ["755224", "287082", "359152", "969429", "338314",
               "254676", "287922", "162583", "399871", "520489"]
    for c, want in enumerate(rfc4226):
        got = hotp(rfc_key, c, 6)
        check(got == want, "RFC 4226 counter %d: got %s want %s" % (c, got, want))
    # RFC 6238 Appendix B (seeds per hash as in the RFC's reference code)
    seeds = {"SHA1": rfc_key,
             "SHA256": b"12345678901234567890123456789012",
             "SHA512": b"1234567890123456789012345678901234567890"
                       b"123456789012345678901234"}
    rfc6238 = [
        (59, "94287082", "46119246", "90693936"),
        (1111111109, "07081804", "68084774", "25091201"),
        (1111111111, "14050471", "67062674", "99943326"),
        (1234567890, "89005924", "91819424", "93441116"),
        (2000000000, "69279037", "90698825", "38618901"),
        (20000000000, "65353130", "77737706", "47863826"),
    ]
    for row in rfc6238:
        t = row[0]
        for alg, want in zip(ALGORITHMS, row[1:]):
            _, got = totp(seeds[alg], alg, 8, 30, 0, t)
            check(got == want, "RFC 6238 %s t=%d: got %s want %s"
                  % (alg, t, got, want))


def main():
    self_test()
    rng = random.Random(SEED)

    def key(n):
        return bytes(rng.randrange(256) for _ in range(n))

    def rand_len():
        # half the time one of the required edge lengths, else uniform 1..100
        if rng.random() < 0.5:
            return rng.choice(REQUIRED_KEY_LENGTHS)
        return rng.randint(1, 100)

    rows = []

    def add_hotp(k, digits, counter):
        code = hotp(k, counter, digits)
        rows.append(("hotp", "SHA1", k.hex(), str(digits), "", "", "",
                     str(counter), code))

    def add_totp(k, alg, digits, period, t0, time):
        counter, code = totp(k, alg, digits, period, t0, time)
        rows.append(("totp", alg, k.hex(), str(digits), str(period), str(t0),
                     str(time), str(counter), code))

    # ---------------- HOTP (SHA-1 only, see header) ----------------
    special_counters = (
        [0, 1, 2, 3, 9, 10, 99, 100, 255, 256, 65535, 65536, 999999, 1000000]
        + [2**31 + d for d in (-2, -1, 0, 1, 2)]
        + [2**32 + d for d in (-2, -1, 0, 1, 2)]
        + [2**48, 2**53 - 1, 2**53, 2**62, 2**63 - 2, 2**63 - 1])
    # every special counter with each digit count, random key lengths
    for c in special_counters:
        for d in DIGITS:
            add_hotp(key(rand_len()), d, c)
    # every key length 1..100 once, mixed counters
    for n in range(1, 101):
        r = rng.random()
        if r < 0.4:
            c = rng.randint(0, 1000)
        elif r < 0.7:
            c = rng.randint(0, 2**32 + 1000)
        else:
            c = rng.randint(0, 2**63 - 1)
        add_hotp(key(n), rng.choice(DIGITS), c)
    # required edge lengths with small, mid and huge counters
    for n in REQUIRED_KEY_LENGTHS:
        for c in (0, rng.randint(1, 50), 2**32 - 1, 2**63 - 1):
            add_hotp(key(n), rng.choice(DIGITS), c)

    # ---------------- TOTP (SHA1 / SHA256 / SHA512) ----------------
    periods = [15, 20, 30, 45, 60, 90]

    def rand_period():
        return rng.choice(periods) if rng.random() < 0.6 else rng.randint(15, 90)

    def rand_t0():
        r = rng.random()
        if r < 0.3:
            return 0
        if r < 0.85:
            return rng.randint(1, 2**31)          # positive, up to 2038
        return -rng.randint(1, 10**9)             # negative (before 1970)

    def rand_time(t0):
        lo = max(t0, 0)
        r = rng.random()
        if r < 0.35:
            t = rng.randint(lo, max(lo, Y2038 - 1))   # before 2038-01-19
        elif r < 0.45:
            t = Y2038 + rng.randint(-5, 5)            # around the 2^31 edge
        else:
            t = rng.randint(max(lo, Y2038), Y2200)    # 2038 .. 2200
        return max(t, t0)

    for alg in ALGORITHMS:
        # A: every key length 1..100, random everything else
        for n in range(1, 101):
            t0 = rand_t0()
            add_totp(key(n), alg, rng.choice(DIGITS), rand_period(), t0,
                     rand_time(t0))
        # B: required edge key lengths x digits
        for n in REQUIRED_KEY_LENGTHS:
            for d in DIGITS:
                t0 = rand_t0()
                add_totp(key(n), alg, d, rand_period(), t0, rand_time(t0))
        # C: step boundaries: time == t0, exactly on a boundary, one second
        #    before it, and last second of a step
        for _ in range(8):
            p, t0 = rand_period(), rand_t0()
            k, d = key(rand_len()), rng.choice(DIGITS)
            s = rng.randint(1, 10**7)
            for t in (t0, t0 + p - 1, t0 + p, t0 + s * p - 1, t0 + s * p,
                      t0 + s * p + p - 1):
                add_totp(k, alg, d, p, t0, t)
        # D: fixed epoch landmarks (2^31-1, 2^31, 2^32-1, 2^32, year 2200)
        for t in (2**31 - 1, 2**31, 2**32 - 1, 2**32, Y2200):
            for t0 in (0, rng.randint(1, 10**9)):
                add_totp(key(rand_len()), alg, rng.choice(DIGITS),
                         rand_period(), t0, t)
        # E: time steps near 2^31 and 2^32 (needs far-future times, up to
        #    year ~5900 with 90 s steps)
        for base in (2**31, 2**32):
            for delta in (-2, -1, 0, 1, 2):
                p, t0 = rand_period(), rand_t0()
                t = t0 + (base + delta) * p + rng.randrange(p)
                add_totp(key(rand_len()), alg, rng.choice(DIGITS), p, t0, t)

    out = open(sys.argv[1], "w", newline="\n") if len(sys.argv) > 1 else sys.stdout
    try:
        out.write(HEADER + "\n")
        for row in rows:
            out.write(",".join(row) + "\n")
    finally:
        if out is not sys.stdout:
            out.close()
    sys.stderr.write("%d rows\n" % len(rows))


if __name__ == "__main__":
    main()
