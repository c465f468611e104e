package io.totpkit.vault;

import io.totpkit.core.Wipe;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one member's key slot unwraps in a format-2 vault (FORMAT.md, "keychain"): the common key every member holds,
 * the hash of the member table the slot was written for, and either the OWNER keys (the owner key, which opens every
 * tag key, and the vault's signing key) or an OPERATOR's granted tag keys. Nothing else: a member's passphrase opens
 * exactly what this lists.
 *
 * <p>Thread-safety: immutable by convention; the arrays are this object's and zeroed by {@link #close()}.
 */
final class Keychain implements AutoCloseable {
  final byte[] commonKey;
  final byte[] tableHash;
  final byte[] ownerKey;
  final byte[] signingPrivateKey;
  final Map<String, byte[]> tagKeys;

  Keychain(byte[] commonKey, byte[] tableHash, byte[] ownerKey, byte[] signingPrivateKey, Map<String, byte[]> tagKeys) {
    this.commonKey = commonKey;
    this.tableHash = tableHash;
    this.ownerKey = ownerKey;
    this.signingPrivateKey = signingPrivateKey;
    this.tagKeys = Collections.unmodifiableMap(new TreeMap<>(tagKeys));
  }

  boolean isOwner() {
    return ownerKey != null;
  }

  byte[] encode() {
    ByteWriter out = new ByteWriter(128 + tagKeys.size() * 64);
    out.bytes(commonKey).bytes(tableHash).u8(isOwner() ? 1 : 0);
    if (isOwner()) {
      out.bytes(ownerKey).bytes(signingPrivateKey);
    }
    out.u16(tagKeys.size());
    tagKeys.forEach((tag, key) -> out.string(tag).bytes(key));
    byte[] bytes = out.toByteArray();
    out.wipe();
    return bytes;
  }

  /**
   * Decodes an unwrapped keychain (which the caller zeroes).
   *
   * @throws VaultTamperedException if it does not parse: it was authenticated, so its author wrote it so
   */
  static Keychain decode(byte[] plaintext) {
    try {
      ByteReader in = new ByteReader(plaintext, "keychain");
      byte[] common = in.bytes(Aead.KEY_LENGTH, "common key");
      byte[] tableHash = in.bytes(Digests.SHA256_LENGTH, "table hash");
      int owner = in.u8("owner flag");
      byte[] ownerKey = owner == 1 ? in.bytes(Aead.KEY_LENGTH, "owner key") : null;
      byte[] signing = owner == 1 ? in.bytes(Ed25519Keys.KEY_LENGTH, "signing key") : null;
      int count = in.u16("tag key count");
      Map<String, byte[]> tags = new TreeMap<>();
      for (int i = 0; i < count; i++) {
        tags.put(in.string("tag"), in.bytes(Aead.KEY_LENGTH, "tag key"));
      }
      in.expectEnd();
      if (owner > 1) {
        throw in.corrupt("owner flag " + owner);
      }
      return new Keychain(common, tableHash, ownerKey, signing, tags);
    } catch (VaultCorruptedException e) {
      throw new VaultTamperedException("a key slot's keychain opens but does not parse: it was written that way");
    }
  }

  /** The owner block's plaintext: every tag key (FORMAT.md, "owner block"). */
  static byte[] encodeTagKeys(Map<String, byte[]> tagKeys) {
    ByteWriter out = new ByteWriter(16 + tagKeys.size() * 64);
    out.u32(tagKeys.size());
    tagKeys.forEach((tag, key) -> out.string(tag).bytes(key));
    byte[] bytes = out.toByteArray();
    out.wipe();
    return bytes;
  }

  /** Decodes the owner block's plaintext (which the caller zeroes). */
  static Map<String, byte[]> decodeTagKeys(byte[] plaintext) {
    ByteReader in = new ByteReader(plaintext, "owner block");
    int count = in.length("tag key count", VaultBody.MAX_ENTRIES);
    Map<String, byte[]> tags = new TreeMap<>();
    for (int i = 0; i < count; i++) {
      tags.put(in.string("tag"), in.bytes(Aead.KEY_LENGTH, "tag key"));
    }
    in.expectEnd();
    return tags;
  }

  @Override
  public void close() {
    Wipe.bytes(commonKey);
    Wipe.bytes(ownerKey);
    Wipe.bytes(signingPrivateKey);
    tagKeys.values().forEach(Wipe::bytes);
  }
}
