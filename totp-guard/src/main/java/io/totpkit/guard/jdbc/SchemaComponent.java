package io.totpkit.guard.jdbc;

import java.util.List;
import java.util.Objects;

/**
 * One part of totpkit's PostgreSQL schema, versioned on its own in {@code totpkit_schema_versions} so that a
 * database holds the tables of whichever modules use it (a login service's guards alone, or a vault's as well):
 * version {@code n} is reached by running {@code steps.get(n - 1)}, one transaction per step ({@link Migrations}).
 *
 * <p>Thread-safety: immutable.
 *
 * @param name the component's key in {@code totpkit_schema_versions}
 * @param legacySince the version of the one-row {@code totpkit_schema} table written by totpkit before components
 *     were versioned apart, from which on this component's version 1 exists already; 0 if it never did
 * @param steps each version's DDL statements, in order
 */
public record SchemaComponent(String name, int legacySince, List<List<String>> steps) {
  /** Checks the range of {@code legacySince} and that there is a step; copies the steps. */
  public SchemaComponent {
    Objects.requireNonNull(name, "name");
    if (legacySince < 0 || legacySince > Migrations.LAST_LEGACY_VERSION) {
      throw new IllegalArgumentException("legacySince must be from 0 to " + Migrations.LAST_LEGACY_VERSION
          + ", was " + legacySince);
    }
    if (steps.isEmpty()) {
      throw new IllegalArgumentException("a schema component needs at least one step");
    }
    steps = steps.stream().map(List::copyOf).toList();
  }

  /**
   * Returns the version this totpkit writes and reads.
   *
   * @return the number of steps
   */
  public int currentVersion() {
    return steps.size();
  }
}
