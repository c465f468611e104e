package io.totpkit.server;

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
import org.junit.jupiter.api.Test;

/**
 * The module exports one package; no Jetty, Jackson or zxing type appears in its public API, so either can be
 * replaced without breaking a caller.
 */
class ModuleTest {
  @Test
  void moduleInfo_exportsOnlyTheApiPackage() throws IOException {
    ModuleDescriptor module;
    try (InputStream in = Files.newInputStream(Path.of("target/classes/module-info.class"))) {
      module = ModuleDescriptor.read(in);
    }
    assertThat(module.name()).isEqualTo("io.totpkit.server");
    assertThat(module.exports()).extracting(ModuleDescriptor.Exports::source).containsExactly("io.totpkit.server");
    assertThat(module.exports()).allSatisfy(export -> assertThat(export.isQualified()).isFalse());
  }

  @Test
  void publicApi_mentionsNoJettyJacksonOrZxingType() throws Exception {
    List<Class<?>> publicTypes = PublicApi.types(Path.of("target/classes"), "io.totpkit.server");
    assertThat(publicTypes).extracting(Class::getSimpleName).containsExactlyInAnyOrder("CodeServer",
        "Builder", "ServerState", "TagPolicy", "ApiTokens", "ServerTls", "ServerConfigException",
        "ServerStateException");
    List<String> leaks = new ArrayList<>();
    for (Class<?> type : publicTypes) {
      for (Type mention : PublicApi.mentionedBy(type)) {
        String name = mention.getTypeName();
        if (name.contains("org.eclipse.jetty") || name.contains("jackson") || name.contains("com.google.zxing")) {
          leaks.add(type.getSimpleName() + ": " + name);
        }
      }
    }
    assertThat(leaks).isEmpty();
  }
}
