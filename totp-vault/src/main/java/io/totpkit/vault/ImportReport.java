package io.totpkit.vault;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What an import did: the ids of the entries it added, and each item it skipped with the reason. Names items by
 * position and issuer, never by secret.
 *
 * <p>Thread-safety: immutable.
 */
public final class ImportReport {
  private final List<UUID> imported;
  private final List<Skipped> skipped;

  ImportReport(List<UUID> imported, List<Skipped> skipped) {
    this.imported = List.copyOf(imported);
    this.skipped = List.copyOf(skipped);
  }

  /** Returns the ids of the added entries, in input order. */
  public List<UUID> imported() {
    return imported;
  }

  /** Returns the items not imported, in input order. */
  public List<Skipped> skipped() {
    return skipped;
  }

  @Override
  public String toString() {
    return "ImportReport[" + imported.size() + " imported, " + skipped.size() + " skipped]";
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
