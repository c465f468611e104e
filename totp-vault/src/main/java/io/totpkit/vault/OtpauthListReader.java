package io.totpkit.vault;

import java.util.Locale;

/**
 * Text lists of {@code otpauth://} and {@code otpauth-migration://} URIs (Google Authenticator exports), one per line,
 * as {@code totp export} and many apps write them. Recognised by at least one line that starts with either scheme.
 *
 * <p>Thread-safety: stateless.
 */
final class OtpauthListReader implements ImportReader {
  static final String NAME = "otpauth list";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean recognises(ImportInput input) {
    String text = input.text();
    if (text == null) {
      return false;
    }
    for (String line : text.split("\r\n|\n|\r")) {
      String start = line.strip().toLowerCase(Locale.ROOT);
      if (start.startsWith("otpauth://") || start.startsWith("otpauth-migration://")) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Imports.Parsed read(ImportInput input, ImportPassword password) {
    return Imports.otpauthList(input.text());
  }
}
