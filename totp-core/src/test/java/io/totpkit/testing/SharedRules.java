package io.totpkit.testing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.lang.ArchRule;
import java.util.Arrays;

/** Architecture rules every module's {@code ArchitectureTest} checks on its own main classes. */
public final class SharedRules {
  /** "One wipe helper for key material": byte and char arrays are zeroed by {@code io.totpkit.core.Wipe} alone. */
  public static final ArchRule ONLY_WIPE_ZEROES = noClasses().that()
      .doNotHaveFullyQualifiedName("io.totpkit.core.Wipe").should()
      .callMethod(Arrays.class, "fill", byte[].class, byte.class)
      .orShould().callMethod(Arrays.class, "fill", char[].class, char.class)
      .because("key material is zeroed one way, through io.totpkit.core.Wipe");

  private SharedRules() {}
}
