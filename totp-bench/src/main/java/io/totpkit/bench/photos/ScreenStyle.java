package io.totpkit.bench.photos;

import java.awt.Color;

/**
 * The look of a service's two-step setup screen on a phone, after the screens TikTok, Instagram, Shopify and Google
 * show when a user turns on an authenticator app: the wording, the accent colour, how large the code is drawn, where
 * the setup key goes and how dark mode draws the code. The texts are written for these pictures, in the manner of
 * those screens, not copied from them.
 *
 * <p>Thread-safety: immutable.
 */
public enum ScreenStyle {
  /** Centred layout, a red button, the code on a white card even in dark mode. */
  TIKTOK("TikTok", new Color(0xFE, 0x2C, 0x55), 0.50, false, false, true,
      "1. Download an authenticator app such as Google Authenticator.\n"
          + "2. Scan this QR code, or copy the key below into the app.",
      "Key", "Next"),
  /** Left-aligned, a blue button, light modules on dark in dark mode. */
  INSTAGRAM("Instagram", new Color(0x00, 0x95, 0xF6), 0.45, true, false, false,
      "Scan this QR code with your authentication app, or copy the key into it. "
          + "Then enter the 6-digit code the app shows to confirm.",
      "Or enter this key", "Next"),
  /** Web page on a phone: the key in a monospaced box, a green button, light modules on dark in dark mode. */
  SHOPIFY("Shopify", new Color(0x00, 0x80, 0x60), 0.55, true, true, false,
      "Scan the QR code below with an authenticator app. If you can't scan it, "
          + "enter this setup key instead.",
      "Setup key", "Verify"),
  /** Left-aligned steps, a blue button, the code on a white card in dark mode. */
  GOOGLE("Google", new Color(0x1A, 0x73, 0xE8), 0.60, false, false, false,
      "In the Authenticator app, tap +, then Scan a QR code. Can't scan it? "
          + "Tap Enter a setup key and type the key below. Time based is the default.",
      "Your setup key", "Next");

  final String issuer;
  final Color accent;
  final double codeWidth;
  final boolean darkCodeInverted;
  final boolean monospacedKey;
  final boolean centred;
  final String explanation;
  final String keyLabel;
  final String button;

  ScreenStyle(String issuer, Color accent, double codeWidth, boolean darkCodeInverted, boolean monospacedKey,
      boolean centred, String explanation, String keyLabel, String button) {
    this.issuer = issuer;
    this.accent = accent;
    this.codeWidth = codeWidth;
    this.darkCodeInverted = darkCodeInverted;
    this.monospacedKey = monospacedKey;
    this.centred = centred;
    this.explanation = explanation;
    this.keyLabel = keyLabel;
    this.button = button;
  }

  /**
   * The service's name, as an enrollment code's issuer.
   *
   * @return the name, such as {@code "TikTok"}
   */
  public String issuer() {
    return issuer;
  }
}
