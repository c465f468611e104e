package io.totpkit.vault;

import io.totpkit.core.OtpAuthUri;
import io.totpkit.core.Secret;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Accounts in and out of the vault: imports of parsed lists and exports in other apps' formats. An import skips an
 * account that is already in the vault with the same key ({@link VaultEntry#isSameAccount} and an equal secret), and
 * one whose key is shorter than {@link KeyLength#MINIMUM_BITS}, each with its reason; an export opens exactly the
 * secrets it writes and is audited before its text is handed out. {@link Vault} documents the public contract.
 *
 * <p>Thread-safety: safe for concurrent use (the kernel serializes operations).
 */
final class Transfers {
  private final VaultKernel kernel;
  private final EntryBook entries;

  Transfers(VaultKernel kernel, EntryBook entries) {
    this.kernel = kernel;
    this.entries = entries;
  }

  /** An entry with its secret opened, for exports. */
  static final class ExportItem {
    final VaultEntry entry;
    final OtpAuthUri uri;

    ExportItem(VaultEntry entry, OtpAuthUri uri) {
      this.entry = entry;
      this.uri = uri;
    }
  }

  /**
   * Adds {@code parsed}'s accounts in one save, with one {@link AuditAction#ENTRY_ADDED} record per entry and one
   * {@link AuditAction#IMPORTED} record that names the format and the counts; a dry run checks the same and changes
   * nothing.
   */
  ImportReport importItems(Imports.Parsed parsed, Set<String> tags, boolean dryRun) {
    return kernel.change(() -> {
      kernel.requireOwner(dryRun ? "preview an import" : "import");
      List<ImportReport.Added> added = new ArrayList<>();
      List<ImportReport.Skipped> skipped = new ArrayList<>();
      List<AuditJournal.Entry> audit = new ArrayList<>();
      Map<String, List<StoredEntry>> byName = new HashMap<>();
      kernel.body.entries.values().forEach(stored -> byName.computeIfAbsent(VaultEntry.accountKey(stored.entry),
          k -> new ArrayList<>()).add(stored));
      Map<String, List<OtpAuthUri>> fromFile = new HashMap<>();
      for (Object result : parsed.inOrder) {
        if (result instanceof ImportReport.Skipped) {
          skipped.add((ImportReport.Skipped) result);
          continue;
        }
        Imports.Item item = (Imports.Item) result;
        String account = VaultEntry.accountKey(item.uri);
        List<OtpAuthUri> earlier = fromFile.computeIfAbsent(account, k -> new ArrayList<>());
        if (hasSameKey(item.uri, byName.getOrDefault(account, List.of()))) {
          skipped.add(new ImportReport.Skipped(item.name, "already in the vault (same issuer, account and secret)"));
          continue;
        }
        if (earlier.stream().anyMatch(uri -> uri.type() == item.uri.type() && uri.secret().equals(item.uri.secret()))) {
          skipped.add(new ImportReport.Skipped(item.name, "the same account appears earlier in the input"));
          continue;
        }
        try {
          Set<String> all = new TreeSet<>(tags);
          all.addAll(item.tags);
          Set<String> entryTags = checkedTags(all);
          // put() and check() refuse a key under KeyLength.MINIMUM_BITS or a field the format cannot hold.
          VaultEntry entry = dryRun ? entries.check(item.uri, entryTags)
              : kernel.body.entries.get(entries.put(kernel.randomId(), item.uri, entryTags, null)).entry;
          earlier.add(item.uri);
          added.add(new ImportReport.Added(item.name, entry, dryRun));
          if (!dryRun) {
            audit.add(kernel.record(AuditAction.ENTRY_ADDED, entry.id(), parsed.format + " import"));
          }
        } catch (IllegalArgumentException e) {
          skipped.add(new ImportReport.Skipped(item.name, e.getMessage()));
        }
      }
      ImportReport report = new ImportReport(parsed.format, dryRun, added, skipped);
      if (dryRun) {
        return VaultChange.journalOnly(report, List.of(), false);
      }
      audit.add(kernel.record(AuditAction.IMPORTED, null, parsed.format + ": " + added.size() + " imported, "
          + skipped.size() + " skipped"));
      return VaultChange.saved(report, audit);
    });
  }

  private static Set<String> checkedTags(Set<String> tags) {
    try {
      return Tags.checked(tags);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unusable tags: " + e.getMessage(), e);
    }
  }

  /** Whether one of {@code sameAccount} (entries of the same account) has the same type and key as {@code uri}. */
  private boolean hasSameKey(OtpAuthUri uri, List<StoredEntry> sameAccount) {
    for (StoredEntry stored : sameAccount) {
      if (stored.entry.parameters().type() == uri.type()) {
        Secret secret = kernel.keys.open(stored);
        try {
          if (secret.equals(uri.secret())) {
            return true;
          }
        } finally {
          secret.destroy();
        }
      }
    }
    return false;
  }

  String exportOtpauth() {
    return export("otpauth list", stored -> true, items -> {
      StringBuilder out = new StringBuilder(items.size() * 120);
      for (ExportItem item : items) {
        out.append(item.uri.toUriString()).append('\n');
      }
      return out.toString();
    });
  }

  OtpAuthUri exportOtpauth(UUID id) {
    List<OtpAuthUri> found = new ArrayList<>(1);
    export("otpauth URI of entry " + id, stored -> stored.id().equals(id), items -> {
      if (items.isEmpty()) {
        throw new NoSuchElementException("the vault has no entry " + id);
      }
      // A copy: the export destroys the secrets it opened once the writer returns.
      found.add(OtpAuthUri.parse(items.get(0).uri.toUriString()));
      return "";
    });
    return found.get(0);
  }

  String exportAegis() {
    return export("Aegis JSON", stored -> true, AegisFormat::write);
  }

  private String export(String format, Predicate<StoredEntry> which, Function<List<ExportItem>, String> writer) {
    return kernel.change(() -> {
      kernel.requireOwner("export");
      List<ExportItem> items = new ArrayList<>();
      List<Secret> secrets = new ArrayList<>();
      try {
        for (StoredEntry stored : kernel.body.entries.values()) {
          if (!which.test(stored)) {
            continue;
          }
          Secret secret = kernel.keys.open(stored);
          secrets.add(secret);
          items.add(new ExportItem(stored.entry, StoredEntry.toUri(stored.entry, secret)));
        }
        String text = writer.apply(items);
        // The export is audited before the text is handed out.
        return VaultChange.journalOnly(text, List.of(kernel.record(AuditAction.EXPORTED, null, format + ", "
            + items.size() + " entries")), true);
      } finally {
        secrets.forEach(Secret::destroy);
      }
    });
  }
}
