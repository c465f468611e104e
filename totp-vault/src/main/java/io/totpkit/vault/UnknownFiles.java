package io.totpkit.vault;

/**
 * Says what a file that no import reader recognises is, so that the message helps: an archive to unpack, an app's
 * database rather than its export, XML, JSON of another app, a spreadsheet without the columns an import needs.
 *
 * <p>Thread-safety: stateless.
 */
final class UnknownFiles {
  private UnknownFiles() {}

  /** {@code "a ZIP archive (unpack it first)"}: what {@code input} is, as a phrase after "the file is". */
  static String describe(ImportInput input) {
    byte[] bytes = input.bytes();
    if (bytes.length == 0 || (input.text() != null && input.text().isBlank())) {
      return "empty";
    }
    if (input.startsWith("PK\u0003\u0004")) {
      return "a ZIP archive (unpack it and import the export inside)";
    }
    if (input.startsWith("SQLite format 3\u0000")) {
      return "an SQLite database, an app's own storage rather than an export (export from the app instead)";
    }
    if (bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
      return "gzip-compressed (unpack it first)";
    }
    if (bytes.length >= 2 && (bytes[0] & 0xff) == 0xac && (bytes[1] & 0xff) == 0xed) {
      return "serialized Java objects, as FreeOTP 2 backups are (export as FreeOTP+ JSON instead)";
    }
    if (bytes.length >= 2 && ((bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xfe
        || (bytes[0] & 0xff) == 0xfe && (bytes[1] & 0xff) == 0xff)) {
      return "text in UTF-16 (save it as UTF-8 and import it again)";
    }
    if (input.startsWith("%PDF")) {
      return "a PDF document";
    }
    String text = input.text();
    if (text == null) {
      return "binary data of no known kind";
    }
    String start = text.stripLeading();
    if (start.startsWith("<")) {
      return "XML or HTML, and no export format totpkit knows is XML (andOTP, Authy and FreeOTP 1.x keep XML internally)";
    }
    if (input.jsonError() != null) {
      return "JSON that does not parse (" + input.jsonError().getMessage() + ")";
    }
    if (input.json() != null) {
      return "JSON of no export format totpkit knows";
    }
    if (SteamFormat.looksEncrypted(start)) {
      return "Base64 of encrypted data only, as an encrypted Steam Desktop Authenticator or steamguard-cli .maFile "
          + "is (its key needs the manifest.json beside it too: remove the encryption in that app, then import the "
          + ".maFile)";
    }
    String firstLine = start.lines().findFirst().orElse("");
    if (firstLine.indexOf(',') >= 0 || firstLine.indexOf(';') >= 0 || firstLine.indexOf('\t') >= 0) {
      return "a table whose header names no secret or otpauth column";
    }
    return "text without an otpauth:// line";
  }
}
