package io.totpkit.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
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
    List<Class<?>> publicTypes = publicTypes();
    assertThat(publicTypes).extracting(Class::getSimpleName).contains("Vault", "VaultOptions", "VaultEntry",
        "RevealedCode", "AuditRecord", "ImportReport", "VaultException");
    for (Class<?> type : publicTypes) {
      List<Type> mentioned = new ArrayList<>();
      mentioned.add(type.getGenericSuperclass());
      mentioned.addAll(List.of(type.getGenericInterfaces()));
      for (Method method : type.getDeclaredMethods()) {
        if (isApi(method.getModifiers())) {
          mentioned.add(method.getGenericReturnType());
          addSignature(method, mentioned);
        }
      }
      for (Constructor<?> constructor : type.getDeclaredConstructors()) {
        if (isApi(constructor.getModifiers())) {
          addSignature(constructor, mentioned);
        }
      }
      for (Field field : type.getDeclaredFields()) {
        if (isApi(field.getModifiers())) {
          mentioned.add(field.getGenericType());
        }
      }
      for (Type mention : mentioned) {
        if (mention != null && (mention.getTypeName().contains("org.bouncycastle")
            || mention.getTypeName().contains("io.totpkit.guard"))) {
          leaks.add(type.getSimpleName() + ": " + mention.getTypeName());
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
      assertThat(users).containsExactly("Argon2id.java", "Hkdf.java", "Scrypt.java", "X25519Keys.java");
    }
  }

  private static void addSignature(Executable executable, List<Type> mentioned) {
    mentioned.addAll(List.of(executable.getGenericParameterTypes()));
    mentioned.addAll(List.of(executable.getGenericExceptionTypes()));
  }

  private static boolean isApi(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  private static List<Class<?>> publicTypes() throws Exception {
    List<Class<?>> types = new ArrayList<>();
    try (Stream<Path> classes = Files.list(Path.of("target/classes/io/totpkit/vault"))) {
      for (Path file : (Iterable<Path>) classes::iterator) {
        String name = file.getFileName().toString();
        if (name.endsWith(".class")) {
          Class<?> type = Class.forName("io.totpkit.vault." + name.substring(0, name.length() - 6));
          if (Modifier.isPublic(type.getModifiers())) {
            types.add(type);
          }
        }
      }
    }
    return types;
  }
}
