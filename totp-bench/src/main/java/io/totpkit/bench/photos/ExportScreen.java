package io.totpkit.bench.photos;

import java.awt.Color;
import java.awt.Font;
import java.awt.Rectangle;
import java.util.Objects;

/**
 * Google Authenticator's export screen on a phone: a title, an explanation, one large, dense QR code holding an
 * {@code otpauth-migration://offline?data=…} batch, which page of how many it is, and a Next button. The code fills
 * about four fifths of the width and sits on white in both modes, as the app draws it.
 *
 * <pre>{@code
 * String batch = MigrationPayload.encode(accounts).get(0);
 * Screenshot shot = ExportScreen.of(batch, 0, 1, Display.of(1080, 2340, false, "DejaVu Sans")).render();
 * }</pre>
 *
 * <p>Thread-safety: immutable; {@link #render()} may be called from any thread.
 */
public final class ExportScreen {
  private static final Color ACCENT = new Color(0x1A, 0x73, 0xE8);

  private final String exportText;
  private final int page;
  private final int pages;
  private final Display display;

  private ExportScreen(String exportText, int page, int pages, Display display) {
    this.exportText = exportText;
    this.page = page;
    this.pages = pages;
    this.display = display;
  }

  /**
   * An export screen.
   *
   * @param exportText the code's text, one batch of {@link io.totpkit.core.MigrationPayload#encode}
   * @param page which page this is, from 0
   * @param pages how many pages the export has, 1 to 20
   * @param display the phone
   * @return the screen
   * @throws IllegalArgumentException if the page is not within the pages
   */
  public static ExportScreen of(String exportText, int page, int pages, Display display) {
    Objects.requireNonNull(exportText, "exportText");
    Objects.requireNonNull(display, "display");
    if (pages < 1 || pages > 20 || page < 0 || page >= pages) {
      throw new IllegalArgumentException("page must be within 0 to pages - 1 and pages within 1 to 20, were "
          + page + " and " + pages);
    }
    return new ExportScreen(exportText, page, pages, display);
  }

  /**
   * Draws the screen.
   *
   * @return the screenshot, with where the code lies; it shows the secrets
   */
  public Screenshot render() {
    ScreenCanvas canvas = new ScreenCanvas(display.width(), display.height(), display.dark(),
        display.fontFamily());
    int u = canvas.unit;
    canvas.statusBar();
    canvas.navigationBar("Transfer accounts");
    int y = canvas.paragraph("Scan this QR code", canvas.font(Font.PLAIN, 1.7), canvas.text, true, u * 9);
    y = canvas.paragraph("Open Authenticator on your new device, tap Import existing accounts, then scan this code"
        + " with its camera.", canvas.font(Font.PLAIN, 1.0), canvas.secondary, true, y);
    QrModules modules = QrModules.ofText(exportText);
    int margin = 3;
    int moduleSize = Math.max(1, display.width() * 4 / 5 / (modules.size() + 2 * margin));
    int side = moduleSize * (modules.size() + 2 * margin);
    Rectangle code = canvas.code(modules, (display.width() - side) / 2, y + u, moduleSize, margin, false, side);
    y += side + u * 3;
    canvas.paragraph((page + 1) + " of " + pages, canvas.font(Font.PLAIN, 1.0), canvas.secondary, true, y);
    if (pages > 1) {
      canvas.pageDots(pages, page, ACCENT, y + u * 2);
    }
    canvas.button(page + 1 < pages ? "Next" : "Done", ACCENT, true, display.height() - u * 6);
    canvas.homeIndicator();
    return new Screenshot(canvas.finish(), code, null);
  }

  @Override
  public String toString() {
    return "Google Authenticator export, page " + (page + 1) + " of " + pages + ", " + display;
  }
}
