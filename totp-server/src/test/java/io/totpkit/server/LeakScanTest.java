package io.totpkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.totpkit.testing.KnownSecret;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Properties 1 and 2: every endpoint, driven by every kind of caller with a known key in the vault, answers nothing
 * that carries it (Base32 in either case, hex, Base64, raw) or any {@code otpauth} URI, in body or headers, nor does
 * any answer to a screenshot that shows it, or the server's log meanwhile; and no file the server leaves on disk holds
 * that key or a member's sign-in key.
 */
class LeakScanTest extends WithServer {
  final List<Http.Answer> answers = new ArrayList<>();

  @Test
  void everyAnswer_carriesNoKeyAndNoUri() {
    try (io.totpkit.vault.Vault owner = fx.owner()) {
      fx.state.setTagPolicy(owner, "client:a", TagPolicy.of(true, java.net.URI.create("http://127.0.0.1:9/hook")));
    }
    Http anonymous = fx.anonymous();
    Http maria = fx.signIn(ServerFixture.OWNER);
    Http olga = fx.signIn(ServerFixture.OPERATOR);
    Http bot = fx.tokenClient();
    for (Http who : List.of(anonymous, maria, olga, bot)) {
      answers.add(who.get("/api/v1/health"));
      answers.add(who.get("/api/v1/accounts"));
      answers.add(who.get("/api/v1/session"));
      answers.add(who.post("/api/v1/accounts/" + fx.granted + "/code", null));
      answers.add(who.post("/api/v1/accounts/" + fx.granted + "/code", "{\"reason\":\"check\"}"));
      answers.add(who.post("/api/v1/accounts/" + fx.ungranted + "/code", "{\"reason\":\"check\"}"));
      answers.add(who.post("/api/v1/accounts", "{\"uri\":\"" + KnownSecret.URI + "\",\"tags\":[\"client:a\"]}"));
      answers.add(who.post("/api/v1/accounts", "{\"uri\":\"" + KnownSecret.URI.replace("totp", "hotp")
          + "&counter=x\"}"));
      answers.add(who.post("/api/v1/accounts", "{\"uri\":\"" + KnownSecret.URI + "&digits=99\"}"));
      answers.add(who.post("/api/v1/session/code", "{\"code\":\"" + KnownSecret.BASE32 + "\"}"));
      answers.add(who.post("/api/v1/session", "{\"member\":\"" + KnownSecret.BASE32 + "\",\"passphrase\":\"x\"}"));
      answers.add(who.post("/api/v1/accounts/" + KnownSecret.BASE32 + "/code", null));
      answers.add(who.get("/api/v1/" + KnownSecret.BASE32));
    }
    answers.add(maria.delete("/api/v1/session"));
    for (Http.Answer answer : answers) {
      String text = answer.everything();
      KnownSecret.assertNoSecretIn("answer " + answer.status, text);
      assertThat(text.toLowerCase()).as("answer " + answer).doesNotContain("otpauth");
    }
  }

