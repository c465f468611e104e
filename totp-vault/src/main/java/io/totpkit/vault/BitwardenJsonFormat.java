package io.totpkit.vault;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Bitwarden's JSON vault export, as its clients write it ({@code bitwarden/clients}
 * {@code libs/tools/export/vault-export/vault-export-core/src/services/individual-vault-export.service.ts} and
 * {@code org-vault-export.service.ts}, items as {@code libs/common/src/models/export/cipher.export.ts}): a personal
 * vault as {@code {"encrypted": false, "folders": [{"id", "name"}], "items": [...]}}, an organization's with
 * {@code "collections": [{"id", "organizationId", "name", "externalId"}]} instead of folders. An item has
 * {@code type} (1 login, 2 secure note, 3 card, 4 identity, 5 SSH key, …), {@code name}, {@code folderId},
 * {@code collectionIds} and, for a login, {@code login: {"uris", "username", "password", "totp", …}}. The Bitwarden
 * Authenticator app's export has the same shape. Recognised by a boolean {@code encrypted} beside {@code items} or
 * {@code passwordProtected}.
 *
 * <p>{@code login.totp} holds what the user pasted: an otpauth:// URI, a bare Base32 key or {@code steam://KEY}
 * ({@link TotpField}). The issuer is the item's {@code name} and the account its {@code login.username}, unless the
 * URI names its own, which win. The item's folder and collections become tags. Items that are not logins, and logins
 * without a one-time password, are not accounts: they are passed over without a line in the report.
 *
 * <p>A password-protected export ({@code "encrypted": true, "passwordProtected": true}) is opened with its password
 * ({@link BitwardenProtectedExport}) and read as {@code "Bitwarden JSON (encrypted)"}. An "account restricted"
 * export ({@code "encrypted": true} alone) is encrypted with the Bitwarden account's own key, which only that account
 * holds: it is refused with a message saying how to export instead.
 *
 * <p>Thread-safety: stateless.
 */
final class BitwardenJsonFormat implements ImportReader {
  static final String NAME = "Bitwarden JSON";
  private static final int LOGIN = 1;

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public boolean recognises(ImportInput input) {
    Map<String, Object> root = input.jsonObject();
    return root != null && root.get("encrypted") instanceof Boolean
        && (root.containsKey("items") || root.containsKey("passwordProtected"));
  }

  @Override
  public Imports.Parsed read(ImportInput input, ImportPassword password) {
    Map<String, Object> root = input.jsonObject();
    if (!Boolean.TRUE.equals(root.get("encrypted"))) {
      return entries(root, NAME);
    }
    if (!Boolean.TRUE.equals(root.get("passwordProtected"))) {
      throw new VaultImportException("the Bitwarden export is encrypted with its Bitwarden account's own key (an "
          + "\"account restricted\" export), which only that account can open: export the vault from Bitwarden again "
          + "as .json, or as an encrypted .json that is \"password protected\"");
    }
    String format = NAME + " (encrypted)";
    return entries(Imports.withPassword(password, format, secret -> BitwardenProtectedExport.open(root, secret)),
        format);
  }

  private static Imports.Parsed entries(Map<String, Object> export, String format) {
    List<?> items = JsonFields.list(export.get("items"), "the Bitwarden export's \"items\"");
    Map<String, String> groups = new HashMap<>();
    names(export.get("folders"), groups);
    names(export.get("collections"), groups);
    Imports.Parsed parsed = new Imports.Parsed(format);
    for (int i = 0; i < items.size(); i++) {
      Object value = items.get(i);
      if (value instanceof Map && !isAccount((Map<?, ?>) value)) {
        continue;
      }
      String name = value instanceof Map && ((Map<?, ?>) value).get("name") instanceof String
          ? (String) ((Map<?, ?>) value).get("name") : "";
      String where = Imports.where("item " + (i + 1), name, "");
      parsed.entry(where, () -> {
        Map<String, Object> item = JsonFields.entryObject(value, "the item");
        Map<String, Object> login = JsonFields.entryObject(item.get("login"), "\"login\"");
        return new Imports.Item(where, TotpField.account(JsonFields.text(login, "totp"), name,
            JsonFields.text(login, "username")), tags(item, groups));
      });
    }
    return parsed;
  }

  /** Whether a login with a one-time password: a card, a note, an identity or a login without one is no account. */
  private static boolean isAccount(Map<?, ?> item) {
    Object login = item.get("login");
    return isLogin(item.get("type")) && login != null
        && !(login instanceof Map && isBlank(((Map<?, ?>) login).get("totp")));
  }

  private static boolean isLogin(Object type) {
    return type instanceof BigDecimal && ((BigDecimal) type).compareTo(BigDecimal.valueOf(LOGIN)) == 0;
  }

  private static boolean isBlank(Object value) {
    return value == null || value instanceof String && ((String) value).isBlank();
  }

  /** Adds each {@code {"id", "name"}} of a folders or collections array to {@code names}. */
  private static void names(Object list, Map<String, String> names) {
    if (list instanceof List) {
      for (Object value : (List<?>) list) {
        if (value instanceof Map && ((Map<?, ?>) value).get("id") instanceof String
            && ((Map<?, ?>) value).get("name") instanceof String) {
          names.put((String) ((Map<?, ?>) value).get("id"), (String) ((Map<?, ?>) value).get("name"));
        }
      }
    }
  }

  private static Set<String> tags(Map<?, ?> item, Map<String, String> groups) {
    Set<String> tags = new TreeSet<>();
    String folder = item.get("folderId") instanceof String ? groups.get(item.get("folderId")) : null;
    if (folder != null && !folder.isBlank()) {
      tags.add(folder.strip());
    }
    if (item.get("collectionIds") instanceof List) {
      for (Object id : (List<?>) item.get("collectionIds")) {
        String collection = id instanceof String ? groups.get(id) : null;
        if (collection != null && !collection.isBlank()) {
          tags.add(collection.strip());
        }
      }
    }
    return tags;
  }
}
