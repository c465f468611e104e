package io.totpkit.bench.photos;

import java.awt.Font;
import java.awt.GraphicsEnvironment;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * The phone a screen is shown on: its resolution, light or dark mode, and the font its text is set in.
 *
 * <p>Thread-safety: immutable.
 */
public final class Display {
  /** Phone resolutions the pictures use, portrait: the common 1080×2340 first. */
  static final int[][] PHONES = {{1080, 2340}, {1170, 2532}, {1440, 3200}, {720, 1600}, {1284, 2778}};

  /** Font families a phone screen might use, most alike to Roboto and San Francisco first. */
  private static final List<String> CANDIDATE_FAMILIES = List.of("Roboto", "Noto Sans", "DejaVu Sans",
      "Liberation Sans", "Liberation Sans Narrow", "Open Sans", "Lato", "Noto Serif", "DejaVu Serif",
      "Liberation Serif");
  private static final List<String> CANDIDATE_MONOSPACED = List.of("Roboto Mono", "Noto Sans Mono",
      "DejaVu Sans Mono", "Liberation Mono");

  private final int width;
  private final int height;
  private final boolean dark;
  private final String fontFamily;

  private Display(int width, int height, boolean dark, String fontFamily) {
    this.width = width;
    this.height = height;
    this.dark = dark;
    this.fontFamily = fontFamily;
  }

  /**
   * A display.
   *
   * @param width pixels, 240 to 4096
   * @param height pixels, 240 to 8192
   * @param dark whether the screen is in dark mode
   * @param fontFamily a font family name; one that is not installed falls back to Java's sans-serif font
   * @return the display
   * @throws IllegalArgumentException if a size is out of range or the family is blank
   */
  public static Display of(int width, int height, boolean dark, String fontFamily) {
    if (width < 240 || width > 4096) {
      throw new IllegalArgumentException("width must be between 240 and 4096 pixels, was " + width);
    }
    if (height < 240 || height > 8192) {
      throw new IllegalArgumentException("height must be between 240 and 8192 pixels, was " + height);
    }
    if (Objects.requireNonNull(fontFamily, "fontFamily").isBlank()) {
      throw new IllegalArgumentException("fontFamily must not be blank");
    }
    return new Display(width, height, dark, fontFamily);
  }

  /**
   * The proportional font families of {@link #CANDIDATE_FAMILIES} installed on this machine, in that order; Java's
   * logical sans-serif font when none is.
   *
   * @return at least one family name
   */
  public static List<String> installedFamilies() {
    return installed(CANDIDATE_FAMILIES, Font.SANS_SERIF);
  }

  /**
   * The monospaced font families installed on this machine, for setup keys printed in a code font.
   *
   * @return at least one family name
   */
  public static List<String> installedMonospacedFamilies() {
    return installed(CANDIDATE_MONOSPACED, Font.MONOSPACED);
  }

  private static List<String> installed(List<String> candidates, String fallback) {
    Set<String> available = new HashSet<>();
    for (String name : GraphicsEnvironment.getLocalGraphicsEnvironment().getAvailableFontFamilyNames(Locale.ROOT)) {
      available.add(name.toLowerCase(Locale.ROOT));
    }
    List<String> found = new ArrayList<>();
    for (String candidate : candidates) {
      if (available.contains(candidate.toLowerCase(Locale.ROOT))) {
        found.add(candidate);
      }
    }
    return found.isEmpty() ? Arrays.asList(fallback) : List.copyOf(found);
  }

  /**
   * Width in pixels.
   *
   * @return the width
   */
  public int width() {
    return width;
  }

  /**
   * Height in pixels.
   *
   * @return the height
   */
  public int height() {
    return height;
  }

  /**
   * Whether the screen is in dark mode.
   *
   * @return true for dark mode
   */
  public boolean dark() {
    return dark;
  }

  /**
   * The font family of the screen's text.
   *
   * @return the family name
   */
  public String fontFamily() {
    return fontFamily;
  }

  @Override
  public String toString() {
    return width + "×" + height + (dark ? " dark " : " light ") + fontFamily;
  }
}
