package io.totpkit.vault;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * What an import did, or on a dry run would do: the format read, each account added with its tags (and its new id),
 * and each item skipped with the reason. Names items by position, issuer and account, never by secret.
 *
 * <p>Thread-safety: immutable.
 */
public final class ImportReport {
  private final String format;
  private final boolean dryRun;
  private final List<Added> added;
  private final List<Skipped> skipped;

  ImportReport(String format, boolean dryRun, List<Added> added, List<Skipped> skipped) {
    this.format = Objects.requireNonNull(format);
    this.dryRun = dryRun;
    this.added = List.copyOf(added);
    this.skipped = List.copyOf(skipped);
  }

  /** Returns the format the input was read as: {@code "2FAS (encrypted)"}, {@code "otpauth list"}. */
  public String format() {
    return format;
  }

  /** Returns whether this was a dry run: nothing was added, and {@link #imported()} is empty. */
  public boolean isDryRun() {
    return dryRun;
  }

  /** Returns the ids of the added entries, in input order; empty on a dry run. */
  public List<UUID> imported() {
    List<UUID> ids = new ArrayList<>(added.size());
    added.forEach(account -> account.id.ifPresent(ids::add));
    return ids;
  }

  /** Returns the accounts added, or on a dry run those that would be, in input order. */
  public List<Added> added() {
    return added;
  }

  /** Returns the items not imported, in input order. */
  public List<Skipped> skipped() {
    return skipped;
  }

  @Override
  public String toString() {
    return "ImportReport[" + format + ", " + added.size() + (dryRun ? " to import, " : " imported, ")
        + skipped.size() + " skipped]";
  }

  /**
   * An account an import added, or would add.
   *
   * <p>Thread-safety: immutable.
   */
  public static final class Added {
    private final String item;
    private final VaultEntry entry;
    private final Optional<UUID> id;

    Added(String item, VaultEntry entry, boolean dryRun) {
      this.item = item;
      this.entry = entry;
      this.id = dryRun ? Optional.empty() : Optional.of(entry.id());
    }

    /** Returns which item of the input: {@code "entry 2 (GitHub)"}, {@code "row 7 (TikTok)"}. */
    public String item() {
      return item;
    }

    /** Returns the account's issuer, possibly empty. */
    public String issuer() {
      return entry.issuer();
    }

    /** Returns the account name, possibly empty. */
    public String account() {
      return entry.account();
    }

    /** Returns its tags: those given to the import and those its app gave it. */
    public Set<String> tags() {
      return entry.tags();
    }

    /** Returns the new entry's id; empty on a dry run. */
    public Optional<UUID> id() {
      return id;
    }

    @Override
    public String toString() {
      return item;
    }
  }

  /**
   * An input item that was not imported.
   *
   * <p>Thread-safety: immutable.
   */
  public static final class Skipped {
    private final String item;
    private final String reason;

    Skipped(String item, String reason) {
      this.item = Objects.requireNonNull(item);
      this.reason = Objects.requireNonNull(reason);
    }

    /** Returns which item: {@code "line 3"}, {@code "entry 2 (GitHub)"}. */
    public String item() {
      return item;
    }

    /** Returns why it was skipped. */
    public String reason() {
      return reason;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Skipped && item.equals(((Skipped) other).item)
          && reason.equals(((Skipped) other).reason);
    }

    @Override
    public int hashCode() {
      return Objects.hash(item, reason);
    }

    @Override
    public String toString() {
      return item + ": " + reason;
    }
  }
}
