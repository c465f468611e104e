package io.totpkit.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link Vault#close()} leaves no key bytes in any array the vault owned. Every byte array reachable from an open
 * vault (through totpkit objects and collections) is found by walking its fields, so a key field added later is
 * covered without editing this test; only arrays named here as public or sealed data may keep their contents.
 */
class CloseWipeTest {
  /** Fields holding public or sealed data, as {@code Class.field}: everything else must be zero after close. */
  private static final Set<String> NOT_SECRET = Set.of(
      "KeyRing.publicKey", "KeyRing.vaultId", "VaultKernel.nameHash",
      "Slot.nameHash", "Slot.publicKey", "Slot.salt", "Slot.sealedPrivateKey", "Slot.ephemeralPublicKey",
      "Slot.wrapped", "MemberRecord.publicKey", "StoredEntry.sealedSecret", "StoredEntry.encoded",
      "AuditJournal.vaultId", "AuditJournal.headMac", "AuditAnchor.headMac", "KeyRing.signingRoot",
      "MemberTable.signingPublicKey", "MemberTable.encoded", "MemberTable.signature", "SectionKey.wraps",
      "PreparedRecords.bytes", "VaultBody.ownerBlock", "VaultBody.opaqueSections",
      "GroupCommit.head");

  @TempDir Path dir;

  @Test
  void close_afterEveryKindOfUse_zeroesEveryKeyArrayItHeld() throws Exception {
    Vault vault = TestVaults.create(dir.resolve("v"));
    UUID id = TestVaults.add(vault, TestVaults.GITHUB, "acme");
    vault.code(id);
    vault.verify(id, "000000");
    vault.addMember("omar", Role.OPERATOR, Set.of("acme"), TestVaults.pw("operator passphrase"));
    vault.removeMember("omar");   // a second audit epoch: two audit secrets, two sets of journal keys
    vault.verifyAudit();

    Map<byte[], String> arrays = reachableArrays(vault);
    Map<String, byte[]> secret = new LinkedHashMap<>();
    arrays.forEach((array, where) -> {
      if (!NOT_SECRET.contains(where) && !isZero(array)) {
        secret.put(where + "#" + secret.size(), array);
      }
    });
    // The walk must find the keys, or the check below proves nothing.
    assertThat(secret.keySet()).anyMatch(k -> k.startsWith("KeyRing.commonKey")).anyMatch(k -> k.startsWith(
        "KeyRing.privateKey")).anyMatch(k -> k.startsWith("KeyRing.ownerKey")).anyMatch(k -> k.startsWith(
        "KeyRing.signingPrivateKey")).anyMatch(k -> k.startsWith("KeyRing.tagKeys")).anyMatch(k -> k.startsWith(
        "SectionKey.key")).anyMatch(k -> k.startsWith("AeadKey.key")).anyMatch(k -> k.startsWith(
        "VaultBody.auditSecrets"));

    vault.close();

    List<String> notWiped = new ArrayList<>();
    secret.forEach((where, array) -> {
      if (!isZero(array)) {
        notWiped.add(where);
      }
    });
    assertThat(notWiped).as("key arrays left with data after close").isEmpty();
  }

  private static boolean isZero(byte[] array) {
    for (byte b : array) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  /** Every byte array reachable from {@code root}, with the {@code Class.field} it was last reached through. */
  private static Map<byte[], String> reachableArrays(Object root) throws IllegalAccessException {
    Map<byte[], String> arrays = new IdentityHashMap<>();
    Map<Object, Boolean> seen = new IdentityHashMap<>();
    walk(root, "root", arrays, seen);
    return arrays;
  }

  private static void walk(Object object, String where, Map<byte[], String> arrays, Map<Object, Boolean> seen)
      throws IllegalAccessException {
    if (object == null || seen.put(object, Boolean.TRUE) != null) {
      return;
    }
    if (object instanceof byte[]) {
      arrays.put((byte[]) object, where);
    } else if (object instanceof Object[]) {
      for (Object element : (Object[]) object) {
        walk(element, where, arrays, seen);
      }
    } else if (object instanceof Collection) {
      for (Object element : (Collection<?>) object) {
        walk(element, where, arrays, seen);
      }
    } else if (object instanceof Map) {
      for (Map.Entry<?, ?> entry : ((Map<?, ?>) object).entrySet()) {
        walk(entry.getKey(), where, arrays, seen);
        walk(entry.getValue(), where, arrays, seen);
      }
    } else if (object.getClass().getName().startsWith("io.totpkit.") && !(object instanceof Enum)) {
      for (Class<?> type = object.getClass(); type.getName().startsWith("io.totpkit."); type = type.getSuperclass()) {
        for (Field field : type.getDeclaredFields()) {
          if (!Modifier.isStatic(field.getModifiers()) && !field.getType().isPrimitive()) {
            field.setAccessible(true);
            walk(field.get(object), type.getSimpleName() + "." + field.getName(), arrays, seen);
          }
        }
      }
    }
  }
}
