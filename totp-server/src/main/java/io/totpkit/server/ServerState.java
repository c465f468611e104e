package io.totpkit.server;

import io.totpkit.vault.Role;
import io.totpkit.vault.Vault;
import java.net.URI;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;
import tools.jackson.core.JacksonException;
import tools.jackson.jr.ob.JSON;

/**
 * What the code server keeps beside the vault: each staff member's sign-in TOTP key, sealed so that only that member's
 * passphrase opens it ({@link io.totpkit.vault.MemberSeal}), and each tag's {@link TagPolicy} with its webhook's
 * signing secret. For a file vault it is the file {@code VAULT.server} ({@code 0600}); for a database vault, the
 * table {@code totp_server_state}.
 *
 * <pre>{@code
 * ServerState state = ServerState.besideVault(Path.of("agency.totp"));
 * try (Vault owner = Vault.open(Path.of("agency.totp"), "maria", passphrase)) {
 *   Optional<String> secret = state.setTagPolicy(owner, "client:acme", TagPolicy.of(true, webhookUrl));
 * }
 * }</pre>
 *
 * <p>Thread-safety: safe for concurrent use, also by several processes.
 *
 * <h2>Security</h2>
 * Holds no key of any vault entry. The webhook secrets are stored in plain text (the server signs with them without
 * anyone signed in); whoever reads the state can forge webhook events but not reveal a code. Changing a policy takes
 * an OWNER's open vault.
 */
public final class ServerState {
  private static final String FACTOR = "factor/";
  private static final String TAG = "tag/";
  private static final String LINK = "link/";
  private static final String INVITE = "invite/";

  private final StateStore store;
  private final SecureRandom random = new SecureRandom();
  private volatile Policies policies;

  ServerState(StateStore store) {
    this.store = store;
  }

  /**
   * The state file of a file vault: {@code VAULT.server} beside it.
   *
   * @param vaultFile the vault file
   * @return the state
   */
  public static ServerState besideVault(Path vaultFile) {
    Path absolute = vaultFile.toAbsolutePath();
    return new ServerState(new FileStateStore(absolute.resolveSibling(absolute.getFileName() + ".server")));
  }

  /**
   * The state of a database vault, in the table {@code totp_server_state} of the same database (created when
   * missing).
   *
   * @param dataSource the vault's database
   * @param vaultName the vault's name in that database ({@link io.totpkit.vault.JdbcVaultStore#name()})
   * @return the state
   */
  public static ServerState database(DataSource dataSource, String vaultName) {
    return new ServerState(new JdbcStateStore(Objects.requireNonNull(dataSource, "dataSource"),
        Objects.requireNonNull(vaultName, "vaultName")));
  }

  /** Returns every tag that has a policy, with it. */
  public Map<String, TagPolicy> tagPolicies() {
    return new TreeMap<>(policies().byTag);
  }

  /** The tags whose reveals need a reason. */
  Set<String> reasonTags() {
    return policies().reasonTags;
  }

  /** The policy of one tag: {@link TagPolicy#NONE} when it has none. */
  TagPolicy policy(String tag) {
    return policies().byTag.getOrDefault(tag, TagPolicy.NONE);
  }

  /** A copy of the signing secret of a tag's webhook (the caller zeroes it), or {@code null}. */
  byte[] webhookSecret(String tag) {
    byte[] secret = policies().secrets.get(tag);
    return secret == null ? null : secret.clone();
  }

  /**
   * The tag policies, parsed once per version of the state: a reveal asks for them on every request, and the store
   * hands back the same map until the state changes.
   */
  private Policies policies() {
    Map<String, String> now = store.read();
    Policies parsed = policies;
    if (parsed == null || parsed.source != now) {
      parsed = new Policies(now);
      policies = parsed;
    }
    return parsed;
  }

  /** The tag policies of one version of the state. */
  private static final class Policies {
    final Map<String, String> source;
    final Map<String, TagPolicy> byTag = new HashMap<>();
    final Map<String, byte[]> secrets = new HashMap<>();
    final Set<String> reasonTags;

    Policies(Map<String, String> source) {
      this.source = source;
      Set<String> reasons = new HashSet<>();
      for (Map.Entry<String, String> e : source.entrySet()) {
        if (e.getKey().startsWith(TAG)) {
          String tag = e.getKey().substring(TAG.length());
          TagPolicy policy = policyOf(e.getValue());
          byTag.put(tag, policy);
          if (policy.reasonRequired()) {
            reasons.add(tag);
          }
          Object secret = fields(e.getValue()).get("secret");
          if (secret instanceof String) {
            secrets.put(tag, HexFormat.of().parseHex((String) secret));
          }
        }
      }
      this.reasonTags = Set.copyOf(reasons);
    }
  }

