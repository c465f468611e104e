package io.totpkit.server;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sign-ins in memory, by session id: 256 random bits sent as a cookie, kept here only as its SHA-256 (a heap dump
 * shows no usable id). A session ends at sign-out, after {@code idle} without a request, {@code absolute} after it
 * began, or {@code pending} after its first step if the second never came; its vault keys are zeroed then.
 *
 * <p>Thread-safety: safe for concurrent use.
 */
final class Sessions implements AutoCloseable {
  /** The most sessions one member holds at once. */
  static final int PER_MEMBER = 8;

  private final Map<String, Session> byHash = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final Clock clock;
  private final Duration idle;
  private final Duration absolute;
  private final Duration pending;

  Sessions(Clock clock, Duration idle, Duration absolute, Duration pending) {
    this.clock = clock;
    this.idle = idle;
    this.absolute = absolute;
    this.pending = pending;
  }

  /**
   * Keeps a session and returns its new id, the cookie's value. A member holds at most {@link #PER_MEMBER} sessions
   * (each holds an open vault): a new one ends their oldest, so a stolen passphrase cannot fill the memory.
   */
  String start(Session session) {
    Map.Entry<String, Session> oldest = null;
    int count = 0;
    for (Map.Entry<String, Session> e : byHash.entrySet()) {
      if (e.getValue().member.equals(session.member)) {
        count++;
        if (oldest == null || e.getValue().created.isBefore(oldest.getValue().created)) {
          oldest = e;
        }
      }
    }
    if (count >= PER_MEMBER) {
      end(oldest.getKey(), oldest.getValue());
    }
    String id = newId();
    byHash.put(hash(id), session);
    return id;
  }

  /** The live session with this id, touched; {@code null} if there is none or it expired (and is closed now). */
  Session find(String id) {
    if (id == null || id.length() != 43) {
      return null;
    }
    String key = hash(id);
    Session session = byHash.get(key);
    if (session == null) {
      return null;
    }
    Instant now = clock.instant();
    if (expired(session, now)) {
      end(key, session);
      return null;
    }
    session.touch(now);
    return session;
  }

  /** Gives a session a new id (at the second sign-in step, so an id seen before sign-in is worth nothing after). */
  String renew(String id, Session session) {
    byHash.remove(hash(id), session);
    String fresh = newId();
    byHash.put(hash(fresh), session);
    return fresh;
  }

  private String newId() {
    byte[] bytes = new byte[32];
    random.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  /** Ends the session with this id, if any. */
  void end(String id) {
    if (id != null) {
      String key = hash(id);
      Session session = byHash.get(key);
      if (session != null) {
        end(key, session);
      }
    }
  }

  /** Ends every expired session; run every few seconds. */
  void sweep() {
    Instant now = clock.instant();
    for (Iterator<Map.Entry<String, Session>> it = byHash.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, Session> e = it.next();
      if (expired(e.getValue(), now)) {
        end(e.getKey(), e.getValue());
      }
    }
  }

  int size() {
    return byHash.size();
  }

  private boolean expired(Session session, Instant now) {
    if (session.stage() == Session.Stage.PASSPHRASE_CHECKED && !now.isBefore(session.created.plus(pending))) {
      return true;
    }
    return !now.isBefore(session.lastSeen().plus(idle)) || !now.isBefore(session.created.plus(absolute));
  }

  private void end(String key, Session session) {
    if (byHash.remove(key, session)) {
      session.close();
    }
  }

  @Override
  public void close() {
    for (Map.Entry<String, Session> e : byHash.entrySet()) {
      end(e.getKey(), e.getValue());
    }
  }

  private static String hash(String id) {
    return HexFormat.of().formatHex(Sha256.of(id));
  }
}
