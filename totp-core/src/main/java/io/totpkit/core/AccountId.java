package io.totpkit.core;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The account identifiers under which replay guards and attempt limiters keep their records, in one normal form: a
 * limiter that told {@code alice}, {@code Alice}, {@code alice } and full-width {@code ａｌｉｃｅ} apart would grant
 * five guesses to each spelling, and a replay guard would accept the same code once for each.
 *
 * <h2>Contract</h2>
 * {@link #normalize} maps an identifier to its key: Unicode NFKC (compatibility forms such as full-width letters
 * become their plain letters), leading and trailing white space removed, then case folded (upper case, then lower
 * case, in {@link Locale#ROOT}, so that {@code ß} and {@code SS} meet). Identifiers that differ only in those ways are
 * one account. An identifier that is empty after that, longer than {@value #MAX_LENGTH} characters, or that holds a
 * control character (NUL, escape sequences), an invisible formatting character (bidirectional overrides, zero-width
 * characters) or a lone surrogate is refused: it is a caller's bug, not a login attempt, and must not reach a
 * database. {@link TotpVerifier} and {@link HotpVerifier} normalize before they consult their guard and limiter, and
 * totpkit's guards and limiters normalize again, so that a caller using them directly gets the same contract.
 *
 * <p>Services whose users are told apart by case ({@code Alice} and {@code alice} as two people) must pass an
 * identifier that is unique without case, such as their user's numeric id.
 *
 * <p>Thread-safety: stateless.
 */
public final class AccountId {
  /** The longest identifier accepted, in characters after normalization. */
  public static final int MAX_LENGTH = 256;

  private AccountId() {}

  /**
   * Returns the normal form of an account identifier (see the class comment). An identifier already in normal form
   * made of printable ASCII is returned as it is, without allocating.
   *
   * @param id the identifier as the caller knows it
   * @return the key under which guards and limiters keep its records
   * @throws NullPointerException if {@code id} is null
   * @throws IllegalArgumentException if it is empty, too long, or holds a control or invisible formatting character
   */
  public static String normalize(String id) {
    if (id == null) {
      throw new NullPointerException("account");
    }
    if (isPlainNormalAscii(id)) {
      return id;
    }
    String normal = Normalizer.normalize(id, Normalizer.Form.NFKC).strip()
        .toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    // Folding can change the length (ß becomes ss) and compose again: one more pass makes the result a fixed point.
    normal = Normalizer.normalize(normal, Normalizer.Form.NFKC);
    check(normal);
    return normal;
  }

  /** Printable ASCII without upper-case letters, not starting or ending with a space, not empty, short enough. */
  private static boolean isPlainNormalAscii(String id) {
    int length = id.length();
    if (length == 0 || length > MAX_LENGTH || id.charAt(0) == ' ' || id.charAt(length - 1) == ' ') {
      return false;
    }
    for (int i = 0; i < length; i++) {
      char c = id.charAt(i);
      if (c < 0x20 || c > 0x7e || (c >= 'A' && c <= 'Z')) {
        return false;
      }
    }
    return true;
  }

  private static void check(String normal) {
    if (normal.isEmpty()) {
      throw new IllegalArgumentException("account must not be empty or white space only");
    }
    if (normal.length() > MAX_LENGTH) {
      throw new IllegalArgumentException("account must be at most " + MAX_LENGTH + " characters, was "
          + normal.length());
    }
    for (int i = 0; i < normal.length(); ) {
      int point = normal.codePointAt(i);
      int type = Character.getType(point);
      if (type == Character.CONTROL || type == Character.FORMAT || type == Character.SURROGATE) {
        throw new IllegalArgumentException("account holds a control, invisible formatting or unpaired surrogate "
            + "character (U+" + String.format(Locale.ROOT, "%04X", point) + ") at index " + i
            + "; pass the identifier the service knows the user by");
      }
      i += Character.charCount(point);
    }
  }
}
