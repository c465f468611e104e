package io.totpkit.vault;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A member as the encrypted body records it: name, role, granted tags, when added, and the public key their slot
 * must carry (so a slot swapped in from elsewhere is caught).
 *
 * <p>Thread-safety: immutable.
 */
final class MemberRecord {
  final String name;
  final Role role;
  final Set<String> grantedTags;
  final Instant addedAt;
  final byte[] publicKey;

  MemberRecord(String name, Role role, Set<String> grantedTags, Instant addedAt, byte[] publicKey) {
    this.name = name;
    this.role = role;
    this.grantedTags = Tags.copy(grantedTags);
    this.addedAt = addedAt;
    this.publicKey = publicKey;
  }

  Member toMember() {
    return new Member(name, role, grantedTags, addedAt);
  }

  void write(ByteWriter out) {
    out.string(name).u8(role.ordinal()).u16(grantedTags.size());
    grantedTags.forEach(out::string);
    out.u64(addedAt.toEpochMilli()).bytes(publicKey);
  }

  static MemberRecord read(ByteReader in) {
    String name = in.string("member name");
    int role = in.u8("member role");
    if (role >= Role.values().length) {
      throw in.corrupt("member role " + role + " is unknown");
    }
    int count = in.u16("member tag count");
    List<String> tags = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      tags.add(in.string("member tag"));
    }
    Instant added = Instant.ofEpochMilli(in.u64("member added time"));
    byte[] publicKey = in.bytes(X25519Keys.KEY_LENGTH, "member public key");
    return new MemberRecord(name, Role.values()[role], Set.copyOf(tags), added, publicKey);
  }
}
