package io.totpkit.vault;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 at random moments while a child JVM changes the vault's members, keys or entries in bulk: members added and
 * removed, a member's grants changed, a member's passphrase set, otpauth lists imported ({@link VaultChild}'s
 * membership modes). After every kill the vault opens as the owner, its trail verifies (the chain, and the records of
 * saved changes against the state), the trail's records of the mode's calls are exactly the calls the child
 * acknowledged followed by at most the one call that was in flight, and the state holds exactly the calls the trail
 * records ({@link CrashModel}). So every call is in both the trail and the state, or, if it was in flight, in neither.
 */
class MembershipCrashTest {
  /** Trials per mode; {@code -Dtotpkit.membershipCrashTrials=N} changes it. */
  private static final int TRIALS = Integer.getInteger("totpkit.membershipCrashTrials", 40);
  /** Per mode: stop early (and say so) if the machine is slow, to keep the class near its time budget. */
  private static final long BUDGET_NANOS = TimeUnit.SECONDS.toNanos(
      Long.getLong("totpkit.membershipCrashBudgetSeconds", 18));

  @TempDir Path dir;

  @Test
  void killDashNine_duringMemberAddsAndRemovals_trailMatchesState() throws Exception {
    run(new CrashModel.Members(dir.resolve("members.vault")), 400, 5000);
  }

  @Test
  void killDashNine_duringGrantChanges_trailMatchesState() throws Exception {
    run(new CrashModel.Grants(dir.resolve("grants.vault")), 100, 3000);
  }

  @Test
  void killDashNine_duringPassphraseSets_trailMatchesStateAndExactlyOnePassphraseOpens() throws Exception {
    run(new CrashModel.SetPassphrase(dir.resolve("setpw.vault")), 400, 3000);
  }

  @Test
  void killDashNine_duringImports_trailMatchesState() throws Exception {
    run(new CrashModel.OtpauthImports(dir.resolve("import.vault")), 400, 6000);
  }

  /** What the kills of one mode hit. */
  private static final class Tally {
    int trials;
    int aimed;
    int acknowledged;
    /** Kills that left the temporary file of a save: before the image was published. */
    int beforePublish;
    /** Kills after the in-flight call's image was published, before the child acknowledged the call. */
    int afterPublish;
    /** Of those, kills before the call's records reached the journal: the parent's open appended them. */
    int journalRepaired;
  }

