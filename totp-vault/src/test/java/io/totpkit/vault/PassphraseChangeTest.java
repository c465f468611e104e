package io.totpkit.vault;

import static io.totpkit.vault.TestVaults.GITHUB;
import static io.totpkit.vault.TestVaults.fast;
import static io.totpkit.vault.TestVaults.pw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A passphrase change draws a new key pair and rotates the data key: the old passphrase, even with a copy of the
 * vault taken before the change, opens nothing written from then on ("Vault format 2", part 3).
 */
class PassphraseChangeTest {
  private static final String OLD = "correct horse battery staple";
  private static final String NEW = "new passphrase for maria";

  @TempDir Path dir;

  @Test
  void changePassphrase_oldCopyWithOldPassphrase_opensNothingWrittenAfter() throws Exception {
    Path path = dir.resolve("v");
    try (Vault owner = TestVaults.create(path)) {
      TestVaults.add(owner, GITHUB, "acme");
      owner.addMember("otto", Role.OPERATOR, Set.of("acme"), pw("otto pass"));
    }
    List<byte[]> oldCopies = List.of(Files.readAllBytes(path), Files.readAllBytes(dir.resolve("v.bak")));

    try (Vault owner = TestVaults.open(path)) {
      owner.changePassphrase(pw(OLD), pw(NEW));
      owner.removeMember("otto");
      owner.addMember("olga", Role.OPERATOR, Set.of("acme"), pw("olga pass"));
      owner.addMember("ravi", Role.OWNER, Set.of(), pw("ravi pass"));
      TestVaults.add(owner, TestVaults.GOOGLE_WIKI, "acme");
    }
    VaultFile current = VaultFile.parse(Files.readAllBytes(path));
    byte[] mariaHash = Slot.nameHash(current.vaultId, "maria");
    for (byte[] copy : oldCopies) {
      // The attacker's side: the old copy and the old passphrase give the old private key and the old data key.
      VaultFile old = VaultFile.parse(copy);
      byte[] oldPrivate = old.slot(mariaHash).openPrivateKey(old.vaultId, OLD.getBytes(StandardCharsets.UTF_8));
      assertThat(oldPrivate).as("the old passphrase opens the old copy's slot").isNotNull();
      byte[] oldDataKey = Forge.commonKey(old, old.slot(mariaHash), java.util.Arrays.copyOf(oldPrivate, 32));
      assertThat(Forge.opensCommon(old, oldDataKey)).as("and its common key opens the old copy").isTrue();

      // Neither opens the current file: no slot unwraps under the old private key, the old data key fails both the
      // commitment and the body.
      assertThat(current.slot(mariaHash).publicKey).isNotEqualTo(X25519Keys.publicKey(oldPrivate));
      for (Slot slot : current.slots) {
        assertThat(slot.unwrap(current.vaultId, oldPrivate)).isNull();
      }
      assertThat(VaultFile.commitment(oldDataKey, current.vaultId)).isNotEqualTo(current.commitment);
      assertThat(Forge.opensCommon(current, oldDataKey)).isFalse();
      assertThatThrownBy(() -> VaultInternals.openWithPrivateKey(path, "maria", oldPrivate, fast()))
          .isInstanceOf(VaultTamperedException.class).hasMessageContaining("does not match its private key");
    }

    // The old slot spliced into the current file (checksum recomputed) unwraps the old data key only: tampering.
    VaultFile old = VaultFile.parse(oldCopies.get(0));
    List<Slot> spliced = new ArrayList<>();
    current.slots.forEach(slot -> spliced.add(java.security.MessageDigest.isEqual(slot.nameHash, mariaHash)
        ? old.slot(mariaHash) : slot));
    Files.write(path, Forge.withSlots(current, spliced));
    assertThatThrownBy(() -> TestVaults.open(path)).isInstanceOf(VaultTamperedException.class);
  }

  @Test
  void changePassphrase_backup_isTheNewImageWithoutTheOldSlot() throws Exception {
    Path path = dir.resolve("v");
    Path backup = dir.resolve("v.bak");
    byte[] oldPublic;
    try (Vault owner = TestVaults.create(path)) {
      TestVaults.add(owner, GITHUB, "acme");
      oldPublic = X25519Keys.publicKey(VaultInternals.privateKey(owner));
      owner.changePassphrase(pw(OLD), pw(NEW));
    }
    assertThat(Files.readAllBytes(backup)).isEqualTo(Files.readAllBytes(path));
    for (Slot slot : VaultFile.parse(Files.readAllBytes(backup)).slots) {
      assertThat(slot.publicKey).isNotEqualTo(oldPublic);
    }
    assertThatThrownBy(() -> Vault.open(backup, "maria", pw(OLD), fast()))
        .isInstanceOf(WrongPassphraseException.class);
  }

