package io.totpkit.vault;

import io.totpkit.core.Wipe;
import java.nio.charset.StandardCharsets;

/**
 * The key of one section (one tag set) in a format-2 vault, with the cipher that seals and opens its entries' secrets
 * (HKDF of the section key, FORMAT.md "entry secrets"), and the section's wraps as the file held them, which a save
 * reuses until the key changes.
 *
 * <p>Thread-safety: not thread-safe; the kernel serializes calls.
 */
final class SectionKey implements AutoCloseable {
  private static final byte[] SECRETS_LABEL = "totpkit vault v2 entry secrets".getBytes(StandardCharsets.US_ASCII);

  final byte[] key;
  /** The encoded wraps, or {@code null} when an OWNER must write them anew (a new or rotated key). */
  byte[] wraps;
  private final AeadKey secrets;

  /** Takes ownership of {@code key}. */
  SectionKey(byte[] key, byte[] wraps, byte[] vaultId) {
    this.key = key;
    this.wraps = wraps;
    byte[] derived = Hkdf.deriveFor(key, null, SECRETS_LABEL, vaultId);
    this.secrets = new AeadKey(derived);
    Wipe.bytes(derived);
  }

  /** The cipher of this section's entry secrets (associated data: the entry id). */
  AeadKey secrets() {
    return secrets;
  }

  @Override
  public void close() {
    Wipe.bytes(key);
    secrets.close();
  }
}
