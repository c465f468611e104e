package io.totpkit.guard;

import static org.assertj.core.api.Assertions.assertThat;

import io.totpkit.guard.testing.PublicApi;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Exports;
import java.lang.module.ModuleDescriptor.Requires;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
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
    List<Class<?>> publicTypes = PublicApi.types(CLASSES, "io.totpkit.guard");
    assertThat(publicTypes).extracting(Class::getSimpleName).containsExactlyInAnyOrder("JdbcReplayGuard",
        "JdbcAttemptLimiter", "JdbcGuardSchema", "GuardStoreException", "GuardUnavailableException");
    List<String> foreign = new ArrayList<>();
    for (Class<?> type : publicTypes) {
      for (Type mention : PublicApi.mentionedBy(type)) {
        // Every class named in the type, type arguments included ("java.util.List<? extends a.B>").
        for (String name : mention.getTypeName().split("[<>,?\\s\\[\\]]+")) {
          boolean allowed = !name.contains(".") || name.startsWith("java.") || name.startsWith("javax.sql.")
              || name.startsWith("io.totpkit.core.") || name.matches("io\\.totpkit\\.guard\\.[A-Z].*");
          if (!allowed) {
            foreign.add(type.getSimpleName() + ": " + mention.getTypeName());
          }
        }
      }
    }
    assertThat(foreign).as("io.totpkit.guard.jdbc or a third party in the API").isEmpty();
  }
}