  @Test
  void changePassphrase_newPassphrase_keepsCodesTrailAndOtherMembers() {
    Path path = dir.resolve("v");
    String code; // taken while the old passphrase is in force
    UUID id;
    try (Vault owner = Vault.create(path, "maria", pw(OLD), fast())) {
      owner.addMember("olga", Role.OPERATOR, Set.of("acme"), pw("olga pass"));
      id = TestVaults.add(owner, GITHUB, "acme");
      TestVaults.add(owner, TestVaults.GOOGLE_WIKI, "other");
      code = owner.code(id).code();
      byte[] oldPrivate = VaultInternals.privateKey(owner);
      byte[] oldDataKey = VaultInternals.commonKey(owner);
      owner.changePassphrase(pw(OLD), pw(NEW));
      // The open instance carries on under its new key pair and data key.
      assertThat(VaultInternals.privateKey(owner)).isNotEqualTo(oldPrivate);
      assertThat(VaultInternals.commonKey(owner)).isNotEqualTo(oldDataKey);
      assertThat(owner.code(id).code()).isEqualTo(code);
      owner.changePassphrase(pw(NEW), pw(NEW + " again"));
      owner.changePassphrase(pw(NEW + " again"), pw(NEW));
    }
    assertThatThrownBy(() -> TestVaults.open(path)).isInstanceOf(WrongPassphraseException.class);
    try (Vault owner = Vault.open(path, "maria", pw(NEW), fast())) {
      assertThat(owner.entries()).hasSize(2);
      assertThat(owner.code(id).code()).isEqualTo(code);
      List<AuditRecord> trail = owner.auditTrail();
      assertThat(trail).extracting(AuditRecord::action).filteredOn(AuditAction.PASSPHRASE_CHANGED::equals)
          .hasSize(3);
      assertThat(owner.verifyAudit()).isEqualTo(trail.size());
    }
    try (Vault olga = Vault.open(path, "olga", pw("olga pass"), fast())) {
      assertThat(olga.code(id).code()).isEqualTo(code);
    }
  }

  @Test
  void changePassphrase_wrongCurrent_changesNoByte() throws Exception {
    Path path = dir.resolve("v");
    try (Vault owner = TestVaults.create(path)) {
      TestVaults.add(owner, GITHUB, "acme");
      Map<String, byte[]> before = files();
      assertThatThrownBy(() -> owner.changePassphrase(pw("not it"), pw(NEW)))
          .isInstanceOf(WrongPassphraseException.class);
      assertThat(files()).usingRecursiveComparison().isEqualTo(before);
    }
    TestVaults.open(path).close();
  }

  @Test
  void changePassphrase_anotherInstanceOpen_itFailsSayingThePassphraseChanged() {
    Path path = dir.resolve("v");
    try (Vault here = TestVaults.create(path); Vault there = TestVaults.open(path)) {
      UUID id = TestVaults.add(here, GITHUB, "acme");
      assertThat(there.entries()).hasSize(1);
      here.changePassphrase(pw(OLD), pw(NEW));
      assertThatThrownBy(there::entries).isInstanceOf(UnknownMemberException.class)
          .hasMessageContaining("passphrase of member 'maria' was changed elsewhere");
      assertThat(here.code(id).code()).hasSize(6);
    }
  }

  private Map<String, byte[]> files() throws Exception {
    Map<String, byte[]> out = new TreeMap<>();
    try (Stream<Path> list = Files.list(dir)) {
      for (Path file : (Iterable<Path>) list::iterator) {
        out.put(file.getFileName().toString(), Files.readAllBytes(file));
      }
    }
    return out;
  }

  @Test
  void operator_changingTheirOwnPassphrase_isSentToAnOwner_whoseResetRotatesTheirKeys() throws Exception {
    Path path = dir.resolve("v");
    UUID id;
    try (Vault owner = TestVaults.create(path)) {
      id = TestVaults.add(owner, GITHUB, "acme");
      owner.addMember("olga", Role.OPERATOR, Set.of("acme"), pw("olga old"));
    }
    byte[] before = Files.readAllBytes(path);
    try (Vault olga = Vault.open(path, "olga", pw("olga old"), fast())) {
      assertThatThrownBy(() -> olga.changePassphrase(pw("olga old"), pw("olga new")))
          .isInstanceOf(VaultAccessException.class).hasMessageContaining("totp members passwd olga");
    }
    VaultFile old = VaultFile.parse(before);
    byte[] olgaHash = Slot.nameHash(old.vaultId, "olga");
    byte[] oldPrivate = old.slot(olgaHash).openPrivateKey(old.vaultId, "olga old".getBytes(StandardCharsets.UTF_8));
    Keychain oldChain = Keychain.decode(old.slot(olgaHash).unwrap(old.vaultId, java.util.Arrays.copyOf(oldPrivate,
        32)));
    try (Vault owner = TestVaults.open(path)) {
      owner.setPassphrase("olga", pw("olga new"));
    }
    assertThatThrownBy(() -> Vault.open(path, "olga", pw("olga old"), fast()))
        .isInstanceOf(WrongPassphraseException.class);
    try (Vault olga = Vault.open(path, "olga", pw("olga new"), fast())) {
      assertThat(olga.code(id).code()).hasSize(6);
    }
    // The old passphrase with the copy taken before: its private key, common key and tag key open nothing now.
    VaultFile current = VaultFile.parse(Files.readAllBytes(path));
    for (Slot slot : current.slots) {
      assertThat(slot.unwrap(current.vaultId, java.util.Arrays.copyOf(oldPrivate, 32))).isNull();
    }
    assertThat(Forge.opensCommon(current, oldChain.commonKey)).isFalse();
    byte[] oldRef = Section.ref(oldChain.tagKeys.get("acme"), current.vaultId);
    for (Section section : current.sections) {
      assertThat(section.unwrap(ref -> java.util.Arrays.equals(ref, oldRef)
          ? new AeadKey(Section.wrappingKey(oldChain.tagKeys.get("acme"), current.vaultId)) : null)).isNull();
    }
    assertThatThrownBy(() -> Vault.open(dir.resolve("v.bak"), "olga", pw("olga old"), fast()))
        .isInstanceOf(WrongPassphraseException.class);
  }
}
