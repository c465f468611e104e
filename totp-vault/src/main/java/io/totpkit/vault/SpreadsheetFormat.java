package io.totpkit.vault;

import io.totpkit.core.AuthenticatorText;
import io.totpkit.core.HmacAlgorithm;
import io.totpkit.core.OtpAuthUri;
import io.totpkit.core.OtpException;
import io.totpkit.core.Secret;
import java.util.List;
import java.util.Set;

/**
 * A spreadsheet saved as CSV, the way an agency keeps its own records of its clients' accounts: one account a row,
 * columns named in a header row. Comma, semicolon and tab separated files are read ({@link Csv}); column names are
 * compared ignoring case, spaces, underscores and hyphens, and the left-most of several matching columns is used.
 *
 * <table>
 *   <caption>Columns</caption>
 *   <tr><th>Column</th><th>Also named</th><th>Holds</th></tr>
 *   <tr><td>{@code issuer}</td><td>service, platform, website, site</td><td>the service</td></tr>
 *   <tr><td>{@code account}</td><td>name, username, user, login, email, label</td><td>the account at it</td></tr>
 *   <tr><td>{@code secret}</td><td>key, seed, setup key, totp secret</td><td>the Base32 key as typed: case, spaces
 *       and hyphens do not matter; an otpauth:// or steam:// URI there is read as in the otpauth column</td></tr>
 *   <tr><td>{@code otpauth}</td><td>uri, url</td><td>an otpauth:// or steam:// URI, or a Google Authenticator
 *       export (otpauth-migration://), whose every account is imported</td></tr>
 *   <tr><td>{@code type}</td><td></td><td>totp (the default), hotp or steam</td></tr>
 *   <tr><td>{@code algorithm}</td><td></td><td>SHA1 (the default), SHA256 or SHA512</td></tr>
 *   <tr><td>{@code digits}</td><td></td><td>6 by default</td></tr>
 *   <tr><td>{@code period}</td><td></td><td>seconds, 30 by default</td></tr>
 *   <tr><td>{@code counter}</td><td></td><td>an HOTP key's counter, required for hotp</td></tr>
 *   <tr><td>{@code tags}</td><td></td><td>tags separated by {@code ;}, {@code ,} or {@code |} inside the cell</td></tr>
 * </table>
 *
 * <p>A file is recognised when its header names a secret or otpauth column; a {@code uri} or {@code url} column counts
 * only once one of the first {@value #SNIFFED_ROWS} rows holds an otpauth:// URI in it, so that a browser's password
 * export (which has a {@code url} column of web addresses) is not taken for one. Other columns are ignored.
 *
 * <p>Each row is one account: the secret column when it is filled, with type, algorithm, digits, period and counter
 * from their columns; otherwise the otpauth column, whose URI carries its own parameters and whose issuer and account
 * win over the columns' (which fill in what the URI lacks). A row without either is skipped with that reason; an empty
 * row is passed over. Rows are named as a spreadsheet numbers them, the header being row 1.
 *
 * <p>Thread-safety: stateless.
 */
final class SpreadsheetFormat implements ImportReader {
  static final String NAME = "spreadsheet CSV";
  static final String[] ISSUER = {"issuer", "service", "platform", "website", "site"};
  static final String[] ACCOUNT = {"account", "name", "username", "user", "login", "email", "label"};
  static final String[] SECRET = {"secret", "key", "seed", "setup key", "totp secret"};
  static final String[] OTPAUTH = {"otpauth"};
  static final String[] LINK = {"uri", "url"};
  /** How many rows recognition looks at for an otpauth URI in a {@code uri} or {@code url} column. */
  static final int SNIFFED_ROWS = 100;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean recognises(ImportInput input) {
    if (input.text() == null || input.looksLikeJson()) {
      return false;
    }
    List<String> header = Csv.header(input.text());
    if (names(header, SECRET) || names(header, OTPAUTH)) {
      return true;
    }
    if (!names(header, LINK)) {
      return false;
    }
    Csv head = Csv.head(input.text(), SNIFFED_ROWS);
    if (head == null) {
      return false;
    }
    int link = head.column(LINK);
    return head.rows().stream().anyMatch(row -> isAccountUri(row.get(link)));
  }

