package io.totpkit.core;

import io.totpkit.testing.JdkModules;
import io.totpkit.testing.SharedRules;
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
 * The architecture rules of DESIGN.md for totp-core, checked on the compiled main classes: the JDK's java.base and
 * nothing else, no arrow up the module table, and SecureRandom as the only source of randomness.
 */
class ArchitectureTest {
  /** The module's main classes, read from where Secret was loaded (target/classes): never the tests. */
  private static final JavaClasses CORE = new ClassFileImporter().importLocations(
      Set.of(Location.of(Secret.class.getProtectionDomain().getCodeSource().getLocation())));

  @Test
  void core_dependsOnJavaBaseOnly() {
    // Guards "totp-core depends on the JDK only", down to the module: no java.sql, java.desktop, java.logging.
    classes().should().onlyDependOnClassesThat(
        JavaClass.Predicates.resideInAPackage("io.totpkit.core..").or(JdkModules.in("java.base")))
        .check(CORE);
  }

  @Test
  void core_pointsUpTheModuleTableNowhere() {
    // Guards "arrows only point down the table": core names no class of qr, vault, bench, examples or the CLI.
    noClasses().should().dependOnClassesThat().resideInAnyPackage("io.totpkit.qr..", "io.totpkit.vault..",
        "io.totpkit.guard..", "io.totpkit.bench..", "io.totpkit.examples..", "io.totpkit.cli..").check(CORE);
  }

  @Test
  void core_drawsRandomnessOnlyFromSecureRandom() {
    // Guards "secrets are generated only from SecureRandom": no predictable generator anywhere in main code.
    noClasses().should().dependOnClassesThat().belongToAnyOf(Random.class, ThreadLocalRandom.class,
        SplittableRandom.class, RandomGenerator.class).orShould().callMethod(Math.class, "random")
        .orShould().callMethod(StrictMath.class, "random").check(CORE);
    classes().that().haveSimpleName("Secret").should().dependOnClassesThat()
        .belongToAnyOf(java.security.SecureRandom.class).check(CORE);
  }

  @Test
  void keyMaterial_isZeroedOnlyThroughWipe() {
    SharedRules.ONLY_WIPE_ZEROES.check(CORE);
  }
}
