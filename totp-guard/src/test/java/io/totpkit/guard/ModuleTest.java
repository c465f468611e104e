package io.totpkit.guard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Exports;
import java.lang.module.ModuleDescriptor.Requires;
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
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The module descriptor is part of the API: one package for everyone, the JDBC plumbing for the vault alone, nothing
 * required but core and java.sql; and the API's signatures name no type of the plumbing or of a third party.
 */
class ModuleTest {
  private static final Path CLASSES =
      Path.of(JdbcReplayGuard.class.getProtectionDomain().getCodeSource().getLocation().getPath());

  private static ModuleDescriptor descriptor() throws IOException {
    try (InputStream in = Files.newInputStream(CLASSES.resolve("module-info.class"))) {
      return ModuleDescriptor.read(in);
    }
  }

  @Test
  void moduleInfo_exportsTheApiPackage_andThePlumbingToTheVaultOnly() throws IOException {
    ModuleDescriptor module = descriptor();
    assertThat(module.name()).isEqualTo("io.totpkit.guard");
    Map<String, Set<String>> exports = module.exports().stream()
        .collect(Collectors.toMap(Exports::source, Exports::targets));
    assertThat(exports).containsOnly(Map.entry("io.totpkit.guard", Set.of()),
        Map.entry("io.totpkit.guard.jdbc", Set.of("io.totpkit.vault")));
    assertThat(module.opens()).isEmpty();
  }

  @Test
  void moduleInfo_requiresCoreAndJavaSqlOnly_bothTransitively() throws IOException {
    Map<String, Set<Requires.Modifier>> requires = descriptor().requires().stream()
        .collect(Collectors.toMap(Requires::name, Requires::modifiers));
    assertThat(requires.keySet()).containsExactlyInAnyOrder("java.base", "io.totpkit.core", "java.sql");
    assertThat(requires.get("io.totpkit.core")).contains(Requires.Modifier.TRANSITIVE);
    assertThat(requires.get("java.sql")).contains(Requires.Modifier.TRANSITIVE);
  }

  @Test
  void publicApi_mentionsOnlyJdkCoreAndGuardTypes() throws Exception {
    List<Class<?>> publicTypes = publicTypes();
    assertThat(publicTypes).extracting(Class::getSimpleName).containsExactlyInAnyOrder("JdbcReplayGuard",
        "JdbcAttemptLimiter", "JdbcGuardSchema", "GuardStoreException", "GuardUnavailableException");
    List<String> foreign = new ArrayList<>();
    for (Class<?> type : publicTypes) {
      for (Type mention : mentionedTypes(type)) {
        String name = mention.getTypeName();
        boolean allowed = name.startsWith("java.") || name.startsWith("javax.sql.") || !name.contains(".")
            || name.startsWith("io.totpkit.core.") || name.matches("io\\.totpkit\\.guard\\.[A-Z].*");
        if (!allowed) {
          foreign.add(type.getSimpleName() + ": " + name);
        }
      }
    }
    assertThat(foreign).as("io.totpkit.guard.jdbc or a third party in the API").isEmpty();
  }

  private static List<Type> mentionedTypes(Class<?> type) {
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
    mentioned.removeIf(mention -> mention == null);
    return mentioned;
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
    try (Stream<Path> classes = Files.list(CLASSES.resolve("io/totpkit/guard"))) {
      for (Path file : (Iterable<Path>) classes::iterator) {
        String name = file.getFileName().toString();
        if (name.endsWith(".class") && !name.equals("package-info.class")) {
          Class<?> type = Class.forName("io.totpkit.guard." + name.substring(0, name.length() - 6));
          if (Modifier.isPublic(type.getModifiers())) {
            types.add(type);
          }
        }
      }
    }
    return types;
  }
}
