package io.totpkit.vault;

import static io.totpkit.vault.TestVaults.fast;
import static io.totpkit.vault.TestVaults.pw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Membership only OWNERs can change (format 2): the member table is signed with a key only OWNERs hold and pinned by
 * the hash every slot's keychain carries. The adversary is an OPERATOR who knows the common key (so can re-seal the
 * common part) and every key of a colleague granted the same tags (so can rewrite that colleague's keychain too).
 */
class SignedTableTest {
  @TempDir Path dir;
  Path path;

  @BeforeEach
  void vault() {
    path = dir.resolve("v");
    try (Vault owner = TestVaults.create(path)) {
      TestVaults.add(owner, GrantKeysTest.A1, "client:a");
      TestVaults.add(owner, GrantKeysTest.B1, "client:b");
      owner.addMember("olga", Role.OPERATOR, Set.of("client:a"), pw(GrantKeysTest.OLGA));
      owner.addMember("otto", Role.OPERATOR, Set.of("client:a"), pw("otto's passphrase"));
    }
  }

  /** Olga's forgery: the table with her as OWNER, signed by a key of her own, her and Otto's keychains pinning it. */
  private byte[] forgeTable(VaultFile file, byte[] signingKey, Map<String, MemberRecord> members) {
    Keychain olga = GrantKeysTest.keychainOf(file, "olga");
    VaultBody common = VaultBody.decodeCommon(file.openPart(0, olga.commonKey, VaultFile.COMMON_LABEL,
        file.header()), file.vaultId);
    common.table = MemberTable.sign(file.vaultId, signingKey, members);
    byte[] hash = common.table.hash(file.vaultId);
    List<Slot> slots = new ArrayList<>();
    for (Slot slot : file.slots) {
      boolean operator = java.security.MessageDigest.isEqual(slot.nameHash, Slot.nameHash(file.vaultId, "olga"))
          || java.security.MessageDigest.isEqual(slot.nameHash, Slot.nameHash(file.vaultId, "otto"));
      slots.add(operator ? slot.withKeychain(file.vaultId, new Keychain(olga.commonKey, hash, null, null,
          olga.tagKeys).encode(), new SecureRandom()) : slot);
    }
    return Forge.withCommon(file, slots, olga.commonKey, common.encodeCommon());
  }

  @Test
  void operatorPromotingHerself_withHerOwnSigningKey_refusedByEveryMember() throws Exception {
    VaultFile file = VaultFile.parse(Files.readAllBytes(path));
    Map<String, MemberRecord> members = new LinkedHashMap<>(members(file));
    MemberRecord olga = members.get("olga");
    members.put("olga", new MemberRecord("olga", Role.OWNER, Set.of(), olga.addedAt, olga.publicKey));
    Files.write(path, forgeTable(file, Ed25519Keys.generatePrivateKey(new SecureRandom()), members));

    assertThatThrownBy(() -> TestVaults.open(path)).isInstanceOf(VaultTamperedException.class)
        .hasMessageContaining("member table");
    assertThatThrownBy(() -> Vault.open(path, "otto", pw("otto's passphrase"), fast()))
        .isInstanceOf(VaultTamperedException.class).hasMessageContaining("not the vault's");
    assertThatThrownBy(() -> Vault.open(path, "olga", pw(GrantKeysTest.OLGA), fast()))
        .isInstanceOf(VaultTamperedException.class).hasMessageContaining("not the vault's");
  }

  @Test
  void tableEditedWithoutResigning_refused() throws Exception {
    VaultFile file = VaultFile.parse(Files.readAllBytes(path));
    Keychain olga = GrantKeysTest.keychainOf(file, "olga");
    VaultBody common = VaultBody.decodeCommon(file.openPart(0, olga.commonKey, VaultFile.COMMON_LABEL,
        file.header()), file.vaultId);
    byte[] edited = common.table.encoded.clone();
    edited[edited.length - 40] ^= 1;   // inside the last member's record
    assertThatThrownBy(() -> MemberTable.verify(file.vaultId, edited, common.table.signature))
        .isInstanceOf(VaultTamperedException.class).hasMessageContaining("not signed");
  }

  @Test
  void olderSignedTable_putBack_refusedByTheOwnerWhoseKeychainPinsTheCurrentOne() throws Exception {
    try (Vault owner = TestVaults.open(path)) {
      owner.changeMember("olga", Role.OPERATOR, Set.of("client:a", "client:b"));
    }
    VaultFile wide = VaultFile.parse(Files.readAllBytes(path));
    try (Vault owner = TestVaults.open(path)) {
      owner.changeMember("olga", Role.OPERATOR, Set.of("client:a"));
      assertThat(owner.members()).hasSize(3);
    }
    VaultFile narrow = VaultFile.parse(Files.readAllBytes(path));
    // Olga replays the signed table that granted her client:b: a genuine OWNER signature, but not today's table.
    Keychain olga = GrantKeysTest.keychainOf(narrow, "olga");
    VaultBody old = VaultBody.decodeCommon(wide.openPart(0, GrantKeysTest.keychainOf(wide, "olga").commonKey,
        VaultFile.COMMON_LABEL, wide.header()), wide.vaultId);
    VaultBody current = VaultBody.decodeCommon(narrow.openPart(0, olga.commonKey, VaultFile.COMMON_LABEL,
        narrow.header()), narrow.vaultId);
    current.table = old.table;
    List<Slot> slots = new ArrayList<>();
    for (Slot slot : narrow.slots) {
      boolean mine = java.security.MessageDigest.isEqual(slot.nameHash, Slot.nameHash(narrow.vaultId, "olga"));
      slots.add(mine ? slot.withKeychain(narrow.vaultId, new Keychain(olga.commonKey, old.table.hash(narrow.vaultId),
          null, null, olga.tagKeys).encode(), new SecureRandom()) : slot);
    }
    Files.write(path, Forge.withCommon(narrow, slots, olga.commonKey, current.encodeCommon()));
    assertThatThrownBy(() -> TestVaults.open(path)).isInstanceOf(VaultTamperedException.class)
        .hasMessageContaining("older or edited table");
  }

  /**
   * Someone who can write the file but holds no key at all wraps a keychain of their own making to the OWNER's public
   * key (slots show it in the clear): their own common, owner and signing keys, a table they signed. Accepted, the
   * OWNER would seal the next client's key under keys the forger knows. The OWNER's slot names the vault's signing key.
   */
  @Test
  void outsiderHandingTheOwnerAKeychainOfTheirOwn_refused() throws Exception {
    VaultFile file = VaultFile.parse(Files.readAllBytes(path));
    SecureRandom random = new SecureRandom();
    byte[] id = file.vaultId;
    Slot maria = file.slot(Slot.nameHash(id, "maria"));
    byte[] common = new byte[32];
    byte[] owner = new byte[32];
    random.nextBytes(common);
    random.nextBytes(owner);
    byte[] signing = Ed25519Keys.generatePrivateKey(random);
    Map<String, MemberRecord> members = new LinkedHashMap<>();
    members.put("maria", new MemberRecord("maria", Role.OWNER, Set.of(), TestVaults.NOW, maria.publicKey));
    VaultBody fake = new VaultBody();
    fake.auditSecrets.add(owner.clone());
    fake.anchor = new AuditAnchor(AuditJournal.HEADER_LENGTH, 0, AuditJournal.genesis(id), -1);
    fake.pending = new PreparedRecords(fake.anchor, new byte[0], fake.anchor);
    fake.table = MemberTable.sign(id, signing, members);
    Slot forged = maria.withKeychain(id, new Keychain(common, fake.table.hash(id), owner, signing, Map.of())
        .encode(), random);
    byte[] image = VaultFile.write(id, file.generation + 1, file.savedAtMillis, VaultFile.commitment(common, id),
        List.of(forged), 0, (header, out) -> {
          Section.sealPart(out, common, VaultFile.COMMON_LABEL, id, fake.encodeCommon(), header, random);
          Section.sealPart(out, owner, VaultFile.OWNER_LABEL, id, Keychain.encodeTagKeys(Map.of()), id, random);
          out.u32(0);
        });
    Files.write(path, image);
    assertThatThrownBy(() -> TestVaults.open(path)).isInstanceOf(VaultTamperedException.class)
        .hasMessageContaining("not the vault's");
  }

  private static Map<String, MemberRecord> members(VaultFile file) {
    Keychain olga = GrantKeysTest.keychainOf(file, "olga");
    return VaultBody.decodeCommon(file.openPart(0, olga.commonKey, VaultFile.COMMON_LABEL, file.header()),
        file.vaultId).table.members;
  }
}
