package io.totpkit.vault;

import io.totpkit.core.AuthenticatorText;
import io.totpkit.core.OtpAuthUri;
import io.totpkit.core.OtpException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Parses import inputs into accounts and skipped items, before the vault adds them. Never puts a secret into a
 * reason: core's exception messages name positions and kinds, not key material.
 *
 * <p>Thread-safety: stateless.
 */
final class Imports {
  /** The most lines or entries one import reads. */
  static final int MAX_ITEMS = 200_000;

  private Imports() {}

  /** One account to import. */
  static final class Item {
    final String name;
    final OtpAuthUri uri;
    final Set<String> tags;

    Item(String name, OtpAuthUri uri, Set<String> tags) {
      this.name = name;
      this.uri = uri;
      this.tags = tags;
    }
  }

  /** Parsed input: accounts ({@link Item}) and skipped items ({@link ImportReport.Skipped}), in input order. */
  static final class Parsed {
    final List<Object> inOrder = new ArrayList<>();

    void add(Item item) {
      inOrder.add(item);
    }

    void skip(String item, String reason) {
      inOrder.add(new ImportReport.Skipped(item, reason));
    }
  }

  /** Reads {@code otpauth://} and {@code otpauth-migration://} URIs, one per line. */
  static Parsed otpauthList(String text) {
    Parsed parsed = new Parsed();
    String[] lines = text.split("\r\n|\n|\r", -1);
    if (lines.length > MAX_ITEMS) {
      throw new VaultImportException("the list has " + lines.length + " lines; at most " + MAX_ITEMS
          + " are read in one import");
    }
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      String where = "line " + (i + 1);
      if (line.isEmpty() || line.startsWith("#")) {
        continue;
      }
      try {
        // Core's rule tells an export from a URI; anything else fails in OtpAuthUri.parse with its reason.
        List<OtpAuthUri> accounts = AuthenticatorText.accounts(line);
        boolean export = AuthenticatorText.kind(line) == AuthenticatorText.Kind.OTPAUTH_MIGRATION;
        for (int k = 0; k < accounts.size(); k++) {
          OtpAuthUri uri = accounts.get(k);
          String name = export ? where + ", account " + (k + 1) : where;
          String label = uri.issuer().isEmpty() ? uri.account() : uri.issuer();
          parsed.add(new Item(label.isEmpty() ? name : name + " (" + label + ")", uri, Set.of()));
        }
      } catch (OtpException e) {
        parsed.skip(where, e.getMessage());
      }
    }
    return parsed;
  }
}
