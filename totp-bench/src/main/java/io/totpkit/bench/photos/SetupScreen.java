package io.totpkit.bench.photos;

import io.totpkit.core.OtpAuthUri;
import java.awt.Font;
import java.awt.Rectangle;
import java.util.Objects;

/**
 * A service's two-step setup screen on a phone, as a user screenshots it to send it on: status bar, title,
 * explanation, the enrollment QR code, the setup key printed under it in groups of four
 * ({@code JBSW Y3DP EHPK 3PXP}), and buttons.
 *
 * <pre>{@code
 * Screenshot shot = SetupScreen.builder(ScreenStyle.TIKTOK, account, Display.of(1080, 2340, true, "DejaVu Sans"))
 *     .keyText("JBSW Y3DP EHPK 3PXP")
 *     .build().render();
 * }</pre>
 *
 * <p>The key text, the fonts and the mode are parameters, so that OCR tests can draw keys that differ from the code.
 *
 * <p>Thread-safety: immutable; {@link #render()} may be called from any thread.
 */
public final class SetupScreen {
  /** The title most services use. */
  public static final String DEFAULT_TITLE = "Set up authenticator app";

  private final ScreenStyle style;
  private final OtpAuthUri account;
  private final Display display;
  private final String title;
  private final String keyText;
  private final String keyFontFamily;
  private final double codeWidth;
  private final boolean scaledCode;

  private SetupScreen(Builder builder) {
    this.style = builder.style;
    this.account = builder.account;
    this.display = builder.display;
    this.title = builder.title;
    this.keyText = builder.keyText != null ? builder.keyText : groupsOfFour(account.secret().toBase32());
    this.keyFontFamily = builder.keyFontFamily != null ? builder.keyFontFamily
        : style.monospacedKey ? Display.installedMonospacedFamilies().get(0) : display.fontFamily();
    this.codeWidth = builder.codeWidth;
    this.scaledCode = builder.scaledCode;
  }

  /**
   * Starts a screen of a service's look for an account.
   *
   * @param style the service's look
   * @param account the account the code enrolls
   * @param display the phone
   * @return a builder with the defaults: {@link #DEFAULT_TITLE}, the account's key in groups of four, the screen's
   *     font (a monospaced one where the service prints the key so), the code as wide as the service draws it
   */
  public static Builder builder(ScreenStyle style, OtpAuthUri account, Display display) {
    return new Builder(style, account, display);
  }

  /**
   * Writes Base32 text in groups of four characters separated by spaces, as setup screens print keys.
   *
   * @param base32 the key, without spaces
   * @return the grouped text, such as {@code "JBSW Y3DP EHPK 3PXP"}
   */
  public static String groupsOfFour(String base32) {
    StringBuilder grouped = new StringBuilder(base32.length() * 5 / 4 + 1);
    for (int i = 0; i < base32.length(); i += 4) {
      if (i > 0) {
        grouped.append(' ');
      }
      grouped.append(base32, i, Math.min(base32.length(), i + 4));
    }
    return grouped.toString();
  }

