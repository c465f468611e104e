package io.totpkit.vault;

import io.totpkit.core.OtpAuthUri;
import io.totpkit.core.Secret;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
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
 *
 * <p>The membership modes ({@link MembershipCrashTest}) all take {@code PATH KEYHEX TRIAL}, warm up on a scratch vault
 * (so that the JVM is quick once told to go, yet has not read the vault), print {@code ready}, wait for a line on
 * standard input, open the vault as the owner with the private key, print {@code opened}, then repeat one kind of call
 * forever, printing one line after each call has returned (so it is durable); the parent kills it at a random moment:
 *
 * <ul>
 *   <li>{@code members}: adds OPERATOR {@code m<TRIAL>.<i>} granted {@code acme} ({@code added NAME}), then removes
 *       them ({@code removed NAME}), for i = 0, 1, ...
 *   <li>{@code grants}: reads olga's grants, then changes her grants from {@code acme} to {@code acme, globex} and
 *       back ({@code changed DETAIL}, the detail as the audit record states it).
 *   <li>{@code setpw}: the input line names the index (0 or 1) of olga's current passphrase among the two passphrases
 *       given after TRIAL; sets the other one, then the first, and so on ({@code passwd olga FINGERPRINT}, the new
 *       key's fingerprint as the audit record states it).
 *   <li>{@code import}: imports a list of 300 new {@code otpauth://} URIs tagged {@code batch<TRIAL>.<i>}, for
 *       i = 0, 1, ... ({@code imported TAG IMPORTED SKIPPED}).
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
    if (List.of("members", "grants", "setpw", "import").contains(args[0])) {
      changeMembershipForever(path, args, options);
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

  /** The membership modes; see the class comment. */
  private static void changeMembershipForever(Path path, String[] args, VaultOptions options)
      throws java.io.IOException {
    warmUp(path.toAbsolutePath().getParent(), options);
    System.out.println("ready");
    System.out.flush();
    String go = new java.io.BufferedReader(new java.io.InputStreamReader(System.in,
        java.nio.charset.StandardCharsets.UTF_8)).readLine();
    String trial = args[3];
    try (Vault vault = VaultInternals.openWithPrivateKey(path, "maria", java.util.HexFormat.of().parseHex(args[2]),
        options)) {
      acknowledge("opened");
      for (int i = 0; ; i++) {
        switch (args[0]) {
          case "members" -> {
            String name = "m" + trial + "." + i;
            vault.addMember(name, Role.OPERATOR, Set.of("acme"), TestVaults.pw("passphrase of " + name));
            acknowledge("added " + name);
            vault.removeMember(name);
            acknowledge("removed " + name);
          }
          case "grants" -> {
            Set<String> now = vault.members().stream().filter(member -> member.name().equals("olga")).findFirst()
                .orElseThrow().grantedTags();
            Set<String> next = now.contains("globex") ? Set.of("acme") : Set.of("acme", "globex");
            vault.changeMember("olga", Role.OPERATOR, next);
            acknowledge("changed " + Membership.describe(Role.OPERATOR, next));
          }
          case "setpw" -> {
            int next = (Integer.parseInt(go.strip()) + 1 + i) % 2;
            vault.setPassphrase("olga", TestVaults.pw(args[4 + next]));
            byte[] publicKey = VaultInternals.kernel(vault).body.members.get("olga").publicKey;
            acknowledge("passwd olga " + Membership.fingerprint(publicKey));
          }
          case "import" -> {
            String tag = "batch" + trial + "." + i;
            ImportReport report = vault.importOtpauth(otpauthList("acct" + trial + "." + i, 300), Set.of(tag));
            acknowledge("imported " + tag + " " + report.imported().size() + " " + report.skipped().size());
          }
          default -> throw new IllegalArgumentException(args[0]);
        }
      }
    }
  }

  /**
   * Loads and compiles what opening a vault and the calls need, on a scratch vault in {@code dir}, while the JVM waits
   * to be told to go: the parent's clock then measures the calls, not class loading.
   */
  private static void warmUp(Path dir, VaultOptions options) throws java.io.IOException {
    Path scratch = java.nio.file.Files.createTempDirectory(dir, "warm-up");
    Path path = scratch.resolve("warm.vault");
    byte[] key;
    try (Vault vault = Vault.create(path, "maria", TestVaults.pw("warm-up"), options)) {
      vault.importOtpauth(otpauthList("warm-up", 3), Set.of("acme"));
      key = VaultInternals.privateKey(vault);
    }
    VaultInternals.openWithPrivateKey(path, "maria", key, options).close();
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(scratch)) {
      for (Path file : files.collect(java.util.stream.Collectors.toList())) {
        java.nio.file.Files.delete(file);
      }
    }
    java.nio.file.Files.delete(scratch);
  }

  /** {@code count} lines of new TOTP URIs (20-byte keys) for accounts {@code PREFIX-0}, {@code PREFIX-1}, ... */
  private static String otpauthList(String prefix, int count) {
    StringBuilder text = new StringBuilder(count * 120);
    for (int j = 0; j < count; j++) {
      text.append(uri(prefix + "-" + j).toUriString()).append('\n');
    }
    return text.toString();
  }

  private static void acknowledge(String line) {
    System.out.println(line);
    System.out.flush();
  }

  private static OtpAuthUri uri(String account) {
    return OtpAuthUri.totp(Secret.generate(20)).issuer("Child").account(account).build();
  }
}
