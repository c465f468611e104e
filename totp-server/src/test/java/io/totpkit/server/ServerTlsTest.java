package io.totpkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import javax.net.ssl.SSLSocket;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.Callback;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys and certificates are made afresh for each run ({@link TlsMaterial}): none is committed. */
class ServerTlsTest {
  @TempDir static Path dir;

  @BeforeAll
  static void makeKeysAndCertificates() throws Exception {
    assumeTrue(TlsMaterial.openssl(), "openssl is not installed");
    TlsMaterial.make(dir);
  }

  @Test
  void pem_rsaKeyAndChain_readsTheCertificate() {
    ServerTls tls = ServerTls.pem(dir.resolve("rsa.crt"), dir.resolve("rsa.key"));
    assertThat(tls.subject()).isEqualTo("CN=localhost");
    assertThat(tls.notAfter()).isBetween(Instant.now(), Instant.now().plus(Duration.ofDays(3)));
    assertThat(tls.toString()).startsWith("ServerTls[subject=CN=localhost, notAfter=").doesNotContain("MII");
  }

  @Test
  void pem_ecKey_isAccepted() {
    assertThat(ServerTls.pem(dir.resolve("ec.crt"), dir.resolve("ec.key")).subject()).isEqualTo("CN=localhost");
  }

  @Test
  void pem_ed25519Key_isAccepted() {
    assertThat(ServerTls.pem(dir.resolve("ed.crt"), dir.resolve("ed.key")).subject()).isEqualTo("CN=localhost");
  }

  @Test
  void pem_oneFileWithCertificateAndKey_isAccepted() {
    Path both = dir.resolve("both.pem");
    assertThat(ServerTls.pem(both, both).subject()).isEqualTo("CN=localhost");
  }

  @Test
  void pem_traditionalRsaKey_refusedWithTheCommandThatConvertsIt() throws Exception {
    Path key = dir.resolve("rsa-traditional.key");
    String message = failure(() -> ServerTls.pem(dir.resolve("rsa.crt"), key));
    String fix = "openssl pkcs8 -topk8 -nocrypt -in " + key + " -out key.pk8.pem";
    assertThat(message).startsWith(key + " holds a traditional RSA private key").contains(fix).doesNotContain("MII");
    Path work = Files.createTempDirectory(dir, "fix");
    TlsMaterial.run(work, "sh", "-c", fix);
    assertThat(ServerTls.pem(dir.resolve("rsa.crt"), work.resolve("key.pk8.pem")).subject()).isEqualTo("CN=localhost");
  }

  @Test
  void pem_traditionalEcKey_refusedWithTheCommandThatConvertsIt() {
    Path key = dir.resolve("ec-traditional.key");
    assertThat(failure(() -> ServerTls.pem(dir.resolve("ec.crt"), key)))
        .startsWith(key + " holds a traditional EC private key")
        .contains("openssl pkcs8 -topk8 -nocrypt -in " + key + " -out key.pk8.pem");
  }

  @Test
  void pem_encryptedKey_refusedWithTheCommandThatDecryptsIt() throws Exception {
    Path key = dir.resolve("enc.key");
    String message = failure(() -> ServerTls.pem(dir.resolve("rsa.crt"), key));
    String fix = "openssl pkcs8 -topk8 -nocrypt -in " + key + " -out key.pk8.pem";
    assertThat(message).startsWith(key + " holds an encrypted private key").contains("decrypt it with " + fix);
    Path work = Files.createTempDirectory(dir, "fix");
    TlsMaterial.run(work, "sh", "-c", fix + " -passin pass:x");
    assertThat(ServerTls.pem(dir.resolve("rsa.crt"), work.resolve("key.pk8.pem")).subject()).isEqualTo("CN=localhost");
  }

  @Test
  void pem_keyOfAnotherCertificate_refused() {
    assertThat(failure(() -> ServerTls.pem(dir.resolve("rsa.crt"), dir.resolve("other.key"))))
        .startsWith("the private key does not belong to the certificate: ");
    assertThat(failure(() -> ServerTls.pem(dir.resolve("rsa.crt"), dir.resolve("ec.key"))))
        .startsWith("the private key does not belong to the certificate: ");
  }

  @Test
  void pem_filesSwapped_namesWhatEachLacks() {
    assertThat(failure(() -> ServerTls.pem(dir.resolve("rsa.key"), dir.resolve("rsa.key"))))
        .isEqualTo(dir.resolve("rsa.key") + " holds no certificate: expected one or more -----BEGIN CERTIFICATE-----"
            + " blocks, the server's own certificate first");
    assertThat(failure(() -> ServerTls.pem(dir.resolve("rsa.crt"), dir.resolve("rsa.crt"))))
        .startsWith(dir.resolve("rsa.crt") + " holds no private key: expected one -----BEGIN PRIVATE KEY----- block");
  }

  @Test
  void pem_missingFile_saysNoSuchFile() {
    Path missing = dir.resolve("missing.pem");
    assertThat(failure(() -> ServerTls.pem(missing, dir.resolve("rsa.key")))).isEqualTo("no such file: " + missing);
    assertThat(failure(() -> ServerTls.pem(dir.resolve("rsa.crt"), missing))).isEqualTo("no such file: " + missing);
  }

