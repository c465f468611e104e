package io.totpkit.vault;

import static org.assertj.core.api.Assertions.assertThat;

import io.totpkit.guard.testing.PublicApi;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The module exports one package, and no BouncyCastle type leaks into the public API; nor does a guard type, since
 * the module requires io.totpkit.guard without re-exporting it.
 */
class ModuleTest {
  private static ModuleDescriptor descriptor() throws IOException {
    try (InputStream in = Files.newInputStream(Path.of("target/classes/module-info.class"))) {
      return ModuleDescriptor.read(in);
    }
  }

  @Test
  void moduleInfo_exportsOnlyTheApiPackage() throws IOException {
    ModuleDescriptor module = descriptor();
    assertThat(module.name()).isEqualTo("io.totpkit.vault");
    assertThat(module.exports()).extracting(ModuleDescriptor.Exports::source).containsExactly("io.totpkit.vault");
    assertThat(module.exports()).allSatisfy(export -> assertThat(export.isQualified()).isFalse());
    assertThat(module.requires()).extracting(ModuleDescriptor.Requires::name)
        .contains("io.totpkit.core", "io.totpkit.guard", "org.bouncycastle.provider");
  }

  @Test
  void publicApi_mentionsNoBouncyCastleNorGuardType() throws Exception {
    List<String> leaks = new ArrayList<>();
    List<Class<?>> publicTypes = PublicApi.types(Path.of("target/classes"), "io.totpkit.vault");
    assertThat(publicTypes).extracting(Class::getSimpleName).contains("Vault", "VaultOptions", "VaultEntry",
        "RevealedCode", "AuditRecord", "ImportReport", "VaultException");
    for (Class<?> type : publicTypes) {
      for (Type mention : PublicApi.mentionedBy(type)) {
        String name = mention.getTypeName();
        if (name.contains("org.bouncycastle") || name.contains("io.totpkit.guard")) {
          leaks.add(type.getSimpleName() + ": " + name);
        }
      }
    }
    assertThat(leaks).isEmpty();
  }

  @Test
  void bouncyCastle_isUsedOnlyByOneClassPerPrimitive() throws IOException {
    try (Stream<Path> sources = Files.list(Path.of("src/main/java/io/totpkit/vault"))) {
      List<String> users = sources.filter(path -> {
        try {
          return Files.readString(path).contains("import org.bouncycastle");
        } catch (IOException e) {
          throw new java.io.UncheckedIOException(e);
        }
      }).map(path -> path.getFileName().toString()).sorted().collect(Collectors.toList());
      assertThat(users).containsExactly("Argon2id.java", "Ed25519Keys.java", "Hkdf.java", "Pbkdf2.java",
          "Scrypt.java", "X25519Keys.java");
    }
  }
}
