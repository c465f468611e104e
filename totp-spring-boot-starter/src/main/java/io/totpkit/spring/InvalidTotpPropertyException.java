package io.totpkit.spring;

/**
 * A {@code totpkit.*} property holds a value the starter cannot run with. The message names the property, the value
 * (never for a key) and what is allowed, like "totpkit.digits must be 6 to 8, was 9"; Spring Boot prints it at
 * start-up, before the application takes a request.
 *
 * <p>Thread-safety: immutable once thrown.
 */
public final class InvalidTotpPropertyException extends IllegalStateException {
  private static final long serialVersionUID = 1L;

  private final String property;

  InvalidTotpPropertyException(String property, String problem) {
    super(property + " " + problem);
    this.property = property;
  }

  /**
   * Returns the full name of the property at fault.
   *
   * @return for example {@code "totpkit.window.behind"}
   */
  public String property() {
    return property;
  }
}
