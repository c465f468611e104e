package io.totpkit.bench.photos;

import java.awt.Rectangle;
import java.awt.image.BufferedImage;
import java.util.Optional;

/**
 * A rendered phone screen and where its parts lie: the QR code's modules (without the quiet zone) and, on a setup
 * screen, the printed setup key. The damage steps aim glare at the code; an OCR test crops the key.
 *
 * <p>Thread-safety: the image is shared, not copied; treat it as read-only.
 */
public final class Screenshot {
  private final BufferedImage image;
  private final Rectangle code;
  private final Rectangle key;

  Screenshot(BufferedImage image, Rectangle code, Rectangle key) {
    this.image = image;
    this.code = new Rectangle(code);
    this.key = key == null ? null : new Rectangle(key);
  }

  /**
   * The screen, {@code TYPE_INT_RGB}.
   *
   * @return the image; it shows the secret
   */
  public BufferedImage image() {
    return image;
  }

  /**
   * Where the code's modules lie, in pixels of {@link #image()}.
   *
   * @return a copy of the box
   */
  public Rectangle code() {
    return new Rectangle(code);
  }

  /**
   * Where the printed setup key lies, when the screen prints one.
   *
   * @return a copy of the box, or empty
   */
  public Optional<Rectangle> key() {
    return Optional.ofNullable(key).map(Rectangle::new);
  }
}
