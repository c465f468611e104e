package io.totpkit.vault;

import io.totpkit.core.Secret;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads andOTP's plain backups ({@code otp_accounts.json}): a JSON array with one object per account, as andOTP
 * 0.9.0.1 writes it in one line ({@code Entry.toJSON}, {@code DatabaseHelper.entriesToString}):
 *
 * <ul>
 *   <li>{@code secret}: the key in Base32, upper case, padded with {@code '='} (Apache Commons Codec);
 *   <li>{@code issuer} and {@code label}: the service and the account, kept apart since andOTP 0.7.0. A backup
 *       from before has only {@code label}, the scanned URI's path, prefixed {@code "issuer - "} when the URI had an
 *       issuer parameter; andOTP reads it with an empty issuer and never splits it, and neither does this reader
 *       (so a label such as {@code "GitLab - GitLab:bob"} meets {@link io.totpkit.core.OtpAuthUri}'s rule that an
 *       account with {@code ':'} needs an issuer, and is skipped with that reason);
 *   <li>{@code digits}; {@code type}: {@code TOTP}, {@code HOTP}, {@code STEAM} or {@code MOTP};
 *       {@code algorithm}: {@code SHA1}, {@code SHA256} or {@code SHA512};
 *   <li>{@code period} for TOTP only (a Steam entry has none and uses 30 s), {@code counter} for HOTP only: the
 *       counter of the code andOTP shows, which the user moves on with a button;
 *   <li>{@code tags}: an array of names, which become tags; {@code thumbnail}, {@code last_used} and
 *       {@code used_frequency}, which are ignored.
 * </ul>
 *
 * <p>Missing fields take andOTP's defaults ({@code Entry(JSONObject)}): type TOTP, period 30, digits 6, SHA1; an HOTP
 * entry without a counter is skipped, as andOTP refuses it. Where andOTP silently falls back to TOTP or SHA1 for a
 * type or algorithm it does not know, this reader skips the entry instead: guessing would make wrong codes. mOTP
 * entries are skipped.
 *
 * <p>Recognised by a top-level array whose first element is an object with {@code secret} and {@code label}. The
 * encrypted backup is {@link AndOtpEncryptedFormat}'s.
 *
 * <p>Source: andOTP's {@code app/src/main/java/org/shadowice/flocke/andotp/Database/Entry.java} and
 * {@code Utilities/DatabaseHelper.java} (github.com/andOTP/andOTP, version 0.9.0.1).
 *
 * <p>Thread-safety: stateless.
 */
final class AndOtpFormat implements ImportReader {
  static final String NAME = "andOTP";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean recognises(ImportInput input) {
    List<?> array = input.jsonArray();
    if (array == null || array.isEmpty() || !(array.get(0) instanceof Map)) {
      return false;
    }
    Map<?, ?> first = (Map<?, ?>) array.get(0);
    return first.containsKey("secret") && first.containsKey("label");
  }

  @Override
  public Imports.Parsed read(ImportInput input, ImportPassword password) {
    return entries(JsonFields.list(input.json(), "the andOTP backup"), NAME);
  }

  /** Reads andOTP's array of entries, plain or decrypted; {@code format} names the variant. */
  static Imports.Parsed entries(List<?> entries, String format) {
    Imports.Parsed parsed = new Imports.Parsed(format);
    for (int i = 0; i < entries.size(); i++) {
      Object value = entries.get(i);
      String position = "entry " + (i + 1);
      String where = Imports.where(position, textOrEmpty(value, "issuer"), textOrEmpty(value, "label"));
      parsed.entry(where, () -> item(JsonFields.entryObject(value, position), where));
    }
    return parsed;
  }

  private static Imports.Item item(Map<String, Object> entry, String where) {
    String type = type(entry);
    if (!(entry.get("secret") instanceof String)) {
      throw new Imports.Skip("\"secret\" is missing or not a string");
    }
    String issuer = JsonFields.text(entry, "issuer");
    String label = JsonFields.text(entry, "label");
    String algorithm = JsonFields.text(entry, "algorithm");
    Integer digits = JsonFields.whole(entry, "digits");
    Integer period = JsonFields.whole(entry, "period");
    Long counter = type.equals("hotp") ? JsonFields.wholeLong(entry, "counter") : null;
    Set<String> tags = tags(entry);
    Secret secret = Secret.fromBase32((String) entry.get("secret"));
    try {
      return new Imports.Item(where, Imports.account(type, secret, issuer, label, algorithm, digits, period, counter),
          tags);
    } catch (RuntimeException e) {
      secret.destroy();
      throw e;
    }
  }

  /** {@code totp}, {@code hotp} or {@code steam}; a missing type is TOTP, as andOTP reads it. */
  private static String type(Map<String, Object> entry) {
    if (entry.get("type") == null) {
      return "totp";
    }
    String type = JsonFields.text(entry, "type").toLowerCase(Locale.ROOT);
    switch (type) {
      case "totp":
      case "hotp":
      case "steam":
        return type;
      case "motp":
        throw new Imports.Skip("type MOTP (mOTP) is not supported (TOTP, HOTP and Steam are)");
      default:
        // Names no value: a damaged backup may hold anything in the field.
        throw new Imports.Skip("\"type\" is none of TOTP, HOTP, STEAM and MOTP, the types andOTP writes");
    }
  }

  private static Set<String> tags(Map<String, Object> entry) {
    Set<String> tags = new TreeSet<>();
    if (entry.get("tags") instanceof List) {
      for (Object tag : (List<?>) entry.get("tags")) {
        if (tag instanceof String && !((String) tag).isBlank()) {
          tags.add((String) tag);
        }
      }
    }
    return tags;
  }

  /** A string member of what may not be an object, or {@code ""}: for naming an entry before it is checked. */
  private static String textOrEmpty(Object entry, String name) {
    Object value = entry instanceof Map ? ((Map<?, ?>) entry).get(name) : null;
    return value instanceof String ? (String) value : "";
  }
}
