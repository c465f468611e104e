package io.totpkit.vault;

import static io.totpkit.vault.TestVaults.GITHUB;
import static io.totpkit.vault.TestVaults.fast;
import static io.totpkit.vault.TestVaults.pw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Removing a member rotates the data key: nothing they kept opens what is written afterwards. */
class MemberRemovalTest {
  @TempDir Path dir;

  @Test
  void removeMember_oldPassphrase_opensNothingEvenWithOldSlotTable() throws Exception {
    Path path = dir.resolve("v");
    UUID id;
    byte[] oldDataKey;
    try (Vault owner = TestVaults.create(path)) {
      id = TestVaults.add(owner, GITHUB, "acme");
      owner.addMember("olga", Role.OPERATOR, Set.of("acme"), pw("olga pass"));
      owner.addMember("otto", Role.OPERATOR, Set.of("acme"), pw("otto pass"));
      oldDataKey = VaultInternals.commonKey(owner);
    }
    byte[] before = Files.readAllBytes(path);
    // Olga is still a member here: her passphrase opens the file as it was.
    Vault.open(path, "olga", pw("olga pass"), fast()).close();

    try (Vault owner = TestVaults.open(path)) {
      owner.removeMember("olga");
      assertThat(owner.members()).extracting(Member::name).containsExactly("maria", "otto");
      assertThat(VaultInternals.commonKey(owner)).isNotEqualTo(oldDataKey);
      TestVaults.add(owner, TestVaults.GOOGLE_WIKI, "acme");
    }
    byte[] after = Files.readAllBytes(path);

    // 1. Her name no longer has a slot.
    assertThatThrownBy(() -> Vault.open(path, "olga", pw("olga pass"), fast()))
        .isInstanceOf(UnknownMemberException.class);

    // 2. Her old slot spliced into the new file (checksum recomputed): her passphrase opens her private key, but the
    //    keys it unwraps are the old ones, which neither matches the commitment nor opens the body.
    VaultFile oldFile = VaultFile.parse(before);
    VaultFile newFile = VaultFile.parse(after);
    byte[] olgaHash = Slot.nameHash(newFile.vaultId, "olga");
    List<Slot> spliced = new ArrayList<>(newFile.slots);
    spliced.add(oldFile.slot(olgaHash));
    Files.write(path, Forge.withSlots(newFile, spliced));
    assertThatThrownBy(() -> Vault.open(path, "olga", pw("olga pass"), fast()))
        .isInstanceOf(VaultTamperedException.class);

    // 3. The old common key itself opens neither the new common part nor passes the new commitment.
    assertThat(Forge.opensCommon(newFile, oldDataKey)).isFalse();
    assertThat(VaultFile.commitment(oldDataKey, newFile.vaultId)).isNotEqualTo(newFile.commitment);

    // 4. The backup generation was replaced too: the old passphrase does not open it either.
    Files.write(path, after);
    assertThatThrownBy(() -> Vault.open(dir.resolve("v.bak"), "olga", pw("olga pass"), fast()))
        .isInstanceOf(UnknownMemberException.class);

    // The remaining members open the rotated vault with their unchanged passphrases.
    try (Vault otto = Vault.open(path, "otto", pw("otto pass"), fast())) {
      assertThat(otto.entries()).hasSize(2);
      assertThat(otto.code(id).code()).hasSize(6);
    }
    try (Vault owner = TestVaults.open(path)) {
      List<AuditRecord> trail = owner.auditTrail();
      assertThat(trail).extracting(AuditRecord::action).contains(AuditAction.MEMBER_REMOVED);
      assertThat(owner.verifyAudit()).isEqualTo(trail.size());
    }
  }

  @Test
  void removeMember_whileOperatorHasVaultOpen_operatorLosesAccess() {
    Path path = dir.resolve("v");
    try (Vault owner = TestVaults.create(path)) {
      UUID id = TestVaults.add(owner, GITHUB, "acme");
      owner.addMember("olga", Role.OPERATOR, Set.of("acme"), pw("olga pass"));
      try (Vault olga = Vault.open(path, "olga", pw("olga pass"), fast())) {
        assertThat(olga.code(id).code()).hasSize(6);
        owner.removeMember("olga");
        assertThatThrownBy(() -> olga.code(id)).isInstanceOf(UnknownMemberException.class);
      }
    }
  }
}
