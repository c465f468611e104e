package io.totpkit.vault;

import io.totpkit.core.Secret;
import io.totpkit.core.Wipe;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads FreeOTP+'s JSON export: Gson's rendering of {@code SavedTokens}, an object with {@code tokenOrder} (the
 * tokens' ids, {@code "issuer:label"}) and {@code tokens}, an array of FreeOTP's {@code Token} objects:
 *
 * <ul>
 *   <li>{@code type}: {@code TOTP} or {@code HOTP}; {@code algo}: {@code SHA1}, {@code SHA256}, {@code SHA512} (or
 *       {@code MD5}, which FreeOTP accepts and this reader skips); {@code digits}; {@code period};
 *   <li>{@code secret}: the key as an array of signed bytes (Gson reads -128 to 255);
 *   <li>{@code counter}: for HOTP, the counter of the next code. FreeOTP stores one less than the URI's counter and
 *       uses it as is (freeotp-android issue 54, FreeOTP+ issue 177), so a token never used since it was added with
 *       counter 0 holds -1. No server accepts that code; this reader makes -1 a 0 and skips other negative values;
 *   <li>{@code issuerExt} (the label's prefix), {@code label}, and in exports before FreeOTP+ 2.4 also
 *       {@code issuerInt} (the {@code issuer} parameter), {@code issuerAlt} and {@code labelAlt} (the user's edits),
 *       {@code image} and {@code imageAlt} (ignored).
 * </ul>
 *
 * <p>The account is what FreeOTP+ shows: the issuer is the first non-empty of {@code issuerAlt}, {@code issuerExt}
 * and {@code issuerInt}, the label {@code labelAlt} if present, else {@code label}. FreeOTP+ has no Steam type: it
 * makes Steam codes for a token whose issuer is {@code "Steam"} (2.4 on) or whose {@code issuerExt} is (before), and
 * so does this reader for TOTP (a HOTP token with that issuer is skipped). The tokens are read in array order;
 * {@code tokenOrder} lists the same tokens in the same order and serves only to recognise the file (FreeOTP+'s own
 * import looks the tokens up by these ids and loses one whose id does not match, such as one without an issuer). A
 * missing type is TOTP, a missing algorithm SHA1, as FreeOTP+ imports them.
 *
 * <p>Source: FreeOTP+'s {@code token-data/src/main/java/org/fedorahosted/freeotp/data/legacy/ImportExportUtil.kt},
 * {@code legacy/SavedTokens.kt}, {@code legacy/Token.java}, {@code MigrationUtil.kt}, {@code OtpTokenFactory.kt} and
 * {@code util/TokenCodeUtil.kt} (github.com/helloworld1/FreeOTPPlus), and {@code Token.java} of its 2.3 release.
 *
 * <p>Thread-safety: stateless.
 */
final class FreeOtpPlusFormat implements ImportReader {
  static final String NAME = "FreeOTP+";
  /** More key bytes than any HMAC key needs and than the vault stores. */
  private static final int MAX_SECRET_BYTES = 1024;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean recognises(ImportInput input) {
    return input.hasMembers("tokenOrder", "tokens") && input.jsonObject().get("tokenOrder") instanceof List
        && input.jsonObject().get("tokens") instanceof List;
  }

  @Override
  public Imports.Parsed read(ImportInput input, ImportPassword password) {
    Map<String, Object> root = JsonFields.object(input.json(), "the FreeOTP+ export");
    List<?> tokens = JsonFields.list(root.get("tokens"), "the FreeOTP+ export's tokens");
    Imports.Parsed parsed = new Imports.Parsed(NAME);
    for (int i = 0; i < tokens.size(); i++) {
      Object value = tokens.get(i);
      String position = "token " + (i + 1);
      String where = value instanceof Map ? Imports.where(position, issuer((Map<?, ?>) value),
          label((Map<?, ?>) value)) : position;
      parsed.entry(where, () -> item(JsonFields.entryObject(value, position), where));
    }
    return parsed;
  }

  private static Imports.Item item(Map<String, Object> token, String where) {
    String type = token.get("type") == null ? "TOTP" : JsonFields.text(token, "type");
    boolean hotp = type.equalsIgnoreCase("HOTP");
    if (!hotp && !type.equalsIgnoreCase("TOTP")) {
      // Names no value: a damaged export may hold anything in the field.
      throw new Imports.Skip("\"type\" is neither TOTP nor HOTP, the types FreeOTP+ writes");
    }
    for (String name : new String[] {"issuerAlt", "issuerExt", "issuerInt", "labelAlt", "label"}) {
      JsonFields.text(token, name);   // a name that is not a string is damage: skip rather than drop it
    }
    String issuer = issuer(token);
    boolean steam = "Steam".equals(issuer) || "Steam".equals(token.get("issuerExt"));
    if (steam && hotp) {
      throw new Imports.Skip("an HOTP token with Steam's code alphabet is not supported");
    }
    String algorithm = JsonFields.text(token, "algo");
    Integer digits = JsonFields.whole(token, "digits");
    Integer period = JsonFields.whole(token, "period");
    Long counter = hotp ? counter(token) : null;
    byte[] key = secret(token);
    Secret secret;
    try {
      secret = Secret.fromBytes(key);
    } finally {
      Wipe.bytes(key);
    }
    try {
      return new Imports.Item(where, Imports.account(steam ? "steam" : type, secret, issuer, label(token), algorithm,
          digits, period, counter), Set.of());
    } catch (RuntimeException e) {
      secret.destroy();
      throw e;
    }
  }

  /** FreeOTP+'s {@code Token.getIssuer()}: the first non-empty of the user's, the label's and the URI's issuer. */
  private static String issuer(Map<?, ?> token) {
    for (String name : new String[] {"issuerAlt", "issuerExt", "issuerInt"}) {
      Object value = token.get(name);
      if (value instanceof String && !((String) value).isEmpty()) {
        return (String) value;
      }
    }
    return "";
  }

  /** FreeOTP+'s {@code Token.getLabel()}: the user's label if there is one, else the URI's. */
  private static String label(Map<?, ?> token) {
    Object value = token.get("labelAlt") instanceof String ? token.get("labelAlt") : token.get("label");
    return value instanceof String ? (String) value : "";
  }

  private static Long counter(Map<String, Object> token) {
    Long counter = JsonFields.wholeLong(token, "counter");
    if (counter == null) {
      throw new Imports.Skip("an HOTP token without its counter");
    }
    if (counter < -1) {
      throw new Imports.Skip("\"counter\" is negative");
    }
    // -1: added with counter 0 and never used since; FreeOTP+ would show the code of counter -1 first.
    return counter == -1 ? 0 : counter;
  }

  /** The key bytes; the caller zeroes them. */
  private static byte[] secret(Map<String, Object> token) {
    if (!(token.get("secret") instanceof List)) {
      throw new Imports.Skip("\"secret\" is missing or not an array of bytes");
    }
    List<?> values = (List<?>) token.get("secret");
    if (values.size() > MAX_SECRET_BYTES) {
      throw new Imports.Skip("\"secret\" holds " + values.size() + " bytes; at most " + MAX_SECRET_BYTES
          + " are read");
    }
    byte[] key = new byte[values.size()];
    for (int i = 0; i < key.length; i++) {
      int value = values.get(i) instanceof BigDecimal ? byteValue((BigDecimal) values.get(i)) : Integer.MIN_VALUE;
      if (value < -128 || value > 255) {
        Wipe.bytes(key);
        throw new Imports.Skip("\"secret\" holds something other than a byte at index " + i);
      }
      key[i] = (byte) value;
    }
    return key;
  }

  private static int byteValue(BigDecimal value) {
    try {
      return value.intValueExact();
    } catch (ArithmeticException e) {
      return Integer.MIN_VALUE;
    }
  }
}
