package io.totpkit.examples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.Location;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/** The examples may use anything below them, but keys and secrets still come from SecureRandom only. */
class ArchitectureTest {
  /** The module's main classes, read from where QuickStart was loaded (target/classes): never the tests. */
  private static final JavaClasses EXAMPLES = new ClassFileImporter().importLocations(
      Set.of(Location.of(QuickStart.class.getProtectionDomain().getCodeSource().getLocation())));

  @Test
  void examples_useNoPredictableRandomness() {
    // Guards "secrets are generated only from SecureRandom" in the code users copy from.
    noClasses().should().dependOnClassesThat().belongToAnyOf(Random.class, ThreadLocalRandom.class,
        SplittableRandom.class, RandomGenerator.class).orShould().callMethod(Math.class, "random")
        .orShould().callMethod(StrictMath.class, "random").check(EXAMPLES);
  }
}
