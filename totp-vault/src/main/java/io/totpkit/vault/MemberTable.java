package io.totpkit.vault;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The member table of a format-2 vault (FORMAT.md, "member table"): names, roles, grants and public keys, with the
 * vault's signing key, signed by that key. Only OWNERs hold the private half, so a member who edits the table cannot
 * sign it; every key slot also pins the table's hash, so an older signed table cannot be put back either.
 *
 * <p>Thread-safety: immutable.
 */
final class MemberTable {
  private static final byte[] SIGN_LABEL = "totpkit vault v2 member table".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] HASH_LABEL = "totpkit vault v2 member table hash".getBytes(StandardCharsets.US_ASCII);

  final byte[] signingPublicKey;
  final Map<String, MemberRecord> members;
  final byte[] encoded;
  final byte[] signature;

  private MemberTable(byte[] signingPublicKey, Map<String, MemberRecord> members, byte[] encoded,
      byte[] signature) {
    this.signingPublicKey = signingPublicKey;
    this.members = Collections.unmodifiableMap(members);
    this.encoded = encoded;
    this.signature = signature;
  }

  /** Encodes and signs a table. */
  static MemberTable sign(byte[] vaultId, byte[] signingPrivateKey, Map<String, MemberRecord> members) {
    byte[] publicKey = Ed25519Keys.publicKey(signingPrivateKey);
    ByteWriter out = new ByteWriter(64 + members.size() * 128);
    out.bytes(publicKey).u32(members.size());
    members.values().forEach(member -> member.write(out));
    byte[] encoded = out.toByteArray();
    byte[] signature = Ed25519Keys.sign(signingPrivateKey, message(vaultId, encoded));
    return new MemberTable(publicKey, new LinkedHashMap<>(members), encoded, signature);
  }

  /**
   * Decodes a table and checks its signature against the key it names; whether that key is the vault's is the
   * caller's to check ({@link ImageOpener}).
   *
   * @throws VaultTamperedException if the signature does not verify
   */
  static MemberTable verify(byte[] vaultId, byte[] encoded, byte[] signature) {
    ByteReader in = new ByteReader(encoded, "member table");
    byte[] publicKey = in.bytes(Ed25519Keys.KEY_LENGTH, "signing key");
    int count = in.length("member count", VaultBody.MAX_MEMBERS);
    Map<String, MemberRecord> members = new LinkedHashMap<>();
    for (int i = 0; i < count; i++) {
      MemberRecord member = MemberRecord.read(in);
      if (members.put(member.name, member) != null) {
        throw in.corrupt("member " + member.name + " appears twice");
      }
    }
    in.expectEnd();
    if (!Ed25519Keys.verify(publicKey, message(vaultId, encoded), signature)) {
      throw new VaultTamperedException("the member table is not signed by the vault's OWNERs: someone without an "
          + "OWNER's key edited names, roles, grants or keys");
    }
    return new MemberTable(publicKey, members, encoded, signature);
  }

  /** The hash every key slot pins (FORMAT.md, "keychain"). */
  byte[] hash(byte[] vaultId) {
    MessageDigest digest = Digests.sha256();
    digest.update(HASH_LABEL);
    digest.update(vaultId);
    digest.update(encoded);
    return digest.digest();
  }

  private static byte[] message(byte[] vaultId, byte[] encoded) {
    return new ByteWriter(encoded.length + 64).bytes(SIGN_LABEL).bytes(vaultId).bytes(encoded).toByteArray();
  }
}
