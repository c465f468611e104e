package io.totpkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Test keys and certificates, made with openssl and the JDK's keytool at test time in a temporary directory, so that
 * no key is ever committed. Certificates are for localhost and 127.0.0.1 (host.crt for localhost alone) and expire
 * in two days.
 */
final class TlsMaterial {
  private static final String SUBJECT = "/CN=localhost";
  private static final String SAN = "subjectAltName=DNS:localhost,IP:127.0.0.1";

  private TlsMaterial() {}

  /**
   * Writes into {@code dir}: {@code rsa}, {@code other} (RSA), {@code ec}, {@code ed} (Ed25519) and {@code host} (EC,
   * for localhost only, not 127.0.0.1) {@code .crt} and PKCS#8 {@code .key} pairs; {@code rsa-traditional.key}, {@code ec-traditional.key}, {@code enc.key} (rsa.key
   * encrypted, passphrase "x"), {@code both.pem} (rsa.crt then rsa.key); and PKCS#12 files, password "changeit":
   * {@code ks.p12} (keytool, one EC key, CN=localhost), {@code openssl.p12} (openssl's export of ec), {@code two.p12}
   * (two keys) and {@code certs.p12} (a certificate only).
   */
  static void make(Path dir) throws Exception {
    newCertificate(dir, "rsa", "rsa:2048");
    newCertificate(dir, "other", "rsa:2048");
    newCertificate(dir, "ec", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1");
    newCertificate(dir, "ed", "ed25519");
    newCertificate(dir, "host", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1");
    run(dir, "openssl", "rsa", "-in", "rsa.key", "-traditional", "-out", "rsa-traditional.key");
    run(dir, "openssl", "ec", "-in", "ec.key", "-out", "ec-traditional.key");
    run(dir, "openssl", "pkcs8", "-topk8", "-v2", "aes256", "-passout", "pass:x", "-in", "rsa.key", "-out", "enc.key");
    Files.writeString(dir.resolve("both.pem"), Files.readString(dir.resolve("rsa.crt"))
        + Files.readString(dir.resolve("rsa.key")));
    keytool(dir, "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
        "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2", "-storetype", "PKCS12",
        "-keystore", "ks.p12", "-storepass", "changeit");
    run(dir, "openssl", "pkcs12", "-export", "-in", "ec.crt", "-inkey", "ec.key", "-name", "server", "-passout",
        "pass:changeit", "-out", "openssl.p12");
    Files.copy(dir.resolve("ks.p12"), dir.resolve("two.p12"));
    keytool(dir, "-genkeypair", "-alias", "second", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
        "CN=second", "-validity", "2", "-storetype", "PKCS12", "-keystore", "two.p12", "-storepass", "changeit");
    keytool(dir, "-importcert", "-noprompt", "-alias", "ca", "-file", "rsa.crt", "-storetype", "PKCS12",
        "-keystore", "certs.p12", "-storepass", "changeit");
  }

  /** Whether an openssl command is on the PATH (Debian has one; other systems may not). */
  static boolean openssl() {
    try {
      return new ProcessBuilder("openssl", "version").redirectErrorStream(true).start().waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Runs a command in {@code directory} with no input, and asserts that it succeeds (its output in the failure). */
  static void run(Path directory, String... command) throws Exception {
    Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
    process.getOutputStream().close();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(String.join(" ", command) + "\n" + output).isZero();
  }

  /** A client context whose only trust anchor is this certificate: no system CA could vouch for the server. */
  static SSLContext trusting(Path certificate) throws Exception {
    KeyStore anchors = KeyStore.getInstance("PKCS12");
    anchors.load(null, null);
    try (InputStream in = Files.newInputStream(certificate)) {
      anchors.setCertificateEntry("server",
          (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in));
    }
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(anchors);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }

  private static void newCertificate(Path dir, String name, String key, String... options) throws Exception {
    List<String> command = new ArrayList<>(List.of("openssl", "req", "-x509", "-newkey", key));
    command.addAll(List.of(options));
    command.addAll(List.of("-nodes", "-keyout", name + ".key", "-out", name + ".crt", "-days", "2", "-subj", SUBJECT,
        "-addext", name.equals("host") ? "subjectAltName=DNS:localhost" : SAN));
    run(dir, command.toArray(String[]::new));
  }

  private static void keytool(Path dir, String... arguments) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
    command.addAll(List.of(arguments));
    run(dir, command.toArray(String[]::new));
  }
}
