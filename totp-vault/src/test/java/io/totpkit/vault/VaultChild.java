package io.totpkit.vault;

import io.totpkit.core.OtpAuthUri;
import io.totpkit.core.Secret;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Set;
import java.util.UUID;

/**
 * A separate JVM that writes to a vault, for the crash and multi-process tests.
 *
 * <ul>
 *   <li>{@code loop PATH KEYHEX}: opens with the owner's private key (skipping only Argon2, so the JVM is ready in a
 *       fraction of a second), prints {@code ready}, waits for a line on standard input, then adds entries and
 *       reveals their codes forever, printing {@code ack ID} after each add has returned (so it is durable); the
 *       parent kills it at a random moment.
 *   <li>{@code add PATH COUNT TAG}: adds COUNT entries tagged TAG, printing {@code done} at the end.
 *   <li>{@code steady PATH KEYHEX COUNT TAG}: opens with the private key, adds COUNT entries tagged TAG, printing
 *       {@code ack ID} after each; an add refused because the vault's lock was taken away is tried again.
 *   <li>{@code hold PATH}: holds the vault's OS lock for a minute, printing {@code holding}.
 *   <li>{@code passwd PATH A B}: opens with whichever of the passphrases A and B is current, prints {@code ready},
 *       waits for a line on standard input, then changes the passphrase from one to the other forever, printing
 *       {@code changed} after each change has returned; the parent kills it at a random moment.
 * </ul>
 */
@SuppressWarnings("try") // the lock is held for the block's extent
public final class VaultChild {
  private VaultChild() {}

  public static void main(String[] args) throws java.io.IOException, InterruptedException {
    Path path = Path.of(args[1]);
    if (args[0].equals("hold")) {
      // Holds the OS lock (not the vault) until killed: the parent checks that it waits and then gives up.
      try (VaultLock lock = new VaultLock(path);
          VaultLock.Held held = lock.acquire(java.time.Duration.ofSeconds(5))) {
        System.out.println("holding");
        System.out.flush();
        Thread.sleep(60_000);
      }
      return;
    }
    VaultOptions options = TestVaults.fast(Clock.systemUTC()).toBuilder()
        .lockTimeout(java.time.Duration.ofSeconds(30)).build();
    if (args[0].equals("passwd")) {
      changePassphrasesForever(path, args[2], args[3], options);
      return;
    }
    if (args[0].equals("steady")) {
      try (Vault vault = VaultInternals.openWithPrivateKey(path, "maria",
          java.util.HexFormat.of().parseHex(args[2]), options)) {
        for (int i = 0; i < Integer.parseInt(args[3]); i++) {
          UUID id = null;
          while (id == null) {
            try {
              id = vault.add(uri(args[4] + "-" + i), Set.of(args[4]));
            } catch (VaultLockedException lockTakenAway) {
              System.err.println("retrying after: " + lockTakenAway.getMessage());
            }
          }
          System.out.println("ack " + id);
          System.out.flush();
        }
      }
      System.out.println("done");
      return;
    }
    boolean loop = args[0].equals("loop");
    try (Vault vault = loop
        ? VaultInternals.openWithPrivateKey(path, "maria", java.util.HexFormat.of().parseHex(args[2]), options)
        : Vault.open(path, "maria", TestVaults.pw("correct horse battery staple"), options)) {
      System.out.println("ready");
      System.out.flush();
      if (loop) {
        new java.io.BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8))
            .readLine();
        for (long i = 0; ; i++) {
          UUID id = vault.add(uri("loop-" + ProcessHandle.current().pid() + "-" + i), Set.of("crash"));
          System.out.println("ack " + id);
          System.out.flush();
          vault.code(id);
          if (i % 7 == 3) {
            vault.retag(id, Set.of("crash", "retagged"));
          }
        }
      }
      int count = Integer.parseInt(args[2]);
      for (int i = 0; i < count; i++) {
        vault.add(uri(args[3] + "-" + i), Set.of(args[3]));
      }
      System.out.println("done");
    }
  }

  private static void changePassphrasesForever(Path path, String first, String second, VaultOptions options)
      throws java.io.IOException {
    String current = first;
    Vault opened;
    try {
      opened = Vault.open(path, "maria", TestVaults.pw(first), options);
    } catch (WrongPassphraseException notThisOne) {
      opened = Vault.open(path, "maria", TestVaults.pw(second), options);
      current = second;
    }
    try (Vault vault = opened) {
      System.out.println("ready");
      System.out.flush();
      new java.io.BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8))
          .readLine();
      while (true) {
        String next = current.equals(first) ? second : first;
        vault.changePassphrase(TestVaults.pw(current), TestVaults.pw(next));
        current = next;
        System.out.println("changed");
        System.out.flush();
      }
    }
  }

  private static OtpAuthUri uri(String account) {
    return OtpAuthUri.totp(Secret.generate(20)).issuer("Child").account(account).build();
  }
}
