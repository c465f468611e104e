package io.totpkit.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The vault's files on disk: readable by their owner alone whatever the umask, an owner's own mode kept across saves,
 * symbolic links followed once (a linked vault never splits in two), and two paths to one vault in one JVM.
 */
class FileSafetyTest {
  @TempDir Path dir;

  private static String mode(Path path) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
  }

  @Test
  void create_thenSave_everyFileOwnerOnly() throws Exception {
    Path path = dir.resolve("v.totp");
    try (Vault vault = TestVaults.create(path)) {
      TestVaults.add(vault, TestVaults.GITHUB);   // a second save: the backup exists now
      vault.addMember("olga", Role.OPERATOR, Set.of(), TestVaults.pw("olga"));
      vault.removeMember("olga");                 // the backup is replaced by a copy or link
    }
    for (String name : List.of("v.totp", "v.totp.bak", "v.totp.audit", "v.totp.lock", "v.totp.head")) {
      assertThat(mode(dir.resolve(name))).as(name).isEqualTo("rw-------");
    }
    try (var left = Files.list(dir)) {
      assertThat(left.map(p -> p.getFileName().toString())).as("no temporary file left behind")
          .containsExactlyInAnyOrder("v.totp", "v.totp.bak", "v.totp.audit", "v.totp.lock", "v.totp.head");
    }
  }

  @Test
  void save_afterOwnerChangedTheMode_keepsIt() throws Exception {
    Path path = dir.resolve("v.totp");
    try (Vault vault = TestVaults.create(path)) {
      Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-r-----"));
      TestVaults.add(vault, TestVaults.GITHUB);
      TestVaults.add(vault, TestVaults.GITHUB);   // the recycled backup becomes the new file: it gets the mode too
    }
    assertThat(mode(path)).isEqualTo("rw-r-----");
  }

  @Test
  void secretFiles_writeAndCreateDirectories_ownerOnly() throws Exception {
    Path exports = dir.resolve("exports/qr");
    SecretFiles.createDirectories(exports);
    SecretFiles.write(exports.resolve("a.txt"), "otpauth://totp/x?secret=JBSWY3DPEHPK3PXP".getBytes());
    SecretFiles.write(exports.resolve("a.txt"), "again".getBytes());
    assertThat(mode(dir.resolve("exports"))).isEqualTo("rwx------");
    assertThat(mode(exports)).isEqualTo("rwx------");
    assertThat(mode(exports.resolve("a.txt"))).isEqualTo("rw-------");
    assertThat(Files.readString(exports.resolve("a.txt"))).isEqualTo("again");
    assertThat(exports.resolve("a.txt.tmp")).doesNotExist();
  }

  @Test
  void linkedVaultAndJournal_saves_writeTheRealFilesAndKeepTheLinks() throws Exception {
    Path real = Files.createDirectory(dir.resolve("real"));
    Path path = dir.resolve("v.totp");
    TestVaults.create(real.resolve("x.totp")).close();
    Files.createSymbolicLink(path, real.resolve("x.totp"));
    Files.createSymbolicLink(dir.resolve("v.totp.audit"), real.resolve("x.totp.audit"));
    UUID id;
    try (Vault vault = TestVaults.open(path)) {
      id = TestVaults.add(vault, TestVaults.GITHUB);
      vault.code(id);
    }
    assertThat(Files.isSymbolicLink(path)).as("the vault path is still a link").isTrue();
    assertThat(Files.isSymbolicLink(dir.resolve("v.totp.audit"))).isTrue();
    assertThat(dir.resolve("v.totp.bak")).doesNotExist();
    try (Vault vault = TestVaults.open(real.resolve("x.totp"))) {
      assertThat(vault.entry(id)).isPresent();
      assertThat(vault.verifyAudit()).isEqualTo(3);
    }
  }

  @Test
  void twoPathsToOneVault_inOneJvm_concurrentChangesAllLand() throws Exception {
    Path real = Files.createDirectory(dir.resolve("real"));
    Path linkedDir = Files.createSymbolicLink(dir.resolve("linked"), real);
    TestVaults.create(real.resolve("v.totp")).close();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try (Vault one = TestVaults.open(real.resolve("v.totp")); Vault two = TestVaults.open(linkedDir.resolve("v.totp"))) {
      List<Future<?>> work = new ArrayList<>();
      for (Vault vault : List.of(one, two)) {
        work.add(pool.submit(() -> {
          for (int i = 0; i < 15; i++) {
            TestVaults.add(vault, TestVaults.GITHUB, "t");
          }
          return null;
        }));
      }
      for (Future<?> f : work) {
        f.get();
      }
      assertThat(one.findByTag("t")).hasSize(30);
      assertThat(two.verifyAudit()).isEqualTo(31);
    } finally {
      pool.shutdownNow();
    }
  }
}
