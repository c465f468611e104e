package io.totpkit.vault;

import io.totpkit.core.Wipe;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * The vault's rules for passphrases passed in as {@code char[]}: not empty, valid Unicode, turned into UTF-8 bytes
 * without an intermediate {@code String}.
 *
 * <p>Thread-safety: stateless.
 */
final class Passphrases {
  private Passphrases() {}

  /**
   * Checks a passphrase given to the vault.
   *
   * @throws NullPointerException if it is null
   * @throws IllegalArgumentException if it is empty
   */
  static void check(char[] passphrase) {
    Objects.requireNonNull(passphrase, "passphrase");
    if (passphrase.length == 0) {
      throw new IllegalArgumentException("passphrase must not be empty");
    }
  }

  /** Encodes a passphrase as UTF-8 into an array the caller zeroes; no intermediate String. */
  static byte[] utf8(char[] passphrase) {
    CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer buffer = ByteBuffer.allocate(passphrase.length * 3);
    try {
      CoderResult result = encoder.encode(CharBuffer.wrap(passphrase), buffer, true);
      if (result.isError()) {
        result.throwException();
      }
      encoder.flush(buffer);
      return java.util.Arrays.copyOf(buffer.array(), buffer.position());
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException("passphrase is not valid Unicode (a lone surrogate?)");
    } finally {
      Wipe.bytes(buffer.array());
    }
  }

  /** Runs {@code work}, then zeroes every one of {@code passphrases}, whatever the outcome. */
  static <T> T wipingAfter(java.util.function.Supplier<T> work, char[]... passphrases) {
    try {
      return work.get();
    } finally {
      for (char[] passphrase : passphrases) {
        Wipe.chars(passphrase);
      }
    }
  }

  /** The credential of a member who gave {@code passphrase} (used while the vault opens, then zeroed by the caller). */
  static VaultKernel.Credential credential(char[] passphrase) {
    return new VaultKernel.Credential() {
      @Override
      public byte[] privateKey(Slot slot, byte[] vaultId) {
        return openPrivateKey(slot, vaultId, passphrase);
      }

      @Override
      public Slot reseal(Slot slot, byte[] vaultId, byte[] privateKey, byte[] signingPublicKey,
          java.security.SecureRandom random) {
        byte[] secret = utf8(passphrase);
        try {
          return Slot.seal(vaultId, slot.nameHash, privateKey, signingPublicKey, secret, slot.kdf, random);
        } finally {
          Wipe.bytes(secret);
        }
      }
    };
  }

  /**
   * Opens a member's private key from their slot with a passphrase (one Argon2id derivation).
   *
   * @return the private key, or {@code null} if the passphrase is wrong
   */
  static byte[] openPrivateKey(Slot slot, byte[] vaultId, char[] passphrase) {
    byte[] secret = utf8(passphrase);
    try {
      return slot.openPrivateKey(vaultId, secret);
    } finally {
      Wipe.bytes(secret);
    }
  }
}
