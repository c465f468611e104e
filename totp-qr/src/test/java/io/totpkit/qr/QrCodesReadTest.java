package io.totpkit.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.totpkit.core.HmacAlgorithm;
import io.totpkit.core.InvalidMigrationPayloadException;
import io.totpkit.core.InvalidOtpAuthUriException;
import io.totpkit.core.MigrationPayload;
import io.totpkit.core.OtpAuthUri;
import io.totpkit.core.Secret;
import io.totpkit.qr.QrCodeException.Reason;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class QrCodesReadTest {
  static final String SECRET = "JBSWY3DPEHPK3PXP";
  static final OtpAuthUri TIKTOK = OtpAuthUri.parse("otpauth://totp/TikTok:brand?secret=" + SECRET
      + "&issuer=TikTok");

  private static BufferedImage screenWith(String text) {
    return TestImages.screenshot(new Random(42), 1080, 2340, false, text, 5);
  }

  @Test
  void read_screenshotOfEnrollmentCode_returnsTheAccount() {
    assertThat(QrCodes.read(screenWith(TIKTOK.toUriString()))).containsExactly(TIKTOK);
  }

  @Test
  void read_pathBytesAndStream_returnTheSameAccount(@TempDir Path directory) throws IOException {
    byte[] png = TestImages.encode(screenWith(TIKTOK.toUriString()), "png");
    Path file = Files.write(directory.resolve("screenshot.png"), png);

    assertThat(QrCodes.read(file)).containsExactly(TIKTOK);
    assertThat(QrCodes.read(png)).containsExactly(TIKTOK);
    assertThat(QrCodes.read(new ByteArrayInputStream(png))).containsExactly(TIKTOK);
    assertThat(QrCodes.readText(file)).containsExactly(TIKTOK.toUriString());
  }

  @Test
  void read_googleAuthenticatorExport_expandsIntoItsAccounts() {
    List<OtpAuthUri> accounts = List.of(
        TIKTOK,
        OtpAuthUri.totp(Secret.generate(HmacAlgorithm.SHA1)).issuer("Instagram").account("brand").build(),
        OtpAuthUri.hotp(Secret.generate(HmacAlgorithm.SHA1), 7).issuer("Shopify").account("shop").build());
    String export = MigrationPayload.encode(accounts).get(0);
    byte[] png = QrCodes.pngOfText(export, QrOptions.builder().moduleSize(4).build());

    List<OtpAuthUri> found = QrCodes.read(png);

    assertThat(found).isEqualTo(MigrationPayload.parse(export).accounts());
    assertThat(found).extracting(OtpAuthUri::issuer).containsExactly("TikTok", "Instagram", "Shopify");
    assertThat(found.get(0).secret()).isEqualTo(TIKTOK.secret());
  }

  @Test
  void read_webAddressCode_throwsNotAuthenticatorNamingOnlyTheScheme() {
    String link = "https://example.com/reset?token=S3CR3T-T0K3N";

    assertThatThrownBy(() -> QrCodes.read(screenWith(link)))
        .isInstanceOfSatisfying(QrCodeException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.NOT_AUTHENTICATOR_CODE);
          assertThat(e.getMessage()).contains("'https'").doesNotContain("example.com").doesNotContain("S3CR3T");
        });
    assertThat(QrCodes.readText(screenWith(link))).containsExactly(link);
  }

  @Test
  void read_plainTextThatLooksLikeAKey_isNotQuotedInTheMessage() {
    assertThatThrownBy(() -> QrCodes.read(screenWith(SECRET + ":extra")))
        .isInstanceOfSatisfying(QrCodeException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.NOT_AUTHENTICATOR_CODE);
          assertThat(e.getMessage()).doesNotContainIgnoringCase(SECRET);
        });
  }

  @Test
  void read_webAddressBesideAuthenticatorCode_returnsOnlyTheAccount() {
    BufferedImage link = TestImages.code("https://example.com/help", 5, 3, false);
    BufferedImage code = TestImages.code(TIKTOK.toUriString(), 5, 3, false);
    BufferedImage screen = TestImages.screenshot(new Random(1), 1080, 2340, false,
        new BufferedImage[] {link, code}, new int[][] {{100, 300}, {300, 1200}});

    assertThat(QrCodes.read(screen)).containsExactly(TIKTOK);
  }

  @Test
  void read_malformedOtpauthCode_throwsInvalidWithCoreCauseAndNoSecret() {
    String broken = "otpauth://totp/TikTok:brand?secret=" + SECRET + "&digits=42";

    assertThatThrownBy(() -> QrCodes.read(screenWith(broken)))
        .isInstanceOfSatisfying(QrCodeException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.INVALID_AUTHENTICATOR_CODE);
          assertThat(e.getCause()).isInstanceOf(InvalidOtpAuthUriException.class);
          assertThat(e.getMessage()).contains("digits").doesNotContain(SECRET);
        });
  }

  @Test
  void read_malformedExportCode_throwsInvalidWithCoreCause() {
    assertThatThrownBy(() -> QrCodes.read(screenWith("otpauth-migration://offline?data=AAAA")))
        .isInstanceOfSatisfying(QrCodeException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.INVALID_AUTHENTICATOR_CODE);
          assertThat(e.getCause()).isInstanceOf(InvalidMigrationPayloadException.class);
        });
  }

  @Test
  void read_screenshotWithoutCode_throwsNoQrCode() {
    BufferedImage screen = TestImages.screenshot(new Random(3), 1440, 3200, false, new BufferedImage[0],
        new int[0][]);
    DecodeTally.warmUp();   // time compiled code, not the JIT

    long start = CpuClock.nanos();
    assertThatThrownBy(() -> QrCodes.read(screen))
        .isInstanceOfSatisfying(QrCodeException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.NO_QR_CODE);
          assertThat(e.getMessage()).startsWith("no QR code found; send a screenshot that shows the whole code");
        });
    long millis = (CpuClock.nanos() - start) / 1_000_000;
    System.out.println("[robustness] screenshot without a code 1440×3200: NO_QR_CODE in " + millis + " ms CPU");
  }

  @Test
  void read_onePixelImage_throwsNoQrCode() {
    BufferedImage pixel = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB);

    assertThatThrownBy(() -> QrCodes.read(pixel))
        .isInstanceOfSatisfying(QrCodeException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NO_QR_CODE));
    assertThatThrownBy(() -> QrCodes.read(TestImages.encode(pixel, "png")))
        .isInstanceOfSatisfying(QrCodeException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NO_QR_CODE));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 20, 21})
  void read_longThinImage_throwsNoQrCode(int height) {
    BufferedImage strip = new BufferedImage(30_000, height, BufferedImage.TYPE_BYTE_GRAY);

    assertThatThrownBy(() -> QrCodes.read(strip))
        .isInstanceOfSatisfying(QrCodeException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NO_QR_CODE));
    assertThatThrownBy(() -> QrCodes.read(new BufferedImage(height, 30_000, BufferedImage.TYPE_BYTE_GRAY)))
        .isInstanceOfSatisfying(QrCodeException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NO_QR_CODE));
  }

  @ParameterizedTest
  @ValueSource(strings = {"hello, this is not an image", "%PDF-1.7\n", "GIF89a", "\u0089PNG\r\n\u001a\n"})
  void read_bytesThatAreNotAnImage_throwsUnreadableImage(String text) {
    byte[] bytes = text.getBytes(StandardCharsets.ISO_8859_1);

    assertThatThrownBy(() -> QrCodes.read(bytes))
        .isInstanceOfSatisfying(QrCodeException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.UNREADABLE_IMAGE));
  }

  @ParameterizedTest
  @ValueSource(strings = {"png", "jpeg", "gif", "bmp"})
  void read_truncatedFile_throwsUnreadableOrNoCode(String format) {
    byte[] file = TestImages.encode(screenWith(TIKTOK.toUriString()), format);
    byte[] truncated = Arrays.copyOf(file, Math.min(file.length / 3, 300));

    // JPEG and GIF decoders return what they got (the top of the picture, without the code); PNG and BMP fail.
    assertThatThrownBy(() -> QrCodes.read(truncated))
        .isInstanceOfSatisfying(QrCodeException.class,
            e -> assertThat(e.reason()).isIn(Reason.UNREADABLE_IMAGE, Reason.NO_QR_CODE));
  }

  @Test
  void read_emptyFile_throwsUnreadableImage(@TempDir Path directory) throws IOException {
    Path empty = Files.write(directory.resolve("empty.png"), new byte[0]);

    assertThatThrownBy(() -> QrCodes.read(empty))
        .isInstanceOfSatisfying(QrCodeException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.UNREADABLE_IMAGE);
          assertThat(e.getMessage()).contains("empty");
        });
  }

  @Test
  void read_missingFile_throwsUnreadableImageNamingTheFile(@TempDir Path directory) {
    assertThatThrownBy(() -> QrCodes.read(directory.resolve("missing.png")))
        .isInstanceOfSatisfying(QrCodeException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.UNREADABLE_IMAGE);
          assertThat(e.getMessage()).contains("'missing.png'");
        });
  }

  /** A PNG whose header declares {@code width × height} RGB pixels, followed by one tiny IDAT chunk: a bomb. */
  static byte[] pngDeclaring(int width, int height) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(bytes);
    out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    ByteArrayOutputStream header = new ByteArrayOutputStream();
    DataOutputStream ihdr = new DataOutputStream(header);
    ihdr.writeInt(width);
    ihdr.writeInt(height);
    ihdr.write(new byte[] {8, 2, 0, 0, 0});   // 8 bits, truecolour, deflate, adaptive filter, no interlace
    chunk(out, "IHDR", header.toByteArray());
    chunk(out, "IDAT", new byte[] {0x78, (byte) 0x9c, 0x03, 0x00, 0x00, 0x00, 0x00, 0x01});
    chunk(out, "IEND", new byte[0]);
    return bytes.toByteArray();
  }

  private static void chunk(DataOutputStream out, String type, byte[] data) throws IOException {
    out.writeInt(data.length);
    byte[] name = type.getBytes(StandardCharsets.US_ASCII);
    out.write(name);
    out.write(data);
    CRC32 crc = new CRC32();
    crc.update(name);
    crc.update(data);
    out.writeInt((int) crc.getValue());
  }

  @Test
  void read_pngDeclaring100000x100000_throwsTooLargeWithoutAllocatingPixels() throws IOException {
    byte[] bomb = pngDeclaring(100_000, 100_000);
    long before = usedMemory();

    assertThatThrownBy(() -> QrCodes.read(bomb))
        .isInstanceOfSatisfying(QrCodeException.class, e -> {
          assertThat(e.reason()).isEqualTo(Reason.IMAGE_TOO_LARGE);
          assertThat(e.getMessage()).contains("100000×100000").contains("10000.0 megapixels")
              .contains("at most 50.0 megapixels");
        });
    // 10^10 pixels would need 30 GB; nothing of the sort was allocated.
    assertThat(usedMemory() - before).isLessThan(64L << 20);
  }

  private static long usedMemory() {
    Runtime runtime = Runtime.getRuntime();
    return runtime.totalMemory() - runtime.freeMemory();
  }

  @Test
  void read_imageOverConfiguredPixelLimit_throwsTooLarge() {
    byte[] png = TestImages.encode(screenWith(TIKTOK.toUriString()), "png");
    QrReadOptions small = QrReadOptions.builder().maxPixels(1_000_000).build();

    assertThatThrownBy(() -> QrCodes.read(png, small))
        .isInstanceOfSatisfying(QrCodeException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.IMAGE_TOO_LARGE));
    assertThatThrownBy(() -> QrCodes.read(screenWith(TIKTOK.toUriString()), small))
        .isInstanceOfSatisfying(QrCodeException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.IMAGE_TOO_LARGE));
  }

  @Test
  void read_streamOverByteLimit_throwsTooLargeAfterReadingOnlyTheLimit(@TempDir Path directory) throws IOException {
    byte[] png = TestImages.encode(screenWith(TIKTOK.toUriString()), "png");
    QrReadOptions small = QrReadOptions.builder().maxBytes(png.length - 1).build();
    ByteArrayInputStream in = new ByteArrayInputStream(png);

    assertThatThrownBy(() -> QrCodes.read(in, small))
        .isInstanceOfSatisfying(QrCodeException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.IMAGE_TOO_LARGE));
    assertThat(in.available()).isZero();
    Path file = Files.write(directory.resolve("big.png"), png);
    assertThatThrownBy(() -> QrCodes.read(file, small))
        .isInstanceOfSatisfying(QrCodeException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.IMAGE_TOO_LARGE));
    assertThat(QrCodes.read(file, QrReadOptions.builder().maxBytes(png.length).build())).containsExactly(TIKTOK);
  }

  @Test
  void read_codeOnTransparentBackground_readsItAsOnWhite() {
    BufferedImage image = new BufferedImage(400, 400, BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    BufferedImage code = TestImages.code(TIKTOK.toUriString(), 6, 0, false);
    for (int y = 0; y < code.getHeight(); y++) {
      for (int x = 0; x < code.getWidth(); x++) {
        if ((code.getRGB(x, y) & 0xff) < 128) {
          image.setRGB(x + 40, y + 40, 0xff000000);   // opaque black module; everything else transparent black
        }
      }
    }
    g.dispose();

    assertThat(QrCodes.read(image)).containsExactly(TIKTOK);
    assertThat(QrCodes.read(TestImages.encode(image, "png"))).containsExactly(TIKTOK);
  }

  @ParameterizedTest
  @ValueSource(ints = {BufferedImage.TYPE_INT_RGB, BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_INT_ARGB_PRE,
      BufferedImage.TYPE_INT_BGR, BufferedImage.TYPE_3BYTE_BGR, BufferedImage.TYPE_4BYTE_ABGR,
      BufferedImage.TYPE_4BYTE_ABGR_PRE, BufferedImage.TYPE_BYTE_GRAY, BufferedImage.TYPE_USHORT_GRAY,
      BufferedImage.TYPE_BYTE_BINARY, BufferedImage.TYPE_BYTE_INDEXED, BufferedImage.TYPE_USHORT_565_RGB,
      BufferedImage.TYPE_USHORT_555_RGB})
  void read_everyBufferedImageType_returnsTheAccount(int type) {
    BufferedImage screen = TestImages.screenshot(new Random(type), 720, 1560, type % 2 == 0, TIKTOK.toUriString(),
        4);
    BufferedImage converted = new BufferedImage(screen.getWidth(), screen.getHeight(), type);
    Graphics2D g = converted.createGraphics();
    g.drawImage(screen, 0, 0, null);
    g.dispose();

    assertThat(QrCodes.read(converted)).containsExactly(TIKTOK);
  }

  @Test
  void read_subimageSharingARaster_readsOnlyItsPart() {
    BufferedImage code = TestImages.code(TIKTOK.toUriString(), 5, 4, false);
    BufferedImage canvas = new BufferedImage(1000, 1000, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = canvas.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, 1000, 1000);
    g.drawImage(code, 500, 520, null);
    g.dispose();

    BufferedImage part = canvas.getSubimage(480, 500, 500, 500);

    assertThat(QrCodes.read(part)).containsExactly(TIKTOK);
    assertThatThrownBy(() -> QrCodes.read(canvas.getSubimage(0, 0, 480, 480)))
        .isInstanceOfSatisfying(QrCodeException.class, e -> assertThat(e.reason()).isEqualTo(Reason.NO_QR_CODE));
  }

  @Test
  void readText_nullArguments_throwNullPointerException() {
    assertThatThrownBy(() -> QrCodes.read((byte[]) null)).isInstanceOf(NullPointerException.class);
    assertThatThrownBy(() -> QrCodes.read(new byte[1], null)).isInstanceOf(NullPointerException.class);
  }
}
