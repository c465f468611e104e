package io.totpkit.vault;

import io.totpkit.core.OtpAuthUri;
import io.totpkit.core.Secret;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Reads Stratum backups (the app was called Authenticator Pro until 2024; its backups keep the same shape), plain and
 * encrypted, as Stratum writes them with {@code System.Text.Json} (earlier versions: Newtonsoft, same member names).
 *
 * <p>A plain backup is a JSON object: {@code Authenticators}, an array of objects with {@code Type} (1 HOTP, 2 TOTP,
 * 3 mOTP, 4 Steam, 5 Yandex), {@code Icon}, {@code Issuer}, {@code Username} (may be null), {@code Secret} (Base32,
 * also the authenticator's key in the app), {@code Pin} (mOTP and Yandex only), {@code Algorithm} (0 SHA-1,
 * 1 SHA-256, 2 SHA-512), {@code Digits}, {@code Period}, {@code Counter}, {@code CopyCount} and {@code Ranking};
 * {@code Categories} ({@code Id}, {@code Name}, {@code Ranking}); {@code AuthenticatorCategories}
 * ({@code CategoryId}, {@code AuthenticatorSecret}, {@code Ranking}), which puts an authenticator, named by its
 * secret, in a category; and {@code CustomIcons} ({@code Id}, {@code Data}). A member the app did not write takes
 * the app's default: TOTP, SHA-1, 6 digits, 30 seconds, counter 0. Categories become tags; icons, pins, rankings
 * and copy counts are not imported. Steam entries always make five-character codes every 30 seconds over SHA-1, as
 * Stratum's {@code SteamOtp} does whatever the file says; mOTP and Yandex entries are skipped.
 *
 * <p>An encrypted backup starts with a 16-byte ASCII header that names its construction; {@link StratumDecryption}
 * opens both. Sources: stratumauth/app (formerly jamie-mh/AuthenticatorPro), {@code Stratum.Core/src/Backup/Backup.cs},
 * {@code Backup/Encryption/*.cs}, {@code Entity/Authenticator.cs}, {@code Entity/Category.cs},
 * {@code Entity/AuthenticatorCategory.cs}, {@code AuthenticatorType.cs}, {@code Generator/HashAlgorithm.cs},
 * {@code Generator/SteamOtp.cs} and {@code doc/BACKUP_FORMAT.md}.
 *
 * <p>Thread-safety: stateless.
 */
final class StratumFormat implements ImportReader {
  static final String NAME = "Stratum";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean recognises(ImportInput input) {
    // Stratum's own test for a plain backup: it deserialises and has Authenticators.
    return StratumDecryption.recognises(input)
        || input.hasMembers("Authenticators") && input.jsonObject().get("Authenticators") instanceof List;
  }

  @Override
  public Imports.Parsed read(ImportInput input, ImportPassword password) {
    if (!StratumDecryption.recognises(input)) {
      return entries(input.jsonObject(), NAME);
    }
    String format = NAME + " (encrypted)";
    StratumDecryption.checkLength(input);
    return entries(Imports.withPassword(password, format, secret -> StratumDecryption.open(input, secret)),
        format);
  }

  /** The accounts of a backup's JSON object, plain or decrypted. */
  private static Imports.Parsed entries(Map<String, Object> backup, String format) {
    List<?> authenticators = JsonFields.list(backup.get("Authenticators"), "the Stratum backup's Authenticators");
    Map<String, Set<String>> tags = tags(backup);
    Imports.Parsed parsed = new Imports.Parsed(format);
    for (int i = 0; i < authenticators.size(); i++) {
      Object value = authenticators.get(i);
      String position = "entry " + (i + 1);
      String where = Imports.where(position, member(value, "Issuer"), member(value, "Username"));
      parsed.entry(where, () -> {
        Map<String, Object> entry = JsonFields.entryObject(value, position);
        String secret = JsonFields.text(entry, "Secret");
        if (secret.isEmpty()) {
          throw new Imports.Skip("Secret is missing");
        }
        return new Imports.Item(where, uri(entry, secret), tags.getOrDefault(secret, Set.of()));
      });
    }
    return parsed;
  }

  /** Reads every member before the key is decoded, so that a skip leaves no key behind to destroy. */
  private static OtpAuthUri uri(Map<String, Object> entry, String secret) {
    Integer type = JsonFields.whole(entry, "Type");
    String kind = kind(type == null ? 2 : type);
    String issuer = JsonFields.text(entry, "Issuer");
    String username = JsonFields.text(entry, "Username");
    // Stratum's generators ignore what the file says where the type fixes it: Steam is SHA-1, five characters and
    // 30 seconds; HOTP has no period; only HOTP reads the counter.
    boolean steam = kind.equals("steam");
    String algorithm = steam ? null : algorithm(entry);
    Integer digits = steam ? null : JsonFields.whole(entry, "Digits");
    Integer period = kind.equals("totp") ? JsonFields.whole(entry, "Period") : null;
    Long counter = kind.equals("hotp") ? JsonFields.wholeLong(entry, "Counter") : null;
    if (kind.equals("hotp") && counter == null) {
      counter = 0L;
    }
    return Imports.account(kind, Secret.fromBase32(secret), issuer, username, algorithm, digits, period, counter);
  }

  /** Stratum's {@code AuthenticatorType} as the type {@link Imports#account} takes, or a skip. */
  private static String kind(int type) {
    switch (type) {
      case 1:
        return "hotp";
      case 2:
        return "totp";
      case 4:
        return "steam";
      case 3:
        throw new Imports.Skip("type 3 (mOTP) is not supported (TOTP, HOTP and Steam are)");
      case 5:
        throw new Imports.Skip("type 5 (Yandex) is not supported (TOTP, HOTP and Steam are)");
      default:
        throw new Imports.Skip("type " + type + " is not one Stratum writes (1 HOTP, 2 TOTP, 3 mOTP, 4 Steam, "
            + "5 Yandex)");
    }
  }

  private static String algorithm(Map<String, Object> entry) {
    Integer algorithm = JsonFields.whole(entry, "Algorithm");
    if (algorithm == null || algorithm == 0) {
      return "SHA1";
    }
    if (algorithm == 1) {
      return "SHA256";
    }
    if (algorithm == 2) {
      return "SHA512";
    }
    throw new Imports.Skip("Algorithm " + algorithm + " is not one Stratum writes (0 SHA-1, 1 SHA-256, 2 SHA-512)");
  }

  /**
   * Each secret's category names. A category or binding that is not an object of strings is ignored, as are
   * bindings to a category that is not in the file: they name no tag.
   */
  private static Map<String, Set<String>> tags(Map<String, Object> backup) {
    Map<String, String> names = new HashMap<>();
    for (Object item : optionalList(backup.get("Categories"))) {
      String id = member(item, "Id");
      String name = member(item, "Name");
      if (id != null && name != null && !name.isBlank()) {
        names.put(id, name.strip());
      }
    }
    Map<String, Set<String>> tags = new HashMap<>();
    for (Object item : optionalList(backup.get("AuthenticatorCategories"))) {
      String secret = member(item, "AuthenticatorSecret");
      String name = names.get(member(item, "CategoryId"));
      if (secret != null && name != null) {
        tags.computeIfAbsent(secret, s -> new TreeSet<>()).add(name);
      }
    }
    return tags;
  }

  private static List<?> optionalList(Object value) {
    return value instanceof List ? (List<?>) value : List.of();
  }

  /** A string member of {@code value} if it is an object with one, else {@code null}. */
  private static String member(Object value, String name) {
    return value instanceof Map && ((Map<?, ?>) value).get(name) instanceof String
        ? (String) ((Map<?, ?>) value).get(name) : null;
  }
}
