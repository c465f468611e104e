package io.totpkit.vault;

import java.lang.reflect.Field;
import java.nio.file.Path;

/** What tests need to see inside an open vault, reached from the test side so production code carries no hooks. */
final class VaultInternals {
  private VaultInternals() {}

  static VaultKernel kernel(Vault vault) {
    try {
      Field field = Vault.class.getDeclaredField("kernel");
      field.setAccessible(true);
      return (VaultKernel) field.get(vault);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError("Vault has no kernel field", e);
    }
  }

  /** This member's private key (a copy). */
  static byte[] privateKey(Vault vault) {
    return kernel(vault).keys.privateKey().clone();
  }

  /** The current common key (a copy). */
  static byte[] commonKey(Vault vault) {
    return kernel(vault).keys.commonKey.clone();
  }

  /**
   * Opens with the member's private key instead of the passphrase, skipping only Argon2 (the unwrap, commitment and
   * body checks all run), so the crash test's hundreds of child JVMs start in seconds.
   */
  static Vault openWithPrivateKey(Path path, String member, byte[] privateKey, VaultOptions options) {
    return new Vault(VaultKernel.open(VaultStore.file(path), member, options, (slot, vaultId) -> privateKey.clone()));
  }

  /** The CPU part of a save (encode, seal, checksum) without any I/O, in nanoseconds. */
  static long serializeNanos(Vault vault) {
    VaultKernel kernel = kernel(vault);
    synchronized (kernel) {
      long start = System.nanoTime();
      ImageSaver.encode(kernel, kernel.generation + 1, ImageSaver.groups(kernel.body));
      return System.nanoTime() - start;
    }
  }
}
