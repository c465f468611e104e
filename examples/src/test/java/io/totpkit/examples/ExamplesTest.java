package io.totpkit.examples;

import static org.assertj.core.api.Assertions.assertThat;

import io.totpkit.core.OtpAuthUri;
import io.totpkit.guard.testing.PostgresCluster;
import io.totpkit.qr.QrCodes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs each example end to end, so none can rot. */
class ExamplesTest {
  @TempDir Path dir;
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  private String printed() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  @Test
  void enrollAndVerify_qrCodeReadsBackAndTheVerifierBehaves() throws IOException {
    Path png = dir.resolve("enrol.png");
    EnrollAndVerify.run(png, Clock.systemUTC(), out);
    OtpAuthUri enrolled = QrCodes.read(png).get(0);
    assertThat(enrolled.issuer()).isEqualTo("Example");
    assertThat(enrolled.secret().length()).isEqualTo(20);
    assertThat(printed())
        .contains("login with a code 30 s old: Verification[ACCEPTED, offset -1]")
        .contains("the same code again: Verification[REPLAYED, offset -1]")
        .contains("after more wrong guesses: THROTTLED, retry after");
  }

  @Test
  void agencyOnboarding_operatorRevealIsInTheAuditTrail() throws IOException {
    try (InputStream screenshot = AgencyOnboarding.class.getResourceAsStream("sample-screenshot.png")) {
      AgencyOnboarding.run(dir.resolve("agency.totp"), screenshot, out);
    }
    assertThat(printed())
        .containsPattern("TikTok \\(brand\\.official\\): \\d{6}, \\d+ s left")
        .containsPattern("olga  CODE_REVEALED")
        .contains("audit trail intact: 4 records")
        .doesNotContain("NB2HI4DTHIXS65DPORYGW2LUFZUW6LZNMRSW23ZN");
  }

  @Test
  void importGoogleExport_importsOnceThenSkipsDuplicates() {
    ImportGoogleExport.run(dir.resolve("agency.totp"), out);
    assertThat(printed())
        .contains("in the export: GitHub (acme-ops)")
        .contains("in the export: Slack (bob@acme.example)")
        .contains("first import: 2 imported, 0 skipped")
        .contains("second import: 0 imported, 2 skipped (already in the vault");
  }

  @Test
  void vaultQuickStart_runs() throws IOException {
    PrintStream previous = System.out;
    System.setOut(out);
    try {
      VaultQuickStart.main(new String[0]);
    } finally {
      System.setOut(previous);
    }
    assertThat(printed()).contains("GitHub (acme-ops, tags [client:acme]): ").contains("records, verified");
  }

  @Test
  void severalServers_runsAgainstARealPostgres_replayRefusedOnTheOtherServer() {
    PostgresCluster cluster = PostgresCluster.get();
    String url = cluster.newDatabase();
    PrintStream previous = System.out;
    System.setOut(out);
    try (var serverA = PostgresCluster.pool(url, 2);
        var serverB = PostgresCluster.pool(url, 2)) {
      SeveralServers.run(serverA, serverB, "agency");
    } finally {
      System.setOut(previous);
    }
    assertThat(printed()).containsPattern("server B reveals \\d{6}; audit: 3 records")
        .contains("server A: ACCEPTED, same code on server B: REPLAYED");
  }
}