  @Override
  public Imports.Parsed read(ImportInput input, ImportPassword password) {
    Csv table = Csv.read(input.text());
    Columns columns = new Columns(table);
    Imports.Parsed parsed = new Imports.Parsed(NAME);
    for (Csv.Row row : table.rows()) {
      if (row.isBlank()) {
        continue;
      }
      String issuer = row.get(columns.issuer);
      String account = row.get(columns.account);
      String where = Imports.where("row " + row.number, issuer, account);
      String secret = row.get(columns.secret).strip();
      String uri = secret.isEmpty() ? row.get(columns.otpauth).strip() : secret;
      Set<String> tags = Imports.tagCell(row.get(columns.tags), ";,|");
      if (AuthenticatorText.kind(uri) == AuthenticatorText.Kind.OTPAUTH_MIGRATION) {
        export(parsed, "row " + row.number, uri, tags);
      } else {
        parsed.entry(where, () -> new Imports.Item(where, account(columns, row, secret, uri), tags));
      }
    }
    return parsed;
  }

  private static OtpAuthUri account(Columns columns, Csv.Row row, String secret, String uri) {
    String issuer = row.get(columns.issuer);
    String account = row.get(columns.account);
    if (isAccountUri(uri)) {
      return TotpField.fillIn(OtpAuthUri.parse(uri), issuer, account);
    }
    if (secret.isEmpty()) {
      throw new Imports.Skip(uri.isEmpty() ? "no secret" : "no secret, and the otpauth column holds no otpauth:// "
          + "or steam:// URI");
    }
    String type = row.get(columns.type).strip();
    String algorithm = row.get(columns.algorithm).strip();
    if (type.length() > 10 || !type.chars().allMatch(Character::isLetterOrDigit)) {
      // A misplaced key may land here: it is not quoted. Ten characters of Base32 are 50 bits, no usable key.
      throw new Imports.Skip("the type column holds no type (totp, hotp or steam)");
    }
    if (!algorithm.isEmpty() && !algorithm.equalsIgnoreCase("MD5")) {
      try {
        HmacAlgorithm.fromName(algorithm);
      } catch (IllegalArgumentException e) {
        throw new Imports.Skip("the algorithm column holds no algorithm (SHA1, SHA256 or SHA512)");
      }
    }
    boolean hotp = type.equalsIgnoreCase("hotp");
    return Imports.account(type.isEmpty() ? null : type, Secret.fromBase32(secret), issuer, account, algorithm,
        number(row.get(columns.digits), "digits"), number(row.get(columns.period), "period"),
        hotp ? counter(row.get(columns.counter)) : null);
  }

  /** Adds every account of a Google Authenticator export in one cell, or skips the row with the reason. */
  private static void export(Imports.Parsed parsed, String position, String text, Set<String> tags) {
    List<OtpAuthUri> accounts;
    try {
      accounts = AuthenticatorText.accounts(text);
    } catch (OtpException e) {
      parsed.skip(position, e.getMessage());
      return;
    }
    for (int k = 0; k < accounts.size(); k++) {
      OtpAuthUri uri = accounts.get(k);
      String where = Imports.where(position + ", account " + (k + 1), uri.issuer(), uri.account());
      parsed.entry(where, () -> new Imports.Item(where, uri, tags));
    }
  }

  private static boolean isAccountUri(String text) {
    AuthenticatorText.Kind kind = AuthenticatorText.kind(text);
    return kind == AuthenticatorText.Kind.OTPAUTH || kind == AuthenticatorText.Kind.STEAM;
  }

  private static Integer number(String cell, String column) {
    String text = cell.strip();
    if (text.isEmpty()) {
      return null;
    }
    if (text.length() > 9 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new Imports.Skip("the " + column + " column is not a whole number");
    }
    return Integer.parseInt(text);
  }

  private static Long counter(String cell) {
    String text = cell.strip();
    if (text.isEmpty()) {
      return null;
    }
    if (text.length() > 18 || !text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      throw new Imports.Skip("the counter column is not a whole number");
    }
    return Long.parseLong(text);
  }

  private static boolean names(List<String> header, String[] aliases) {
    for (String alias : aliases) {
      if (header.contains(Csv.normalise(alias))) {
        return true;
      }
    }
    return false;
  }

  /** Where each column is, -1 for a column the file lacks. */
  private static final class Columns {
    final int issuer;
    final int account;
    final int secret;
    final int otpauth;
    final int type;
    final int algorithm;
    final int digits;
    final int period;
    final int counter;
    final int tags;

    Columns(Csv table) {
      issuer = table.column(ISSUER);
      account = table.column(ACCOUNT);
      secret = table.column(SECRET);
      int named = table.column(OTPAUTH);
      otpauth = named >= 0 ? named : table.column(LINK);
      type = table.column("type");
      algorithm = table.column("algorithm");
      digits = table.column("digits");
      period = table.column("period");
      counter = table.column("counter");
      tags = table.column("tags");
    }
  }
}
