package io.totpkit.server;

import io.totpkit.vault.ImportFile;
import io.totpkit.vault.ImportReport;
import io.totpkit.vault.RevealedCode;
import io.totpkit.vault.VaultEntry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The accounts API: list what the caller may use, reveal a code, add accounts from a screenshot (saying how it was
 * read: {@link ScreenshotIntake}), an export file or a URI. No answer carries a key or an {@code otpauth://} URI;
 * entries are reached only through the {@link Caller}, whose vault keys decide what exists for it.
 */
final class AccountEndpoints {
  private final Reveals reveals;
  private final Uploads uploads;

  AccountEndpoints(Reveals reveals, Uploads uploads) {
    this.reveals = reveals;
    this.uploads = uploads;
  }

  Reply list(Exchange exchange) {
    List<Object> out = new ArrayList<>();
    for (VaultEntry entry : exchange.caller().vault.entries()) {
      out.add(describe(entry));
    }
    return Reply.ok(Map.of("accounts", out));
  }

  Reply code(Exchange exchange) {
    String reason = exchange.json(Set.of("reason")).string("reason");
    RevealedCode code = reveals.reveal(exchange.caller(), exchange.parameter, reason, exchange.client);
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("code", code.code());
    boolean timeBased = code.entry().period().isPresent();
    out.put("secondsLeft", timeBased ? code.secondsLeft() : null);
    out.put("expiresAt", timeBased ? code.at().plus(code.remaining()).toString() : null);
    return Reply.ok(out);
  }

  Reply add(Exchange exchange) {
    Uploads.Found found = uploads.read(exchange);
    List<Object> added = new ArrayList<>();
    for (ImportFile.Account account : found.accounts) {
      Set<String> tags = new TreeSet<>(found.tags);
      tags.addAll(account.tags());
      UUID id;
      try {
        id = exchange.caller().vault.add(account.uri(), tags);
      } catch (IllegalArgumentException e) {
        throw ApiError.badRequest(account.item() + ": " + e.getMessage());
      }
      added.add(describe(exchange.caller().account(id.toString())));
    }
    List<Object> skipped = new ArrayList<>();
    for (ImportReport.Skipped item : found.skipped) {
      skipped.add(Map.of("item", item.item(), "reason", item.reason()));
    }
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("format", found.format);
    out.put("added", added);
    out.put("skipped", skipped);
    // For a screenshot, how it was read and how its printed key compares; absent for an export or a pasted link.
    out.put("readBy", found.readBy);
    out.put("printedKey", found.printedKey);
    out.put("note", found.note);
    return Reply.created(out);
  }

  /** An entry as the API shows it: no key. */
  static Map<String, Object> describe(VaultEntry entry) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("id", entry.id().toString());
    out.put("issuer", entry.issuer());
    out.put("account", entry.account());
    out.put("tags", new ArrayList<>(entry.tags()));
    out.put("type", entry.parameters().type().name());
    out.put("digits", entry.parameters().digits());
    out.put("period", entry.period().map(p -> (Object) p.getSeconds()).orElse(null));
    return out;
  }
}
