package io.totpkit.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.totpkit.core.Secret;
import io.totpkit.core.Totp;
import io.totpkit.ocr.PrintedKeys;
import io.totpkit.ocr.testing.SetupPictures;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code totp add --qr} on setup screens, read by the real Tesseract: how the picture was read is shown, a printed
 * key that is not the QR code's stops the add, and a picture whose code cannot be read gives its printed key —
 * settled by a code when in doubt — and never shows it.
 */
class AddFromPictureTest extends WithVault {
  /** No look-alike characters, so that OCR reads it whole. */
  private static final String KEY = "JNKWHYXPRCMAFJKWNYRHXPCAMFKWJYNR";
  private static final String OTHER = "MAFJKWNYRHXPCJNKWHYXPRCAMFKWJYNR";
  private static final String URI = "otpauth://totp/TikTok:brand?secret=" + KEY + "&issuer=TikTok";

  @BeforeEach
  void needsTesseract() {
    assumeTrue(PrintedKeys.isAvailable(), "Tesseract is not installed (apt-get install libtesseract5 tesseract-ocr-eng)");
  }

  private Path picture(String name, String uri, String printed) throws IOException {
    return Files.write(dir.resolve(name), SetupPictures.png(uri, printed));
  }

  private Cli.Result run(int status, String... args) {
    Cli.Result result = cli.run(args);
    assertThat(result.status).as(result.toString()).isEqualTo(status);
    assertThat(result.out + result.err).doesNotContain(KEY).doesNotContain(OTHER).doesNotContain("JNKW")
        .doesNotContain("\tat ");
    return result;
  }

  @Test
  void qrCodeAndTheSamePrintedKey_addedSayingTheyAgree() throws IOException {
    Path shot = picture("shot.png", URI, KEY);

    Cli.Result add = run(0, "add", "--qr", shot.toString());

    assertThat(add.out).contains("Read shot.png: QR code; the printed key agrees")
        .containsPattern("Added [0-9a-f]{8}  TikTok \\(brand\\)");
  }

  @Test
  void printedKeyDiffersFromTheQrCode_nothingAddedUnlessIgnored() throws IOException {
    Path shot = picture("edited.png", URI, OTHER);

    Cli.Result refused = run(2, "add", "--qr", shot.toString());

    assertThat(refused.out).contains("the key printed in the picture is a different key");
    assertThat(refused.err).isEqualTo("totp: the key printed in edited.png is not the key in its QR code, so nothing "
        + "was added: ask the client for a new screenshot, or add --ignore-printed-key once a person has checked "
        + "that the QR code is right\n");
    assertThat(run(0, "list").out).doesNotContain("TikTok");
    assertThat(run(0, "add", "--qr", shot.toString(), "--ignore-printed-key").out).contains("Added");
  }

  @Test
  void noReadableCode_thePrintedKeyNeedsAnAccountThenIsAdded() throws IOException {
    Path shot = picture("glare.png", null, KEY);

    Cli.Result noAccount = run(2, "add", "--qr", shot.toString());
    assertThat(noAccount.out).startsWith("Read glare.png: no QR code could be read; the printed key was read by OCR");
    assertThat(noAccount.err).contains("only the setup key printed in it: give --account (and --issuer)");

    Cli.Result add = run(0, "add", "--qr", shot.toString(), "--issuer", "TikTok", "--account", "brand");
    assertThat(add.out).containsPattern("Added [0-9a-f]{8}  TikTok \\(brand\\)");
    assertThat(add.err).contains("note: the key was read from the picture by OCR");
    assertThat(run(0, "code", "TikTok").out).contains(codeAtWikiTime(KEY));
  }

  @Test
  void noReadableCode_confirmCode_picksTheReadingThatGivesIt() throws IOException {
    Path shot = picture("glare.png", null, KEY);

    Cli.Result wrong = run(2, "add", "--qr", shot.toString(), "--account", "brand", "--confirm-code",
        codeAtWikiTime(OTHER));
    assertThat(wrong.err).contains("no reading of the key printed in glare.png gives that code now");

    Cli.Result add = run(0, "add", "--qr", shot.toString(), "--account", "brand", "--confirm-code",
        codeAtWikiTime(KEY));
    assertThat(add.out).contains("Added");
    assertThat(add.err).doesNotContain("note: the key was read");
  }

  @Test
  void qrCodeRead_keyOptionsAreNotUsedAndSaySo() throws IOException {
    Path shot = picture("shot.png", URI, KEY);

    Cli.Result add = run(0, "add", "--qr", shot.toString(), "--account", "other");

    assertThat(add.err).contains("note: the QR code names the account and its settings");
    assertThat(add.out).contains("TikTok (brand)");
  }

  @Test
  void confirmCodeWithoutQr_usageError() {
    assertThat(run(2, "add", "--key", KEY, "--account", "a", "--confirm-code", "123456").err)
        .contains("--confirm-code and --ignore-printed-key go with --qr");
  }

  private static String codeAtWikiTime(String key) {
    return Totp.builder(Secret.fromBase32(key)).build().generate(TotpCommandTest.WIKI_TIME.instant());
  }
}