  /**
   * Runs trials of one mode. A child that opened the vault and got its first call done is killed after a random time
   * (up to {@code maxRunMillis}, about two calls), or, every other trial, a random time (up to {@code maxSaveMicros},
   * about one save) after its next save has started writing the vault's temporary file, so that many kills land inside
   * saves. Then the parent opens the vault as the owner and checks it ({@link #checkKill}).
   */
  private static void run(CrashModel model, int maxRunMillis, int maxSaveMicros) throws Exception {
    model.setUp();
    Path path = model.path;
    Path temp = path.resolveSibling(path.getFileName() + ".tmp");
    String key = HexFormat.of().formatHex(model.ownerKey);
    Random random = new Random(20261125L + model.mode.hashCode());
    Tally tally = new Tally();
    long start = System.nanoTime();
    Object tempSeen = null;
    // The next two children's JVMs start and warm up while the current one runs; a child opens the vault only when
    // told to go, after the parent has checked the previous kill, so the parent always opens the vault first after a
    // crash.
    ArrayDeque<Child> queue = new ArrayDeque<>();
    queue.add(new Child(model, key, 1));
    queue.add(new Child(model, key, 2));
    Child child = null;
    try (WatchService saves = path.getFileSystem().newWatchService()) {
      path.getParent().register(saves, StandardWatchEventKinds.ENTRY_CREATE);
      while (tally.trials < TRIALS && System.nanoTime() - start < BUDGET_NANOS) {
        child = queue.poll();
        child.start(model.goLine(), model::isCall);
        queue.add(new Child(model, key, tally.trials + 3));
        if (tally.trials % 2 == 1 && awaitSave(saves, temp.getFileName(), 5000)) {
          tally.aimed++;
          LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(random.nextInt(maxSaveMicros)));
        } else {
          Thread.sleep(random.nextInt(maxRunMillis));
        }
        List<String> lines = child.kill();
        child = null;
        tally.trials++;
        // A temporary file this kill left (not one an earlier kill left that no save has replaced since).
        Object tempNow = Files.exists(temp) ? fileVersion(temp) : null;
        tally.beforePublish += tempNow != null && !tempNow.equals(tempSeen) ? 1 : 0;
        tempSeen = tempNow;
        checkKill(model, tally, lines.stream().filter(model::isCall).collect(Collectors.toList()));
        if (tally.trials % 10 == 0) {
          try (Vault reopened = TestVaults.open(path)) {
            assertThat(reopened.verifyAudit()).as("trial %d: the owner's passphrase opens it", tally.trials)
                .isPositive();
          }
        }
      }
    } finally {
      if (child != null) {
        child.destroy();
      }
      queue.forEach(Child::destroy);
    }
    System.out.printf("membership crash test, %s: %d kill -9 trials (%d aimed at a save) in %.1f s, %d acknowledged "
        + "calls; %d kills in a save before its image was published, %d after it was published and before the call "
        + "was acknowledged (%d of these before its records reached the journal: appended from the image on open)%n",
        model.mode, tally.trials, tally.aimed, (System.nanoTime() - start) / 1e9, tally.acknowledged,
        tally.beforePublish, tally.afterPublish, tally.journalRepaired);
    assertThat(tally.trials).as("enough trials ran").isGreaterThanOrEqualTo(Math.min(TRIALS, 10));
    assertThat(tally.acknowledged).as("the children got calls done").isPositive();
    try (Vault reopened = TestVaults.open(path)) {
      List<AuditRecord> trail = reopened.auditTrail();
      assertThat(model.trailOps(trail, reopened)).isEqualTo(model.ops);
      model.checkState(tally.trials, reopened, trail);
    }
  }

  /**
   * After a kill: the vault opens as the owner, the trail verifies, its records of the mode's calls are those it held
   * before, then the calls the child acknowledged ({@code acked}), then at most the one call that was in flight; the
   * state is what those records describe.
   */
  private static void checkKill(CrashModel model, Tally tally, List<String> acked) throws Exception {
    int trial = tally.trials;
    String mode = model.mode;
    Path journal = model.path.resolveSibling(model.path.getFileName() + ".audit");
    long journalBefore = Files.size(journal);
    try (Vault owner = VaultInternals.openWithPrivateKey(model.path, "maria", model.ownerKey, TestVaults.fast())) {
      boolean journalRepaired = Files.size(journal) > journalBefore;
      List<AuditRecord> trail = owner.auditTrail();
      assertThat(owner.verifyAudit()).as("trial %d: the trail verifies", trial).isEqualTo(trail.size());

      List<String> found = model.trailOps(trail, owner);
      assertThat(found.subList(0, Math.min(model.ops.size(), found.size())))
          .as("trial %d (%s): the trail still records the calls it recorded before", trial, mode)
          .isEqualTo(model.ops);
      List<String> recordedNow = found.subList(model.ops.size(), found.size());
      assertThat(recordedNow.size() >= acked.size() && recordedNow.size() <= acked.size() + 1
          && recordedNow.subList(0, acked.size()).equals(acked))
          .as("trial %d (%s): the trail's new records %s are the acknowledged calls %s, then at most the one in "
              + "flight", trial, mode, recordedNow, acked).isTrue();
      acked.forEach(model::apply);
      boolean inFlightSaved = recordedNow.size() > acked.size();
      if (inFlightSaved) {
        String inFlight = recordedNow.get(acked.size());
        assertThat(model.isNextCall(inFlight, trial, acked)).as("trial %d (%s): the unacknowledged record %s is the "
            + "call that was in flight after %s", trial, mode, inFlight, acked).isTrue();
        model.apply(inFlight);
        tally.afterPublish++;
      }
      if (journalRepaired) {
        assertThat(inFlightSaved).as("trial %d (%s): records were appended on open, so the image held a call the "
            + "child had not acknowledged", trial, mode).isTrue();
        tally.journalRepaired++;
      }
      tally.acknowledged += acked.size();
      model.ops = new ArrayList<>(found);
      model.checkState(trial, owner, trail);
    }
  }

  /**
   * Waits until a save starts (it creates the temporary file, or renames the backup to it), after dropping the events
   * of earlier saves; false if none starts within the timeout.
   */
  private static boolean awaitSave(WatchService saves, Path tempName, long timeoutMillis) throws InterruptedException {
    for (WatchKey key = saves.poll(); key != null; key = saves.poll()) {
      key.pollEvents();
      key.reset();
    }
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    while (true) {
      WatchKey key = saves.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (key == null) {
        return false;
      }
      boolean started = key.pollEvents().stream().anyMatch(event -> tempName.equals(event.context()));
      key.reset();
      if (started) {
        return true;
      }
    }
  }

  /** Identifies one version of a file: inode, modification time, size. */
  private static Object fileVersion(Path file) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
    return List.of(String.valueOf(attributes.fileKey()), attributes.lastModifiedTime(), attributes.size());
  }

  /** One child JVM in a membership mode, its lines collected by a reader thread. */
  private static final class Child {
    private final Process process;
    private final BufferedReader out;
    private ChildAcks acks;

    Child(CrashModel model, String key, int trial) throws IOException {
      List<String> args = new ArrayList<>(List.of(model.mode, model.path.toString(), key, Integer.toString(trial)));
      args.addAll(List.of(model.extraArgs()));
      process = ChildProcesses.start(args.toArray(String[]::new));
      out = ChildProcesses.output(process);
    }

    /** Waits for the JVM, tells it to go, and waits until it has acknowledged its first call. */
    void start(String goLine, Predicate<String> isCall) throws IOException, InterruptedException {
      assertThat(out.readLine()).as("child started").isEqualTo("ready");
      acks = new ChildAcks(out);
      process.getOutputStream().write((goLine + "\n").getBytes(StandardCharsets.UTF_8));
      process.getOutputStream().flush();
      assertThat(acks.await(isCall, 60, TimeUnit.SECONDS)).as("child got its first call done").isTrue();
    }

    /** Kills the running child with SIGKILL; returns every line it printed. */
    List<String> kill() throws InterruptedException {
      boolean running = process.isAlive();
      // Through the handle: Process.destroyForcibly also closes our end of its pipes and would lose lines the child
      // wrote just before dying. On Linux both send SIGKILL.
      process.toHandle().destroyForcibly();
      process.waitFor();
      acks.join();
      assertThat(running).as("the child was still running (else it failed: see its standard error)").isTrue();
      return acks.lines;
    }

    /** Kills the child, whatever it is doing. */
    void destroy() {
      process.toHandle().destroyForcibly();
    }
  }
}
