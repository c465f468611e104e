package io.totpkit.cli;

import io.totpkit.vault.VaultEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * Finds the entry a QUERY names: an entry id or a unique prefix of at least 4 characters; else the issuer, the
 * account, {@code issuer:account} or {@code issuer (account)}, ignoring case — exact matches first, then substrings.
 */
final class Queries {
  private Queries() {}

  static List<VaultEntry> matching(List<VaultEntry> entries, String query) {
    String q = query.trim().toLowerCase(Locale.ROOT);
    if (q.isEmpty()) {
      return List.of();
    }
    if (q.length() >= 4) {
      List<VaultEntry> byId = filter(entries, e -> e.id().toString().startsWith(q));
      if (!byId.isEmpty()) {
        return byId;
      }
    }
    List<VaultEntry> exact = filter(entries, e -> names(e).contains(q));
    if (!exact.isEmpty()) {
      return exact;
    }
    return filter(entries, e -> names(e).stream().anyMatch(name -> name.contains(q)));
  }

  /** Exactly one entry, or a {@link CliException} (exit 2) that says what to do; the matches go to stderr. */
  static VaultEntry one(List<VaultEntry> entries, String query, Io io) {
    List<VaultEntry> found = matching(entries, query);
    if (found.isEmpty()) {
      throw new CliException(ExitCodes.USAGE, "no account you may use matches '" + query + "'; see 'totp list'");
    }
    if (found.size() > 1) {
      Tables.entries(found, io.err);
      throw new CliException(ExitCodes.USAGE, "'" + query + "' matches " + found.size()
          + " accounts; be more specific (an id prefix works too)");
    }
    return found.get(0);
  }

  private static List<String> names(VaultEntry e) {
    String issuer = e.issuer().toLowerCase(Locale.ROOT);
    String account = e.account().toLowerCase(Locale.ROOT);
    return List.of(issuer, account, issuer + ":" + account, issuer + " (" + account + ")");
  }

  private static List<VaultEntry> filter(List<VaultEntry> entries, Predicate<VaultEntry> test) {
    List<VaultEntry> out = new ArrayList<>();
    for (VaultEntry e : entries) {
      if (test.test(e)) {
        out.add(e);
      }
    }
    return out;
  }
}
