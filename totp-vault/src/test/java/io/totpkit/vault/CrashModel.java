package io.totpkit.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What {@link MembershipCrashTest} expects of one {@link VaultChild} membership mode: each call as a string, the same
 * in the child's acknowledgement and in the trail (so the two lists can be compared), and the state the calls found in
 * the trail lead to. One instance follows one vault through all its trials.
 */
abstract class CrashModel {
  static final String[] OLGA = {"olga first passphrase", "olga second passphrase"};
  static final String ONLY_ACME = Membership.describe(Role.OPERATOR, Set.of("acme"));
  static final String ACME_GLOBEX = Membership.describe(Role.OPERATOR, Set.of("acme", "globex"));

  final String mode;
  final Path path;
  /** The owner's (maria's) private key, for opening without Argon2. */
  byte[] ownerKey;
  /** The mode's calls the trail holds, in order. */
  List<String> ops = new ArrayList<>();

  CrashModel(String mode, Path path) {
    this.mode = mode;
    this.path = path;
  }

  /** Creates the vault the child works on (maria, its owner, with the private key kept) and what the mode needs. */
  abstract void setUp() throws Exception;

  /** The child's arguments after the trial number. */
  String[] extraArgs() {
    return new String[0];
  }

  /** The line that starts the child. */
  String goLine() {
    return "go";
  }

  /** Whether a line the child printed acknowledges one of the mode's calls. */
  abstract boolean isCall(String line);

  /** The trail's records of the mode's calls, as the child acknowledges them. */
  abstract List<String> trailOps(List<AuditRecord> trail, Vault owner);

  /** Whether {@code op} is the call the child makes after {@code acked}, the calls of trial {@code trial} (applied). */
  abstract boolean isNextCall(String op, int trial, List<String> acked);

  /** Applies a call found in the trail to the expected state. */
  abstract void apply(String op);

  /** Checks the vault's state against the expected state. */
  abstract void checkState(int trial, Vault owner, List<AuditRecord> trail) throws Exception;

  /** Creates the vault with maria as its owner and returns her open vault. */
  Vault create() {
    Vault owner = TestVaults.create(path);
    ownerKey = VaultInternals.privateKey(owner);
    return owner;
  }

  /** {@code added NAME}, {@code removed NAME}: OPERATORs {@code m<trial>.<i>} granted acme, added then removed. */
  static final class Members extends CrashModel {
    private final Set<String> present = new TreeSet<>();

    Members(Path path) {
      super("members", path);
    }

    @Override
    void setUp() {
      try (Vault owner = create()) {
        TestVaults.add(owner, TestVaults.GITHUB, "acme");
      }
    }

    @Override
    boolean isCall(String line) {
      return line.startsWith("added ") || line.startsWith("removed ");
    }

    @Override
    List<String> trailOps(List<AuditRecord> trail, Vault owner) {
      return trail.stream().filter(record -> record.action() == AuditAction.MEMBER_ADDED
          || record.action() == AuditAction.MEMBER_REMOVED)
          .map(record -> (record.action() == AuditAction.MEMBER_ADDED ? "added " : "removed ")
              + record.subject().orElse("?"))
          .collect(Collectors.toList());
    }

    @Override
    boolean isNextCall(String op, int trial, List<String> acked) {
      String last = acked.isEmpty() ? "" : acked.get(acked.size() - 1);
      long adds = acked.stream().filter(line -> line.startsWith("added ")).count();
      return op.equals(last.startsWith("added ") ? "removed " + last.substring(6) : "added m" + trial + "." + adds);
    }

    @Override
    void apply(String op) {
      if (op.startsWith("added ")) {
        assertThat(present.add(op.substring(6))).as("added once: %s", op).isTrue();
      } else {
        assertThat(present.remove(op.substring(8))).as("removed once: %s", op).isTrue();
      }
    }

    @Override
    void checkState(int trial, Vault owner, List<AuditRecord> trail) {
      List<Member> members = owner.members();
      assertThat(members.stream().map(Member::name).filter(name -> !name.equals("maria")))
          .as("trial %d: the members are those the trail says were added and not removed", trial)
          .containsExactlyInAnyOrderElementsOf(present);
      members.stream().filter(member -> !member.name().equals("maria")).forEach(member -> {
        assertThat(member.role()).isEqualTo(Role.OPERATOR);
        assertThat(member.grantedTags()).containsExactly("acme");
      });
    }
  }

  /** {@code changed DETAIL}: olga's grants toggled between acme and acme, globex (which rotates globex's key). */
  static final class Grants extends CrashModel {
    private String current = ONLY_ACME;
    private UUID acme;
    private UUID globex;
    private String code;
    private byte[] olgaKey;

