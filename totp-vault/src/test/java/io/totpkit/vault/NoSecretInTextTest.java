package io.totpkit.vault;

import static io.totpkit.vault.TestVaults.pw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.totpkit.core.OtpAuthUri;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import io.totpkit.testing.KnownSecret;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No key material in any text the vault produces: every public type's {@code toString()}, every exception (causes and
 * stack traces included) from wrong passphrases, damaged files, bad imports and misuse, and anything written to
 * standard output, standard error or a logger meanwhile. Export, which exists to reveal secrets, is the exception.
 */
class NoSecretInTextTest {
  private static final String BASE32 = KnownSecret.BASE32;
  private static final String URI = KnownSecret.URI;

  @TempDir Path dir;

  @Test
  void scan_detectsEveryRendering() {
    // The scanner itself must be able to fail, or the tests below prove nothing.
    for (String form : KnownSecret.forms()) {
      assertThat(catchThrowable(() -> KnownSecret.assertNoSecretIn("probe", "x " + form + " y")))
          .isInstanceOf(AssertionError.class);
    }
  }

  @Test
  void everyPublicTypeAndError_withAKnownSecret_showsNoKeyMaterial() throws Exception {
    List<Object> objects = new ArrayList<>();
    List<Throwable> thrown = new ArrayList<>();
    String captured = capturingOutputAndLogs(() -> exercise(objects, thrown));

    assertThat(thrown).doesNotContainNull().hasSizeGreaterThanOrEqualTo(14);
    for (Object object : objects) {
      KnownSecret.assertNoSecretIn(object.getClass().getSimpleName(), String.valueOf(object));
    }
    for (Throwable throwable : thrown) {
      KnownSecret.assertNoSecretIn(throwable.getClass().getSimpleName(), KnownSecret.fullText(throwable));
    }
    KnownSecret.assertNoSecretIn("output and logs", captured);
  }

  private void exercise(List<Object> objects, List<Throwable> thrown) throws Exception {
    Path path = dir.resolve("leak.vault");
    UUID id;
    try (Vault vault = TestVaults.create(path)) {
      id = vault.add(OtpAuthUri.parse(URI), Set.of("acme"));
      vault.addMember("omar", Role.OPERATOR, Set.of("nothing"), pw("operator passphrase"));
      objects.add(vault);
      objects.add(vault.entries());
      objects.add(vault.entry(id).orElseThrow());
      objects.add(vault.code(id));
      objects.add(vault.verify(id, "000000"));
      objects.add(vault.members());
      objects.add(vault.auditTrail());
      objects.add(VaultOptions.defaults());
      objects.add(TestVaults.fast());
      objects.add(vault.importOtpauth(String.join("\n", URI, URI + "&digits=5", URI.replace("secret=", "secret=1"),
          URI.replace("totp", "motp"), "otpauth-migration://offline?data=" + BASE32), Set.of()));
      objects.add(TestVaults.importAegis(vault, aegis("totp", BASE32 + "1", "SHA1") + "", null, Set.of()));
      objects.add(TestVaults.importAegis(vault, aegis("motp", BASE32, "SHA1"), null, Set.of()));
      objects.add(TestVaults.importAegis(vault, aegis("totp", BASE32, "MD5"), null, Set.of()));
      objects.add(TestVaults.importAegis(vault, aegis("totp", BASE32, "SHA1"), null, Set.of()).skipped());
      thrown.add(catchThrowable(() -> TestVaults.importAegis(vault, aegis("totp", BASE32, "SHA1").replace("}", ""), null,
          Set.of())));
      thrown.add(catchThrowable(() -> TestVaults.importAegis(vault, "{\"version\": \"" + BASE32 + "\"}", null, Set.of())));
      thrown.add(catchThrowable(() -> TestVaults.importAegis(vault, "{\"" + BASE32 + "\" " + BASE32, null, Set.of())));
      thrown.add(catchThrowable(() -> vault.add(OtpAuthUri.parse(URI + "&digits=11"), Set.of())));
      thrown.add(catchThrowable(() -> vault.add(OtpAuthUri.parse(URI), Set.of("bad tag " + "x".repeat(300)))));
      thrown.add(catchThrowable(() -> vault.code(UUID.randomUUID())));
      thrown.add(catchThrowable(() -> vault.removeMember("nobody")));
      assertThat(vault.exportOtpauth()).contains(BASE32);   // the one place the secret is meant to be
    }
    try (Vault operator = Vault.open(path, "omar", pw("operator passphrase"), TestVaults.fast())) {
      thrown.add(catchThrowable(() -> operator.code(id)));
      thrown.add(catchThrowable(() -> operator.exportOtpauth()));
    }
    thrown.add(catchThrowable(() -> Vault.open(path, "maria", pw("wrong passphrase"), TestVaults.fast())));
    thrown.add(catchThrowable(() -> Vault.open(path, "nobody", pw("correct horse battery staple"),
        TestVaults.fast())));
    thrown.add(catchThrowable(() -> Vault.create(path, "maria", pw("x"), TestVaults.fast())));
    byte[] file = Files.readAllBytes(path);
    for (int at : new int[] {0, 10, file.length / 2, file.length - 40, file.length - 1}) {
      byte[] damaged = file.clone();
      damaged[at] ^= 0x5a;
      Path copy = dir.resolve("damaged-" + at + ".vault");
      Files.write(copy, damaged);
      thrown.add(catchThrowable(() -> TestVaults.open(copy)));
    }
    Vault closed = TestVaults.open(path);
    closed.close();
    objects.add(closed);
    thrown.add(catchThrowable(() -> closed.code(id)));
    Path journal = Path.of(path + ".audit");
    byte[] audit = Files.readAllBytes(journal);
    audit[audit.length - 5] ^= 0x5a;
    Files.write(journal, audit);
    thrown.add(catchThrowable(() -> {
      try (Vault tampered = TestVaults.open(path)) {
        tampered.verifyAudit();
      }
    }));
  }

  /** A one-entry plain Aegis export. */
  private static String aegis(String type, String secret, String algorithm) {
    return "{\"version\": 1, \"header\": {\"slots\": null, \"params\": null}, \"db\": {\"version\": 3, \"entries\": "
        + "[{\"type\": \"" + type + "\", \"uuid\": \"3b8d5f5e-6a0c-4d7e-9a51-0c8d3f1b2a01\", \"name\": \"ops\", "
        + "\"issuer\": \"Acme\", \"info\": {\"secret\": \"" + secret + "\", \"algo\": \"" + algorithm + "\", "
        + "\"digits\": 6, \"period\": 30}}]}}";
  }

  interface Action {
    void run() throws Exception;
  }

  /** Runs {@code action} with standard output, standard error and the root logger (all levels) captured. */
  static String capturingOutputAndLogs(Action action) throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    StringBuilder logged = new StringBuilder();
    Handler handler = new Handler() {
      @Override
      public void publish(LogRecord record) {
        logged.append(record.getMessage()).append(' ').append(record.getParameters() == null ? ""
            : List.of(record.getParameters())).append(' ').append(record.getThrown()).append('\n');
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Logger root = Logger.getLogger("");
    Level level = root.getLevel();
    PrintStream out = System.out;
    PrintStream err = System.err;
    PrintStream capture = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    root.addHandler(handler);
    root.setLevel(Level.ALL);
    System.setOut(capture);
    System.setErr(capture);
    try {
      action.run();
    } finally {
      System.setOut(out);
      System.setErr(err);
      root.setLevel(level);
      root.removeHandler(handler);
    }
    return bytes.toString(StandardCharsets.UTF_8) + logged;
  }
}
