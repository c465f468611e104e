package io.totpkit.server;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import io.totpkit.ocr.PrintedKeys;
import io.totpkit.ocr.Screenshots;
import io.totpkit.qr.QrCodes;
import io.totpkit.testing.JdkModules;
import io.totpkit.testing.SharedRules;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * The architecture rules of DESIGN.md for totp-server, on its compiled main classes: core, qr, ocr, vault, Jetty,
 * jackson-jr, jte and the JDK; no arrow up the module table; SecureRandom only; key material zeroed through Wipe;
 * endpoints that never check a grant themselves; pictures read in one place.
 */
class ArchitectureTest {
  private static final JavaClasses SERVER = new ClassFileImporter().importLocations(
      Set.of(Location.of(CodeServer.class.getProtectionDomain().getCodeSource().getLocation())));

  @Test
  void server_dependsOnCoreQrOcrVaultJettyJacksonJteAndJdkOnly() {
    classes().should().onlyDependOnClassesThat(JavaClass.Predicates.resideInAnyPackage("io.totpkit.server..",
        "io.totpkit.core..", "io.totpkit.qr..", "io.totpkit.ocr..", "io.totpkit.vault..", "org.eclipse.jetty..",
        "tools.jackson..", "gg.jte..").or(JdkModules.in("java.base", "java.sql", "java.net.http", "java.compiler")))
        .check(SERVER);
  }

  @Test
  void server_pointsUpTheModuleTableNowhere() {
    noClasses().should().dependOnClassesThat().resideInAnyPackage("io.totpkit.cli..", "io.totpkit.bench..",
        "io.totpkit.examples..").check(SERVER);
  }

  @Test
  void screenshots_areReadOnlyByTheIntake() {
    // One rule for a setup picture: nothing else in the server reads a picture, so that no path skips the check of
    // the printed key, or reads a printed key without the intake's demands (names, certainty or a code).
    noClasses().that().doNotBelongToAnyOf(ScreenshotIntake.class).should().callMethodWhere(
        target(nameMatching("read|scan|loadImage")).and(target(owner(belongToAnyOf(QrCodes.class, Screenshots.class,
            PrintedKeys.class))))).check(SERVER);
  }

  @Test
  void server_drawsRandomnessOnlyFromSecureRandom() {
    noClasses().should().dependOnClassesThat().belongToAnyOf(Random.class, ThreadLocalRandom.class,
        SplittableRandom.class, RandomGenerator.class).orShould().callMethod(Math.class, "random")
        .orShould().callMethod(StrictMath.class, "random").check(SERVER);
  }

  @Test
  void keyMaterial_isZeroedOnlyThroughWipe() {
    SharedRules.ONLY_WIPE_ZEROES.check(SERVER);
  }

  @Test
  void endpoints_neverDecideAccessThemselves() {
    // "Security decisions in one place": the endpoint classes reach neither the sessions, the tokens nor the gate
    // (they only declare a route's Permission); the Gate authenticates and authorises before they run, and entries
    // come through Caller.
    // (Sign-in is authentication itself, so SignInEndpoints is not among them.)
    noClasses().that().belongToAnyOf(AccountEndpoints.class, StaffPages.class, AddPages.class, AuditPage.class,
        SettingsPage.class, MembersPage.class, OnboardingPages.class, InvitationPages.class, Reveals.class,
        Uploads.class, ScreenshotIntake.class).should()
        .dependOnClassesThat().belongToAnyOf(Sessions.class, TokenCallers.class, Gate.class,
            LoginThrottle.class).check(SERVER);
    noClasses().that().doNotBelongToAnyOf(Caller.class).should().callMethod(io.totpkit.vault.Vault.class,
        "entry", java.util.UUID.class).check(SERVER);
  }
}
