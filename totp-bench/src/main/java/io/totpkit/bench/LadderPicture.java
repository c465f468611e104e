package io.totpkit.bench;

import io.totpkit.bench.photos.Damage;
import io.totpkit.bench.photos.IntakeSample;
import io.totpkit.bench.photos.Screenshot;
import io.totpkit.qr.QrCodeException;
import io.totpkit.qr.QrCodes;
import io.totpkit.qr.QrScan;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Rectangle;
import java.awt.image.BufferedImage;

/**
 * The pictures the ladder's cost is measured on, one per rung that reads it: screenshots and photos of 1080×2340 setup
 * screens from {@code IntakeRates}' seeded set (seed 18), each named by its screen, damage and level (the moiré photo
 * is 973×2108, the camera's frame 1512×2016, the others 1080×2340). {@link #check} proves that the rung it stands for,
 * and no earlier one, reads it.
 *
 * <p>Thread-safety: stateless; each call draws a new picture.
 */
public enum LadderPicture {
  /** A clean screenshot (#9, TikTok's look, light): zxing's fast path. */
  SCREENSHOT(9, Damage.CLEAN, 0, QrScan.Method.QR, ""),
  /** Strong moiré (#9 at aperture 15%): the first photo rung, de-moiré. */
  FIRST_PHOTO_RUNG(9, Damage.MOIRE, 3, QrScan.Method.QR_AFTER_REPAIR, "photo of a screen: moiré reduced"),
  /** A hard camera photo (#8, Google's look; the decoded JPEG): the fourth photo rung, de-moiré and unsharp mask. */
  LATER_PHOTO_RUNG(8, Damage.CAMERA, 2, QrScan.Method.QR_AFTER_REPAIR,
      "photo of a screen: moiré reduced, sharpened"),
  /** A 40° tilt (#12, Google's look): every photo rung fails, the second decoder reads the picture itself. */
  SECOND_DECODER(12, Damage.PERSPECTIVE, 3, QrScan.Method.SECOND_DECODER, ""),
  /** The clean screenshot of {@link #SCREENSHOT} with its code painted over: every rung runs and reads nothing. */
  NO_CODE(9, Damage.CLEAN, 0, null, "");

  private static final long SEED = 18;

  private final int screen;
  private final Damage damage;
  private final int level;
  private final QrScan.Method method;
  private final String repairs;

  LadderPicture(int screen, Damage damage, int level, QrScan.Method method, String repairs) {
    this.screen = screen;
    this.damage = damage;
    this.level = level;
    this.method = method;
    this.repairs = repairs;
  }

  /**
   * Draws the picture, without reading it (a first-call measurement must not read before it measures).
   *
   * @return a new image
   */
  public BufferedImage draw() {
    IntakeSample sample = IntakeSample.of(SEED, screen);
    BufferedImage image = sample.damaged(damage, level).image();
    if (this == NO_CODE) {
      image = withoutCode(image, sample.screenshot());
    }
    return image;
  }

  /**
   * Reads {@code image} once and fails unless the expected rung read it, after the expected repairs, or, for
   * {@link #NO_CODE}, unless nothing was read.
   *
   * @param image what {@link #draw()} returned
   * @throws IllegalStateException if another rung read it, or none did
   */
  public void check(BufferedImage image) {
    QrScan scan;
    try {
      scan = QrCodes.scan(image);
    } catch (QrCodeException e) {
      if (method == null && e.reason() == QrCodeException.Reason.NO_QR_CODE) {
        return;
      }
      throw new IllegalStateException(this + " was not read: " + e.getMessage(), e);
    }
    String described = scan.describe();
    boolean repaired = described.contains("(");
    if (scan.method() != method || repaired != !repairs.isEmpty()
        || repaired && !described.endsWith("(" + repairs + ")")) {
      throw new IllegalStateException(this + " was read another way: " + described);
    }
  }

  /** The screen's code, its quiet zone and a margin painted in the colour just outside them. */
  private static BufferedImage withoutCode(BufferedImage image, Screenshot shot) {
    Rectangle code = shot.code();
    int margin = code.width / 5;
    code.grow(margin, margin);
    BufferedImage copy = new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_INT_RGB);
    Graphics2D g = copy.createGraphics();
    try {
      g.drawImage(image, 0, 0, null);
      g.setColor(new Color(image.getRGB(Math.max(0, code.x - 2), code.y + code.height / 2)));
      g.fill(code);
    } finally {
      g.dispose();
    }
    return copy;
  }
}
