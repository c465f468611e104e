package io.totpkit.guard;

import io.totpkit.testing.JdkModules;
import io.totpkit.testing.SharedRules;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * The architecture rules of DESIGN.md for totp-guard, on the compiled main classes: core, java.base and java.sql and
 * nothing else (no BouncyCastle, no zxing, no vault), the JDBC plumbing beneath the guards, time always given.
 */
class ArchitectureTest {
  /** The module's main classes, read from where JdbcReplayGuard was loaded (target/classes): never the tests. */
  private static final JavaClasses GUARD = new ClassFileImporter().importLocations(
      Set.of(Location.of(JdbcReplayGuard.class.getProtectionDomain().getCodeSource().getLocation())));

  @Test
  void guard_dependsOnCoreJavaBaseAndJavaSqlOnly() {
    // Guards the module table's row: a login service that uses the guards takes nothing else with them.
    classes().should().onlyDependOnClassesThat(JavaClass.Predicates.resideInAnyPackage("io.totpkit.guard..",
        "io.totpkit.core..").or(JdkModules.in("java.base", "java.sql"))).check(GUARD);
  }

  @Test
  void guard_pointsUpTheModuleTableNowhere() {
    // Guards "arrows only point down the table": the vault depends on the guard module, never the other way.
    noClasses().should().dependOnClassesThat().resideInAnyPackage("io.totpkit.vault..", "io.totpkit.qr..",
        "io.totpkit.bench..", "io.totpkit.examples..").check(GUARD);
  }

  @Test
  void jdbcPlumbing_knowsNothingOfTheGuards() {
    // Guards the qualified export: the vault reads io.totpkit.guard.jdbc, which must not pull the guards' API in.
    noClasses().that().resideInAPackage("io.totpkit.guard.jdbc").should().dependOnClassesThat()
        .resideInAPackage("io.totpkit.guard").check(GUARD);
  }

  @Test
  void guard_readsNoClockAndDrawsNoRandomness() {
    // Guards STYLE rule 6 (time is injected: every decision takes the caller's "now") and keeps randomness out of a
    // module that needs none.
    noClasses().should().callMethod(Instant.class, "now").orShould().callMethod(System.class, "currentTimeMillis")
        .orShould().dependOnClassesThat().belongToAnyOf(Clock.class, Random.class, SecureRandom.class,
            ThreadLocalRandom.class, SplittableRandom.class, RandomGenerator.class)
        .orShould().callMethod(Math.class, "random").check(GUARD);
  }

  @Test
  void keyMaterial_isZeroedOnlyThroughWipe() {
    SharedRules.ONLY_WIPE_ZEROES.check(GUARD);
  }
}