  /**
   * Draws the screen.
   *
   * @return the screenshot, with where the code and the key lie; it shows the secret
   */
  public Screenshot render() {
    ScreenCanvas canvas = new ScreenCanvas(display.width(), display.height(), display.dark(),
        display.fontFamily());
    int u = canvas.unit;
    canvas.statusBar();
    canvas.navigationBar(style == ScreenStyle.SHOPIFY ? null : "Two-step verification");
    boolean centred = style.centred;
    int y = canvas.paragraph(title, canvas.font(Font.BOLD, 1.8), canvas.text, centred, u * 9);
    y = canvas.paragraph(style.explanation, canvas.font(Font.PLAIN, 1.05), canvas.secondary, centred, y);
    QrModules modules = QrModules.of(account);
    int margin = 3;
    int wanted = (int) Math.round(display.width() * codeWidth);
    int moduleSize = Math.max(1, wanted / (modules.size() + 2 * margin));
    int drawn = moduleSize * (modules.size() + 2 * margin);
    int side = scaledCode ? wanted : drawn;
    int x = centred || style == ScreenStyle.GOOGLE ? (display.width() - side) / 2 : u * 2;
    boolean inverted = display.dark() && style.darkCodeInverted;
    Rectangle code = canvas.code(modules, x, y, moduleSize, margin, inverted, side);
    y += side + u * 2;
    canvas.paragraph(style.keyLabel, canvas.font(Font.PLAIN, 1.0), canvas.secondary, centred, y);
    y += style.monospacedKey ? u * 3 : u * 2;
    Font keyFont = new Font(keyFontFamily, Font.BOLD, (int) Math.round(u * 1.25));
    Rectangle key = canvas.key(keyText, keyFont, centred, style.monospacedKey, y);
    y = key.y + key.height + u * 2;
    if (style == ScreenStyle.SHOPIFY) {
      canvas.paragraph("Enter the code from the app", canvas.font(Font.PLAIN, 1.0), canvas.secondary, false,
          y + u);
      canvas.button("6-digit code", style.accent, false, y + u * 2);
    } else {
      canvas.link("Copy key", style.accent, centred, y + u);
    }
    canvas.button(style.button, style.accent, true, display.height() - u * 9);
    if (style == ScreenStyle.INSTAGRAM || style == ScreenStyle.GOOGLE) {
      canvas.button("Cancel", style.accent, false, display.height() - u * 5);
    }
    canvas.homeIndicator();
    return new Screenshot(canvas.finish(), code, key);
  }

  /** What the screen shows, without the key: for sample descriptions. */
  @Override
  public String toString() {
    return style + " " + display + ", key " + keyText.replace(" ", "").length() + " chars";
  }

  /**
   * Collects the parts of a setup screen.
   *
   * <p>Thread-safety: not thread-safe.
   */
  public static final class Builder {
    private final ScreenStyle style;
    private final OtpAuthUri account;
    private final Display display;
    private String title = DEFAULT_TITLE;
    private String keyText;
    private String keyFontFamily;
    private double codeWidth;
    private boolean scaledCode;

    private Builder(ScreenStyle style, OtpAuthUri account, Display display) {
      this.style = Objects.requireNonNull(style, "style");
      this.account = Objects.requireNonNull(account, "account");
      this.display = Objects.requireNonNull(display, "display");
      this.codeWidth = style.codeWidth;
    }

    /**
     * Sets the title.
     *
     * @param title one or more words
     * @return this builder
     */
    public Builder title(String title) {
      this.title = Objects.requireNonNull(title, "title");
      return this;
    }

    /**
     * Sets the key as printed, which may differ from the code's: groups, spacing and case as the service prints it.
     *
     * @param keyText the printed key
     * @return this builder
     */
    public Builder keyText(String keyText) {
      this.keyText = Objects.requireNonNull(keyText, "keyText");
      return this;
    }

    /**
     * Sets the font family of the printed key (bold).
     *
     * @param family a family name; one not installed falls back to Java's sans-serif font
     * @return this builder
     */
    public Builder keyFontFamily(String family) {
      this.keyFontFamily = Objects.requireNonNull(family, "family");
      return this;
    }

    /**
     * Sets the code's width as a share of the screen width, and whether the view scales it to exactly that width
     * with bilinear filtering (soft module edges) instead of drawing whole-pixel modules a little smaller.
     *
     * @param share from 0.2 to 0.95
     * @param scaled whether the code is scaled to the width
     * @return this builder
     * @throws IllegalArgumentException if the share is out of range
     */
    public Builder codeWidth(double share, boolean scaled) {
      if (!(share >= 0.2 && share <= 0.95)) {
        throw new IllegalArgumentException("code width must be between 0.2 and 0.95 of the screen, was " + share);
      }
      this.codeWidth = share;
      this.scaledCode = scaled;
      return this;
    }

    /**
     * Builds the screen.
     *
     * @return the screen
     */
    public SetupScreen build() {
      return new SetupScreen(this);
    }
  }
}
