package io.totpkit.core;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads {@code otpauth://} and {@code steam://} text into an {@link OtpAuthUri}, by hand: {@link java.net.URI} refuses
 * much of what real QR codes contain (raw spaces, raw non-ASCII characters).
 */
final class OtpAuthUriParser {
  /**
   * The longest period a text may ask for. {@link OtpParameters} has no upper limit (a vault may hold longer ones);
   * this one is the parser's, so that a number that ran on from a lost {@code '&'} is not taken for a period.
   */
  private static final long MAX_PERIOD_SECONDS = Duration.ofDays(366).getSeconds();
  /** The longest value a message quotes: short enough that no recognisable run of a key fits. */

  private OtpAuthUriParser() {}

  static OtpAuthUri parse(CharSequence input) {
    if (input == null) {
      throw new NullPointerException("text");
    }
    if (input.length() > OtpAuthUri.MAX_LENGTH) {
      throw new InvalidOtpAuthUriException("the URI is " + input.length() + " characters long; at most "
          + OtpAuthUri.MAX_LENGTH + " are accepted");
    }
    // Only trailing white space is cut off: leading white space stays (skipped) so that positions in messages count
    // from the start of the text the user has.
    String text = input.toString().stripTrailing();
    int start = text.length() - text.stripLeading().length();
    int schemeEnd = text.indexOf("://", start);
    if (schemeEnd < 0) {
      throw new InvalidOtpAuthUriException(start == text.length() ? "the URI is empty"
          : "not an otpauth URI: there is no '://' (expected otpauth://totp/…)");
    }
    String scheme = text.substring(start, schemeEnd).toLowerCase(Locale.ROOT);
    if (scheme.equals("steam")) {
      return parseSteam(text, schemeEnd + 3);
    }
    if (!scheme.equals("otpauth")) {
      throw new InvalidOtpAuthUriException(scheme.equals("otpauth-migration")
          ? "unsupported scheme 'otpauth-migration': this is a Google Authenticator export, read it with"
              + " MigrationPayload"
          : "unsupported scheme " + Printable.quote(scheme) + " (expected otpauth)");
    }
    int typeStart = schemeEnd + 3;
    int query = text.indexOf('?', typeStart);
    int end = query < 0 ? text.length() : query;
    int slash = text.indexOf('/', typeStart);
    int typeEnd = slash < 0 || slash > end ? end : slash;
    String typeName = text.substring(typeStart, typeEnd).toLowerCase(Locale.ROOT);
    OtpType type;
    boolean steam = false;
    switch (typeName) {
      case "totp":
        type = OtpType.TOTP;
        break;
      case "hotp":
        type = OtpType.HOTP;
        break;
      case "steam":
        type = OtpType.TOTP;
        steam = true;
        break;
      default:
        throw new InvalidOtpAuthUriException("unknown type " + Printable.quote(typeName)
            + " at position " + (typeStart + 1) + " (expected totp or hotp)");
    }
    String label = typeEnd < end ? PercentCodec.decode(text, typeEnd + 1, end, false, "the label") : "";
    Map<String, String> names = new LinkedHashMap<>();
    Map<String, String> parameters = query < 0 ? new LinkedHashMap<>() : parameters(text, query + 1, names);

    steam |= "steam".equalsIgnoreCase(parameters.get("encoder"));
    if (steam) {
      if (type != OtpType.TOTP) {
        throw new InvalidOtpAuthUriException("encoder=steam on a hotp URI: Steam Guard keys are time-based");
      }
      parameters.remove("encoder");
    }
    OtpAuthUri.Builder builder = type == OtpType.TOTP
        ? OtpAuthUri.totp(secret(parameters.remove("secret")))
        : OtpAuthUri.hotp(secret(parameters.remove("secret")), counter(parameters.remove("counter")));
    int colon = label.indexOf(':');
    if (colon >= 0) {
      builder.labelIssuer(label.substring(0, colon)).account(label.substring(colon + 1));
    } else {
      builder.account(label);
    }
    builder.issuerParameter(parameters.remove("issuer"));
    if (steam) {
      builder.steam();
    } else {
      String algorithm = parameters.remove("algorithm");
      if (algorithm != null) {
        builder.algorithm(algorithm(algorithm));
      }
      String digits = parameters.remove("digits");
      if (digits != null) {
        builder.digits(digits(digits));
      }
    }
    if (type == OtpType.TOTP) {
      String period = parameters.remove("period");
      if (period != null) {
        builder.period(Duration.ofSeconds(period(period)));
      }
    }
    parameters.forEach((name, value) -> builder.parameter(names.get(name), value));
    try {
      return builder.build();
    } catch (IllegalArgumentException e) {
      throw new InvalidOtpAuthUriException("the label cannot be read: " + e.getMessage(), e);
    }
  }

  /** The parameters that decide an account's codes or name, which may appear once (lower case). */
  private static final Set<String> INTERPRETED = Set.of("secret", "issuer", "algorithm", "digits", "period",
      "counter", "encoder");

  /** Whether {@link OtpAuthUri} has a field of its own for parameter {@code name} (lower case). */
  static boolean isInterpreted(String name, OtpType type, boolean steam) {
    switch (name) {
      case "secret":
      case "issuer":
        return true;
      case "algorithm":
      case "digits":
        return !steam;
      case "encoder":
        return steam;
      case "period":
        return type == OtpType.TOTP;
      case "counter":
        return type == OtpType.HOTP;
      default:
        return false;
    }
  }

  /** {@code steam://SECRET}, as some Steam tools export a key. */
  private static OtpAuthUri parseSteam(String text, int start) {
    int query = text.indexOf('?', start);
    String key = PercentCodec.decode(text, start, query < 0 ? text.length() : query, false, "the Steam secret");
    return OtpAuthUri.totp(secret(key)).issuerParameter("Steam").steam().build();
  }

  /**
   * Reads the query into a map from lower-case name to value, in order, and records each name as written in
   * {@code names} (lower case to original), so that parameters totpkit passes through keep their spelling.
   */
  private static Map<String, String> parameters(String text, int start, Map<String, String> names) {
    Map<String, String> parameters = new LinkedHashMap<>();
    int from = start;
    while (from <= text.length()) {
      int amp = text.indexOf('&', from);
      int to = amp < 0 ? text.length() : amp;
      if (to > from) {
        int eq = text.indexOf('=', from);
        int nameEnd = eq < 0 || eq > to ? to : eq;
        String written = PercentCodec.decode(text, from, nameEnd, true, "a parameter name at position " + (from + 1));
        String name = written.toLowerCase(Locale.ROOT);
        String quoted = "parameter " + Printable.quote(name);
        if (name.isEmpty()) {
          throw new InvalidOtpAuthUriException("a parameter without a name at position " + (from + 1));
        }
        String value = nameEnd < to ? PercentCodec.decode(text, nameEnd + 1, to, true, quoted) : "";
        if (!parameters.containsKey(name)) {
          parameters.put(name, value);
          names.put(name, written);
        } else if (INTERPRETED.contains(name)) {
          // Two values of a parameter that decides the codes: neither can be trusted over the other.
          throw new InvalidOtpAuthUriException("parameter '" + name + "' appears more than once");
        }
        // A repeated parameter totpkit does not interpret (andOTP writes tags=a&tags=b) keeps its first value, as
        // pyotp and otpauth.js read it.
      }
      from = to + 1;
    }
    return parameters;
  }

  private static Secret secret(String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidOtpAuthUriException("the secret parameter is missing or empty");
    }
    try {
      return Secret.fromBase32(value);
    } catch (InvalidSecretException e) {
      throw new InvalidOtpAuthUriException("the secret parameter is not valid: " + e.getMessage(), e);
    }
  }

  private static HmacAlgorithm algorithm(String value) {
    try {
      return HmacAlgorithm.fromName(value);
    } catch (IllegalArgumentException e) {
      // Not e.getMessage(): it quotes 20 characters of the value, and those can be a key that ran on from a lost '&'.
      throw new InvalidOtpAuthUriException("parameter 'algorithm' must be SHA1, SHA256 or SHA512, was "
          + Printable.quote(value));
    }
  }

  private static int digits(String value) {
    return (int) number("digits", value, OtpParameters.MIN_DIGITS, OtpParameters.MAX_DIGITS);
  }

  private static long period(String value) {
    return number("period", value, OtpParameters.MIN_PERIOD_SECONDS, MAX_PERIOD_SECONDS);
  }

  private static long counter(String value) {
    if (value == null) {
      throw new InvalidOtpAuthUriException("a hotp URI needs a counter parameter");
    }
    return number("counter", value, 0, Long.MAX_VALUE);
  }

  /** A whole number of ASCII digits, no sign, from {@code min} to {@code max}. */
  private static long number(String name, String value, long min, long max) {
    boolean digitsOnly = !value.isEmpty() && value.length() <= 19;
    for (int i = 0; i < value.length() && digitsOnly; i++) {
      char c = value.charAt(i);
      digitsOnly = c >= '0' && c <= '9';
    }
    long number = -1;
    if (digitsOnly) {
      try {
        number = Long.parseLong(value);
      } catch (NumberFormatException tooLarge) {
        number = -1;
      }
    }
    if (number < min || number > max) {
      throw new InvalidOtpAuthUriException("parameter '" + name + "' must be a whole number from " + min + " to "
          + max + ", was " + Printable.quote(value));
    }
    return number;
  }
}