  @Test
  void pkcs12_keytoolKeystore_isReadAndThePasswordZeroed() {
    char[] password = "changeit".toCharArray();
    ServerTls tls = ServerTls.pkcs12(dir.resolve("ks.p12"), password);
    assertThat(tls.subject()).isEqualTo("CN=localhost");
    assertThat(password).containsOnly('\0');
  }

  @Test
  void pkcs12_opensslExport_isRead() {
    assertThat(ServerTls.pkcs12(dir.resolve("openssl.p12"), "changeit".toCharArray()).subject())
        .isEqualTo("CN=localhost");
  }

  @Test
  void pkcs12_wrongPassword_saysSoAndZeroesIt() {
    char[] password = "wrong".toCharArray();
    assertThat(failure(() -> ServerTls.pkcs12(dir.resolve("ks.p12"), password)))
        .isEqualTo("the PKCS#12 password is wrong (or the file is damaged): " + dir.resolve("ks.p12"));
    assertThat(password).containsOnly('\0');
  }

  @Test
  void pkcs12_noOrSeveralKeyEntries_refused() {
    assertThat(failure(() -> ServerTls.pkcs12(dir.resolve("certs.p12"), "changeit".toCharArray())))
        .startsWith(dir.resolve("certs.p12") + " holds no private key entry");
    assertThat(failure(() -> ServerTls.pkcs12(dir.resolve("two.p12"), "changeit".toCharArray())))
        .startsWith(dir.resolve("two.p12") + " holds 2 private key entries");
  }

  @Test
  void pkcs12_pemFileGiven_saysItIsNotPkcs12() {
    assertThat(failure(() -> ServerTls.pkcs12(dir.resolve("rsa.crt"), "changeit".toCharArray())))
        .startsWith(dir.resolve("rsa.crt") + " is not a PKCS#12 keystore");
  }

  @Test
  void sslContextFactory_jettyServesHttpsToAClientTrustingOnlyThatCertificate() throws Exception {
    for (String name : new String[] {"rsa", "ec", "ed"}) {
      ServerTls tls = ServerTls.pem(dir.resolve(name + ".crt"), dir.resolve(name + ".key"));
      assertThat(tls.sslContextFactory().getIncludeProtocols()).containsExactly("TLSv1.3", "TLSv1.2");
      Server server = new Server();
      int port = start(server, new ServerConnector(server, tls.sslContextFactory()));
      try {
        HttpClient client = HttpClient.newBuilder().sslContext(TlsMaterial.trusting(dir.resolve(name + ".crt")))
            .connectTimeout(Duration.ofSeconds(10)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://localhost:" + port + "/"))
            .timeout(Duration.ofSeconds(20)).build();
        HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(name).isEqualTo(200);
        assertThat(response.body()).isEqualTo("ok");
        assertThat(response.sslSession().orElseThrow().getProtocol()).isIn("TLSv1.3", "TLSv1.2");
      } finally {
        server.stop();
      }
    }
  }

  @Test
  void secureRequestCustomizer_hostTheCertificateDoesNotName_isServed() throws Exception {
    // A certificate for localhost alone, reached as https://127.0.0.1:PORT (so no SNI): the customizer a plain
    // ServerConnector adds by itself answers 400 "Invalid SNI"; the one ServerTls gives lets the request through.
    ServerTls tls = ServerTls.pem(dir.resolve("host.crt"), dir.resolve("host.key"));
    Server plain = new Server();
    assertThat(statusLine(plain, new ServerConnector(plain, tls.sslContextFactory()))).startsWith("HTTP/1.1 400 ");
    HttpConfiguration config = new HttpConfiguration();
    config.addCustomizer(ServerTls.secureRequestCustomizer());
    Server own = new Server();
    ServerConnector connector = new ServerConnector(own, tls.sslContextFactory(), new HttpConnectionFactory(config));
    assertThat(statusLine(own, connector)).isEqualTo("HTTP/1.1 200 OK");
  }

  /** Starts the server on 127.0.0.1 with a handler answering "ok" to everything; returns the port. */
  private static int start(Server server, ServerConnector connector) throws Exception {
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    server.addConnector(connector);
    server.setHandler(new Handler.Abstract() {
      @Override
      public boolean handle(Request request, Response response, Callback callback) {
        response.write(true, ByteBuffer.wrap("ok".getBytes(StandardCharsets.UTF_8)), callback);
        return true;
      }
    });
    server.start();
    return connector.getLocalPort();
  }

  /**
   * Serves, sends {@code GET /} with {@code Host: 127.0.0.1} over a bare TLS socket (no host name check, no SNI,
   * trusting host.crt alone), and returns the response's status line; stops the server.
   */
  private static String statusLine(Server server, ServerConnector connector) throws Exception {
    int port = start(server, connector);
    try (SSLSocket socket = (SSLSocket) TlsMaterial.trusting(dir.resolve("host.crt")).getSocketFactory()
        .createSocket("127.0.0.1", port)) {
      socket.setSoTimeout(20_000);
      socket.startHandshake();
      assertThat(socket.getSession().getProtocol()).isIn("TLSv1.3", "TLSv1.2");
      socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
          .getBytes(StandardCharsets.US_ASCII));
      socket.getOutputStream().flush();
      return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
          .readLine();
    } finally {
      server.stop();
    }
  }

  private static String failure(Runnable action) {
    ServerConfigException e = catchThrowableOfType(ServerConfigException.class, action::run);
    assertThat(e).as("a ServerConfigException").isNotNull();
    return e.getMessage();
  }
}
