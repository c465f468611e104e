package io.totpkit.vault;

import io.totpkit.core.AuthenticatorText;
import io.totpkit.core.HmacAlgorithm;
import io.totpkit.core.OtpAuthUri;
import io.totpkit.core.OtpException;
import io.totpkit.core.Secret;
import io.totpkit.core.Wipe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What the format readers share: the parsed result, one way to turn an app's fields into an account, one way to skip
 * an entry with its reason, and one way to ask for a password. Never puts a secret into a reason: core's exception
 * messages name positions and kinds, not key material.
 *
 * <p>Thread-safety: stateless; a {@link Parsed} is filled by one thread.
 */
final class Imports {
  /** The most lines or entries one import reads. */
  static final int MAX_ITEMS = 200_000;

  private Imports() {}

  /** One account to import. */
  static final class Item {
    final String name;
    final OtpAuthUri uri;
    final Set<String> tags;

    Item(String name, OtpAuthUri uri, Set<String> tags) {
      this.name = name;
      this.uri = uri;
      this.tags = tags;
    }
  }

  /** Parsed input: accounts ({@link Item}) and skipped items ({@link ImportReport.Skipped}), in input order. */
  static final class Parsed {
    final String format;
    final List<Object> inOrder = new ArrayList<>();

    Parsed(String format) {
      this.format = format;
    }

    void add(Item item) {
      inOrder.add(item);
    }

    void skip(String item, String reason) {
      inOrder.add(new ImportReport.Skipped(item, reason));
    }

    /**
     * Adds the item {@code read} returns, or skips {@code where} with the reason a {@link Skip}, an
     * {@link OtpException} or an {@link IllegalArgumentException} gives: one bad entry never fails the file.
     */
    void entry(String where, Supplier<Item> read) {
      if (inOrder.size() >= MAX_ITEMS) {
        throw new VaultImportException("the file holds more than " + MAX_ITEMS + " entries; at most " + MAX_ITEMS
            + " are read in one import");
      }
      try {
        add(read.get());
      } catch (Skip | OtpException | IllegalArgumentException | IllegalStateException e) {
        skip(where, e.getMessage());
      }
    }
  }

