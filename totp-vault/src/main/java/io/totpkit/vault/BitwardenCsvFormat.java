package io.totpkit.vault;

import java.util.List;
import java.util.Set;

/**
 * Bitwarden's CSV vault export, as its clients write it with papaparse ({@code bitwarden/clients},
 * {@code libs/tools/export/vault-export/vault-export-core/src/services/individual-vault-export.service.ts},
 * {@code org-vault-export.service.ts} and {@code base-vault-export.service.ts}): a personal vault as
 * {@code folder,favorite,type,name,notes,fields,reprompt,login_uri,login_username,login_password,login_totp}, an
 * organization's as {@code collections,type,name,notes,fields,reprompt,login_uri,…,login_totp}, comma separated, a
 * row per login or secure note ({@code type} {@code login} or {@code note}). Recognised by {@code type}, {@code name},
 * {@code login_totp} and {@code folder} or {@code collections} in the header.
 *
 * <p>{@code login_totp} holds what the user pasted: an otpauth:// URI, a bare Base32 key or {@code steam://KEY}
 * ({@link TotpField}). The issuer is the item's {@code name} and the account its {@code login_username}, unless the
 * URI names its own, which win. The folder, or each collection (the cell lists their names separated by commas, as
 * Bitwarden's own CSV import splits them), becomes a tag.
 *
 * <p>A password manager's export is mostly logins without a one-time password, and notes: those rows are not accounts
 * and are passed over without a line in the report, which lists only the rows that had a key and could not be read.
 *
 * <p>Thread-safety: stateless.
 */
final class BitwardenCsvFormat implements ImportReader {
  static final String NAME = "Bitwarden CSV";

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
    return header.contains("type") && header.contains("name") && header.contains(Csv.normalise("login_totp"))
        && (header.contains("folder") || header.contains("collections"));
  }

  @Override
  public Imports.Parsed read(ImportInput input, ImportPassword password) {
    Csv table = Csv.read(input.text());
    int type = table.column("type");
    int name = table.column("name");
    int username = table.column("login_username");
    int totp = table.column("login_totp");
    int folder = table.column("folder");
    int collections = table.column("collections");
    Imports.Parsed parsed = new Imports.Parsed(NAME);
    for (Csv.Row row : table.rows()) {
      String field = row.get(totp);
      if (field.isBlank() || row.get(type).strip().equalsIgnoreCase("note")) {
        continue;
      }
      String where = Imports.where("row " + row.number, row.get(name), row.get(username));
      // A folder is one name (its '/' is nesting, kept); collections are split at commas, as Bitwarden's importer does.
      Set<String> tags = Imports.tagCell(row.get(collections), ",");
      if (!row.get(folder).isBlank()) {
        tags.add(row.get(folder).strip());
      }
      parsed.entry(where, () -> new Imports.Item(where, TotpField.account(field, row.get(name), row.get(username)),
          tags));
    }
    return parsed;
  }
}
