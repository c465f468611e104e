package io.totpkit.cli;

import io.totpkit.vault.AuditRecord;
import io.totpkit.vault.AuditTamperedException;
import io.totpkit.vault.Vault;
import io.totpkit.vault.VaultEntry;
import java.io.PrintWriter;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code totp audit}: who revealed, changed, imported or exported what, and when. OWNER only. */
@Command(name = "audit", mixinStandardHelpOptions = true, footer = ExitCodes.FOOTER,
    description = {"Prints the audit trail: every code reveal, change, import, export and membership change. "
        + "--verify checks every record's seal and chain instead: exit 0 when intact, 1 when broken. OWNER only."})
final class AuditCommand extends VaultCommand {
  @Option(names = "--verify", description = "Only check the trail; exit 1 if it was edited, cut or reordered.")
  boolean verify;

  @Override
  public Integer call() {
    Io io = io();
    try (Vault vault = root().openVault()) {
      if (verify) {
        try {
          long count = vault.verifyAudit();
          io.out.println("audit trail intact: " + count + " records");
          return ExitCodes.OK;
        } catch (AuditTamperedException e) {
          io.show("audit trail BROKEN: " + e.getMessage());
          return ExitCodes.NO;
        }
      }
      print(vault, io.out);
    }
    return ExitCodes.OK;
  }

  static void print(Vault vault, PrintWriter out) {
    Map<UUID, String> labels = new HashMap<>();
    for (VaultEntry e : vault.entries()) {
      labels.put(e.id(), CodeLine.label(e));
    }
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"TIME (UTC)", "MEMBER", "ACTION", "ENTRY", "DETAIL"});
    for (AuditRecord r : vault.auditTrail()) {
      String entry = r.entryId().map(id -> labels.getOrDefault(id, id.toString().substring(0, 8))).orElse("");
      rows.add(new String[] {DateTimeFormatter.ISO_INSTANT.format(r.time().truncatedTo(ChronoUnit.SECONDS)),
          r.member(), r.action().name().toLowerCase(Locale.ROOT).replace('_', ' '), entry,
          r.subject().map(subject -> subject + r.detail().map(detail -> ": " + detail).orElse(""))
              .orElse(r.detail().orElse(""))});
    }
    Tables.print(rows, out);
  }
}
