package io.totpkit.vault;

import io.totpkit.core.AuthenticatorText;
import io.totpkit.core.OtpAuthUri;
import io.totpkit.core.Secret;

/**
 * The one-time-password field of a password manager's item (Bitwarden's {@code login.totp}, 1Password's
 * {@code OTPAuth}), or a spreadsheet's otpauth cell, read into an account. The field holds what the user pasted: an
 * {@code otpauth://} URI, a Steam key as {@code steam://KEY}, or a bare Base32 key, which means TOTP with SHA-1, six
 * digits and 30 seconds (Bitwarden's rule, {@code bitwarden/sdk-internal} {@code crates/bitwarden-vault/src/totp.rs}).
 *
 * <p>The item's name and user name fill what the field does not say: a URI's own issuer and account win, the item's
 * name becomes the issuer only when the URI has none, the user name the account only when the URI's is empty. A
 * bare key takes both from the item.
 *
 * <p>Thread-safety: stateless.
 */
final class TotpField {
  private TotpField() {}

  /**
   * The account in {@code field}.
   *
   * @param field the field's text, not blank
   * @param issuer the item's name, the issuer when the field names none
   * @param account the item's user name, the account when the field names none
   * @throws Imports.Skip if the field is neither a URI of an account nor a Base32 key; core's exceptions say what is
   *     wrong with a URI or key without quoting it
   */
  static OtpAuthUri account(String field, String issuer, String account) {
    String text = field.strip();
    switch (AuthenticatorText.kind(text)) {
      case OTPAUTH:
      case STEAM:
        return fillIn(OtpAuthUri.parse(text), issuer, account);
      case OTPAUTH_MIGRATION:
        throw new Imports.Skip("the one-time password field holds a Google Authenticator export of several accounts"
            + " (otpauth-migration://), not one key: import that text on its own");
      default:
        if (text.contains("://")) {
          // Names no scheme: an unknown one may be the start of a key.
          throw new Imports.Skip("the one-time password field is a URI, but not an otpauth:// or steam:// one");
        }
        return Imports.account("totp", Secret.fromBase32(text), issuer, account, null, null, null, null);
    }
  }

  /** {@code uri} with the item's issuer and account where it has none; the URI's own values win. */
  static OtpAuthUri fillIn(OtpAuthUri uri, String issuer, String account) {
    String name = issuer == null ? "" : issuer.strip();
    String user = account == null ? "" : account.strip();
    boolean needsIssuer = uri.issuer().isEmpty() && !name.isEmpty();
    boolean needsAccount = uri.account().isEmpty() && !user.isEmpty();
    if (!needsIssuer && !needsAccount) {
      return uri;
    }
    try {
      OtpAuthUri.Builder builder = uri.toBuilder();
      if (needsIssuer) {
        // As Imports.account: an issuer with a colon cannot be the label's prefix, so it travels as the parameter.
        if (name.indexOf(':') >= 0) {
          builder.issuerParameter(name);
        } else {
          builder.issuer(name);
        }
      }
      if (needsAccount) {
        builder.account(user);
      }
      return builder.build();
    } catch (RuntimeException e) {
      uri.secret().destroy();
      throw e;
    }
  }
}
