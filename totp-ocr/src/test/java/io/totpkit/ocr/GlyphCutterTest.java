package io.totpkit.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Cutting a line into its characters, on lines drawn here. */
class GlyphCutterTest {
  private static GreyImage line(String text, String font) {
    BufferedImage image = new BufferedImage(40 * text.length() + 40, 80, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, image.getWidth(), image.getHeight());
    g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    g.setColor(Color.BLACK);
    g.setFont(new Font(font, Font.PLAIN, 48));
    g.drawString(text, 20, 60);
    g.dispose();
    return GreyImage.of(image);
  }

  @Test
  void cut_groupsOfCharacters_givesOneImagePerCharacter() {
    List<GreyImage> characters = GlyphCutter.cut(line("JBSW  Y3DP", "DejaVu Sans"), List.of(4, 4));

    assertThat(characters).hasSize(8).doesNotContainNull();
    assertThat(characters.get(0).width).isLessThan(characters.get(3).width);   // J is narrower than W
  }

  @Test
  void cut_groupWithMoreBlobsThanCharacters_isNotCut() {
    List<GreyImage> characters = GlyphCutter.cut(line("JBSWQ  Y3DP", "DejaVu Sans"), List.of(4, 4));

    assertThat(characters.subList(0, 4)).containsOnlyNulls();
    assertThat(characters.subList(4, 8)).doesNotContainNull();
  }

  @Test
  void cut_noClearGapsBetweenGroups_cutsNothing() {
    assertThat(GlyphCutter.cut(line("JBSWY3DP", "DejaVu Sans"), List.of(4, 4))).hasSize(8).containsOnlyNulls();
  }

  /** Tesseract may read no character at all when it reads a key's line again: there is nothing to cut then. */
  @Test
  void cut_noGroups_noCharacters() {
    assertThat(GlyphCutter.cut(line("JBSW  Y3DP", "DejaVu Sans"), List.of())).isEmpty();
  }

  @Test
  void isBar_capitalIOfASansFont_isABarAndLIsNot() {
    assertThat(GlyphCutter.isBar(line("I", "DejaVu Sans"))).isTrue();
    assertThat(GlyphCutter.isBar(line("L", "DejaVu Sans"))).isFalse();
    assertThat(GlyphCutter.isBar(line("I", "DejaVu Serif"))).isFalse();   // its serifs make it no plain bar
  }
}
