package io.totpkit.server;

import io.totpkit.core.Secret;
import io.totpkit.core.Totp;
import io.totpkit.core.Verification;
import io.totpkit.core.Wipe;
import io.totpkit.vault.Member;
import io.totpkit.vault.MemberSeal;
import io.totpkit.vault.Role;
import io.totpkit.vault.Vault;
import io.totpkit.vault.VaultOptions;
import io.totpkit.vault.VaultStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.jr.ob.JSON;

/**
 * One-time invitation links for new members. An OWNER invites a name with a role and grants; the link carries a
 * 256-bit key K, of which the server keeps only its SHA-256 and a copy sealed to that OWNER ({@link MemberSeal}). On
 * the link the new member enrols their own TOTP (its key, made at the invitation, kept sealed under K) and chooses a
 * passphrase, which is kept sealed under K too. The server holds no standing key, so it cannot add a member alone: the
 * inviting OWNER's next visit to the members page (or their next sign-in) opens K, adds the member with that
 * passphrase, seals their factor to their own key pair, and forgets the invitation. An invitation works once and
 * expires after 72 hours.
 *
 * <p>Thread-safety: safe for concurrent use; an invitation is accepted by exactly one request.
 */
final class Invitations {
  static final Duration LIFETIME = Duration.ofHours(72);
  private static final String PURPOSE = "totp-server invitation key";

  /** An invitation found by its link, with the link's key. */
  static final class Invite {
    final String id;
    final String record;
    final Map<String, Object> fields;
    final byte[] key;

    Invite(String id, String record, byte[] key) {
      this.id = id;
      this.record = record;
      this.fields = JSON.std.mapFrom(record);
      this.key = key;
    }

    String name() {
      return (String) fields.get("name");
    }

    boolean accepted() {
      return fields.get("passphrase") != null;
    }

    Instant expires() {
      return Instant.parse((String) fields.get("expires"));
    }
  }

  private final ServerState state;
  private final SignInFactor factors;
  private final VaultStore store;
  private final VaultOptions options;
  private final Clock clock;

  Invitations(ServerState state, SignInFactor factors, VaultStore store, VaultOptions options, Clock clock) {
    this.state = state;
    this.factors = factors;
    this.store = store;
    this.options = options;
    this.clock = clock;
  }

  /**
   * Invites a new member. OWNER only.
   *
   * @return the link's path, {@code /invite/ID.KEY}, to show once
   * @throws ApiError 400 for a name in use or reserved, or an operator without grants
   */
  String create(Vault owner, String name, Role role, Set<String> grants) {
    if (owner.role() != Role.OWNER) {
      throw ApiError.forbidden("only an OWNER may invite members");
    }
    if (name.isBlank() || name.length() > 128 || name.chars().anyMatch(Character::isISOControl)
        || ApiTokens.isToken(name) || OnboardingLinks.isLink(name)) {
      throw ApiError.badRequest("a member name is 1 to 128 characters, without control characters, and does not "
          + "start with 'token:' or 'link:'");
    }
    for (Member m : owner.members()) {
      if (m.name().equals(name)) {
        throw ApiError.badRequest("there is a member named " + name + " already");
      }
    }
    if (role != Role.OWNER && grants.isEmpty()) {
      throw ApiError.badRequest("an operator or contributor needs at least one granted tag");
    }
    LinkKey link = LinkKey.fresh();
    String id = link.id;
    byte[] key = link.secretBytes();
    Secret factor = SignInFactor.fresh();
    byte[] factorBytes = factor.bytes();
    try (MemberSeal seal = owner.memberSeal(PURPOSE)) {
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("name", name);
      fields.put("role", role.name());
      fields.put("grants", new ArrayList<>(new TreeSet<>(grants)));
      fields.put("expires", clock.instant().plus(LIFETIME).toString());
      fields.put("by", owner.member());
      fields.put("check", link.check());
      fields.put("key", encodeBytes(seal.seal(key)));
      fields.put("factor", encodeBytes(LinkCipher.seal(key, factorBytes, aad(id, "factor"))));
      state.putInvite(id, JSON.std.asString(fields));
      return "/invite/" + link.text();
    } finally {
      Wipe.bytes(factorBytes);
      factor.destroy();
      Wipe.bytes(key);
    }
  }

  /**
   * The open invitation a link names.
   *
   * @throws ApiError 404 for an unknown link or a wrong key, 410 for one used or expired
   */
  Invite find(String parameter) {
    LinkKey link = LinkKey.parse(parameter);
    String record = link == null ? null : state.invites().get(link.id);
    if (record == null) {
      throw new ApiError(404, "NOT_FOUND", "this invitation does not exist");
    }
    Invite invite = new Invite(link.id, record, link.secretBytes());
    if (!link.matches((String) invite.fields.get("check"))) {
      throw new ApiError(404, "NOT_FOUND", "this invitation does not exist");
    }
    if (invite.accepted() || !clock.instant().isBefore(invite.expires())) {
      throw new ApiError(410, "GONE", invite.accepted() ? "This invitation was used already."
          : "This invitation has expired: ask for a new one.");
    }
    return invite;
  }

