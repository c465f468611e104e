package io.totpkit.qr;

import static org.assertj.core.api.Assertions.assertThat;

import io.totpkit.testing.PublicApi;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Checks the module descriptor (tests run on the class path, so it is read from the compiled classes) and that no
 * zxing or BoofCV type leaks into the public API, where it would tie every caller to the decoders' versions.
 */
class ModuleTest {
  private static ModuleDescriptor descriptor() {
    return PublicApi.descriptor(QrCodes.class, "io.totpkit.qr");
  }

  @Test
  void descriptor_exportsOnlyTheApiPackage() {
    ModuleDescriptor descriptor = descriptor();

    assertThat(descriptor.exports()).hasSize(1);
    ModuleDescriptor.Exports exports = descriptor.exports().iterator().next();
    assertThat(exports.source()).isEqualTo("io.totpkit.qr");
    assertThat(exports.isQualified()).isFalse();
    assertThat(descriptor.opens()).isEmpty();
  }

  @Test
  void descriptor_requiresCoreTransitivelyAndZxingPrivately() {
    Set<String> transitive = descriptor().requires().stream()
        .filter(r -> r.modifiers().contains(ModuleDescriptor.Requires.Modifier.TRANSITIVE))
        .map(ModuleDescriptor.Requires::name).collect(Collectors.toSet());
    Set<String> all = descriptor().requires().stream().map(ModuleDescriptor.Requires::name)
        .collect(Collectors.toSet());

    assertThat(all).contains("io.totpkit.core", "java.desktop", "com.google.zxing");
    // java.desktop is transitive because QrCodes.read(BufferedImage) puts java.awt.image in the API.
    assertThat(transitive).containsExactlyInAnyOrder("io.totpkit.core", "java.desktop");
  }

  private static List<Class<?>> publicClasses() {
    return PublicApi.types(QrCodes.class);
  }

  @Test
  void publicApi_isExactlyTheDocumentedTypes() throws Exception {
    assertThat(publicClasses()).extracting(Class::getName).containsExactlyInAnyOrder(
        "io.totpkit.qr.QrCodes",
        "io.totpkit.qr.QrCodeException",
        "io.totpkit.qr.QrCodeException$Reason",
        "io.totpkit.qr.QrOptions",
        "io.totpkit.qr.QrOptions$Builder",
        "io.totpkit.qr.QrOptions$ErrorCorrection",
        "io.totpkit.qr.QrReadOptions",
        "io.totpkit.qr.QrReadOptions$Builder",
        "io.totpkit.qr.QrScan",
        "io.totpkit.qr.QrScan$ExportPart",
        "io.totpkit.qr.QrScan$Method");
  }

  /** The decoders' packages: zxing, and BoofCV with the libraries it brings (georegression, ddogleg, EJML). */
  private static final List<String> DECODER_PACKAGES = List.of("com.google.zxing", "boofcv.", "georegression.",
      "org.ddogleg.", "org.ejml.");

  @Test
  void publicApi_mentionsNoDecoderType() {
    assertThat(PublicApi.mentionsOf(QrCodes.class, DECODER_PACKAGES)).isEmpty();
  }


  @Test
  void descriptor_requiresNoBoofCvModule() {
    // BoofCV's jars share packages (boofcv.struct in two of them), so they cannot be modules: they must stay on the
    // class path, which SecondDecoder reads at run time.
    assertThat(descriptor().requires()).extracting(ModuleDescriptor.Requires::name)
        .noneMatch(name -> name.startsWith("boofcv") || name.startsWith("georegression") || name.startsWith("ddogleg")
            || name.startsWith("ejml"));
  }
}
