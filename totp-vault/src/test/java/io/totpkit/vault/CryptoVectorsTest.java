package io.totpkit.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Published test vectors through the package's one-class-per-primitive wrappers. */
class CryptoVectorsTest {
  private static final HexFormat HEX = HexFormat.of();

  private static byte[] filled(int length, int value) {
    byte[] bytes = new byte[length];
    Arrays.fill(bytes, (byte) value);
    return bytes;
  }

  /** RFC 9106 §5.3: Argon2id, m = 32 KiB, t = 3, p = 4, with secret and associated data. */
  @Test
  void argon2id_rfc9106Section5_3_matchesTag() {
    byte[] tag = Argon2id.derive(filled(32, 0x01), filled(16, 0x02), filled(8, 0x03), filled(12, 0x04),
        new KdfParams(32, 3, 4), 32);
    assertThat(HEX.formatHex(tag))
        .isEqualTo("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659");
  }

  /** RFC 5869 appendix A.1: HKDF-SHA-256 basic test case. */
  @Test
  void hkdf_rfc5869CaseA1_matchesOkm() {
    byte[] okm = Hkdf.derive(filled(22, 0x0b), HEX.parseHex("000102030405060708090a0b0c"),
        HEX.parseHex("f0f1f2f3f4f5f6f7f8f9"), 42);
    assertThat(HEX.formatHex(okm)).isEqualTo("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf"
        + "34007208d5b887185865");
  }

  /** RFC 7748 §6.1: X25519 public keys and shared secret. */
  @Test
  void x25519_rfc7748Section6_1_agrees() {
    byte[] alice = HEX.parseHex("77076d0a7318a57d3c16c17251b26645df4c2f87ebc0992ab177fba51db92c2a");
    byte[] bob = HEX.parseHex("5dab087e624a8a4b79e17f8b83800ee66f3bb1292618b6fd1c2f8b27ff88e0eb");
    assertThat(HEX.formatHex(X25519Keys.publicKey(alice)))
        .isEqualTo("8520f0098930a754748b7ddcb43ef75a0dbf3a0d26381af4eba4a98eaa9b4e6a");
    assertThat(HEX.formatHex(X25519Keys.publicKey(bob)))
        .isEqualTo("de9edb7d7b7dc1b4d35b61c2ece435373f8343c85b78674dadfc7e146f882b4f");
    assertThat(HEX.formatHex(X25519Keys.agree(alice, X25519Keys.publicKey(bob))))
        .isEqualTo("4a5d9d5ba4ce2de1728e3bf480350f25e07e21c947d19e3376f09b3c1e161742");
  }

  /** RFC 7914 §12: scrypt("password", "NaCl", N = 1024, r = 8, p = 16). */
  @Test
  void scrypt_rfc7914Section12_matches() {
    byte[] out = Scrypt.derive("password".getBytes(StandardCharsets.US_ASCII),
        "NaCl".getBytes(StandardCharsets.US_ASCII), 1024, 8, 16, 64);
    assertThat(HEX.formatHex(out)).isEqualTo("fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b373162"
        + "2eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640");
  }

  @Test
  void scrypt_hostileParameters_refused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Scrypt.derive(new byte[1], new byte[1], 1 << 22, 8, 1,
        32)).isInstanceOf(VaultImportException.class).hasMessageContaining("outside the accepted range");
  }

  @Test
  void aead_sealThenOpen_roundTripsAndRejectsOtherAad() {
    byte[] key = filled(32, 7);
    byte[] sealed = Aead.seal(key, "hello".getBytes(StandardCharsets.US_ASCII), new byte[] {1},
        TestVaults.seeded(1));
    assertThat(Aead.open(key, sealed, new byte[] {1})).containsExactly("hello".getBytes(StandardCharsets.US_ASCII));
    assertThat(Aead.open(key, sealed, new byte[] {2})).isNull();
  }
}