    Grants(Path path) {
      super("grants", path);
    }

    @Override
    void setUp() {
      try (Vault owner = create()) {
        acme = TestVaults.add(owner, TestVaults.GITHUB, "acme");
        globex = TestVaults.add(owner, TestVaults.GOOGLE_WIKI, "globex");
        code = owner.code(acme).code();
        owner.addMember("olga", Role.OPERATOR, Set.of("acme"), TestVaults.pw(OLGA[0]));
      }
      try (Vault olga = Vault.open(path, "olga", TestVaults.pw(OLGA[0]), TestVaults.fast())) {
        olgaKey = VaultInternals.privateKey(olga);
      }
    }

    @Override
    boolean isCall(String line) {
      return line.startsWith("changed ");
    }

    @Override
    List<String> trailOps(List<AuditRecord> trail, Vault owner) {
      return trail.stream().filter(record -> record.action() == AuditAction.MEMBER_CHANGED)
          .map(record -> "changed " + record.detail().orElse("?")).collect(Collectors.toList());
    }

    @Override
    boolean isNextCall(String op, int trial, List<String> acked) {
      return op.equals("changed " + (current.equals(ONLY_ACME) ? ACME_GLOBEX : ONLY_ACME));
    }

    @Override
    void apply(String op) {
      assertThat(op.substring(8)).as("each change toggles the grants").isNotEqualTo(current);
      current = op.substring(8);
    }

    @Override
    void checkState(int trial, Vault owner, List<AuditRecord> trail) {
      Member olga = owner.members().stream().filter(member -> member.name().equals("olga")).findFirst().orElseThrow();
      assertThat(Membership.describe(olga.role(), olga.grantedTags())).as("trial %d: olga's grants", trial)
          .isEqualTo(current);
      // Her keychain matches her grants: she opens exactly the entries of the tags she holds.
      try (Vault asOlga = VaultInternals.openWithPrivateKey(path, "olga", olgaKey, TestVaults.fast())) {
        assertThat(asOlga.code(acme).code()).isEqualTo(code);
        if (current.equals(ACME_GLOBEX)) {
          assertThat(asOlga.entries()).extracting(VaultEntry::id).containsExactlyInAnyOrder(acme, globex);
          assertThat(asOlga.code(globex).code()).isEqualTo(code);
        } else {
          assertThat(asOlga.entries()).extracting(VaultEntry::id).containsExactly(acme);
          assertThatThrownBy(() -> asOlga.code(globex))
              .isInstanceOfAny(NoSuchElementException.class, VaultAccessException.class);
        }
      }
    }
  }

  /** {@code passwd olga FINGERPRINT}: olga's passphrase set to the other of two, with a new key pair each time. */
  static final class SetPassphrase extends CrashModel {
    /** The index in {@link #OLGA} of her current passphrase. */
    private int current;
    private UUID acme;
    private String code;

    SetPassphrase(Path path) {
      super("setpw", path);
    }

    @Override
    void setUp() {
      try (Vault owner = create()) {
        acme = TestVaults.add(owner, TestVaults.GITHUB, "acme");
        code = owner.code(acme).code();
        owner.addMember("olga", Role.OPERATOR, Set.of("acme"), TestVaults.pw(OLGA[0]));
      }
    }

    @Override
    String[] extraArgs() {
      return OLGA.clone();
    }

    @Override
    String goLine() {
      return Integer.toString(current);
    }

    @Override
    boolean isCall(String line) {
      return line.startsWith("passwd ");
    }

    @Override
    List<String> trailOps(List<AuditRecord> trail, Vault owner) {
      return trail.stream().filter(record -> record.action() == AuditAction.PASSPHRASE_CHANGED)
          .map(record -> "passwd " + record.subject().orElse("?") + " " + record.detail().orElse("?"))
          .collect(Collectors.toList());
    }

    @Override
    boolean isNextCall(String op, int trial, List<String> acked) {
      // Its key is new: any fingerprint (checkState compares it with olga's slot).
      return op.startsWith("passwd olga key ");
    }

    @Override
    void apply(String op) {
      current = 1 - current;
    }

