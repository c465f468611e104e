package io.totpkit.ocr;

import static org.assertj.core.api.Assertions.assertThat;

import io.totpkit.testing.PublicApi;
import java.lang.module.ModuleDescriptor;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Checks the module descriptor (tests run on the class path, so it is read from the compiled classes) and that no JNA
 * type leaks into the public API, where it would tie every caller to JNA.
 */
class ModuleTest {
  private static ModuleDescriptor descriptor() {
    return PublicApi.descriptor(PrintedKeys.class, "io.totpkit.ocr");
  }

  @Test
  void descriptor_exportsOnlyTheApiPackage() {
    ModuleDescriptor descriptor = descriptor();

    assertThat(descriptor.exports()).hasSize(1);
    ModuleDescriptor.Exports exports = descriptor.exports().iterator().next();
    assertThat(exports.source()).isEqualTo("io.totpkit.ocr");
    assertThat(exports.isQualified()).isFalse();
    assertThat(descriptor.opens()).isEmpty();
  }

  @Test
  void descriptor_requiresCoreAndQrTransitivelyAndJnaPrivately() {
    Set<String> transitive = descriptor().requires().stream()
        .filter(r -> r.modifiers().contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE))
        .map(ModuleDescriptor.Requires::name).collect(Collectors.toSet());
    Set<String> all = descriptor().requires().stream().map(ModuleDescriptor.Requires::name)
        .collect(Collectors.toSet());

    assertThat(all).contains("io.totpkit.core", "io.totpkit.qr", "com.sun.jna");
    // core for Secret (PrintedKey.matches), qr for QrReadOptions and, through it, java.desktop's BufferedImage.
    assertThat(transitive).containsExactlyInAnyOrder("io.totpkit.core", "io.totpkit.qr");
  }

  private static List<Class<?>> publicClasses() {
    return PublicApi.types(PrintedKeys.class);
  }

  @Test
  void publicApi_isExactlyTheDocumentedTypes() throws Exception {
    assertThat(publicClasses()).extracting(Class::getName).containsExactlyInAnyOrder(
        "io.totpkit.ocr.PrintedKeys",
        "io.totpkit.ocr.PrintedKey",
        "io.totpkit.ocr.OcrException",
        "io.totpkit.ocr.OcrException$Reason",
        "io.totpkit.ocr.Screenshots",
        "io.totpkit.ocr.ScreenshotReading",
        "io.totpkit.ocr.ScreenshotReading$CrossCheck");
  }

  @Test
  void publicApi_mentionsNoJnaType() {
    assertThat(PublicApi.mentionsOf(PrintedKeys.class, List.of("com.sun.jna"))).isEmpty();
  }
}
