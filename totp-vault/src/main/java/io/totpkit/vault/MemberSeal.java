package io.totpkit.vault;

import io.totpkit.core.Wipe;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Seals small values so that only one vault member, holding their current key pair, can open them: AES-256-GCM
 * under a key derived by HKDF-SHA-256 from the member's X25519 private key, the vault id and a purpose. Obtained from
 * {@link Vault#memberSeal(String)}; a code server keeps each member's sign-in TOTP key this way, so the server's
 * disk holds it only sealed.
 *
 * <p>Sealed form: {@code "TKMS" ‖ keyId 8 ‖ nonce 12 ‖ ciphertext ‖ tag 16}, where {@code keyId} is the first eight
 * bytes of SHA-256 of the member's public key; the associated data is the magic, the key id and the purpose.
 *
 * <p>Thread-safety: safe for concurrent use. {@link #close()} zeroes the key.
 *
 * <h2>Security</h2>
 * A seal made before the member's key pair changed (a passphrase change, removal and re-adding) no longer opens:
 * {@link #open(byte[])} tells that apart from altered bytes, so a service can ask the member to enrol again rather
 * than report tampering.
 */
public final class MemberSeal implements AutoCloseable {
  private static final byte[] MAGIC = "TKMS".getBytes(StandardCharsets.US_ASCII);
  private static final int KEY_ID_LENGTH = 8;
  private static final int MAX_SEALED_LENGTH = 64 * 1024;

  private final byte[] key;
  private final byte[] keyId;
  private final byte[] associatedData;
  private final SecureRandom random;
  private boolean closed;

  MemberSeal(byte[] privateKey, byte[] publicKey, byte[] vaultId, String purpose, SecureRandom random) {
    byte[] label = ("totpkit member seal: " + purpose + " / ").getBytes(StandardCharsets.UTF_8);
    this.key = Hkdf.deriveFor(privateKey, null, label, vaultId);
    this.keyId = Arrays.copyOf(Digests.sha256(publicKey, 0, publicKey.length), KEY_ID_LENGTH);
    byte[] purposeBytes = purpose.getBytes(StandardCharsets.UTF_8);
    this.associatedData = new byte[MAGIC.length + KEY_ID_LENGTH + purposeBytes.length];
    System.arraycopy(MAGIC, 0, associatedData, 0, MAGIC.length);
    System.arraycopy(keyId, 0, associatedData, MAGIC.length, KEY_ID_LENGTH);
    System.arraycopy(purposeBytes, 0, associatedData, MAGIC.length + KEY_ID_LENGTH, purposeBytes.length);
    this.random = random;
  }

  /**
   * Seals a value.
   *
   * @param plaintext at most 60 KiB; not changed
   * @return the sealed bytes
   * @throws IllegalStateException if the seal was closed
   */
  public synchronized byte[] seal(byte[] plaintext) {
    Objects.requireNonNull(plaintext, "plaintext");
    if (plaintext.length > MAX_SEALED_LENGTH - 100) {
      throw new IllegalArgumentException("a sealed value holds at most " + (MAX_SEALED_LENGTH - 100) + " bytes");
    }
    checkOpen();
    byte[] body = Aead.seal(key, plaintext, associatedData, random);
    byte[] out = new byte[MAGIC.length + KEY_ID_LENGTH + body.length];
    System.arraycopy(associatedData, 0, out, 0, MAGIC.length + KEY_ID_LENGTH);
    System.arraycopy(body, 0, out, MAGIC.length + KEY_ID_LENGTH, body.length);
    return out;
  }

  /**
   * Opens a value this member sealed.
   *
   * @param sealed what {@link #seal(byte[])} returned
   * @return the plaintext, or empty if it was sealed for a key pair this member no longer has
   * @throws VaultTamperedException if the bytes were altered, or sealed for another purpose
   * @throws IllegalStateException if the seal was closed
   */
  public synchronized Optional<byte[]> open(byte[] sealed) {
    Objects.requireNonNull(sealed, "sealed");
    checkOpen();
    int head = MAGIC.length + KEY_ID_LENGTH;
    if (sealed.length < head + Aead.OVERHEAD || sealed.length > MAX_SEALED_LENGTH
        || !Arrays.equals(sealed, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
      throw new VaultTamperedException("a member seal was damaged or altered: it is not a sealed value");
    }
    if (!Arrays.equals(sealed, MAGIC.length, head, keyId, 0, KEY_ID_LENGTH)) {
      return Optional.empty();
    }
    byte[] plain = Aead.open(key, sealed, head, sealed.length - head, associatedData);
    if (plain == null) {
      throw new VaultTamperedException("a member seal was altered, or sealed for another purpose");
    }
    return Optional.of(plain);
  }

  private void checkOpen() {
    if (closed) {
      throw new IllegalStateException("this member seal was closed");
    }
  }

  /** Zeroes the key. */
  @Override
  public synchronized void close() {
    closed = true;
    Wipe.bytes(key);
  }

  @Override
  public String toString() {
    return "MemberSeal[key id " + java.util.HexFormat.of().formatHex(keyId) + "]";
  }
}
