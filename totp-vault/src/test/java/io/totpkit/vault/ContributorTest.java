package io.totpkit.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.totpkit.core.OtpAuthUri;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A CONTRIBUTOR (a code server's {@code --can-add} token) adds entries under the tags it was granted, sealed so that
 * the OWNER and every member of those tags open them; it can do nothing else an OPERATOR cannot.
 */
class ContributorTest {
  static final String A1 = "otpauth://totp/Acme:a1?secret=JBSWY3DPEHPK3PXPJBSWY3DP&issuer=Acme";
  static final String NEW_A = "otpauth://totp/New:na?secret=KRUGS4ZANFZSAYJAORSXG5BAONSWG4TF&issuer=New";
  static final String NEW_AB = "otpauth://totp/Two:ab?secret=MFRGGZDFMZTWQ2LKMFRGGZDFMFRGGZDF&issuer=Two";
  static final String NEW_C = "otpauth://totp/Cee:c?secret=ONSWG4TFORZWK3TUONSWG4TFONSWG4TF&issuer=Cee";
  static final String CAROL = "carol's passphrase";
  static final String OLGA = "olga's passphrase";

  @TempDir Path dir;
  Path path;

  @BeforeEach
  void vault() {
    path = dir.resolve("v");
    try (Vault owner = TestVaults.create(path)) {
      TestVaults.add(owner, A1, "client:a");
      owner.addMember("carol", Role.CONTRIBUTOR, Set.of("client:a", "client:b"), CAROL.toCharArray());
      owner.addMember("olga", Role.OPERATOR, Set.of("client:a"), OLGA.toCharArray());
      // client:b has a key but no entry yet: carol's first add under it creates its section.
      owner.addMember("bea", Role.OPERATOR, Set.of("client:b"), "bea's passphrase".toCharArray());
    }
  }

  private Vault open(String member, String passphrase) {
    return Vault.open(path, member, passphrase.toCharArray(), TestVaults.fast());
  }

  @Test
  void add_underGrantedTags_everyoneEntitledReadsIt() {
    UUID a;
    UUID b;
    try (Vault carol = open("carol", CAROL)) {
      a = carol.add(OtpAuthUri.parse(NEW_A), Set.of("client:a"));
      b = carol.add(OtpAuthUri.parse(NEW_AB), Set.of("client:a", "client:b"));
      assertThat(carol.code(a).code()).hasSize(6);
    }
    try (Vault owner = TestVaults.open(path)) {
      assertThat(owner.exportOtpauth(a).secret().toBase32())
          .isEqualTo(OtpAuthUri.parse(NEW_A).secret().toBase32());
      assertThat(owner.exportOtpauth(b).secret().toBase32())
          .isEqualTo(OtpAuthUri.parse(NEW_AB).secret().toBase32());
      assertThat(owner.verifyAudit()).isPositive();
      List<AuditRecord> trail = owner.auditTrail();
      assertThat(trail.stream().filter(r -> r.action() == AuditAction.ENTRY_ADDED && r.member().equals("carol")))
          .hasSize(2);
    }
    try (Vault olga = open("olga", OLGA)) {
      assertThat(olga.code(a).code()).hasSize(6);
      assertThat(olga.code(b).code()).hasSize(6);
    }
    try (Vault bea = open("bea", "bea's passphrase")) {
      assertThat(bea.entries()).extracting(VaultEntry::id).containsExactly(b);
    }
  }

  @Test
  void add_underUngrantedOrNoTag_refused_andNothingChanges() {
    try (Vault carol = open("carol", CAROL)) {
      assertThatThrownBy(() -> carol.add(OtpAuthUri.parse(NEW_C), Set.of("client:c")))
          .isInstanceOf(VaultAccessException.class).hasMessageContaining("only under tags");
      assertThatThrownBy(() -> carol.add(OtpAuthUri.parse(NEW_C), Set.of("client:a", "client:c")))
          .isInstanceOf(VaultAccessException.class);
      assertThatThrownBy(() -> carol.add(OtpAuthUri.parse(NEW_C), Set.of()))
          .isInstanceOf(VaultAccessException.class);
    }
    try (Vault owner = TestVaults.open(path)) {
      assertThat(owner.entries()).hasSize(1);
    }
  }

  @Test
  void contributor_mayNotUpdateRemoveOrManage() {
    try (Vault owner = TestVaults.open(path); Vault carol = open("carol", CAROL)) {
      UUID a1 = owner.entries().get(0).id();
      assertThatThrownBy(() -> carol.remove(a1)).isInstanceOf(VaultAccessException.class);
      assertThatThrownBy(() -> carol.retag(a1, Set.of("client:b"))).isInstanceOf(VaultAccessException.class);
      assertThatThrownBy(() -> carol.update(a1, OtpAuthUri.parse(NEW_A), Set.of("client:a")))
          .isInstanceOf(VaultAccessException.class);
      assertThatThrownBy(() -> carol.addMember("x", Role.OWNER, Set.of(), "x passphrase".toCharArray()))
          .isInstanceOf(VaultAccessException.class);
      assertThatThrownBy(carol::exportOtpauth).isInstanceOf(VaultAccessException.class);
    }
  }

  @Test
  void operator_mayNotAdd() {
    try (Vault olga = open("olga", OLGA)) {
      assertThatThrownBy(() -> olga.add(OtpAuthUri.parse(NEW_A), Set.of("client:a")))
          .isInstanceOf(VaultAccessException.class).hasMessageContaining("OPERATOR");
    }
  }

  @Test
  void contributorDemoted_losesAdd_keepsReading() {
    try (Vault owner = TestVaults.open(path)) {
      owner.changeMember("carol", Role.OPERATOR, Set.of("client:a", "client:b"));
      assertThat(owner.members()).filteredOn(m -> m.name().equals("carol")).extracting(Member::role)
          .containsExactly(Role.OPERATOR);
      assertThat(owner.verifyAudit()).isPositive();
    }
    try (Vault carol = open("carol", CAROL)) {
      assertThat(carol.entries()).hasSize(1);
      assertThatThrownBy(() -> carol.add(OtpAuthUri.parse(NEW_A), Set.of("client:a")))
          .isInstanceOf(VaultAccessException.class);
    }
  }
}
