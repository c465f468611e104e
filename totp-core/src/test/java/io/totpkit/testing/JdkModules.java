package io.totpkit.testing;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import java.util.Set;

/** ArchUnit predicates over JDK modules, for every module's {@code ArchitectureTest}. */
public final class JdkModules {
  private JdkModules() {}

  /** Classes of the given JDK modules (primitives and arrays by their component type). */
  public static DescribedPredicate<JavaClass> in(String... modules) {
    Set<String> names = Set.of(modules);
    return DescribedPredicate.describe("in JDK modules " + names, javaClass -> {
      JavaClass base = javaClass.getBaseComponentType();
      if (base.isPrimitive()) {
        return true;
      }
      try {
        return names.contains(Class.forName(base.getName(), false, ClassLoader.getPlatformClassLoader())
            .getModule().getName());
      } catch (ClassNotFoundException notInTheJdk) {
        return false;
      }
    });
  }
}
