package io.totpkit.vault;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every format an import reads, in the order they are tried, and what a file in none of them is said to be. A file is
 * recognised by its content, never its name; the first reader that recognises it reads it. The more specific shapes
 * come first (an Aegis object before a list of lines that happen to hold a URI).
 *
 * <p>Thread-safety: stateless.
 */
final class ImportFormats {
  static final List<ImportReader> READERS = List.of(
      new AegisFormat(),
      new BitwardenJsonFormat(),
      new TwoFasFormat(),
      new ProtonFormat(),
      new AndOtpFormat(),
      new FreeOtpPlusFormat(),
      new StratumFormat(),
      new StratumHtmlFormat(),
      new SteamFormat(),
      // No magic, only a plausible header: after every reader of a binary file that has one.
      new AndOtpEncryptedFormat(),
      // Tables: the apps' own headers before the generic spreadsheet (1Password's OTPAuth is an otpauth column too).
      new BitwardenCsvFormat(),
      new OnePasswordCsvFormat(),
      new SpreadsheetFormat(),
      new OtpauthListReader());

  private ImportFormats() {}

  /** Reads {@code bytes} with the first reader that recognises them. */
  static Imports.Parsed read(byte[] bytes, ImportPassword password) {
    ImportInput input = new ImportInput(bytes);
    for (ImportReader reader : READERS) {
      if (reader.recognises(input)) {
        return reader.read(input, password);
      }
    }
    throw new UnknownImportFormatException(UnknownFiles.describe(input));
  }

  /** The formats' names, in the order the README lists them. */
  static List<String> names() {
    Set<String> names = new LinkedHashSet<>();
    READERS.forEach(reader -> names.add(reader.name()));
    return new ArrayList<>(names);
  }

  /**
   * {@code "totpkit reads …"}: one sentence naming every format, for messages about a file in none of them.
   *
   * @param alsoRead what a caller reads besides, named first, or {@code null}
   */
  static String readable(String alsoRead) {
    List<String> names = names();
    if (alsoRead != null) {
      names.add(0, alsoRead);
    }
    String last = names.remove(names.size() - 1);
    return "totpkit reads " + String.join(", ", names) + (names.isEmpty() ? "" : " and ") + last + " files";
  }
}
