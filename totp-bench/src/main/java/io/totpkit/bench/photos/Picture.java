package io.totpkit.bench.photos;

import io.totpkit.core.OtpAuthUri;
import io.totpkit.qr.QrCodes;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Objects;

/**
 * A damaged picture as it reaches the reader: a decoded image (a warp, blur or noise of the screen), or an image file
 * when the damage is the file itself (JPEG compression, a messenger, a camera's JPEG).
 *
 * <p>Thread-safety: immutable once made; the image is shared, not copied.
 */
public final class Picture {
  private final BufferedImage image;
  private final byte[] file;

  private Picture(BufferedImage image, byte[] file) {
    this.image = image;
    this.file = file;
  }

  static Picture ofImage(BufferedImage image) {
    return new Picture(Objects.requireNonNull(image, "image"), null);
  }

  static Picture ofJpeg(byte[] file) {
    return new Picture(null, Objects.requireNonNull(file, "file").clone());
  }

  /**
   * Reads it with {@link QrCodes#read(BufferedImage)} or {@link QrCodes#read(byte[])}, whichever it is.
   *
   * @return the accounts found
   * @throws io.totpkit.qr.QrCodeException when none is found
   */
  public List<OtpAuthUri> read() {
    return image != null ? QrCodes.read(image) : QrCodes.read(file);
  }

  /**
   * What {@link #read()} is given.
   *
   * @return {@code "image"} or {@code "JPEG"}
   */
  public String input() {
    return image != null ? "image" : "JPEG";
  }

  /**
   * The picture as a file to look at.
   *
   * @return a PNG of the image, or the JPEG file; it shows the secret
   */
  public byte[] file() {
    return image != null ? Encoding.png(image) : file.clone();
  }

  /**
   * The file name extension of {@link #file()}.
   *
   * @return {@code "png"} or {@code "jpg"}
   */
  public String extension() {
    return image != null ? "png" : "jpg";
  }

  /**
   * The picture decoded.
   *
   * @return the image
   */
  public BufferedImage image() {
    return image != null ? image : Encoding.decode(file);
  }
}
