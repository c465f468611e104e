package io.totpkit.core;

import java.util.List;
import java.util.Locale;

/**
 * Tells the texts authenticators deal in apart by their scheme, and reads them into accounts: the one rule that
 * decides whether a QR code's text, an import line or a pasted string is an {@code otpauth:} URI, a Google
 * Authenticator export ({@code otpauth-migration:}), a Steam Guard key ({@code steam:}) or something else.
 *
 * <pre>{@code
 * switch (AuthenticatorText.kind(text)) {           // OTPAUTH, OTPAUTH_MIGRATION, STEAM or OTHER
 *   case OTHER -> skip(AuthenticatorText.scheme(text));
 *   default -> accounts.addAll(AuthenticatorText.accounts(text));   // an export expands to its accounts
 * }
 * }</pre>
 *
 * <p>The scheme is read as RFC 3986 §3.1 writes it ({@code ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )} before the
 * first {@code ':'}), in any case, after leading white space, and at most {@value #MAX_SCHEME_LENGTH} characters
 * long; the {@code //} after it does not decide the kind (the parsers then ask for it). Only that much of the text is
 * looked at, so telling a text apart costs nothing however long it is.
 *
 * <h2>Security</h2>
 * The texts may hold keys. {@link #scheme} returns the text before a colon, which for an unknown text may be the start
 * of a key: quote it only when it is a scheme you know. The parsers' exceptions never quote a key.
 *
 * <p>Thread-safety: stateless; safe to call from any thread.
 */
public final class AuthenticatorText {
  /** The longest scheme recognised; a longer run before the first {@code ':'} is not a scheme. */
  public static final int MAX_SCHEME_LENGTH = 32;

  /**
   * What a text is, by its scheme.
   *
   * <p>Thread-safety: immutable.
   */
  public enum Kind {
    /** {@code otpauth:}, one account in Google's Key Uri Format: {@link OtpAuthUri#parse} reads it. */
    OTPAUTH,
    /** {@code otpauth-migration:}, a Google Authenticator export: {@link MigrationPayload#parse} reads it. */
    OTPAUTH_MIGRATION,
    /**
     * {@code steam:}, a Steam Guard key as Steam tools export it ({@code steam://SECRET}): {@link OtpAuthUri#parse}
     * reads it.
     */
    STEAM,
    /** Anything else: another scheme ({@code https:}, {@code WIFI:}), or text with no scheme at all. */
    OTHER
  }

  private AuthenticatorText() {}

  /**
   * Returns the kind of {@code text}, by its scheme alone.
   *
   * @param text a QR code's text, an import line, a pasted string
   * @return the kind; {@link Kind#OTHER} when the text has no scheme or another one
   */
  public static Kind kind(CharSequence text) {
    switch (scheme(text)) {
      case "otpauth":
        return Kind.OTPAUTH;
      case "otpauth-migration":
        return Kind.OTPAUTH_MIGRATION;
      case "steam":
        return Kind.STEAM;
      default:
        return Kind.OTHER;
    }
  }

  /**
   * Returns the scheme of a URI-like text in lower case ({@code "HTTPS://x"} gives {@code "https"}), or the empty
   * string if the text does not start like a URI.
   *
   * @param text the text; leading white space is skipped
   * @return the scheme, 1 to {@value #MAX_SCHEME_LENGTH} characters, or {@code ""}
   */
  public static String scheme(CharSequence text) {
    int start = 0;
    while (start < text.length() && Character.isWhitespace(text.charAt(start))) {
      start++;
    }
    for (int i = start; i < text.length() && i - start <= MAX_SCHEME_LENGTH; i++) {
      char c = text.charAt(i);
      if (c == ':') {
        return i == start ? "" : text.subSequence(start, i).toString().toLowerCase(Locale.ROOT);
      }
      boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
      boolean other = (c >= '0' && c <= '9') || c == '+' || c == '-' || c == '.';
      if (!(letter || (i > start && other))) {
        return "";
      }
    }
    return "";
  }

  /**
   * Reads the accounts in {@code text}: an {@code otpauth:} or {@code steam:} URI is one account, a Google
   * Authenticator export as many as it holds. Any other text is handed to {@link OtpAuthUri#parse}, whose exception
   * says what it lacks (no {@code ://}, an unsupported scheme).
   *
   * @param text the text
   * @return the accounts, in order; at least one
   * @throws InvalidOtpAuthUriException if the text is not a usable {@code otpauth:} or {@code steam:} URI
   * @throws InvalidMigrationPayloadException if it is an export that cannot be decoded
   */
  public static List<OtpAuthUri> accounts(CharSequence text) {
    return kind(text) == Kind.OTPAUTH_MIGRATION ? MigrationPayload.parse(text).accounts()
        : List.of(OtpAuthUri.parse(text));
  }
}
