package io.totpkit.server;

import io.totpkit.server.pages.AuditRow;
import io.totpkit.vault.AuditRecord;
import io.totpkit.vault.AuditTamperedException;
import io.totpkit.vault.VaultEntry;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;

/**
 * The audit page (OWNERs): the trail as a table, newest first, filterable by member, account and date, and above it
 * the result of {@code verifyAudit()} in plain words — intact with its count, or what failed.
 */
final class AuditPage {
  private final StaffPages pages;

  AuditPage(StaffPages pages) {
    this.pages = pages;
  }

  List<Route> routes() {
    return List.of(new Route("GET", "/audit", Permission.OWNER, this::audit));
  }

  private Reply audit(Exchange x) {
    Map<String, String> query = x.form();
    String who = query.getOrDefault("member", "");
    String account = query.getOrDefault("account", "").strip();
    String from = query.getOrDefault("from", "");
    String to = query.getOrDefault("to", "");
    Instant start = day(from, 0);
    Instant end = day(to, 1);
    Map<String, Object> model = pages.signedIn(x);
    List<AuditRecord> trail;
    try {
      trail = x.caller().vault.auditTrail();
      model.put("verdict", "Audit trail intact: " + trail.size() + " records verified (seals, chain, order, and "
          + "every recorded change against the vault).");
      model.put("intact", true);
    } catch (AuditTamperedException e) {
      trail = List.of();
      model.put("verdict", "The audit trail FAILED verification: " + e.getMessage());
      model.put("intact", false);
    }
    Map<UUID, String> names = new HashMap<>();
    for (VaultEntry entry : x.caller().vault.entries()) {
      names.put(entry.id(), entry.issuer() + " (" + entry.account() + ")");
    }
    TreeSet<String> members = new TreeSet<>();
    List<AuditRow> rows = new ArrayList<>();
    for (int i = trail.size() - 1; i >= 0; i--) {
      AuditRecord r = trail.get(i);
      members.add(r.member());
      String name = r.entryId().map(id -> names.getOrDefault(id, "(removed) " + id)).orElse("");
      if ((who.isEmpty() || r.member().equals(who))
          && (account.isEmpty() || name.toLowerCase(Locale.ROOT).contains(account.toLowerCase(Locale.ROOT)))
          && (start == null || !r.time().isBefore(start)) && (end == null || r.time().isBefore(end))) {
        String detail = r.subject().map(s -> s + r.detail().map(d -> ": " + d).orElse("")).orElse(r.detail()
            .orElse(""));
        rows.add(new AuditRow(r.time().truncatedTo(ChronoUnit.SECONDS).toString(), r.member(),
            r.action().name().toLowerCase(Locale.ROOT).replace('_', ' '), name, detail));
      }
    }
    model.put("rows", rows);
    model.put("members", new ArrayList<>(members));
    model.put("who", who);
    model.put("account", account);
    model.put("from", from);
    model.put("to", to);
    return pages.page(200, "audit", model);
  }

  /** The start of a date's day (plus {@code days}), or {@code null} for no date. */
  private static Instant day(String date, int days) {
    if (date.isEmpty()) {
      return null;
    }
    try {
      return LocalDate.parse(date).plusDays(days).atStartOfDay(ZoneOffset.UTC).toInstant();
    } catch (DateTimeParseException e) {
      throw ApiError.badRequest("a date is YYYY-MM-DD");
    }
  }
}
