package io.totpkit.qr;

import io.totpkit.core.AuthenticatorText;
import io.totpkit.core.InvalidMigrationPayloadException;
import io.totpkit.core.InvalidOtpAuthUriException;
import io.totpkit.core.MigrationPayload;
import io.totpkit.core.OtpAuthUri;
import io.totpkit.qr.QrCodeException.Reason;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Turns the texts of the QR codes in a picture into accounts: {@code otpauth://} and {@code steam://} URIs are parsed,
 * Google Authenticator exports ({@code otpauth-migration://}) are expanded, other codes are skipped. Which text is
 * which is core's rule, {@link AuthenticatorText}, the same the vault's imports follow; what stays here is the
 * wording a picture calls for. The texts may hold secrets, so no message quotes them: another code is described by
 * its scheme only, and only when that scheme is a well-known one (the text before a colon could otherwise be the
 * start of a key).
 */
final class AuthenticatorTexts {
  private static final Set<String> KNOWN_SCHEMES = Set.of("http", "https", "mailto", "tel", "sms", "smsto", "mms",
      "mmsto", "wifi", "geo", "market", "bitcoin", "ethereum", "matmsg", "mecard", "fido", "upi", "whatsapp", "tg",
      "ftp", "file", "intent", "data", "javascript", "spotify", "zoommtg", "skype", "facetime", "itms-apps", "fb",
      "instagram", "tiktok", "snssdk1233", "twitter", "maps", "ldap", "urn", "ws", "wss");

  private AuthenticatorTexts() {}

  static List<OtpAuthUri> accounts(List<String> texts) {
    return scan(texts, QrScan.Method.QR, "").accounts();
  }

  /**
   * Reads the accounts in the texts of one picture's codes, and, for a Google Authenticator export, which part of it
   * the first export code is.
   */
  static QrScan scan(List<String> texts, QrScan.Method method, String repairs) {
    List<OtpAuthUri> accounts = new ArrayList<>();
    Set<String> others = new LinkedHashSet<>();
    Optional<QrScan.ExportPart> part = Optional.empty();
    for (String text : texts) {
      AuthenticatorText.Kind kind = AuthenticatorText.kind(text);
      if (kind == AuthenticatorText.Kind.OTHER) {
        others.add(describe(text, AuthenticatorText.scheme(text)));
        continue;
      }
      try {
        if (kind == AuthenticatorText.Kind.OTPAUTH_MIGRATION) {
          // Parsed here rather than through AuthenticatorText.accounts: the batch fields say which part this is.
          MigrationPayload payload = MigrationPayload.parse(text);
          accounts.addAll(payload.accounts());
          part = part.isPresent() ? part : QrScan.ExportPart.of(payload);
        } else {
          accounts.addAll(AuthenticatorText.accounts(text));
        }
      } catch (InvalidOtpAuthUriException | InvalidMigrationPayloadException e) {
        throw new QrCodeException(Reason.INVALID_AUTHENTICATOR_CODE, "the picture holds an authenticator QR code,"
            + " but it cannot be used: " + e.getMessage(), e);
      }
    }
    if (accounts.isEmpty()) {
      throw new QrCodeException(Reason.NOT_AUTHENTICATOR_CODE, (others.size() == 1 ? "the QR code holds " : "the QR"
          + " codes hold ") + String.join(" and ", others) + ", not an authenticator code; send a screenshot of the"
          + " code shown when you turn on two-step verification");
    }
    return new QrScan(accounts, method, repairs, part);
  }

  private static String describe(String text, String scheme) {
    if ("begin".equals(scheme)) {
      return text.strip().regionMatches(true, 0, "BEGIN:VCARD", 0, 11) ? "a contact card (vCard)"
          : "a calendar entry or other BEGIN: text";
    }
    if (KNOWN_SCHEMES.contains(scheme)) {
      return "a link with the scheme '" + scheme + "'";
    }
    return scheme.isEmpty() ? "plain text" : "text of another kind";
  }
}
