package io.totpkit.vault;

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
 * The architecture rules of DESIGN.md for totp-vault, on the compiled main classes: core, BouncyCastle, java.base
 * and (in the JDBC classes only) java.sql and the guard module's JDBC plumbing, no arrow up the module table,
 * SecureRandom as the only source of randomness.
 */
class ArchitectureTest {
  /** The module's main classes, read from where Vault was loaded (target/classes): never the tests. */
  private static final JavaClasses VAULT = new ClassFileImporter().importLocations(
      Set.of(Location.of(Vault.class.getProtectionDomain().getCodeSource().getLocation())));

  @Test
  void vault_dependsOnCoreBouncyCastleGuardJdbcJavaBaseAndJavaSqlOnly() {
    // Guards the module table's row for totp-vault (Guava is allowed there but unused, so not allowed here yet). Of
    // the guard module, only its JDBC plumbing: the vault neither needs nor re-exports the guards themselves.
    classes().should().onlyDependOnClassesThat(JavaClass.Predicates.resideInAnyPackage("io.totpkit.vault..",
        "io.totpkit.core..", "io.totpkit.guard.jdbc", "org.bouncycastle..").or(JdkModules.in("java.base", "java.sql")))
        .check(VAULT);
  }

  @Test
  void javaSql_onlyInTheJdbcClasses() {
    // Guards the file vault from the database path: only the PostgreSQL store, its schema and their failure mapping
    // touch JDBC or the shared JDBC plumbing (the interface VaultStore names none of it).
    noClasses().that().resideInAPackage("io.totpkit.vault")
        .and().haveNameNotMatching("io\\.totpkit\\.vault\\.(Jdbc\\w*|VaultSql)(\\$.*)?")
        .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "io.totpkit.guard..")
        .check(VAULT);
  }

  @Test
  void vault_pointsUpTheModuleTableNowhere() {
    // Guards "arrows only point down the table": the vault names no class of qr, bench, examples or the CLI.
    noClasses().should().dependOnClassesThat().resideInAnyPackage("io.totpkit.qr..", "io.totpkit.bench..",
        "io.totpkit.examples..", "io.totpkit.cli..").check(VAULT);
  }

  @Test
  void vault_drawsRandomnessOnlyFromSecureRandom() {
    // Guards keys, nonces, salts and ids: no predictable generator anywhere in main code.
    noClasses().should().dependOnClassesThat().belongToAnyOf(Random.class, ThreadLocalRandom.class,
        SplittableRandom.class, RandomGenerator.class).orShould().callMethod(Math.class, "random")
        .orShould().callMethod(StrictMath.class, "random").check(VAULT);
  }

  @Test
  void bouncyCastle_onlyInItsAdapterClasses() {
    // Guards STYLE rule 12: one package-private class per BouncyCastle primitive, nothing else touches it.
    noClasses().that().doNotHaveSimpleName("Argon2id").and().doNotHaveSimpleName("Hkdf")
        .and().doNotHaveSimpleName("Scrypt").and().doNotHaveSimpleName("X25519Keys")
        .and().doNotHaveSimpleName("Ed25519Keys").and().doNotHaveSimpleName("Pbkdf2")
        .should().dependOnClassesThat().resideInAPackage("org.bouncycastle..").check(VAULT);
    classes().that().resideInAPackage("io.totpkit.vault").and().haveSimpleName("Argon2id").should().notBePublic()
        .check(VAULT);
  }

  @Test
  void keyMaterial_isZeroedOnlyThroughWipe() {
    SharedRules.ONLY_WIPE_ZEROES.check(VAULT);
  }
}