  /**
   * Screenshots that show the known key, as a QR code and printed under it, read by the real Tesseract: no answer of
   * the API, the add page or the onboarding page, and no line the server logs meanwhile, holds the key or any reading
   * of it, whether the picture was added, refused as differing or doubtful, or confirmed by a code.
   */
  @Test
  void screenshotAnswers_andTheServerLog_carryNoKey() {
    org.junit.jupiter.api.Assumptions.assumeTrue(io.totpkit.ocr.PrintedKeys.isAvailable(),
        "Tesseract is not installed (apt-get install libtesseract5 tesseract-ocr-eng)");
    String known = KnownSecret.BASE32;
    String uri = "otpauth://totp/Bank:brand?secret=" + known + "&issuer=Bank";
    byte[] agreeing = SetupPictures.png(uri, known);
    byte[] noCode = SetupPictures.png(null, known);
    byte[] differing = SetupPictures.png(uri, SetupPictures.KEY);
    String code = io.totpkit.core.Totp.builder(io.totpkit.core.Secret.fromBase32(known)).build()
        .generate(fx.clock.instant());
    List<String> log = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.logging.Logger root = java.util.logging.Logger.getLogger("");
    java.util.logging.Logger server = java.util.logging.Logger.getLogger("io.totpkit");
    java.util.logging.Level level = server.getLevel();
    java.util.logging.Handler capture = new java.util.logging.Handler() {
      @Override
      public void publish(java.util.logging.LogRecord record) {
        log.add(record.getLoggerName() + " " + record.getMessage() + " " + java.util.Arrays.toString(
            record.getParameters()) + (record.getThrown() == null ? "" : KnownSecret.fullText(record.getThrown())));
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    capture.setLevel(java.util.logging.Level.ALL);
    server.setLevel(java.util.logging.Level.ALL);
    root.addHandler(capture);
    try {
      Http maria = fx.signIn(ServerFixture.OWNER);
      Http adder = fx.anonymous().bearer(fx.adderToken);
      // Callers refused before the body is read get the bare QR code: small enough that the refusal is never a
      // connection closed while the client still sends.
      byte[] bare = io.totpkit.qr.QrCodes.png(io.totpkit.core.OtpAuthUri.parse(uri),
          io.totpkit.qr.QrOptions.defaults());
      for (Http who : List.of(fx.anonymous(), fx.signIn(ServerFixture.OPERATOR), fx.tokenClient())) {
        answers.add(api(who, bare));
      }
      answers.add(api(maria, agreeing, "tags", "client:a"));
      answers.add(api(adder, differing, "tags", "client:a"));
      answers.add(api(adder, noCode, "account", "brand", "tags", "client:a"));
      answers.add(api(maria, noCode, "account", "brand", "confirmCode", "000000"));
      answers.add(api(maria, noCode, "account", "brand", "confirmCode", code));

      Http owner = maria;   // the same session cookie serves the pages
      String token = PagesTest.csrf(owner.get("/add"));
      answers.add(page(owner, "/add", noCode, "csrf", token, "account", "brand"));
      answers.add(page(owner, "/add", null, "csrf", token, "picture", "pending", "account", "brand", "confirmCode",
          code));
      answers.add(PagesTest.form(owner, "/add/confirm", "csrf=" + token + "&tags=client%3Aa"));
      answers.add(owner.get("/accounts"));
      java.util.regex.Matcher link = java.util.regex.Pattern.compile("(/onboard/[0-9a-f]{16}\\.[A-Za-z0-9_-]{43})<")
          .matcher(PagesTest.form(owner, "/onboarding", "csrf=" + token + "&label=Bank&tags=client%3Aa").body);
      assertThat(link.find()).isTrue();
      answers.add(page(fx.anonymous(), link.group(1), noCode));
      answers.add(page(fx.anonymous(), link.group(1), differing));
    } finally {
      root.removeHandler(capture);
      server.setLevel(level);
    }
    assertThat(answers).extracting(a -> a.status).contains(201, 400, 401, 403);
    for (Http.Answer answer : answers) {
      String text = answer.everything();
      KnownSecret.assertNoSecretIn("answer " + answer.status, text);
      // The add page names the scheme in a label ("an otpauth:// link"); no answer holds a URI.
      assertThat(text.toLowerCase()).as("answer " + answer).doesNotContainPattern("otpauth(-migration)?://\\S");
    }
    for (String line : log) {
      KnownSecret.assertNoSecretIn("log line", line);
    }
  }

  private static Http.Answer api(Http who, byte[] picture, String... fields) {
    return who.post("/api/v1/accounts", "multipart/form-data; boundary=b",
        ScreenshotApiTest.multipart("b", picture, fields));
  }

  /** A page's multipart form: the picture (or none) and fields, as a browser posts it. */
  private static Http.Answer page(Http who, String path, byte[] picture, String... fields) {
    byte[] body = ScreenshotApiTest.multipart("b", picture == null ? new byte[0] : picture, fields);
    return who.send(who.request(path).header("Content-Type", "multipart/form-data; boundary=b")
        .header("Sec-Fetch-Site", "same-origin").POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(body)));
  }

  @Test
  void filesOnDisk_holdNoKeyOfEntryOrSignInFactor() throws IOException {
    Http first = fx.anonymous();
    Http.Answer enrol = first.post("/api/v1/session", "{\"member\":\"olga\",\"passphrase\":\""
        + ServerFixture.PASSPHRASE + "\"}");
    String factor = enrol.field("setupKey");
    fx.clock.advance(java.time.Duration.ofSeconds(30));
    String code = io.totpkit.core.Totp.builder(io.totpkit.core.Secret.fromBase32(factor)).build()
        .generate(fx.clock.instant());
    assertThat(first.post("/api/v1/session/code", "{\"code\":\"" + code + "\"}").status).isEqualTo(200);
    assertThat(first.post("/api/v1/accounts/" + fx.granted + "/code", null).status).isEqualTo(200);
    assertThat(fx.tokenClient().post("/api/v1/accounts/" + fx.granted + "/code", null).status).isEqualTo(200);
    byte[] factorRaw = io.totpkit.core.Secret.fromBase32(factor).bytes();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
        byte[] bytes = Files.readAllBytes(file);
        String latin = new String(bytes, StandardCharsets.ISO_8859_1);
        KnownSecret.assertNoSecretIn(file.toString(), latin);
        assertThat(latin).as(file.toString()).doesNotContain(factor)
            .doesNotContain(new String(factorRaw, StandardCharsets.ISO_8859_1));
        assertThat(Files.getPosixFilePermissions(file)).as(file.toString())
            .isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
      }
    }
    assertThat(Files.exists(dir.resolve("agency.totp.server"))).isTrue();
  }
}
