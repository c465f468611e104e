package io.totpkit.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link QrCodes#loadImage}: the decoding step of {@code read} on its own, with the same limits and errors. */
class LoadImageTest {
  private static final byte[] PNG = TestImages.encode(TestImages.code(QrCodesReadTest.TIKTOK.toUriString(), 3, 4,
      false), "png");

  @Test
  void loadImage_png_returnsThePictureThatReadDecodes() {
    BufferedImage image = QrCodes.loadImage(PNG, QrReadOptions.defaults());

    assertThat(QrCodes.read(image)).containsExactlyElementsOf(QrCodes.read(PNG));
  }

  @Test
  void loadImage_overThePixelLimit_isImageTooLarge() {
    QrCodeException e = catchThrowableOfType(QrCodeException.class,
        () -> QrCodes.loadImage(PNG, QrReadOptions.builder().maxPixels(100).build()));

    assertThat(e.reason()).isEqualTo(QrCodeException.Reason.IMAGE_TOO_LARGE);
  }

  @Test
  void loadImage_notAnImage_isUnreadableImage() {
    QrCodeException e = catchThrowableOfType(QrCodeException.class,
        () -> QrCodes.loadImage(new byte[] {1, 2, 3}, QrReadOptions.defaults()));

    assertThat(e.reason()).isEqualTo(QrCodeException.Reason.UNREADABLE_IMAGE);
  }

  @Test
  void loadImage_file_isTheSamePictureAndTheFileLimit(@TempDir Path dir) throws IOException {
    Path file = Files.write(dir.resolve("screenshot.png"), PNG);

    assertThat(QrCodes.read(QrCodes.loadImage(file, QrReadOptions.defaults()))).containsExactlyElementsOf(
        QrCodes.read(PNG));
    QrCodeException tooBig = catchThrowableOfType(QrCodeException.class,
        () -> QrCodes.loadImage(file, QrReadOptions.builder().maxBytes(10).build()));
    assertThat(tooBig.reason()).isEqualTo(QrCodeException.Reason.IMAGE_TOO_LARGE);
    QrCodeException missing = catchThrowableOfType(QrCodeException.class,
        () -> QrCodes.loadImage(dir.resolve("missing.png"), QrReadOptions.defaults()));
    assertThat(missing.getMessage()).isEqualTo("the file 'missing.png' does not exist");
  }
}
