package io.totpkit.vault;

import io.totpkit.core.Wipe;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * One sealed section of a format-2 vault (FORMAT.md, "sections"): the entries of one tag set, sealed under that set's
 * section key, which is wrapped under the key of each tag in the set (or under the owner key for untagged entries).
 * A member opens a section only if their keychain holds one of those keys; the others stay opaque bytes, which a
 * save copies unchanged. Also the sealing of the common part and the owner block ({@link #sealPart}).
 *
 * <p>Thread-safety: immutable.
 */
final class Section {
  static final int REF_LENGTH = 16;
  static final int SALT_LENGTH = 32;
  static final int WRAPPED_LENGTH = Aead.KEY_LENGTH + Aead.OVERHEAD;
  private static final byte[] REF_LABEL = "totpkit vault v2 key ref".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] WRAP_LABEL = "totpkit vault v2 section key wrap".getBytes(StandardCharsets.US_ASCII);
  static final byte[] SECTION_LABEL = "totpkit vault v2 section".getBytes(StandardCharsets.US_ASCII);

  /** The section as the file holds it. */
  final byte[] raw;
  private final int wrapCount;
  private final int wrapsEnd;

  private Section(byte[] raw, int wrapCount, int wrapsEnd) {
    this.raw = raw;
    this.wrapCount = wrapCount;
    this.wrapsEnd = wrapsEnd;
  }

  /** The public name of a key, so a member finds the wraps they can open without trying each: an HMAC of it. */
  static byte[] ref(byte[] key, byte[] vaultId) {
    return Arrays.copyOf(Digests.hmac(key, REF_LABEL, vaultId), REF_LENGTH);
  }

  /** The key that wraps section keys under {@code key} (a tag key or the owner key). */
  static byte[] wrappingKey(byte[] key, byte[] vaultId) {
    return Hkdf.deriveFor(key, null, WRAP_LABEL, vaultId);
  }

  /** One wrap: the ref of the wrapping key, then the section key sealed under it. */
  static void writeWrap(ByteWriter out, byte[] ref, AeadKey wrapping, byte[] sectionKey, SecureRandom random) {
    out.bytes(ref).bytes(wrapping.seal(sectionKey, ref, random));
  }

  /** Reads a section's bounds from the file; its contents are opened later, if at all. */
  static Section read(ByteReader in) {
    int start = in.position();
    int wraps = in.u16("section wrap count");
    if (wraps == 0) {
      throw in.corrupt("a section has no key wrap");
    }
    in.bytes(wraps * (REF_LENGTH + WRAPPED_LENGTH), "section wraps");
    int wrapsEnd = in.position() - start;
    in.bytes(SALT_LENGTH, "section salt");
    int length = in.length("section length", VaultFile.MAX_FILE_LENGTH);
    if (length < Aead.OVERHEAD) {
      throw in.corrupt("a section is shorter than its nonce and tag");
    }
    in.bytes(length, "section");
    return new Section(Arrays.copyOfRange(in.data(), start, in.position()), wraps, wrapsEnd);
  }

  /**
   * Finds a wrap under one of the keys {@code opener} knows and unwraps the section key.
   *
   * @return the section key, or {@code null} if no wrap names a key the member holds
   * @throws VaultTamperedException if a wrap names a held key but does not open
   */
  byte[] unwrap(java.util.function.Function<byte[], AeadKey> opener) {
    for (int i = 0; i < wrapCount; i++) {
      int at = 2 + i * (REF_LENGTH + WRAPPED_LENGTH);
      byte[] ref = Arrays.copyOfRange(raw, at, at + REF_LENGTH);
      AeadKey wrapping = opener.apply(ref);
      if (wrapping != null) {
        byte[] key = wrapping.open(raw, at + REF_LENGTH, WRAPPED_LENGTH, ref);
        if (key == null) {
          throw new VaultTamperedException("a section key wrap fails authentication");
        }
        return key;
      }
    }
    return null;
  }

  /** The encoded wraps, which a save by a member who cannot rewrite them copies as they are. */
  byte[] wraps() {
    return Arrays.copyOfRange(raw, 0, wrapsEnd);
  }

  /**
   * Opens the section's contents with its key.
   *
   * @throws VaultTamperedException if they fail authentication
   */
  byte[] open(byte[] sectionKey, byte[] vaultId) {
    byte[] salt = Arrays.copyOfRange(raw, wrapsEnd, wrapsEnd + SALT_LENGTH);
    byte[] plain = openPart(sectionKey, SECTION_LABEL, vaultId, salt, raw, wrapsEnd + SALT_LENGTH + 4,
        raw.length - wrapsEnd - SALT_LENGTH - 4, wraps());
    if (plain == null) {
      throw new VaultTamperedException("a section of the vault fails authentication");
    }
    return plain;
  }

  /** Seals a section: its wraps, a fresh salt, and the contents under a key derived from the section key and salt. */
  static void write(ByteWriter out, byte[] wraps, byte[] sectionKey, byte[] vaultId, byte[] plaintext,
      SecureRandom random) {
    out.bytes(wraps);
    sealPart(out, sectionKey, SECTION_LABEL, vaultId, plaintext, wraps, random);
  }

  /** The length of a section {@link #write} writes. */
  static int length(byte[] wraps, int plaintextLength) {
    return wraps.length + SALT_LENGTH + 4 + plaintextLength + Aead.OVERHEAD;
  }

  /** Writes {@code salt ‖ u32 length ‖ sealed(HKDF(key, salt, label ‖ vaultId), plaintext, aad)}. */
  static void sealPart(ByteWriter out, byte[] key, byte[] label, byte[] vaultId, byte[] plaintext, byte[] aad,
      SecureRandom random) {
    byte[] salt = new byte[SALT_LENGTH];
    random.nextBytes(salt);
    byte[] partKey = partKey(key, label, vaultId, salt);
    try {
      out.bytes(salt).longBytes(Aead.seal(partKey, plaintext, aad, random));
    } finally {
      Wipe.bytes(partKey);
    }
  }

  /** Opens what {@link #sealPart} wrote; {@code null} if it fails authentication. */
  static byte[] openPart(byte[] key, byte[] label, byte[] vaultId, byte[] salt, byte[] data, int offset, int length,
      byte[] aad) {
    byte[] partKey = partKey(key, label, vaultId, salt);
    try {
      return Aead.open(partKey, data, offset, length, aad);
    } finally {
      Wipe.bytes(partKey);
    }
  }

  private static byte[] partKey(byte[] key, byte[] label, byte[] vaultId, byte[] salt) {
    return Hkdf.deriveFor(key, salt, label, vaultId);
  }
}
