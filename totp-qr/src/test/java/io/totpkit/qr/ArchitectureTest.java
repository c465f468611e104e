package io.totpkit.qr;

import io.totpkit.testing.JdkModules;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * The architecture rules of DESIGN.md for totp-qr, on the compiled main classes: core, zxing, BoofCV (in one class),
 * java.base and java.desktop (ImageIO, BufferedImage) only, no arrow up the module table, no predictable randomness.
 */
class ArchitectureTest {
  /** The module's main classes, read from where QrCodes was loaded (target/classes): never the tests. */
  private static final JavaClasses QR = new ClassFileImporter().importLocations(
      Set.of(Location.of(QrCodes.class.getProtectionDomain().getCodeSource().getLocation())));

  /** BoofCV and the libraries its QR detector uses. */
  private static final String[] SECOND_DECODER_PACKAGES = {"boofcv..", "georegression..", "org.ddogleg..",
      "org.ejml.."};

  @Test
  void qr_dependsOnCoreZxingBoofCvJavaBaseAndJavaDesktopOnly() {
    // Guards the module table's row for totp-qr: core, zxing, the second decoder for photos.
    classes().should().onlyDependOnClassesThat(JavaClass.Predicates.resideInAnyPackage("io.totpkit.qr..",
        "io.totpkit.core..", "com.google.zxing..").or(JavaClass.Predicates.resideInAnyPackage(SECOND_DECODER_PACKAGES))
        .or(JdkModules.in("java.base", "java.desktop")))
        .check(QR);
  }

  @Test
  void qr_touchesBoofCvInSecondDecoderOnly() {
    // Guards "optional dependencies behind one package-private class each".
    noClasses().that().doNotHaveFullyQualifiedName(SecondDecoder.class.getName())
        .should().dependOnClassesThat().resideInAnyPackage(SECOND_DECODER_PACKAGES).check(QR);
  }

  @Test
  void qr_pointsUpTheModuleTableNowhere() {
    // Guards "arrows only point down the table": qr names no class of the vault, bench, examples or the CLI.
    noClasses().should().dependOnClassesThat().resideInAnyPackage("io.totpkit.vault..", "io.totpkit.guard..",
        "io.totpkit.bench..", "io.totpkit.examples..", "io.totpkit.cli..").check(QR);
  }

  @Test
  void qr_usesNoPredictableRandomness() {
    // Guards "secrets only from SecureRandom" for this module too.
    noClasses().should().dependOnClassesThat().belongToAnyOf(Random.class, ThreadLocalRandom.class,
        SplittableRandom.class, RandomGenerator.class).orShould().callMethod(Math.class, "random")
        .orShould().callMethod(StrictMath.class, "random").check(QR);
  }
}
