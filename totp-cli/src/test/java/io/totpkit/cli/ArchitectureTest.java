package io.totpkit.cli;

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
 * The architecture rules of DESIGN.md for totp-cli, on the compiled main classes: the tool sits on top of the module
 * table and uses core, qr, vault and picocli only, through their public API; SecureRandom stays the only source of
 * randomness.
 */
class ArchitectureTest {
  /** The module's main classes, read from where TotpCommand was loaded (target/classes): never the tests. */
  private static final JavaClasses CLI = new ClassFileImporter().importLocations(
      Set.of(Location.of(TotpCommand.class.getProtectionDomain().getCodeSource().getLocation())));

  @Test
  void cli_dependsOnCoreQrOcrVaultServerPicocliHikariAndJdkOnly() {
    // Guards the module table's row for totp-cli: the tool reaches zxing, Tesseract, BouncyCastle and Jetty only
    // through qr, ocr, vault and server; HikariCP pools the connections of a database vault (VaultLocation alone).
    classes().should().onlyDependOnClassesThat(JavaClass.Predicates.resideInAnyPackage("io.totpkit.cli..",
        "io.totpkit.core..", "io.totpkit.qr..", "io.totpkit.ocr..", "io.totpkit.vault..", "io.totpkit.server..",
        "picocli..",
        "com.zaxxer.hikari..").or(JdkModules.in("java.base", "java.sql", "java.net.http"))).check(CLI);
  }

  @Test
  void cli_pointsUpTheModuleTableNowhere() {
    // Guards "arrows only point down the table": the tool names no class of bench, examples or the CLI.
    noClasses().should().dependOnClassesThat().resideInAnyPackage("io.totpkit.bench..", "io.totpkit.examples..")
        .check(CLI);
  }

  @Test
  void cli_exposesOnlyItsEntryPoint() {
    // Guards STYLE rule 1: the shaded jar's main class is public, every command and helper package-private.
    classes().that().arePublic().should().haveFullyQualifiedName(TotpCommand.class.getName()).check(CLI);
  }

  @Test
  void cli_drawsRandomnessOnlyFromSecureRandom() {
    // Guards "secrets are generated only from SecureRandom" in the tool, as in every module below it.
    noClasses().should().dependOnClassesThat().belongToAnyOf(Random.class, ThreadLocalRandom.class,
        SplittableRandom.class, RandomGenerator.class).orShould().callMethod(Math.class, "random")
        .orShould().callMethod(StrictMath.class, "random").check(CLI);
  }

  @Test
  void keyMaterial_isZeroedOnlyThroughWipe() {
    SharedRules.ONLY_WIPE_ZEROES.check(CLI);
  }
}
