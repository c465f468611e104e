package io.totpkit.cli;

import io.totpkit.core.HmacAlgorithm;
import io.totpkit.core.OtpAuthUri;
import io.totpkit.core.OtpParameters;
import io.totpkit.core.OtpType;
import io.totpkit.core.Secret;
import io.totpkit.core.Wipe;
import io.totpkit.ocr.PrintedKey;
import io.totpkit.ocr.ScreenshotReading;
import io.totpkit.ocr.ScreenshotReading.CrossCheck;
import io.totpkit.ocr.Screenshots;
import io.totpkit.vault.KeyLength;
import io.totpkit.vault.Vault;
import io.totpkit.vault.VaultEntry;
import java.nio.CharBuffer;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code totp add}: one account from a screenshot, an {@code otpauth://} URI or a typed setup key. */
@Command(name = "add", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER,
    description = {"Adds accounts to the vault from a screenshot of a QR code (every code in it), an otpauth:// URI, "
        + "or a setup key typed off a screen. Shows what it found and how it was read - never the key. An account "
        + "with the same issuer and account name is replaced only after you confirm (or with --yes). OWNER only.",
        "With --qr, a photo is repaired and read again when the code does not read at once. When Tesseract is "
        + "installed, the setup key printed under the code is read too: it must agree with the code, and when no "
        + "code can be read at all it is the key (give --account, and --confirm-code when a character is in "
        + "doubt).",
        "Give the key or URI as \"-\" to type or paste it without echo (or pipe it in, as the first line of standard "
        + "input): on the command line it shows in 'ps' to every user of the machine and stays in the shell's "
        + "history. A key shorter than 80 bits is refused (it was most likely cut off when it was copied); one "
        + "shorter than 128 bits is added with a warning."})
final class AddCommand extends VaultCommand {
  /** The value of {@code --key} or {@code --uri} that reads it from standard input. */
  static final String STANDARD_INPUT = "-";

  static final class Source {
    @Option(names = "--qr", paramLabel = "IMAGE", required = true,
        description = "A screenshot or photo holding the QR code (PNG, JPEG, GIF, BMP).")
    Path qr;

    @Option(names = "--uri", paramLabel = "URI", required = true,
        description = "An otpauth:// URI, or - (preferred) to read it from standard input: prompted without echo on "
            + "a terminal.")
    String uri;

    @Option(names = "--key", paramLabel = "KEY", required = true,
        description = "A Base32 setup key such as \"ABCD EFGH ...\", or - (preferred) to read it from standard "
            + "input: prompted without echo on a terminal. Needs --account.")
    String key;
  }

  @ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  @Option(names = "--issuer", paramLabel = "NAME", description = "With --key, or --qr when only the printed key "
      + "can be read: the service, e.g. TikTok.")
  String issuer;

  @Option(names = "--account", paramLabel = "NAME", description = "With --key, or --qr when only the printed key "
      + "can be read: the account name at the service.")
  String account;

  @Option(names = "--digits", paramLabel = "N", description = "With --key (or a printed key): code length (default "
      + "6).")
  Integer digits;

  @Option(names = "--period", paramLabel = "SECONDS", description = "With --key (or a printed key): seconds per code "
      + "(default 30).")
  Integer period;

  @Option(names = "--algorithm", paramLabel = "ALG", description = "With --key (or a printed key): SHA1 (default), "
      + "SHA256 or SHA512.")
  String algorithm;

  @Option(names = "--confirm-code", paramLabel = "CODE", description = "With --qr when only the printed key can be "
      + "read and a character of it is in doubt: a code the client's authenticator app shows now; picks the one "
      + "reading of the key that gives it.")
  String confirmCode;

  @Option(names = "--ignore-printed-key", description = "With --qr: add from the QR code even though the key printed "
      + "beside it is a different key (after a person has checked which one is right).")
  boolean ignorePrintedKey;

  @Option(names = {"--tag", "-t"}, paramLabel = "TAG", split = ",",
      description = "A tag, such as the client's name; repeatable. OPERATORs see entries with a tag they were "
          + "granted.")
  List<String> tags = new ArrayList<>();

  @Option(names = {"--yes", "--replace"}, description = "Replace an account with the same issuer and account name "
      + "without asking.")
  boolean yes;

  @Override
  public Integer call() {
    List<OtpAuthUri> found = found();
    Io io = io();
    for (OtpAuthUri uri : found) {
      io.show("Found " + describe(uri));
      warnIfShort(uri);
    }
    try (Vault vault = root().openVault()) {
      for (OtpAuthUri uri : found) {
        List<VaultEntry> same = new ArrayList<>();
        for (VaultEntry e : vault.entries()) {
          if (e.isSameAccount(uri)) {
            same.add(e);
          }
        }
        Set<String> tagSet = new LinkedHashSet<>(tags);
        if (same.isEmpty()) {
          UUID id = vault.add(uri, tagSet);
          io.show("Added " + id.toString().substring(0, 8) + "  " + label(uri) + tagText(tagSet));
          continue;
        }
        VaultEntry old = same.get(0);
        if (!yes && !confirm(label(uri) + " is already in the vault (" + old.id().toString().substring(0, 8)
            + "). Replace?")) {
          throw new CliException(ExitCodes.USAGE, label(uri) + " is already in the vault as "
              + old.id().toString().substring(0, 8) + "; nothing was changed (add --yes to replace it)");
        }
        vault.update(old.id(), uri, tagSet.isEmpty() ? old.tags() : tagSet);
        io.show("Replaced " + old.id().toString().substring(0, 8) + "  " + label(uri));
      }
    }
    return ExitCodes.OK;
  }

  private List<OtpAuthUri> found() {
    if (source.key == null && source.qr == null
        && (issuer != null || account != null || digits != null || period != null || algorithm != null)) {
      throw new CliException(ExitCodes.USAGE, "--issuer, --account, --digits, --period and --algorithm go with "
          + "--key (or --qr)");
    }
    if (source.qr == null && (confirmCode != null || ignorePrintedKey)) {
      throw new CliException(ExitCodes.USAGE, "--confirm-code and --ignore-printed-key go with --qr");
    }
    if (source.qr != null) {
      return fromPicture();
    }
    if (source.uri != null) {
      if (!source.uri.equals(STANDARD_INPUT)) {
        return List.of(OtpAuthUri.parse(source.uri));
      }
      char[] typed = typed("otpauth:// URI (not shown): ", "URI");
      try {
        return List.of(OtpAuthUri.parse(new String(typed)));
      } finally {
        Wipe.chars(typed);
      }
    }
    requireAccount("--key needs --account (and usually --issuer)");
    return List.of(typedAccount(secret()));
  }

  /** The accounts of the {@code --qr} picture: its QR codes', or the printed key's when no code could be read. */
  private List<OtpAuthUri> fromPicture() {
    String name = Io.visible(String.valueOf(source.qr.getFileName()));
    ScreenshotReading reading = Screenshots.read(source.qr);
    io().show("Read " + name + ": " + reading.describe());
    if (reading.crossCheck() == CrossCheck.DIFFERS && !ignorePrintedKey) {
      throw new CliException(ExitCodes.USAGE, "the key printed in " + name + " is not the key in its QR code, so "
          + "nothing was added: ask the client for a new screenshot, or add --ignore-printed-key once a person has "
          + "checked that the QR code is right");
    }
    if (reading.qr().isPresent()) {
      if (account != null || issuer != null || digits != null || period != null || algorithm != null
          || confirmCode != null) {
        io().report("note: the QR code names the account and its settings; --issuer, --account, --digits, "
            + "--period, --algorithm and --confirm-code were not used");
      }
      return reading.accounts();
    }
    PrintedKey printed = reading.printedKey().orElseThrow();
    requireAccount("no QR code could be read in " + name + ", only the setup key printed in it: give --account "
        + "(and --issuer) to add it" + (printed.certain() ? "" : ", with --confirm-code"));
    if (confirmCode != null) {
      Secret secret = printed.confirm(confirmCode, io().clock.instant(), parameters())
          .orElseThrow(() -> new CliException(ExitCodes.USAGE, "no reading of the key printed in " + name
              + " gives that code now (or more than one does): check the code and try the next one the app shows, "
              + "or type the key with --key - after checking the picture"));
      return List.of(typedAccount(secret));
    }
    if (!printed.certain()) {
      throw new CliException(ExitCodes.USAGE, "a character of the setup key printed in " + name + " is in doubt "
          + "(OCR mixes up look-alikes such as 5 and S, 6 and G), so nothing was added: give --confirm-code with a "
          + "code the client's "
          + "authenticator app shows now, or type the key with --key - after checking those characters in the "
          + "picture");
    }
    io().report("note: the key was read from the picture by OCR; before relying on it, check that a code matches "
        + "the client's app (totp code), or add it again with --confirm-code");
    return List.of(typedAccount(Secret.fromBase32(printed.candidate())));
  }

  private void requireAccount(String message) {
    if (account == null || account.isBlank()) {
      throw new CliException(ExitCodes.USAGE, message);
    }
  }

  /** The account of {@code --key} or a printed key: the secret with --account, --issuer and the code settings. */
  private OtpAuthUri typedAccount(Secret secret) {
    OtpAuthUri.Builder builder = OtpAuthUri.builder(secret, parameters()).account(account);
    if (issuer != null) {
      builder.issuer(issuer);
    }
    return builder.build();
  }

  /** The code settings of --digits, --period and --algorithm, RFC 6238's defaults where not given. */
  private OtpParameters parameters() {
    OtpParameters.Builder builder = OtpParameters.totp();
    if (digits != null) {
      builder.digits(digits);
    }
    if (period != null) {
      builder.period(Duration.ofSeconds(period));
    }
    if (algorithm != null) {
      builder.algorithm(HmacAlgorithm.fromName(algorithm));
    }
    return builder.build();
  }

  /** The key of {@code --key}: as given, or from standard input for {@code -}. */
  private Secret secret() {
    if (!source.key.equals(STANDARD_INPUT)) {
      return Secret.fromBase32(source.key);
    }
    char[] typed = typed("Setup key of " + (issuer == null ? account : issuer + " (" + account + ")")
        + " (not shown): ", "key");
    try {
      return Secret.fromBase32(CharBuffer.wrap(typed));
    } finally {
      Wipe.chars(typed);
    }
  }

  /** A key or URI from the console without echo, else the first line of standard input. */
  private char[] typed(String prompt, String what) {
    char[] typed = io().readSecret(prompt);
    if (typed == null) {
      throw new CliException(ExitCodes.USAGE, "no " + what + " on standard input: type or pipe one line, or give the "
          + what + " after --" + what.toLowerCase(Locale.ROOT));
    }
    return typed;
  }

  /** The warning for a key the vault stores but RFC 4226 calls too short: it was probably not copied whole. */
  private void warnIfShort(OtpAuthUri uri) {
    int bits = KeyLength.bits(uri.secret());
    if (bits >= KeyLength.MINIMUM_BITS && bits < KeyLength.RECOMMENDED_BITS) {
      io().report("warning: the key of " + label(uri) + " is only " + bits + " bits; RFC 4226 asks for at least "
          + KeyLength.RECOMMENDED_BITS + " — check that it was copied whole");
    }
  }

  static String label(OtpAuthUri uri) {
    return uri.issuer().isEmpty() ? uri.account() : uri.issuer() + " (" + uri.account() + ")";
  }

  /** Issuer, account and parameters; never the key. */
  static String describe(OtpAuthUri uri) {
    String kind;
    if (uri.isSteam()) {
      kind = "Steam Guard, 5 characters, 30 s";
    } else if (uri.type() == OtpType.TOTP) {
      kind = "TOTP, " + uri.algorithm() + ", " + uri.digits() + " digits, " + uri.period().toSeconds() + " s";
    } else {
      kind = "HOTP, " + uri.algorithm() + ", " + uri.digits() + " digits, counter " + uri.counter().getAsLong();
    }
    return label(uri) + ": " + kind;
  }

  private static String tagText(Set<String> tags) {
    return tags.isEmpty() ? "" : "  tags: " + String.join(",", tags);
  }
}
