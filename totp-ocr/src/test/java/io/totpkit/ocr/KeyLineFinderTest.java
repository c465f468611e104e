package io.totpkit.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which lines of a first pass are taken for the key, on lines written by hand (a word ending in * is English). */
class KeyLineFinderTest {
  private static final int HEIGHT = 30;

  /** A line at {@code top}, its words laid out from {@code left}, 18 pixels a character and 15 between words. */
  private static TextLine line(int left, int top, String text) {
    List<TextLine.Word> words = new ArrayList<>();
    int x = left;
    for (String word : text.split(" ")) {
      boolean english = word.endsWith("*");
      String bare = english ? word.substring(0, word.length() - 1) : word;
      words.add(new TextLine.Word(bare, english, x, top, x + 18 * bare.length(), top + HEIGHT));
      x += 18 * bare.length() + 15;
    }
    return new TextLine(left, top, x - 15, top + HEIGHT, words);
  }

  /** A setup screen's text around the given key lines, the prose 1000 pixels wide. */
  private static List<TextLine> screen(TextLine... keyLines) {
    List<TextLine> lines = new ArrayList<>();
    lines.add(line(60, 100, "Scan* this* QR* code* with* your* authenticator* app* or* enter* the* key* below"));
    lines.add(line(60, 140, "Or* enter* this* key* manually:*"));
    lines.addAll(List.of(keyLines));
    lines.add(line(60, 700, "Then* enter* the* code* from* the* app* to* finish* the* setup* of* your* account*"));
    return lines;
  }

  private static List<String> words(KeyLineFinder.Found found) {
    return found.words();
  }

  @Test
  void find_groupsOfFourAmongProse_isTheKey() {
    List<KeyLineFinder.Found> found = KeyLineFinder.find(screen(line(60, 200, "JBSW Y3DP EHPK 3PXP")));

    assertThat(found).hasSize(1);
    assertThat(words(found.get(0))).containsExactly("JBSW", "Y3DP", "EHPK", "3PXP");
    assertThat(found.get(0).complete).isTrue();
    assertThat(found.get(0).lowerCase).isFalse();
  }

  @Test
  void find_googleSmallLetters_isTheKeyInSmallLetters() {
    List<KeyLineFinder.Found> found = KeyLineFinder.find(screen(line(60, 200, "jbsw y3dp ehpk 3pxp jbsw y3dp")));

    assertThat(found).hasSize(1);
    assertThat(found.get(0).lowerCase).isTrue();
  }

  @Test
  void find_proseInSmallLettersOrCapitals_isNoKey() {
    assertThat(KeyLineFinder.find(screen(line(60, 200, "make* sure* time* based* is* on*")))).isEmpty();
    assertThat(KeyLineFinder.find(screen(line(60, 200, "SCAN* THE* QR* CODE* WITH* YOUR* APP*")))).isEmpty();
  }

  @Test
  void find_keyPrintedWithoutSpaces_isTheKey() {
    List<KeyLineFinder.Found> found = KeyLineFinder.find(screen(line(60, 200, "JBSWY3DPEHPK3PXP")));

    assertThat(found).hasSize(1);
    assertThat(words(found.get(0))).containsExactly("JBSWY3DPEHPK3PXP");
  }

  @Test
  void find_labelBeforeTheKey_isLeftOut() {
    List<KeyLineFinder.Found> found = KeyLineFinder.find(screen(line(60, 200, "Key:* JBSW Y3DP EHPK 3PXP")));

    assertThat(words(found.get(0))).containsExactly("JBSW", "Y3DP", "EHPK", "3PXP");
  }

  @Test
  void find_wrappedKeyWithCopyBesideItsFirstLine_joinsTheLinesAndLeavesCopyOut() {
    TextLine first = line(60, 200, "JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP JBSW");
    TextLine copy = line(930, 202, "Copy*");
    TextLine second = line(60, 240, "Y3DP EHPK 3PXP");

    List<KeyLineFinder.Found> found = KeyLineFinder.find(screen(first, copy, second));

    assertThat(found).hasSize(1);
    assertThat(String.join("", words(found.get(0)))).hasSize(48);
    assertThat(found.get(0).spans).hasSize(2);
  }

  @Test
  void find_oneRowCutInTwoByTesseract_joinsBothHalves() {
    TextLine left = line(60, 200, "JBSW Y3DP EHPK");
    TextLine right = line(left.right + 15, 200, "3PXP JBSW Y3DP");

    List<KeyLineFinder.Found> found = KeyLineFinder.find(screen(left, right));

    assertThat(String.join("", words(found.get(0)))).isEqualTo("JBSWY3DPEHPK3PXPJBSWY3DP");
  }

  @Test
  void find_strayMarkOnAGroup_keepsTheGroup() {
    List<KeyLineFinder.Found> found = KeyLineFinder.find(screen(line(60, 200, "XQEZ LFN2 GI4Y JOI) 5XHT 2C2D 4C")));

    assertThat(words(found.get(0))).hasSize(7);
  }

  @Test
  void find_fullLineFollowedByALineOfNoise_mayGoOn() {
    TextLine full = line(60, 200, "JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK");
    TextLine unreadable = line(60, 240, "~=| ar");

    List<KeyLineFinder.Found> found = KeyLineFinder.find(screen(full, unreadable));

    assertThat(found.get(0).complete).isFalse();
  }

  @Test
  void find_shortLineFollowedByANoisyLine_mayGoOn() {
    TextLine key = line(60, 200, "JBSW Y3DP EHPK 3PXP");
    TextLine unreadable = line(60, 240, "Gl7/ ~4");

    assertThat(KeyLineFinder.find(screen(key, unreadable)).get(0).complete).isFalse();
  }
}
