package io.totpkit.vault;

import static io.totpkit.vault.TestVaults.fast;
import static io.totpkit.vault.TestVaults.pw;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.totpkit.core.OtpAuthUri;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Grants are keys (format 2): an OPERATOR's passphrase plus the vault file opens exactly the entries of the tags they
 * were granted. Each test is the adversary of the review: an OPERATOR running their own code against the file,
 * through the package-private API, through reflection into an open vault, and byte by byte on the raw file.
 */
class GrantKeysTest {
  static final String A1 = "otpauth://totp/Acme:a1?secret=JBSWY3DPEHPK3PXPJBSWY3DP&issuer=Acme";
  static final String B1 = "otpauth://totp/Bolt:b1?secret=GEZDGNBVGY3TQOJQGEZDGNBV&issuer=Bolt";
  static final String AB = "otpauth://totp/Both:ab?secret=MFRGGZDFMZTWQ2LKMFRGGZDF&issuer=Both";
  static final String U = "otpauth://totp/Solo:u?secret=ONSWG4TFORZWK3TUONSWG4TF&issuer=Solo";
  static final String OLGA = "olga's passphrase";

  @TempDir Path dir;
  Path path;

  @BeforeEach
  void vaultWithTwoClients() {
    path = dir.resolve("v");
    try (Vault owner = TestVaults.create(path)) {
      TestVaults.add(owner, A1, "client:a");
      TestVaults.add(owner, B1, "client:b");
      TestVaults.add(owner, AB, "client:a", "client:b");
      TestVaults.add(owner, U);
      owner.addMember("olga", Role.OPERATOR, Set.of("client:a"), pw(OLGA));
    }
  }

  private static String secretOf(String uri) {
    return OtpAuthUri.parse(uri).secret().toBase32();
  }

  @Test
  void rawFile_operatorKeys_openExactlyTheGrantedSections() throws Exception {
    VaultFile file = VaultFile.parse(Files.readAllBytes(path));
    byte[] id = file.vaultId;
    Slot slot = file.slot(Slot.nameHash(id, "olga"));
    byte[] opened = slot.openPrivateKey(id, OLGA.getBytes(StandardCharsets.UTF_8));
    Keychain chain = Keychain.decode(slot.unwrap(id, Arrays.copyOf(opened, 32)));
    assertThat(chain.isOwner()).isFalse();
    assertThat(chain.tagKeys.keySet()).containsExactly("client:a");
    List<byte[]> held = new ArrayList<>(chain.tagKeys.values());
    held.add(chain.commonKey);
    held.add(Arrays.copyOf(opened, 32));

    // Every key she holds, against every wrap of every section, the owner block, and every section as its own key.
    Set<String> readable = new TreeSet<>();
    int sectionsOpened = 0;
    for (Section section : file.sections) {
      byte[] sectionKey = null;
      for (byte[] key : held) {
        for (int wrap = 0; wrap < (section.raw[1] & 0xFF); wrap++) {
          int at = 2 + wrap * (Section.REF_LENGTH + Section.WRAPPED_LENGTH);
          byte[] unwrapped = new AeadKey(Section.wrappingKey(key, id)).open(section.raw, at + Section.REF_LENGTH,
              Section.WRAPPED_LENGTH, Arrays.copyOfRange(section.raw, at, at + Section.REF_LENGTH));
          sectionKey = unwrapped != null ? unwrapped : sectionKey;
        }
        assertThatThrownBy(() -> section.open(key, id)).isInstanceOf(VaultTamperedException.class);
      }
      if (sectionKey == null) {
        continue;
      }
      sectionsOpened++;
      VaultBody body = new VaultBody();
      body.decodeSection(section.open(sectionKey, id));
      SectionKey keyOf = new SectionKey(sectionKey, null, id);
      for (StoredEntry stored : body.entries.values()) {
        byte[] secret = keyOf.secrets().open(stored.sealedSecret, KeyRing.idBytes(stored.id()));
        readable.add(io.totpkit.core.Secret.fromBytes(secret).toBase32());
      }
    }
    for (byte[] key : held) {
      assertThat(file.openPart(1, key, VaultFile.OWNER_LABEL, id)).as("owner block").isNull();
    }
    assertThat(file.sections).hasSize(4);
    assertThat(sectionsOpened).isEqualTo(2);
    assertThat(readable).containsExactlyInAnyOrder(secretOf(A1), secretOf(AB));
  }

