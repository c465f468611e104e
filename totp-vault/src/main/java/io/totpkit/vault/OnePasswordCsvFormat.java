package io.totpkit.vault;

import java.util.List;
import java.util.Set;

/**
 * 1Password 8's CSV export: the header {@code Title,Url,Username,Password,OTPAuth,Favorite,Archived,Tags,Notes}, every
 * field quoted, a row per item (the columns as 1Password's support pages describe the CSV export, and as
 * {@code roddhjav/pass-import} {@code pass_import/managers/onepassword.py} reads version 8). Recognised by
 * {@code Title}, {@code Username} and {@code OTPAuth} in the header.
 *
 * <p>{@code OTPAuth} holds the item's one-time password field: an otpauth:// URI as 1Password stores it, or a bare
 * key ({@link TotpField}). The issuer is the {@code Title} and the account the {@code Username}, unless the URI names
 * its own, which win. {@code Tags} become tags, split at commas and semicolons: the export's separator inside the
 * cell is not documented, so both split. Archived items are imported:
 * archiving hides an item in 1Password, it does not retire its key. Rows without a one-time password are not accounts
 * and are passed over without a line in the report.
 *
 * <p>1Password 7's CSV has columns the user picks, and no documented one for the one-time password; it is not read
 * (export a 1PUX or 1Password 8 CSV instead).
 *
 * <p>Thread-safety: stateless.
 */
final class OnePasswordCsvFormat implements ImportReader {
  static final String NAME = "1Password CSV";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean recognises(ImportInput input) {
    if (input.looksLikeJson()) {
      return false;
    }
    List<String> header = Csv.header(input.text());
    return header.contains("title") && header.contains("username") && header.contains("otpauth");
  }

  @Override
  public Imports.Parsed read(ImportInput input, ImportPassword password) {
    Csv table = Csv.read(input.text());
    int title = table.column("Title");
    int username = table.column("Username");
    int otp = table.column("OTPAuth");
    int tagColumn = table.column("Tags");
    Imports.Parsed parsed = new Imports.Parsed(NAME);
    for (Csv.Row row : table.rows()) {
      String field = row.get(otp);
      if (field.isBlank()) {
        continue;
      }
      String where = Imports.where("row " + row.number, row.get(title), row.get(username));
      Set<String> tags = Imports.tagCell(row.get(tagColumn), ",;");
      parsed.entry(where, () -> new Imports.Item(where, TotpField.account(field, row.get(title), row.get(username)),
          tags));
    }
    return parsed;
  }
}
