package io.totpkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Secret}: lenient Base32 input, copies in and out, redaction, destruction, value equality, generation. */
class SecretTest {
  private static final String KEY = "JBSWY3DPEHPK3PXP";
  private static final byte[] KEY_BYTES = {'H', 'e', 'l', 'l', 'o', '!', (byte) 0xde, (byte) 0xad, (byte) 0xbe,
      (byte) 0xef};

  /**
   * Every message {@link Base32#decode} may produce. A hostile input's message must be one of these: a template
   * with numbers only, so it can quote nothing of the input.
   */
  private static final Pattern MESSAGE = Pattern.compile("Base32 secret (?:"
      + "has (?:a digit 0, 1, 8 or 9 \\(a 0 or 1 is usually the letter O or I\\)|a control character"
      + "|an unusual space character|a non-ASCII character|a punctuation character) at position (\\d+); Base32 uses"
      + " only the letters A to Z and the digits 2 to 7"
      + "|has padding '=' before the end, at position (\\d+)"
      + "|is empty"
      + "|ends in \\d+ padding characters; at most 6 are possible"
      + "|has \\d+ characters, a length no encoder produces: a character is probably missing or extra)");

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @ValueSource(strings = {
    "JBSWY3DPEHPK3PXP", "jbswy3dpehpk3pxp", "jbsw y3dp ehpk 3pxp", "JBSW-Y3DP-EHPK-3PXP", "JBSW\tY3DP\nEHPK\r\n3PXP",
    "JBSW\u00a0Y3DP\u00a0EHPK\u00a03PXP", "JBSWY3DPEHPK3PXP======", " jbswy3dpehpk3pxp= ",
  })
  void fromBase32_lenientForms_equalSameSecret(String text) {
    Secret secret = Secret.fromBase32(text);
    assertThat(secret.bytes()).isEqualTo(KEY_BYTES);
    assertThat(secret).isEqualTo(Secret.fromBytes(KEY_BYTES));
    assertThat(secret.toBase32()).isEqualTo(KEY);
  }

  @Test
  void fromBase32_rfc4648Vector_decodes() {
    assertThat(Secret.fromBase32("MZXW6YTBOI======").bytes()).isEqualTo("foobar".getBytes(StandardCharsets.US_ASCII));
    assertThat(Secret.fromBytes("foobar".getBytes(StandardCharsets.US_ASCII)).toBase32()).isEqualTo("MZXW6YTBOI");
  }

  @ParameterizedTest(name = "[{index}] \"{0}\"")
  @ValueSource(strings = {"", " ", "\t", "\n", " - ", "===", "\u00a0"})
  void fromBase32_emptyOrBlank_refused(String text) {
    assertThatThrownBy(() -> Secret.fromBase32(text))
        .isInstanceOf(InvalidSecretException.class)
        .isInstanceOf(OtpException.class)
        .hasMessageContaining("empty");
  }

  @Test
  void fromBase32_invalid_messageHasPositionAndKindButNoKeyText() {
    String text = "JBSWY3DPEHPK3PXPJBSWY3D0";
    assertThatThrownBy(() -> Secret.fromBase32(text))
        .isInstanceOf(InvalidSecretException.class)
        .hasMessageContaining("position 24")
        .hasMessageContaining("digit")
        .satisfies(e -> LeakAssertions.assertNoRun(LeakAssertions.chainText(e), text, 4));
  }

