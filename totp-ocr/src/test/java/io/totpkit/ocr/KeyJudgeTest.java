package io.totpkit.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How readings become a key and its doubts, on readings written by hand. */
class KeyJudgeTest {
  private static final String KEY = "JBSW Y3DP EHPK 3PXP JBSW Y3DP EHPK 3PXP";
  private static final String PLAIN = KEY.replace(" ", "");

  /** A line reading of {@code text} (groups at its spaces), every character at {@code confidence}. */
  private static List<Glyph> line(String text, float confidence) {
    List<Glyph> glyphs = new ArrayList<>();
    boolean start = true;
    for (char c : text.toCharArray()) {
      if (c == ' ') {
        start = true;
        continue;
      }
      glyphs.add(new Glyph(c, confidence, List.of(), start));
      start = false;
    }
    return glyphs;
  }

  private static List<String> words(String text) {
    return Arrays.asList(text.split(" "));
  }

  private static KeyReadings readings(List<Glyph> first, List<Glyph> second, List<Glyph> alone, String firstPass,
      boolean complete) {
    return new KeyReadings(List.of(first, second), alone, words(firstPass), false, complete);
  }

  private static KeyReadings agreeing(String text) {
    return readings(line(text, 99), line(text, 99), line(text, 99), text, true);
  }

  @Test
  void judge_everyReadingAgrees_isCertain() {
    PrintedKey key = KeyJudge.judge(agreeing(KEY));

    assertThat(key.candidate()).isEqualTo(PLAIN);
    assertThat(key.certain()).isTrue();
  }

  @Test
  void judge_glyphNotReadAlone_isInDoubt() {
    List<Glyph> alone = new ArrayList<>(line(KEY, 99));
    alone.set(2, null);

    PrintedKey key = KeyJudge.judge(readings(line(KEY, 99), line(KEY, 99), alone, KEY, true));

    assertThat(key.certain()).isFalse();
    assertThat(key.uncertainPositions()).containsExactly(2);
    assertThat(key.alternatives(2)).contains('5');   // S's look-alike
    assertThat(key.candidate()).isEqualTo(PLAIN);
  }

  @Test
  void judge_glyphAloneReadsALookAlike_isInDoubtWithIt() {
    // The bold serif 5 that a line reading takes for S, with 99 % confidence and no second choice.
    String printed = KEY.replace("JBSW", "JB5W");
    List<Glyph> alone = line(printed, 99);

    PrintedKey key = KeyJudge.judge(readings(line(KEY, 99), line(KEY, 99), alone, KEY, true));

    assertThat(key.certain()).isFalse();
    assertThat(key.uncertainPositions()).containsExactly(2, 18);
    assertThat(key.alternatives(2)).startsWith('5');
    assertThat(key.candidates()).contains(printed.replace(" ", ""));
  }

  @Test
  void judge_lineReadingsDisagree_theMoreReadersWin() {
    String other = KEY.replaceFirst("Y3DP", "Y3OP");

    PrintedKey key = KeyJudge.judge(readings(line(other, 99), line(KEY, 99), line(KEY, 99), KEY, true));

    assertThat(key.uncertainPositions()).containsExactly(6);
    assertThat(key.candidate()).isEqualTo(PLAIN);   // D: a line reading, the glyph alone and the first pass
    assertThat(key.alternatives(6)).startsWith('O');
  }

  @Test
  void judge_secondChoiceConfirmedAlone_isCertain() {
    List<Glyph> hesitant = line(KEY, 99);
    Glyph s = hesitant.get(2);
    hesitant.set(2, new Glyph('S', 80, List.of(new Glyph.Choice('5', 40)), s.startsWord));

    assertThat(KeyJudge.judge(readings(hesitant, line(KEY, 99), line(KEY, 99), KEY, true)).certain()).isTrue();
  }

  @Test
  void judge_secondChoiceNotReadAlone_isInDoubt() {
    List<Glyph> hesitant = line(KEY, 99);
    Glyph s = hesitant.get(2);
    hesitant.set(2, new Glyph('S', 80, List.of(new Glyph.Choice('5', 40)), s.startsWord));
    List<Glyph> alone = new ArrayList<>(line(KEY, 99));
    alone.set(2, null);

    PrintedKey key = KeyJudge.judge(readings(hesitant, line(KEY, 99), alone, KEY, true));

    assertThat(key.uncertainPositions()).containsExactly(2);
    assertThat(key.alternatives(2)).startsWith('5');
  }

  @Test
  void judge_veryLowConfidence_staysInDoubtEvenConfirmed() {
    List<Glyph> unsure = line(KEY, 99);
    Glyph s = unsure.get(2);
    unsure.set(2, new Glyph('S', KeyJudge.WAIVED_CONFIDENCE - 1, List.of(), s.startsWord));

    assertThat(KeyJudge.judge(readings(unsure, line(KEY, 99), line(KEY, 99), KEY, true)).uncertainPositions())
        .containsExactly(2);
  }

  @Test
  void judge_twoLookAlikesForOneGlyph_areOneCharacterInDoubt() {
    String doubled = KEY.replaceFirst("JBSW", "JB5SW");
    List<Glyph> alone = line(doubled, 99);

    PrintedKey key = KeyJudge.judge(readings(line(doubled, 99), line(doubled, 99), alone, KEY, true));

    assertThat(key.length()).isEqualTo(32);
    assertThat(key.certain()).isFalse();
    assertThat(key.uncertainPositions()).contains(2);
    assertThat(key.candidates()).contains(PLAIN, PLAIN.replaceFirst("JBSW", "JB5W"));
  }

  @Test
  void judge_groupOfThree_isNotIntact() {
    String lost = KEY.replaceFirst("Y3DP", "Y3D");

    PrintedKey key = KeyJudge.judge(agreeing(lost));

    assertThat(key.length()).isEqualTo(31);
    assertThat(key.certain()).isFalse();
  }

  @Test
  void judge_firstPassHasTheCharacterTheLinesLost_readsItButNeverCertain() {
    String lost = KEY.replaceFirst("Y3DP", "Y3D");

    PrintedKey key = KeyJudge.judge(readings(line(lost, 99), line(lost, 99), line(lost, 99), KEY, true));

    assertThat(key.candidate()).isEqualTo(PLAIN);
    assertThat(key.certain()).isFalse();
  }

  @Test
  void judge_keyThatMayGoOn_isNeverCertain() {
    PrintedKey key = KeyJudge.judge(readings(line(KEY, 99), line(KEY, 99), line(KEY, 99), KEY, false));

    assertThat(key.candidate()).isEqualTo(PLAIN);
    assertThat(key.certain()).isFalse();
  }

  @Test
  void judge_tooShortForAKey_isNull() {
    assertThat(KeyJudge.judge(agreeing("JBSW Y3DP"))).isNull();
  }

  @Test
  void align_lostAndExtraCharacters_markTheirNeighbours() {
    assertThat(Alignment.align("ABCD", "ABCD")).containsExactly(0, 1, 2, 3);
    assertThat(Alignment.align("ABCD", "ABD")).containsExactly(0, 1, -1, 2);
    assertThat(Alignment.align("ABCD", "ABXCD")).containsExactly(0, -1, -1, 4);
    assertThat(Alignment.align("ABCD", "AQCD")).containsExactly(0, 1, 2, 3);
  }
}