  /**
   * Sets a tag's policy; {@link TagPolicy#of(boolean, URI) TagPolicy.of(false, null)} removes it. A new webhook URL
   * gets a new signing secret, returned once for the receiver to check signatures with; the same URL keeps its
   * secret.
   *
   * @param owner a vault open as an OWNER, the authority for the change
   * @param tag the tag
   * @param policy the policy
   * @return the new webhook signing secret (64 hex digits), or empty if none was made
   * @throws IllegalArgumentException if {@code owner} is not open as an OWNER
   * @throws ServerStateException if the state cannot be written
   */
  public Optional<String> setTagPolicy(Vault owner, String tag, TagPolicy policy) {
    requireOwner(owner);
    Objects.requireNonNull(tag, "tag");
    Objects.requireNonNull(policy, "policy");
    String[] made = new String[1];
    store.update(state -> {
      String key = TAG + tag;
      if (!policy.reasonRequired() && policy.webhook().isEmpty()) {
        state.remove(key);
        return state;
      }
      Map<String, Object> fields = new LinkedHashMap<>();
      fields.put("reason", policy.reasonRequired());
      if (policy.webhook().isPresent()) {
        String url = policy.webhook().get().toString();
        Map<String, Object> before = state.containsKey(key) ? fields(state.get(key)) : Map.of();
        Object secret = before.get("secret");
        if (!url.equals(before.get("webhook")) || !(secret instanceof String)) {
          byte[] fresh = new byte[32];
          random.nextBytes(fresh);
          secret = HexFormat.of().formatHex(fresh);
          made[0] = (String) secret;
        }
        fields.put("webhook", url);
        fields.put("secret", secret);
      }
      state.put(key, JSON.std.asString(fields));
      return state;
    });
    return Optional.ofNullable(made[0]);
  }

  /**
   * Forgets a member's sign-in TOTP key: their next sign-in enrols a new one (a lost phone). A new passphrase set with
   * {@link Vault#setPassphrase} has the same effect, since the key is sealed to the member's key pair.
   *
   * @param owner a vault open as an OWNER
   * @param member the member
   * @throws IllegalArgumentException if {@code owner} is not open as an OWNER
   */
  public void resetSignInFactor(Vault owner, String member) {
    requireOwner(owner);
    Objects.requireNonNull(member, "member");
    store.update(state -> {
      state.remove(FACTOR + member);
      return state;
    });
  }

  /** The onboarding links' records (JSON text by link id). */
  Map<String, String> links() {
    return prefixed(LINK);
  }

  /** Writes (or, with {@code null}, deletes) an onboarding link's record. */
  void putLink(String id, String record) {
    put(LINK + id, record);
  }

  /**
   * Replaces a link's record with {@code next} if it is still {@code expected}, atomically: how a one-use link is
   * claimed by exactly one request.
   */
  boolean replaceLink(String id, String expected, String next) {
    return replace(LINK + id, expected, next);
  }

  private Map<String, String> prefixed(String prefix) {
    Map<String, String> out = new TreeMap<>();
    store.read().forEach((key, value) -> {
      if (key.startsWith(prefix)) {
        out.put(key.substring(prefix.length()), value);
      }
    });
    return out;
  }

  private void put(String key, String value) {
    store.update(state -> {
      if (value == null) {
        state.remove(key);
      } else {
        state.put(key, value);
      }
      return state;
    });
  }

  private boolean replace(String key, String expected, String next) {
    boolean[] done = {false};
    store.update(state -> {
      if (expected.equals(state.get(key))) {
        state.put(key, next);
        done[0] = true;
      }
      return state;
    });
    return done[0];
  }

  /** The invitations' records (JSON text by invitation id). */
  Map<String, String> invites() {
    return prefixed(INVITE);
  }

  /** Writes (or, with {@code null}, deletes) an invitation's record. */
  void putInvite(String id, String record) {
    put(INVITE + id, record);
  }

  /** Replaces an invitation's record if it is still {@code expected}, atomically. */
  boolean replaceInvite(String id, String expected, String next) {
    return replace(INVITE + id, expected, next);
  }

  /** A member's sealed sign-in factor, if enrolled. */
  Optional<byte[]> factor(String member) {
    String value = store.read().get(FACTOR + member);
    if (value == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(Base64.getDecoder().decode(value));
    } catch (IllegalArgumentException e) {
      throw new ServerStateException("the server state is damaged: the sign-in factor of a member is not Base64");
    }
  }

  /** Records a member's sealed sign-in factor. */
  void setFactor(String member, byte[] sealed) {
    String value = Base64.getEncoder().encodeToString(sealed);
    store.update(state -> {
      state.put(FACTOR + member, value);
      return state;
    });
  }

  private static void requireOwner(Vault owner) {
    if (Objects.requireNonNull(owner, "owner").role() != Role.OWNER) {
      throw new IllegalArgumentException("member '" + owner.member() + "' is not an OWNER: only an OWNER may "
          + "change the code server's settings");
    }
  }

  private static TagPolicy policyOf(String value) {
    Map<String, Object> fields = fields(value);
    Object webhook = fields.get("webhook");
    return TagPolicy.of(Boolean.TRUE.equals(fields.get("reason")),
        webhook instanceof String ? URI.create((String) webhook) : null);
  }

  private static Map<String, Object> fields(String value) {
    try {
      Map<String, Object> map = JSON.std.mapFrom(value);
      if (map == null) {
        throw new ServerStateException("the server state is damaged: a tag policy is not a JSON object");
      }
      return map;
    } catch (JacksonException | IllegalArgumentException e) {
      throw new ServerStateException("the server state is damaged: a tag policy is not a JSON object");
    }
  }

  @Override
  public String toString() {
    return "ServerState[" + store + "]";
  }
}
