package io.totpkit.vault;

import io.totpkit.core.InvalidSecretException;
import io.totpkit.core.OtpAuthUri;
import io.totpkit.core.Secret;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The account in a Proton Authenticator {@code otpauth://totp/} URI, read by Proton's own rules rather than the generic
 * parser's, since they differ where a label holds a colon. Proton writes
 * {@code otpauth://totp/<label, percent-encoded>?secret=…&issuer=…&algorithm=…&digits=…&period=…} (form-encoded query;
 * before August 2025 the label went into the path unencoded, colons included). It reads the issuer from the
 * {@code issuer} parameter, else from the label's part before its colon; and the account from the label, cut after the
 * colon only when there is no {@code issuer} parameter or the part before the colon equals it. A parameter that is
 * {@code "null"} means the default. The secret is Base32 after dropping spaces, {@code '-'}, {@code '_'} and trailing
 * {@code '='}.
 *
 * <p>Source: protonpass/proton-pass-common {@code proton-pass-totp/src/totp.rs} ({@code parse_uri},
 * {@code parse_issuer}, {@code parse_label}, {@code to_uri}), {@code queries.rs}, {@code sanitizer.rs}
 * ({@code sanitize_secret}).
 *
 * <p>Thread-safety: stateless.
 */
final class ProtonTotpUri {
  private ProtonTotpUri() {}

  /**
   * Reads one URI of a {@code Totp} entry.
   *
   * @throws Imports.Skip if it is not a totp URI Proton writes, or a field is out of range
   */
  static OtpAuthUri read(String uri) {
    int schemeEnd = uri.indexOf("://");
    if (schemeEnd < 0 || !uri.substring(0, schemeEnd).equalsIgnoreCase("otpauth")) {
      throw new Imports.Skip("content.uri is not an otpauth:// URI");
    }
    String rest = uri.substring(schemeEnd + 3);
    int hash = rest.indexOf('#');
    rest = hash < 0 ? rest : rest.substring(0, hash);
    int question = rest.indexOf('?');
    if (question < 0) {
      throw new Imports.Skip("content.uri has no parameters, so no secret");
    }
    String path = rest.substring(0, question);
    int slash = path.indexOf('/');
    if (!(slash < 0 ? path : path.substring(0, slash)).equalsIgnoreCase("totp")) {
      throw new Imports.Skip("content.uri is not an otpauth://totp/ URI (Proton Authenticator writes no other)");
    }
    String segment = slash < 0 ? "" : path.substring(path.lastIndexOf('/') + 1);
    Map<String, String> query = query(rest.substring(question + 1));
    String issuerParameter = query.get("issuer");
    String issuer = issuer(segment, issuerParameter);
    String account = label(segment, issuerParameter);
    Integer digits = number(query.get("digits"), 1, 9, "digits");
    Integer period = number(query.get("period"), 1, 65_535, "period");
    // The key last: every field that can skip the entry is read before a Secret exists to be left undestroyed.
    return Imports.account("totp", secret(query.get("secret")), issuer, account, orDefault(query.get("algorithm")),
        digits, period, null);
  }

  private static Secret secret(String value) {
    if (value == null || value.isEmpty()) {
      throw new Imports.Skip("content.uri has no secret");
    }
    String cleaned = value.replace(" ", "").replace("-", "").replace("_", "");
    int end = cleaned.length();
    while (end > 0 && cleaned.charAt(end - 1) == '=') {
      end--;
    }
    cleaned = cleaned.substring(0, end);
    if (cleaned.isEmpty()) {
      throw new Imports.Skip("content.uri's secret is empty");
    }
    try {
      return Secret.fromBase32(cleaned);
    } catch (InvalidSecretException e) {
      throw new Imports.Skip("the secret is not Base32 (" + e.getMessage() + "); Proton Authenticator then takes "
          + "the text itself as the key, which totpkit does not");
    }
  }

  /** Proton's {@code parse_issuer}: the parameter as written, else the label's part before its colon. */
  private static String issuer(String segment, String issuerParameter) {
    if (issuerParameter != null) {
      return issuerParameter;
    }
    String path = segment.strip();
    int colon = path.indexOf(':');
    if (colon >= 0) {
      return decode(path.substring(0, colon)).strip();
    }
    String decoded = decode(path);
    int last = decoded.lastIndexOf(':');
    return last < 0 ? "" : decoded.substring(0, last).strip();
  }

  /** Proton's {@code parse_label}: the account. */
  private static String label(String segment, String issuerParameter) {
    if (segment.isEmpty()) {
      return "";
    }
    int raw = segment.indexOf(':');
    String decoded = decode(segment);
    int colon = raw >= 0 ? -1 : decoded.lastIndexOf(':');
    if (raw < 0 && colon < 0) {
      return decoded.strip();
    }
    String before = raw >= 0 ? decode(segment.substring(0, raw)).strip() : decoded.substring(0, colon).strip();
    String after = raw >= 0 ? decode(segment.substring(raw + 1)).strip() : decoded.substring(colon + 1).strip();
    return issuerParameter == null || issuerParameter.equals(before) ? after : decoded.strip();
  }

  /** The form-encoded query; a parameter written twice skips the entry. */
  private static Map<String, String> query(String query) {
    Map<String, String> parameters = new HashMap<>();
    for (String pair : query.split("&", -1)) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String name = decode((eq < 0 ? pair : pair.substring(0, eq)).replace('+', ' '));
      String value = eq < 0 ? "" : decode(pair.substring(eq + 1).replace('+', ' '));
      if (parameters.put(name, value) != null) {
        throw new Imports.Skip("content.uri has its " + Imports.quoteWord(name) + " parameter twice");
      }
    }
    return parameters;
  }

  private static String orDefault(String value) {
    return value == null || value.equals("null") ? null : value;
  }

  private static Integer number(String value, int min, int max, String name) {
    String text = orDefault(value);
    if (text == null) {
      return null;
    }
    String digits = text.startsWith("+") ? text.substring(1) : text;
    boolean valid = !digits.isEmpty() && digits.length() <= 5;
    for (int i = 0; i < digits.length() && valid; i++) {
      valid = digits.charAt(i) >= '0' && digits.charAt(i) <= '9';
    }
    if (!valid || Integer.parseInt(digits) < min || Integer.parseInt(digits) > max) {
      throw new Imports.Skip("content.uri's " + name + " is not a whole number from " + min + " to " + max);
    }
    return Integer.parseInt(digits);
  }

  /**
   * Percent-decoding as Proton's {@code urlencoding::decode}: a '%' without two hex digits stays as it is, and text
   * that does not decode to UTF-8 is kept undecoded.
   */
  private static String decode(String text) {
    if (text.indexOf('%') < 0) {
      return text;
    }
    byte[] raw = text.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream(raw.length);
    for (int i = 0; i < raw.length; i++) {
      int high = i + 2 < raw.length && raw[i] == '%' ? Character.digit(raw[i + 1], 16) : -1;
      int low = high < 0 ? -1 : Character.digit(raw[i + 2], 16);
      if (low >= 0) {
        out.write(high * 16 + low);
        i += 2;
      } else {
        out.write(raw[i]);
      }
    }
    try {
      return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(out.toByteArray())).toString();
    } catch (CharacterCodingException e) {
      return text;
    }
  }
}
