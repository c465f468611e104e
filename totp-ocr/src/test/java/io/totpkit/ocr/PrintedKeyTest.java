package io.totpkit.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.totpkit.core.Secret;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The value a reading returns: certainty, doubts, bounded candidates, the QR cross-check, a toString without key. */
class PrintedKeyTest {
  /** RFC 4226's test key in Base32 (32 characters, 20 bytes). */
  private static final String KEY = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";

  private static PrintedKey.Doubt doubt(int position, String options, double... weights) {
    return new PrintedKey.Doubt(position, options.toCharArray(), weights);
  }

  @Test
  void certain_noDoubtIntactUsualLength_isTrue() {
    PrintedKey key = new PrintedKey(KEY, 0.99, true, List.of());

    assertThat(key.certain()).isTrue();
    assertThat(key.uncertainPositions()).isEmpty();
    assertThat(key.alternatives(5)).isEmpty();
    assertThat(key.candidates()).containsExactly(KEY);
    assertThat(key.length()).isEqualTo(32);
    assertThat(key.lengthUsual()).isTrue();
  }

  @Test
  void certain_unusualLengthOrBrokenGroupsOrADoubt_isFalse() {
    assertThat(new PrintedKey(KEY.substring(0, 30), 0.99, true, List.of()).certain()).isFalse();
    assertThat(new PrintedKey(KEY, 0.99, false, List.of()).certain()).isFalse();
    assertThat(new PrintedKey(KEY, 0.99, true, List.of(doubt(3, "DO", 0.9, 0.1))).certain()).isFalse();
  }

  @Test
  void alternatives_doubtfulPosition_areTheOtherOptionsInOrder() {
    PrintedKey key = new PrintedKey(KEY, 0.7, true, List.of(doubt(0, "G6C", 0.8, 0.15, 0.05)));

    assertThat(key.uncertainPositions()).containsExactly(0);
    assertThat(key.alternatives(0)).containsExactly('6', 'C');
    assertThatThrownBy(() -> key.alternatives(32)).isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void candidates_twoDoubts_allCombinationsLikeliestFirst() {
    PrintedKey key = new PrintedKey(KEY, 0.7, true,
        List.of(doubt(0, "G6", 0.9, 0.1), doubt(5, "NM", 0.6, 0.4)));

    List<String> candidates = key.candidates();

    assertThat(candidates).hasSize(4).doesNotHaveDuplicates();
    assertThat(candidates.get(0)).isEqualTo(KEY);
    assertThat(candidates.get(1)).isEqualTo("GEZDGMBVGY3TQOJQGEZDGNBVGY3TQOJQ");   // 0.9 × 0.4 before 0.1 × 0.6
    assertThat(candidates.get(3)).isEqualTo("6EZDGMBVGY3TQOJQGEZDGNBVGY3TQOJQ");
  }

  @Test
  void candidates_manyDoubts_atMostSixtyFourDistinct() {
    List<PrintedKey.Doubt> doubts = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      doubts.add(doubt(i, String.valueOf(KEY.charAt(i)) + (KEY.charAt(i) == 'A' ? 'B' : 'A'), 0.7, 0.3));
    }
    PrintedKey key = new PrintedKey(KEY, 0.5, true, doubts);

    List<String> candidates = key.candidates();

    assertThat(candidates).hasSize(PrintedKey.MAX_CANDIDATES);
    assertThat(new HashSet<>(candidates)).hasSize(PrintedKey.MAX_CANDIDATES);
    assertThat(candidates.get(0)).isEqualTo(KEY);
  }

  @Test
  void matches_sameSecret_isTrue() {
    PrintedKey key = new PrintedKey(KEY, 0.99, true, List.of());

    assertThat(key.matches(Secret.fromBase32(KEY))).isTrue();
  }

  @Test
  void matches_secretDifferingAtACertainPosition_isFalse() {
    PrintedKey key = new PrintedKey(KEY, 0.99, true, List.of());

    assertThat(key.matches(Secret.fromBase32("H" + KEY.substring(1)))).isFalse();
    assertThat(key.matches(Secret.fromBase32(KEY.substring(0, 31) + "R"))).isFalse();
  }

  @Test
  void matches_secretWithAnAlternativeAtADoubtfulPosition_isTrue() {
    PrintedKey key = new PrintedKey(KEY, 0.7, true, List.of(doubt(0, "G6", 0.9, 0.1)));

    assertThat(key.matches(Secret.fromBase32("6" + KEY.substring(1)))).isTrue();
    assertThat(key.matches(Secret.fromBase32("C" + KEY.substring(1)))).isFalse();
  }

  @Test
  void matches_otherLength_isFalse() {
    PrintedKey key = new PrintedKey(KEY, 0.99, true, List.of());

    assertThat(key.matches(Secret.fromBase32(KEY.substring(0, 16)))).isFalse();
  }

  @Test
  void matches_twentySixCharacters_ignoresTheUnusedBitsOfTheLast() {
    // 26 characters carry 130 bits for 128: the last character's two low bits are padding an issuer may not zero.
    String printed = "JBSWY3DPEHPK3PXPJBSWY3DPEH";   // H is 00111: bits 001, padding 11
    Secret secret = Secret.fromBase32(printed);       // written back as ...E, 00100

    assertThat(new PrintedKey(printed, 0.99, true, List.of()).matches(secret)).isTrue();
    assertThat(new PrintedKey(printed.substring(0, 25) + "E", 0.99, true, List.of()).matches(secret)).isTrue();
    assertThat(new PrintedKey(printed.substring(0, 25) + "I", 0.99, true, List.of()).matches(secret)).isFalse();
  }

  @Test
  void toString_anyKey_showsLengthAndCertaintyOnly() {
    PrintedKey certain = new PrintedKey(KEY, 0.99, true, List.of());
    PrintedKey doubtful = new PrintedKey(KEY, 0.7, false, List.of(doubt(0, "G6", 0.9, 0.1)));

    assertThat(certain).hasToString("PrintedKey[32 characters, certain]");
    assertThat(doubtful.toString()).isEqualTo(
        "PrintedKey[32 characters, 1 uncertain position, groups broken, confidence 0.70]");
  }

  @Test
  void constructor_candidateNotInCapitalBase32_isAnAssertionError() {
    assertThatThrownBy(() -> new PrintedKey("gezdgnbv", 0.9, true, List.of())).isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> new PrintedKey(KEY, 0.9, true, List.of(doubt(0, "6G", 0.9, 0.1))))
        .isInstanceOf(AssertionError.class);
  }
}
