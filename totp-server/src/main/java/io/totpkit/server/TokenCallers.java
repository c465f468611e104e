package io.totpkit.server;

import io.totpkit.vault.Vault;
import io.totpkit.vault.VaultOptions;
import io.totpkit.vault.VaultStore;
import io.totpkit.vault.WrongPassphraseException;
import io.totpkit.vault.UnknownMemberException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Authenticates bearer tokens. A token's first request opens the vault as its member (one Argon2id derivation);
 * the open vault is then kept in memory, keyed by the token's name with the SHA-256 of its secret, until the token
 * is idle for {@code idle} or fails: a later request with the same token compares digests in constant time and
 * reuses it. A revoked token fails at its next request, because every operation of the open vault re-reads a changed
 * vault and finds its member gone.
 *
 * <p>Thread-safety: safe for concurrent use; concurrent first requests of one token open the vault once.
 */
final class TokenCallers implements AutoCloseable {
  private final Map<String, Open> open = new ConcurrentHashMap<>();
  private final VaultStore store;
  private final VaultOptions options;
  private final LoginThrottle throttle;
  private final Clock clock;
  private final Duration idle;

  TokenCallers(VaultStore store, VaultOptions options, LoginThrottle throttle, Clock clock, Duration idle) {
    this.store = store;
    this.options = options;
    this.throttle = throttle;
    this.clock = clock;
    this.idle = idle;
  }

  /**
   * The caller a bearer token stands for.
   *
   * @throws ApiError 401 for a malformed, unknown, wrong or revoked token; 429 while throttled
   */
  Caller authenticate(String token, String client) {
    String[] parts = ApiTokens.parse(token);
    if (parts == null) {
      throw ApiError.unauthenticated();
    }
    String name = parts[0];
    byte[] digest = Sha256.of(parts[1]);
    Open known = open.get(name);
    if (known != null && MessageDigest.isEqual(known.digest, digest)) {
      known.lastUsed = clock.instant();
      return known.caller;
    }
    synchronized (lockFor(name)) {
      known = open.get(name);
      if (known != null && MessageDigest.isEqual(known.digest, digest)) {
        return known.caller;
      }
      throttle.acquire(ApiTokens.MEMBER_PREFIX + name, client);
      Vault vault;
      try {
        vault = Vault.open(store, ApiTokens.MEMBER_PREFIX + name, parts[1].toCharArray(), options);
      } catch (WrongPassphraseException | UnknownMemberException e) {
        throw ApiError.unauthenticated();
      }
      throttle.succeeded(ApiTokens.MEMBER_PREFIX + name);
      Open fresh = new Open(digest, new Caller(Caller.Kind.TOKEN, ApiTokens.MEMBER_PREFIX + name, vault,
          vault.role() == io.totpkit.vault.Role.CONTRIBUTOR),
          clock.instant());
      Open replaced = open.put(name, fresh);
      if (replaced != null) {
        replaced.caller.vault.close();
      }
      return fresh.caller;
    }
  }

  /** Forgets a token whose vault refused it (revoked, or re-created with a new secret). */
  void forget(Caller caller) {
    String name = caller.name.substring(ApiTokens.MEMBER_PREFIX.length());
    Open known = open.get(name);
    if (known != null && known.caller == caller && open.remove(name, known)) {
      known.caller.vault.close();
    }
  }

  /** Closes the vaults of tokens idle for longer than {@code idle}. */
  void sweep() {
    Instant cutoff = clock.instant().minus(idle);
    for (Iterator<Map.Entry<String, Open>> it = open.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, Open> e = it.next();
      if (e.getValue().lastUsed.isBefore(cutoff) && open.remove(e.getKey(), e.getValue())) {
        e.getValue().caller.vault.close();
      }
    }
  }

  int size() {
    return open.size();
  }

  @Override
  public void close() {
    for (Open o : open.values()) {
      o.caller.vault.close();
    }
    open.clear();
  }

  /** A fixed set of locks, so that names sent by anyone cannot grow a map of them. */
  private final Object[] locks = newLocks();

  private static Object[] newLocks() {
    Object[] out = new Object[64];
    for (int i = 0; i < out.length; i++) {
      out[i] = new Object();
    }
    return out;
  }

  private Object lockFor(String name) {
    return locks[Math.floorMod(name.hashCode(), locks.length)];
  }


  /** A token's open vault. */
  private static final class Open {
    final byte[] digest;
    final Caller caller;
    volatile Instant lastUsed;

    Open(byte[] digest, Caller caller, Instant lastUsed) {
      this.digest = digest;
      this.caller = caller;
      this.lastUsed = lastUsed;
    }
  }
}