  @Test
  void packagePrivateApi_andReflection_holdOnlyTheGrantedEntries() {
    try (Vault olga = Vault.open(path, "olga", pw(OLGA), fast())) {
      VaultKernel kernel = VaultInternals.kernel(olga);
      assertThat(kernel.body.entries.values()).extracting(stored -> stored.entry.account())
          .containsExactlyInAnyOrder("a1", "ab");
      assertThat(kernel.body.opaqueSections).hasSize(2);
      assertThat(kernel.keys.tagKeys.keySet()).containsExactly("client:a");
      assertThat(kernel.keys.ownerKey).isNull();
      assertThat(kernel.keys.signingPrivateKey).isNull();
      assertThat(kernel.keys.sections.keySet()).containsExactlyInAnyOrder(Set.of("client:a"),
          Set.of("client:a", "client:b"));

      // She makes herself OWNER in memory: the export is allowed by the role check, and holds only what she opens.
      MemberRecord me = kernel.body.members.get("olga");
      kernel.body.members.put("olga", new MemberRecord("olga", Role.OWNER, Set.of(), me.addedAt, me.publicKey));
      String export = olga.exportOtpauth();
      assertThat(export).contains(secretOf(A1)).contains(secretOf(AB)).doesNotContain(secretOf(B1))
          .doesNotContain(secretOf(U));
    }
  }

  @Test
  void operatorPromotingHerself_cannotSignTheTable_andNothingIsWritten() throws Exception {
    byte[] before = Files.readAllBytes(path);
    try (Vault olga = Vault.open(path, "olga", pw(OLGA), fast())) {
      VaultKernel kernel = VaultInternals.kernel(olga);
      MemberRecord me = kernel.body.members.get("olga");
      kernel.body.members.put("olga", new MemberRecord("olga", Role.OWNER, Set.of(), me.addedAt, me.publicKey));
      assertThatThrownBy(() -> olga.addMember("mallory", Role.OWNER, Set.of(), pw("mallory")))
          .isInstanceOf(VaultAccessException.class).hasMessageContaining("sign the member table");
      assertThatThrownBy(() -> olga.changeMember("olga", Role.OPERATOR, Set.of("client:a", "client:b")))
          .isInstanceOf(VaultAccessException.class);
      assertThatThrownBy(() -> TestVaults.add(olga, B1, "client:b")).isInstanceOf(VaultAccessException.class);
    }
    assertThat(Files.readAllBytes(path)).isEqualTo(before);
  }

  @Test
  void grantTakenAway_rotatesThatTagAndItsSections_only() throws Exception {
    UUID b1;
    try (Vault owner = TestVaults.open(path)) {
      owner.changeMember("olga", Role.OPERATOR, Set.of("client:a", "client:b"));
      b1 = owner.findByAccount("b1").get(0).id();
    }
    VaultFile granted = VaultFile.parse(Files.readAllBytes(path));
    try (Vault olga = Vault.open(path, "olga", pw(OLGA), fast())) {
      assertThat(olga.code(b1).code()).hasSize(6);
    }
    byte[] oldB = keychainOf(granted, "olga").tagKeys.get("client:b");
    byte[] oldA = keychainOf(granted, "olga").tagKeys.get("client:a");
    try (Vault owner = TestVaults.open(path)) {
      owner.changeMember("olga", Role.OPERATOR, Set.of("client:a"));
      assertThat(owner.auditTrail().get(owner.auditTrail().size() - 1).detail()).hasValue(
          "OPERATOR of [\"client:a\"]");
    }
    VaultFile revoked = VaultFile.parse(Files.readAllBytes(path));
    Keychain now = keychainOf(revoked, "olga");
    assertThat(now.tagKeys.keySet()).containsExactly("client:a");
    assertThat(now.tagKeys.get("client:a")).as("client:a was not rotated").isEqualTo(oldA);
    // The old client:b key she kept names no wrap of the new file: the {b} and {a, b} sections were rotated.
    byte[] oldRef = Section.ref(oldB, revoked.vaultId);
    for (Section section : revoked.sections) {
      assertThat(section.unwrap(ref -> Arrays.equals(ref, oldRef) ? new AeadKey(oldB) : null)).isNull();
    }
    try (Vault olga = Vault.open(path, "olga", pw(OLGA), fast())) {
      assertThatThrownBy(() -> olga.code(b1)).isInstanceOf(java.util.NoSuchElementException.class);
    }
  }

  static Keychain keychainOf(VaultFile file, String member) {
    Slot slot = file.slot(Slot.nameHash(file.vaultId, member));
    byte[] opened = slot.openPrivateKey(file.vaultId, (member.equals("olga") ? OLGA
        : "correct horse battery staple").getBytes(StandardCharsets.UTF_8));
    return Keychain.decode(slot.unwrap(file.vaultId, Arrays.copyOf(opened, 32)));
  }
}
