package io.totpkit.server;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code ID.SECRET} of a one-use link (a client onboarding link, an invitation): 64 random bits naming its record,
 * 256 random bits that only the link carries. The server keeps the secret's SHA-256 ({@link #check()}), so a wrong
 * secret is told apart in constant time and without a key derivation.
 *
 * <p>Thread-safety: immutable.
 */
final class LinkKey {
  private static final Pattern FORM = Pattern.compile("([0-9a-f]{16})\\.([A-Za-z0-9_-]{43})");
  private static final SecureRandom RANDOM = new SecureRandom();

  final String id;
  /** The secret as the link carries it: 43 characters of unpadded Base64url. */
  final String secret;

  private LinkKey(String id, String secret) {
    this.id = id;
    this.secret = secret;
  }

  static LinkKey fresh() {
    byte[] id = new byte[8];
    RANDOM.nextBytes(id);
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    try {
      return new LinkKey(HexFormat.of().formatHex(id), Base64.getUrlEncoder().withoutPadding().encodeToString(secret));
    } finally {
      io.totpkit.core.Wipe.bytes(secret);
    }
  }

  /** The key a path parameter spells, or {@code null} if it is not shaped like one. */
  static LinkKey parse(String parameter) {
    Matcher m = FORM.matcher(parameter);
    return m.matches() ? new LinkKey(m.group(1), m.group(2)) : null;
  }

  /** The secret's 32 bytes (the caller zeroes them). */
  byte[] secretBytes() {
    return Base64.getUrlDecoder().decode(secret);
  }

  /** What the server keeps to recognise the secret: its SHA-256, in hex. */
  String check() {
    return HexFormat.of().formatHex(Sha256.of(secret));
  }

  /** Whether this key's secret is the one {@code check} was made from; in constant time. */
  boolean matches(String check) {
    return check != null && MessageDigest.isEqual(HexFormat.of().parseHex(check), Sha256.of(secret));
  }

  /** The link's last path segment. */
  String text() {
    return id + "." + secret;
  }
}