  /** An entry that cannot be imported; its message is the reason. */
  static final class Skip extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Skip(String reason) {
      super(reason, null, false, false);
    }
  }

  /**
   * The tags of one table cell, split at any of {@code separators} (as a regular-expression character class body:
   * {@code ";,|"}), stripped, blanks dropped.
   */
  static Set<String> tagCell(String cell, String separators) {
    Set<String> tags = new TreeSet<>();
    for (String tag : cell.split("[" + separators + "]")) {
      if (!tag.isBlank()) {
        tags.add(tag.strip());
      }
    }
    return tags;
  }

  /** {@code "entry 3 (GitHub)"}: an item's position, and its issuer or account when it has one. */
  static String where(String position, String issuer, String account) {
    String label = issuer != null && !issuer.isBlank() ? issuer : account;
    return label == null || label.isBlank() ? position : position + " (" + label + ")";
  }

  /**
   * {@code "\"mOTP\""}: a name an app wrote (an entry type, a parameter name), quoted for a skip reason when it is a
   * short ASCII word, as such names are; anything longer or stranger is described instead ({@code "of 40
   * characters"}), since a damaged field may hold a key.
   */
  static String quoteWord(String text) {
    boolean word = !text.isEmpty() && text.length() <= 12;
    for (int i = 0; i < text.length() && word; i++) {
      char c = text.charAt(i);
      word = c < 128 && Character.isLetterOrDigit(c);
    }
    return word ? "\"" + text + "\"" : "of " + text.length() + " characters";
  }

  /**
   * An account from an app's fields, the rule every reader shares: {@code type} is totp, hotp or steam (any case); a
   * missing algorithm is SHA1, digits 6, period 30 s; an issuer with a colon travels in the issuer parameter.
   *
   * @throws Skip for a type or algorithm totpkit does not generate codes for
   */
  static OtpAuthUri account(String type, Secret secret, String issuer, String account, String algorithm,
      Integer digits, Integer period, Long counter) {
    try {
      return build(type, secret, issuer, account, algorithm, digits, period, counter);
    } catch (RuntimeException e) {
      secret.destroy();   // a refused entry leaves no key behind
      throw e;
    }
  }

  private static OtpAuthUri build(String type, Secret secret, String issuer, String account, String algorithm,
      Integer digits, Integer period, Long counter) {
    String kind = type == null ? "totp" : type.toLowerCase(Locale.ROOT);
    if (!kind.equals("totp") && !kind.equals("hotp") && !kind.equals("steam")) {
      throw new Skip("type \"" + type + "\" is not supported (TOTP, HOTP and Steam are)");
    }
    if (kind.equals("hotp") && counter == null) {
      throw new Skip("an HOTP entry without its counter");
    }
    OtpAuthUri.Builder builder = kind.equals("hotp") ? OtpAuthUri.hotp(secret, counter) : OtpAuthUri.totp(secret);
    String issuerText = issuer == null ? "" : issuer.strip();
    if (!issuerText.isEmpty()) {
      if (issuerText.indexOf(':') >= 0) {
        builder.issuerParameter(issuerText);
      } else {
        builder.issuer(issuerText);
      }
    }
    builder.account(account == null ? "" : account.strip());
    if (kind.equals("steam")) {
      builder.steam();
    } else {
      String algo = algorithm == null || algorithm.isBlank() ? "SHA1" : algorithm.strip();
      if (algo.equalsIgnoreCase("MD5")) {
        throw new Skip("MD5 is not supported");
      }
      builder.algorithm(HmacAlgorithm.fromName(algo));
      builder.digits(digits == null ? 6 : digits);
    }
    if (!kind.equals("hotp")) {
      builder.period(Duration.ofSeconds(period == null ? 30 : period));
    }
    return builder.build();
  }

  /**
   * Asks once for the password of an encrypted file and gives {@code open} its UTF-8 bytes; both copies are zeroed
   * when {@code open} returns.
   *
   * @throws VaultImportException if there is no password
   */
  static <T> T withPassword(ImportPassword source, String format, Function<byte[], T> open) {
    char[] password = source.password(format);
    if (password == null) {
      throw new VaultImportException("the " + format + " file is encrypted: give its password");
    }
    byte[] bytes = null;
    try {
      try {
        bytes = Passphrases.utf8(password);
      } catch (IllegalArgumentException e) {
        throw new VaultImportException("the password holds a broken Unicode character (a lone surrogate); type it "
            + "again");
      }
      return open.apply(bytes);
    } finally {
      Wipe.chars(password);
      Wipe.bytes(bytes);
    }
  }

  /** Reads {@code otpauth://} and {@code otpauth-migration://} URIs, one per line. */
  static Parsed otpauthList(String text) {
    Parsed parsed = new Parsed(OtpauthListReader.NAME);
    String[] lines = text.split("\r\n|\n|\r", -1);
    if (lines.length > MAX_ITEMS) {
      throw new VaultImportException("the list has " + lines.length + " lines; at most " + MAX_ITEMS
          + " are read in one import");
    }
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      String where = "line " + (i + 1);
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      try {
        // Core's rule tells an export from a URI; anything else fails in OtpAuthUri.parse with its reason.
        List<OtpAuthUri> accounts = AuthenticatorText.accounts(line);
        boolean export = AuthenticatorText.kind(line) == AuthenticatorText.Kind.OTPAUTH_MIGRATION;
        for (int k = 0; k < accounts.size(); k++) {
          OtpAuthUri uri = accounts.get(k);
          String name = export ? where + ", account " + (k + 1) : where;
          parsed.add(new Item(where(name, uri.issuer(), uri.account()), uri, Set.of()));
        }
      } catch (OtpException e) {
        parsed.skip(where, e.getMessage());
      }
    }
    return parsed;
  }
}
