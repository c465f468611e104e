package io.totpkit.vault;

/**
 * Argon2id cost parameters: memory in KiB, passes, lanes. Validated against the floors of {@link VaultOptions} when
 * configured, and against the same floors and the ceilings here when read from a file, so a hostile file can demand
 * neither a trivial KDF nor gigabytes of memory.
 *
 * <p>Thread-safety: immutable.
 */
final class KdfParams {
  /** Ceiling on memory read from a file: 1 GiB. */
  static final int MAX_MEMORY_KIB = 1 << 20;
  /** Ceiling on passes read from a file. */
  static final int MAX_ITERATIONS = 64;
  /** Ceiling on lanes read from a file. */
  static final int MAX_PARALLELISM = 16;

  private final int memoryKib;
  private final int iterations;
  private final int parallelism;

  KdfParams(int memoryKib, int iterations, int parallelism) {
    this.memoryKib = memoryKib;
    this.iterations = iterations;
    this.parallelism = parallelism;
  }

  int memoryKib() {
    return memoryKib;
  }

  int iterations() {
    return iterations;
  }

  int parallelism() {
    return parallelism;
  }

  /** Returns why these parameters are out of the accepted range, or {@code null} if they are acceptable. */
  static String problem(int memoryKib, int iterations, int parallelism) {
    if (memoryKib < VaultOptions.MIN_ARGON2_MEMORY_KIB || memoryKib > MAX_MEMORY_KIB) {
      return "Argon2 memory must be from " + VaultOptions.MIN_ARGON2_MEMORY_KIB + " to " + MAX_MEMORY_KIB
          + " KiB, was " + Integer.toUnsignedString(memoryKib);
    }
    if (iterations < VaultOptions.MIN_ARGON2_ITERATIONS || iterations > MAX_ITERATIONS) {
      return "Argon2 passes must be from " + VaultOptions.MIN_ARGON2_ITERATIONS + " to " + MAX_ITERATIONS + ", was "
          + Integer.toUnsignedString(iterations);
    }
    if (parallelism < 1 || parallelism > MAX_PARALLELISM) {
      return "Argon2 lanes must be from 1 to " + MAX_PARALLELISM + ", was " + parallelism;
    }
    if (memoryKib < 8 * parallelism) {
      return "Argon2 memory must be at least 8 KiB per lane";
    }
    return null;
  }

  @Override
  public String toString() {
    return "Argon2id[m=" + memoryKib + " KiB, t=" + iterations + ", p=" + parallelism + "]";
  }
}
