package io.totpkit.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The module descriptor is part of the API: one exported package, and nothing required but java.base. */
class ModuleTest {
  private static ModuleDescriptor descriptor() throws IOException {
    Path classes = Path.of(Secret.class.getProtectionDomain().getCodeSource().getLocation().getPath());
    try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
      return ModuleDescriptor.read(in);
    }
  }

  @Test
  void moduleInfo_exportsOnlyTheApiPackage() throws IOException {
    ModuleDescriptor module = descriptor();
    assertThat(module.name()).isEqualTo("io.totpkit.core");
    assertThat(module.exports().stream().map(ModuleDescriptor.Exports::source).collect(Collectors.toSet()))
        .containsExactly("io.totpkit.core");
    assertThat(module.exports()).allMatch(export -> !export.isQualified());
    assertThat(module.opens()).isEmpty();
  }

  @Test
  void moduleInfo_requiresNothingButJavaBase() throws IOException {
    assertThat(descriptor().requires().stream().map(ModuleDescriptor.Requires::name).collect(Collectors.toSet()))
        .containsExactly("java.base");
  }
}