    /** Exactly the passphrase set last opens the vault as olga (the real Argon2 path), to the key last recorded. */
    @Override
    void checkState(int trial, Vault owner, List<AuditRecord> trail) {
      String slotKey = Membership.fingerprint(VaultInternals.kernel(owner).body.members.get("olga").publicKey);
      if (!ops.isEmpty()) {
        assertThat(ops.get(ops.size() - 1)).as("trial %d: the last record names olga's key", trial)
            .isEqualTo("passwd olga " + slotKey);
      }
      List<Integer> opening = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        try (Vault olga = Vault.open(path, "olga", TestVaults.pw(OLGA[i]), TestVaults.fast())) {
          assertThat(Membership.fingerprint(VaultInternals.kernel(olga).keys.publicKey())).isEqualTo(slotKey);
          assertThat(olga.code(acme).code()).as("trial %d: the secret is unchanged", trial).isEqualTo(code);
          opening.add(i);
        } catch (WrongPassphraseException refused) {
          // The other one is current.
        }
      }
      assertThat(opening).as("trial %d: exactly the passphrase set last opens the vault as olga", trial)
          .containsExactly(current);
    }
  }

  /**
   * {@code imported TAG COUNT SKIPPED}: lists of 300 new accounts, each list's entries tagged
   * {@code batch<trial>.<i>}; the vault starts empty.
   */
  static final class OtpauthImports extends CrashModel {
    private static final Pattern SUBJECT = Pattern.compile("otpauth list: (\\d+) imported, (\\d+) skipped");
    private final List<String> batches = new ArrayList<>();

    OtpauthImports(Path path) {
      super("import", path);
    }

    @Override
    void setUp() {
      create().close();
    }

    @Override
    boolean isCall(String line) {
      return line.startsWith("imported ");
    }

    /**
     * One op per IMPORTED record, naming the one tag of the entries whose ENTRY_ADDED records precede it (each must be
     * in the vault: a record of an entry the vault lacks fails here).
     */
    @Override
    List<String> trailOps(List<AuditRecord> trail, Vault owner) {
      Map<UUID, VaultEntry> entries = new HashMap<>();
      owner.entries().forEach(entry -> entries.put(entry.id(), entry));
      List<String> found = new ArrayList<>();
      List<UUID> block = new ArrayList<>();
      for (AuditRecord record : trail) {
        if (record.action() == AuditAction.ENTRY_ADDED) {
          assertThat(record.subject()).contains("otpauth list import");
          block.add(record.entryId().orElseThrow());
        } else if (record.action() == AuditAction.IMPORTED) {
          Matcher counts = SUBJECT.matcher(record.subject().orElse(""));
          assertThat(counts.matches()).as("subject of %s", record).isTrue();
          assertThat(block).as("the entries recorded with %s", record).hasSize(Integer.parseInt(counts.group(1)));
          Set<Set<String>> tags = new HashSet<>();
          for (UUID id : block) {
            assertThat(entries).as("%s records entry %s as added", record, id).containsKey(id);
            tags.add(entries.get(id).tags());
          }
          assertThat(tags).as("the entries recorded with %s", record).hasSize(1);
          found.add("imported " + String.join(",", tags.iterator().next()) + " " + counts.group(1) + " "
              + counts.group(2));
          block.clear();
        }
      }
      assertThat(block).as("every ENTRY_ADDED record is followed by its IMPORTED record").isEmpty();
      return found;
    }

    @Override
    boolean isNextCall(String op, int trial, List<String> acked) {
      return op.equals("imported batch" + trial + "." + acked.size() + " 300 0");
    }

    @Override
    void apply(String op) {
      String[] parts = op.split(" ");
      assertThat(parts[2]).as("every account of %s imported", op).isEqualTo("300");
      batches.add(parts[1]);
    }

    @Override
    void checkState(int trial, Vault owner, List<AuditRecord> trail) {
      List<VaultEntry> entries = owner.entries();
      Set<UUID> recorded = trail.stream().filter(record -> record.action() == AuditAction.ENTRY_ADDED)
          .map(record -> record.entryId().orElseThrow()).collect(Collectors.toSet());
      assertThat(trail.stream().filter(record -> record.action() == AuditAction.ENTRY_ADDED
          && record.subject().orElse("").equals("otpauth list import")).count())
          .as("trial %d: one 'otpauth list import' record per entry", trial).isEqualTo(entries.size());
      assertThat(entries.stream().map(VaultEntry::id).collect(Collectors.toSet()))
          .as("trial %d: the entries are those the trail records as added", trial).isEqualTo(recorded);
      assertThat(trail.stream().filter(record -> record.action() == AuditAction.IMPORTED).count())
          .as("trial %d: one IMPORTED record per complete batch", trial).isEqualTo(batches.size());
      Map<Set<String>, Long> perTags = entries.stream()
          .collect(Collectors.groupingBy(VaultEntry::tags, Collectors.counting()));
      assertThat(perTags.keySet()).as("trial %d: the batches in the vault", trial)
          .containsExactlyInAnyOrderElementsOf(batches.stream().map(Set::of).collect(Collectors.toList()));
      assertThat(perTags.values()).as("trial %d: whole batches only", trial).allMatch(count -> count == 300);
    }
  }
}
