package io.totpkit.spring;

import java.time.Duration;

/**
 * The one place where a {@code totpkit.*} value is checked against its range, so that every message has the same
 * shape: "{@code <property> must be <rule>, was <value>}".
 *
 * <p>Thread-safety: stateless.
 */
final class PropertyCheck {
  private PropertyCheck() {}

  static int range(String property, int value, int min, int max) {
    if (value < min || value > max) {
      throw new InvalidTotpPropertyException(property, "must be " + min + " to " + max + ", was " + value);
    }
    return value;
  }

  static Duration range(String property, Duration value, Duration min, Duration max) {
    if (value == null) {
      throw new InvalidTotpPropertyException(property, "must be set (" + min + " to " + max + ")");
    }
    if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
      throw new InvalidTotpPropertyException(
          property, "must be " + text(min) + " to " + text(max) + ", was " + text(value));
    }
    return value;
  }

  static <T> T present(String property, T value, String what) {
    if (value == null) {
      throw new InvalidTotpPropertyException(property, "must be set: " + what);
    }
    return value;
  }

  private static String text(Duration duration) {
    return duration.toSeconds() + " s";
  }
}
