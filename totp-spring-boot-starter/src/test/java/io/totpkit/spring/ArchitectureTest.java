package io.totpkit.spring;

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
 * The module table's row for the starter, on its compiled main classes: core and guard (qr only where it is optional),
 * Spring (and the logging it brings), the Servlet API, Micrometer and the JDK; nothing above it; keys only from SecureRandom and zeroed one way.
 */
class ArchitectureTest {
  /** The module's main classes, read from where TotpFactor was loaded (target/classes): never the tests. */
  private static final JavaClasses STARTER = new ClassFileImporter().importLocations(
      Set.of(Location.of(TotpFactor.class.getProtectionDomain().getCodeSource().getLocation())));

  @Test
  void starter_dependsOnCoreGuardSpringServletMicrometerAndJdkOnly() {
    classes().should().onlyDependOnClassesThat(JavaClass.Predicates.resideInAnyPackage("io.totpkit.spring..",
        "io.totpkit.core..", "io.totpkit.guard", "io.totpkit.qr..", "org.springframework..", "jakarta.servlet..",
        "io.micrometer..", "org.apache.commons.logging..").or(JdkModules.in("java.base", "java.sql")))
        .check(STARTER);
  }

  @Test
  void totpQr_isTouchedByOneClassOnly() {
    // totp-qr is optional: the application may leave it out, so only the class that checks for it may name it.
    noClasses().that().doNotHaveSimpleName("QrImages").should().dependOnClassesThat()
        .resideInAPackage("io.totpkit.qr..").check(STARTER);
  }

  @Test
  void starter_pointsUpTheModuleTableNowhere() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage("io.totpkit.vault..", "io.totpkit.server..",
        "io.totpkit.ocr..", "io.totpkit.cli..", "io.totpkit.bench..", "io.totpkit.examples..").check(STARTER);
  }

  @Test
  void starter_drawsRandomnessOnlyFromSecureRandom() {
    noClasses().should().dependOnClassesThat().belongToAnyOf(Random.class, ThreadLocalRandom.class,
        SplittableRandom.class, RandomGenerator.class).orShould().callMethod(Math.class, "random").check(STARTER);
  }

  @Test
  void starter_zeroesKeyMaterialThroughWipeOnly() {
    SharedRules.ONLY_WIPE_ZEROES.check(STARTER);
  }
}