  @Test
  void fromBase32_null_throwsNullPointerException() {
    assertThatThrownBy(() -> Secret.fromBase32(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void fromBytes_callerMutatesArrayAfterwards_secretUnchanged() {
    byte[] key = KEY_BYTES.clone();
    Secret secret = Secret.fromBytes(key);
    Arrays.fill(key, (byte) 0);
    assertThat(secret.bytes()).isEqualTo(KEY_BYTES);
    assertThat(secret.toBase32()).isEqualTo(KEY);
  }

  @Test
  void bytes_callerMutatesCopy_secretUnchanged() {
    Secret secret = Secret.fromBytes(KEY_BYTES);
    byte[] first = secret.bytes();
    Arrays.fill(first, (byte) 0x55);
    assertThat(secret.bytes()).isEqualTo(KEY_BYTES).isNotSameAs(secret.bytes());
  }

  @Test
  void fromBytes_empty_refused() {
    assertThatThrownBy(() -> Secret.fromBytes(new byte[0])).isInstanceOf(InvalidSecretException.class);
  }

  @Test
  void fromBytes_null_throwsNullPointerException() {
    assertThatThrownBy(() -> Secret.fromBytes(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void fromBytes_singleByte_accepted() {
    assertThat(Secret.fromBytes(new byte[] {7}).length()).isEqualTo(1);
  }

  @Test
  void length_isByteCount() {
    assertThat(Secret.fromBase32(KEY).length()).isEqualTo(10);
  }

  /** The key must not show in any of the forms a log reader could recognise. */
  @Test
  void toString_hasNoKeyMaterialInAnyForm() {
    byte[] key = "12345678901234567890".getBytes(StandardCharsets.US_ASCII);
    Secret secret = Secret.fromBytes(key);
    String text = secret.toString();
    assertThat(text).isEqualTo("Secret[20 bytes]");
    LeakAssertions.assertNoRun(text, Base32.encode(key), 4);
    LeakAssertions.assertNoRun(text, HexFormat.of().formatHex(key), 4);
    LeakAssertions.assertNoRun(text, HexFormat.of().withUpperCase().formatHex(key), 4);
    LeakAssertions.assertNoRun(text, new String(key, StandardCharsets.ISO_8859_1), 4);
    LeakAssertions.assertNoRun(text, java.util.Base64.getEncoder().encodeToString(key), 4);
  }

  @Test
  void toString_generatedKey_hasNoKeyMaterial() {
    Secret secret = Secret.generate(HmacAlgorithm.SHA512);
    byte[] key = secret.bytes();
    String text = secret.toString();
    assertThat(text).isEqualTo("Secret[64 bytes]");
    LeakAssertions.assertNoRun(text, secret.toBase32(), 4);
    LeakAssertions.assertNoRun(text, HexFormat.of().formatHex(key), 4);
    LeakAssertions.assertNoRun(text, HexFormat.of().withUpperCase().formatHex(key), 4);
  }

  @Test
  void destroy_zeroesTheKeyArray() throws ReflectiveOperationException {
    Secret secret = Secret.fromBytes(KEY_BYTES);
    byte[] inside = keyArray(secret);
    assertThat(inside).isEqualTo(KEY_BYTES);

    secret.destroy();

    assertThat(keyArray(secret)).isSameAs(inside).containsOnly(0);
    assertThat(secret.isDestroyed()).isTrue();
  }

  @Test
  void destroy_laterUse_throwsIllegalStateException() {
    Secret secret = Secret.fromBase32(KEY);
    Secret other = Secret.fromBase32(KEY);
    secret.destroy();

    assertThatThrownBy(secret::bytes).isInstanceOf(IllegalStateException.class).hasMessageContaining("destroyed");
    assertThatThrownBy(secret::toBase32).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(secret::bytesForUse).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> secret.equals(other)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> other.equals(secret)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> Totp.builder(secret).build()).isInstanceOf(IllegalStateException.class);
    assertThat(secret.toString()).isEqualTo("Secret[destroyed]");
  }

  @Test
  void destroy_twice_staysDestroyed() throws ReflectiveOperationException {
    Secret secret = Secret.fromBase32(KEY);
    secret.destroy();
    secret.destroy();
    assertThat(secret.isDestroyed()).isTrue();
    assertThat(keyArray(secret)).containsOnly(0);
  }

  @Test
  void isDestroyed_fresh_isFalse() {
    assertThat(Secret.fromBase32(KEY).isDestroyed()).isFalse();
  }

  @Test
  void equals_sameBytes_equalAndSymmetric() {
    Secret a = Secret.fromBase32(KEY);
    Secret b = Secret.fromBytes(KEY_BYTES);
    assertThat(a).isEqualTo(b);
    assertThat(b).isEqualTo(a);
    assertThat(a).isEqualTo(a);
    assertThat(a.hashCode()).isEqualTo(b.hashCode());
  }

  @Test
  void equals_differentBytesOrLength_notEqual() {
    Secret a = Secret.fromBase32(KEY);
    byte[] changed = KEY_BYTES.clone();
    changed[9] ^= 1;
    assertThat(a).isNotEqualTo(Secret.fromBytes(changed));
    assertThat(a).isNotEqualTo(Secret.fromBytes(Arrays.copyOf(KEY_BYTES, 11)));
    assertThat(a).isNotEqualTo(Secret.fromBytes(Arrays.copyOf(KEY_BYTES, 9)));
    assertThat(a).isNotEqualTo(null);
    assertThat(a).isNotEqualTo(KEY);
    assertThat(a).isNotEqualTo(KEY_BYTES);
  }

  /** A hash over the key bytes would make hash tables a timing oracle: only the length may count. */
  @Test
  void hashCode_differentKeysOfEqualLength_equal() {
    Secret a = Secret.fromBytes(new byte[20]);
    Secret b = Secret.generate(20);
    Secret c = Secret.generate(20);
    assertThat(a).isNotEqualTo(b);
    assertThat(a.hashCode()).isEqualTo(b.hashCode()).isEqualTo(c.hashCode());
  }

  @ParameterizedTest
  @EnumSource(HmacAlgorithm.class)
  void generate_algorithm_hasHashLength(HmacAlgorithm algorithm) {
    assertThat(Secret.generate(algorithm).length()).isEqualTo(algorithm.outputLength());
  }

  @Test
  void generate_algorithms_have20And32And64Bytes() {
    assertThat(Secret.generate(HmacAlgorithm.SHA1).bytes()).hasSize(20);
    assertThat(Secret.generate(HmacAlgorithm.SHA256).bytes()).hasSize(32);
    assertThat(Secret.generate(HmacAlgorithm.SHA512).bytes()).hasSize(64);
  }

  @ParameterizedTest
  @ValueSource(ints = {15, 10, 1, 0, -1, Integer.MIN_VALUE})
  void generate_belowSixteenBytes_refused(int length) {
    assertThatThrownBy(() -> Secret.generate(length))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least 16")
        .hasMessageContaining(String.valueOf(length));
  }

  @Test
  void generate_sixteenBytes_accepted() {
    assertThat(Secret.generate(Secret.MIN_GENERATED_LENGTH).length()).isEqualTo(16);
  }

  @Test
  void generate_twice_differs() {
    assertThat(Secret.generate(HmacAlgorithm.SHA1)).isNotEqualTo(Secret.generate(HmacAlgorithm.SHA1));
    assertThat(Secret.generate(16).bytes()).isNotEqualTo(Secret.generate(16).bytes());
  }

  @Test
  void generate_nullRandom_throwsNullPointerException() {
    assertThatThrownBy(() -> Secret.generate(20, null)).isInstanceOf(NullPointerException.class);
  }

  /** Property: every byte array survives Base32 encoding and lenient decoding, for 5 000 seeded samples. */
  @Test
  void fromBase32_randomBytesEncoded_roundTrips() {
    Random random = new Random(0x5ec7e7L);
    for (int i = 0; i < 5_000; i++) {
      byte[] bytes = new byte[1 + random.nextInt(80)];
      random.nextBytes(bytes);
      String text = Base32.encode(bytes);
      Secret secret = Secret.fromBase32(text);
      assertThat(secret.bytes()).as("sample %d", i).isEqualTo(bytes);
      assertThat(secret.toBase32()).isEqualTo(text);
    }
  }

  /** Property: separators, lower case and trailing padding inserted at random change nothing. */
  @Test
  void fromBase32_randomBytesEncodedWithNoise_roundTrips() {
    Random random = new Random(0xb45e32L);
    String[] separators = {" ", "  ", "-", "\t", "\n", "\r\n", "\u00a0"};
    for (int i = 0; i < 5_000; i++) {
      byte[] bytes = new byte[1 + random.nextInt(80)];
      random.nextBytes(bytes);
      String clean = Base32.encode(bytes);
      StringBuilder noisy = new StringBuilder();
      if (random.nextInt(4) == 0) {
        noisy.append(separators[random.nextInt(separators.length)]);
      }
      for (int j = 0; j < clean.length(); j++) {
        char c = clean.charAt(j);
        noisy.append(random.nextBoolean() ? Character.toLowerCase(c) : c);
        if (random.nextInt(4) == 0) {
          noisy.append(separators[random.nextInt(separators.length)]);
        }
      }
      int padding = (8 - clean.length() % 8) % 8;
      if (random.nextBoolean()) {
        noisy.append("=".repeat(padding));
      }
      String text = noisy.toString();
      assertThat(Secret.fromBase32(text).bytes()).as("sample %d: %s", i, text).isEqualTo(bytes);
    }
  }

  /**
   * Property: any text at all either decodes or is refused with an {@link InvalidSecretException} whose message is
   * one of the fixed templates (numbers only, nothing quoted) and points at a character that really is wrong.
   */
  @Test
  void fromBase32_randomHostileText_returnsOrThrowsInvalidSecretExceptionOnly() {
    Random random = new Random(0x4057113L);
    char[] extra = {'\u00a0', '\u00e9', '\u0130', '\u0131', '\u2003', '\u3000', '\ufeff', '\uff21', '\uffff',
        '\ud800', '\udbff', '\udc00', '\udfff', '\u0660', '\u0966', '='};
    int accepted = 0;
    int refused = 0;
    for (int i = 0; i < 5_000; i++) {
      StringBuilder text = new StringBuilder();
      int length = random.nextInt(41);
      for (int j = 0; j < length; j++) {
        int pick = random.nextInt(10);
        if (pick < 5) {
          text.append("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567abcdefghijklmnopqrstuvwxyz".charAt(random.nextInt(58)));
        } else if (pick < 8) {
          text.append((char) random.nextInt(128));
        } else if (pick < 9) {
          text.append(extra[random.nextInt(extra.length)]);
        } else {
          text.appendCodePoint(0x80 + random.nextInt(0x10ff80));
        }
      }
      String input = text.toString();
      Throwable thrown = null;
      Secret result = null;
      try {
        result = Secret.fromBase32(input);
      } catch (Throwable t) {
        thrown = t;
      }
      if (thrown == null) {
        accepted++;
        assertThat(result).isNotNull();
        assertThat(result.length()).isPositive();
        String canonical = input.replaceAll("[ \\-\\t\\n\\r\u00a0=]", "").toUpperCase(Locale.ROOT);
        // The re-encoding matches what was typed, except the bits of the last character that do not fill a byte.
        String encoded = result.toBase32();
        assertThat(encoded).as("sample %d", i).hasSameSizeAs(canonical);
        assertThat(encoded.substring(0, encoded.length() - 1))
            .isEqualTo(canonical.substring(0, canonical.length() - 1));
        continue;
      }
      if (!(thrown instanceof InvalidSecretException)) {
        fail("sample " + i + " threw " + thrown, thrown);
      }
      refused++;
      Matcher matcher = MESSAGE.matcher(thrown.getMessage());
      assertThat(matcher.matches()).as("sample %d message: %s", i, thrown.getMessage()).isTrue();
      String position = matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
      if (position != null) {
        int at = Integer.parseInt(position);
        assertThat(at).isBetween(1, input.length());
        char c = input.charAt(at - 1);
        if (matcher.group(1) != null) {
          assertThat(c).as("sample %d: the character named is not Base32", i).matches(SecretTest::isForeign);
        } else {
          assertThat(input.substring(0, at - 1)).contains("=");
        }
      }
    }
    assertThat(accepted).as("some samples must decode").isGreaterThan(20);
    assertThat(refused).as("most samples must fail").isGreaterThan(2_500);
  }

  private static boolean isForeign(char c) {
    return "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567abcdefghijklmnopqrstuvwxyz= -\t\n\r\u00a0".indexOf(c) < 0;
  }

  private static byte[] keyArray(Secret secret) throws ReflectiveOperationException {
    Field field = Secret.class.getDeclaredField("bytes");
    field.setAccessible(true);
    return (byte[]) field.get(secret);
  }
}