  /** The new member's sign-in key, to show on the invitation page. */
  Secret factor(Invite invite) {
    byte[] raw = LinkCipher.open(invite.key, decodeBytes((String) invite.fields.get("factor")),
        aad(invite.id, "factor"));
    if (raw == null) {
      throw new ServerStateException("the server state is damaged: an invitation's factor does not open");
    }
    try {
      return Secret.fromBytes(raw);
    } finally {
      Wipe.bytes(raw);
    }
  }

  /**
   * Accepts an invitation: the code proves the new member's app holds the factor; the passphrase is kept sealed
   * under the link's key until the inviting OWNER completes it.
   *
   * @throws ApiError 400 for a wrong code or an empty passphrase, 410 if another request accepted it first
   */
  void accept(Invite invite, char[] passphrase, String code) {
    if (passphrase.length < 8) {
      throw ApiError.badRequest("choose a passphrase of at least 8 characters");
    }
    Secret factor = factor(invite);
    Verification check;
    try {
      check = Totp.builder(factor).clock(clock).build().check(code, clock.instant(), 1, 1);
    } finally {
      factor.destroy();
    }
    if (check.status() != Verification.Status.ACCEPTED) {
      throw ApiError.badRequest("that is not the current code of your authenticator app");
    }
    byte[] utf8 = new String(passphrase).getBytes(StandardCharsets.UTF_8);
    try {
      Map<String, Object> fields = new LinkedHashMap<>(invite.fields);
      fields.put("passphrase", encodeBytes(LinkCipher.seal(invite.key, utf8, aad(invite.id, "passphrase"))));
      if (!state.replaceInvite(invite.id, invite.record, JSON.std.asString(fields))) {
        throw new ApiError(410, "GONE", "This invitation was used already.");
      }
    } finally {
      Wipe.bytes(utf8);
    }
  }

  /**
   * Adds the members whose invitations this OWNER made and that were accepted; forgets expired invitations.
   *
   * @return the names added
   */
  List<String> complete(Vault owner) {
    List<String> added = new ArrayList<>();
    if (owner.role() != Role.OWNER) {
      return added;
    }
    try (MemberSeal seal = owner.memberSeal(PURPOSE)) {
      for (Map.Entry<String, String> e : state.invites().entrySet()) {
        Map<String, Object> fields = JSON.std.mapFrom(e.getValue());
        if (fields.get("passphrase") == null) {
          if (!clock.instant().isBefore(Instant.parse((String) fields.get("expires")))) {
            state.putInvite(e.getKey(), null);
          }
          continue;
        }
        if (!owner.member().equals(fields.get("by"))) {
          continue;
        }
        Optional<byte[]> key = seal.open(decodeBytes((String) fields.get("key")));
        if (key.isEmpty()) {
          continue;
        }
        try {
          added.add(add(owner, e.getKey(), fields, key.get()));
        } catch (IllegalArgumentException taken) {
          // The name was given to someone else meanwhile: the invitation is void; the OWNER invites again.
          System.getLogger("io.totpkit.server").log(System.Logger.Level.WARNING,
              "an accepted invitation could not be completed: "
              + io.totpkit.core.UntrustedText.forTerminal(taken.getMessage()));
        } finally {
          Wipe.bytes(key.get());
          state.putInvite(e.getKey(), null);
        }
      }
    }
    return added;
  }

  private String add(Vault owner, String id, Map<String, Object> fields, byte[] key) {
    byte[] utf8 = LinkCipher.open(key, decodeBytes((String) fields.get("passphrase")), aad(id, "passphrase"));
    byte[] factorBytes = LinkCipher.open(key, decodeBytes((String) fields.get("factor")), aad(id, "factor"));
    if (utf8 == null || factorBytes == null) {
      throw new ServerStateException("the server state is damaged: an accepted invitation does not open");
    }
    String name = (String) fields.get("name");
    java.nio.CharBuffer decoded = StandardCharsets.UTF_8.decode(java.nio.ByteBuffer.wrap(utf8));
    char[] passphrase = java.util.Arrays.copyOf(decoded.array(), decoded.limit());
    Wipe.chars(decoded.array());
    Secret factor = Secret.fromBytes(factorBytes);
    try {
      Set<String> grants = new TreeSet<>();
      for (Object tag : (List<?>) fields.get("grants")) {
        grants.add((String) tag);
      }
      owner.addMember(name, Role.valueOf((String) fields.get("role")), grants, passphrase.clone());
      try (Vault member = Vault.open(store, name, passphrase.clone(), options)) {
        factors.enrol(member, factor);
      }
      return name;
    } finally {
      Wipe.bytes(utf8);
      Wipe.bytes(factorBytes);
      Wipe.chars(passphrase);
      factor.destroy();
    }
  }

  private static byte[] aad(String id, String what) {
    return ("totp-server invitation " + id + " " + what).getBytes(StandardCharsets.US_ASCII);
  }



  private static String encodeBytes(byte[] bytes) {
    return Base64.getEncoder().encodeToString(bytes);
  }

  private static byte[] decodeBytes(String text) {
    return Base64.getDecoder().decode(text);
  }
}
