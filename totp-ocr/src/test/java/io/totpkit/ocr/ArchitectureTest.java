package io.totpkit.ocr;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import io.totpkit.testing.JdkModules;
import io.totpkit.testing.SharedRules;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * The architecture rules of DESIGN.md for totp-ocr, on the compiled main classes: core, qr, JNA, java.base and
 * java.desktop only; JNA behind one class; no arrow up the module table; no predictable randomness.
 */
class ArchitectureTest {
  /** The module's main classes, read from where PrintedKeys was loaded (target/classes): never the tests. */
  private static final JavaClasses OCR = new ClassFileImporter().importLocations(
      Set.of(Location.of(PrintedKeys.class.getProtectionDomain().getCodeSource().getLocation())));

  @Test
  void ocr_dependsOnCoreQrJnaJavaBaseAndJavaDesktopOnly() {
    // Guards the module table's row for totp-ocr.
    classes().should().onlyDependOnClassesThat(JavaClass.Predicates.resideInAnyPackage("io.totpkit.ocr..",
        "io.totpkit.core..", "io.totpkit.qr..", "com.sun.jna..").or(JdkModules.in("java.base", "java.desktop")))
        .check(OCR);
  }

  @Test
  void jna_isTouchedByTheTesseractAdapterAlone() {
    // STYLE rule 12: an optional native dependency stays behind one package-private class (and its binding).
    noClasses().that().doNotHaveSimpleName("Tesseract").and().doNotHaveSimpleName("TesseractLibrary")
        .should().dependOnClassesThat().resideInAPackage("com.sun.jna..").check(OCR);
  }

  @Test
  void ocr_pointsUpTheModuleTableNowhere() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage("io.totpkit.vault..", "io.totpkit.guard..",
        "io.totpkit.server..", "io.totpkit.bench..", "io.totpkit.examples..", "io.totpkit.cli..").check(OCR);
  }

  @Test
  void ocr_usesNoPredictableRandomness() {
    noClasses().should().dependOnClassesThat().belongToAnyOf(Random.class, ThreadLocalRandom.class,
        SplittableRandom.class, RandomGenerator.class).orShould().callMethod(Math.class, "random")
        .orShould().callMethod(StrictMath.class, "random").check(OCR);
  }

  @Test
  void ocr_zeroesKeyMaterialOneWayOnly() {
    SharedRules.ONLY_WIPE_ZEROES.check(OCR);
  }
}
