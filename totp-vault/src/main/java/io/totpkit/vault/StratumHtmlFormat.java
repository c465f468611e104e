package io.totpkit.vault;

import io.totpkit.core.OtpAuthUri;
import io.totpkit.core.OtpType;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the HTML export of Stratum (and of Authenticator Pro before it): a page titled {@code Stratum Backup} (or
 * {@code Authenticator Pro Backup}) with one table row per authenticator, holding its issuer, its username, its URI
 * in a {@code <code>} element, and a QR code image of that URI. The URIs are read; the rest repeats them.
 *
 * <p>Stratum writes each URI as its {@code Authenticator.GetUri()} makes it, unescaped: {@code otpauth://totp},
 * {@code hotp} (always with {@code counter}) or {@code yaotp} (Yandex), or {@code motp://} for mOTP; the label is
 * {@code issuer:username} percent-encoded, the {@code issuer} parameter always present. A Steam key is written as
 * {@code otpauth://totp} and marked only by its issuer being exactly {@code Steam} or, for another issuer, by a
 * {@code steam} parameter; Stratum reads both marks back as Steam, and so does this reader. mOTP and Yandex URIs are
 * skipped with their type named.
 *
 * <p>Source: stratumauth/app, {@code Stratum.Core/src/Backup/HtmlBackup.cs}, {@code Stratum.Droid/Assets/
 * backup_template.html}, {@code Entity/Authenticator.cs} ({@code GetOtpAuthUri}), {@code UriParser.cs} (the Steam
 * marks) and {@code Converter/HtmlBackupConverter.cs} (the app reads the {@code <code>} elements back).
 *
 * <p>Thread-safety: stateless.
 */
final class StratumHtmlFormat implements ImportReader {
  private static final String[] TITLES = {"<title>Stratum Backup</title>", "<title>Authenticator Pro Backup</title>"};
  private static final String OPEN = "<code>";
  private static final String CLOSE = "</code>";

  @Override
  public String name() {
    return StratumFormat.NAME;
  }

  @Override
  public boolean recognises(ImportInput input) {
    String text = input.text();
    if (text == null || !text.contains(OPEN)) {
      return false;
    }
    for (String title : TITLES) {
      if (text.contains(title)) {
        return true;
      }
    }
    return false;
  }

  @Override
  public Imports.Parsed read(ImportInput input, ImportPassword password) {
    String text = input.text();
    Imports.Parsed parsed = new Imports.Parsed(StratumFormat.NAME + " (HTML)");
    int at = text.indexOf(OPEN);
    for (int n = 1; at >= 0; n++) {
      int start = at + OPEN.length();
      int end = text.indexOf(CLOSE, start);
      if (end < 0) {
        throw new VaultImportException("the Stratum HTML export is truncated: URI " + n + " has no closing </code>");
      }
      String uri = text.substring(start, end).strip().replace("&amp;", "&");
      String position = "entry " + n;
      parsed.entry(position, () -> item(position, uri));
      at = text.indexOf(OPEN, end + CLOSE.length());
    }
    return parsed;
  }

  private static Imports.Item item(String position, String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (lower.startsWith("motp://")) {
      throw new Imports.Skip("type mOTP is not supported (TOTP, HOTP and Steam are)");
    }
    if (lower.startsWith("otpauth://yaotp")) {
      throw new Imports.Skip("type Yandex is not supported (TOTP, HOTP and Steam are)");
    }
    OtpAuthUri uri = OtpAuthUri.parse(text);
    if (!uri.isSteam() && uri.type() == OtpType.TOTP && (uri.issuer().equals("Steam") || steamMark(uri))) {
      uri = Imports.account("steam", uri.secret(), uri.issuer(), uri.account(), null, null, null, null);
    }
    return new Imports.Item(Imports.where(position, uri.issuer(), uri.account()), uri, Set.of());
  }

  private static boolean steamMark(OtpAuthUri uri) {
    return uri.otherParameters().keySet().stream().anyMatch(name -> name.equalsIgnoreCase("steam"));
  }
}
