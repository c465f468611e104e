package io.totpkit.qr;

import static org.assertj.core.api.Assertions.assertThat;

import io.totpkit.testing.PublicApi;
import java.lang.module.ModuleDescriptor;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Type;
import java.util.ArrayList;
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
  void publicApi_mentionsNoDecoderType() throws Exception {
    List<String> leaks = new ArrayList<>();
    for (Class<?> type : publicClasses()) {
      check(leaks, type + " extends", type.getGenericSuperclass());
      for (Type implemented : type.getGenericInterfaces()) {
        check(leaks, type + " implements", implemented);
      }
      for (Method method : type.getDeclaredMethods()) {
        if (isApi(method.getModifiers())) {
          check(leaks, method.toGenericString(), method.getGenericReturnType());
          checkAll(leaks, method.toGenericString(), method.getGenericParameterTypes());
          checkAll(leaks, method.toGenericString(), method.getGenericExceptionTypes());
        }
      }
      for (Constructor<?> constructor : type.getDeclaredConstructors()) {
        if (isApi(constructor.getModifiers())) {
          checkAll(leaks, constructor.toGenericString(), constructor.getGenericParameterTypes());
          checkAll(leaks, constructor.toGenericString(), constructor.getGenericExceptionTypes());
        }
      }
      for (Field field : type.getDeclaredFields()) {
        if (isApi(field.getModifiers())) {
          check(leaks, field.toGenericString(), field.getGenericType());
        }
      }
    }
    assertThat(leaks).isEmpty();
  }

  private static boolean isApi(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  private static void checkAll(List<String> leaks, String where, Type[] types) {
    for (Type type : types) {
      check(leaks, where, type);
    }
  }

  private static void check(List<String> leaks, String where, Type type) {
    if (type != null && DECODER_PACKAGES.stream().anyMatch(type.getTypeName()::contains)) {
      leaks.add(where);
    }
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
