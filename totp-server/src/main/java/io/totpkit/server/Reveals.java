package io.totpkit.server;

import io.totpkit.core.Wipe;
import io.totpkit.vault.ReasonRequiredException;
import io.totpkit.vault.RevealNote;
import io.totpkit.vault.RevealedCode;
import io.totpkit.vault.VaultEntry;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * One accountable reveal: the entry's tag policies are applied (a reason where a tag requires one), the vault records
 * the reveal — caller, entry, time, client address and reason — and forces it to disk before the code is computed
 * for the answer, then every webhook of the entry's tags is sent an event (never the code or the key).
 *
 * <p>Thread-safety: safe for concurrent use.
 */
final class Reveals {
  private final ServerState state;
  private final Webhooks webhooks;
  private final Clock clock;

  Reveals(ServerState state, Webhooks webhooks, Clock clock) {
    this.state = state;
    this.webhooks = webhooks;
    this.clock = clock;
  }

  /**
   * Reveals the code of the entry {@code id} names, if the caller may use it, in one call to the vault: the vault
   * checks the entry's tags against the policies' reason requirement under its lock, records the reveal and only then
   * computes the code.
   *
   * @throws ApiError 404 for an entry the caller may not use; 409 if a tag requires a reason and none was given; 400
   *     for a malformed reason
   */
  RevealedCode reveal(Caller caller, String id, String reason, String client) {
    RevealNote note;
    try {
      note = RevealNote.of(client, reason == null || reason.isBlank() ? null : reason)
          .requireReasonFor(state.reasonTags());
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest(e.getMessage());
    }
    RevealedCode code;
    try {
      code = caller.reveal(id, note);
    } catch (ReasonRequiredException e) {
      throw new ApiError(409, "REASON_REQUIRED", "this account's codes are given only with a reason: send "
          + "{\"reason\": \"…\"}");
    }
    notify(caller, code.entry(), note);
    return code;
  }

  private void notify(Caller caller, VaultEntry entry, RevealNote note) {
    String event = null;
    for (String tag : entry.tags()) {
      TagPolicy policy = state.policy(tag);
      if (policy.webhook().isPresent()) {
        byte[] secret = state.webhookSecret(tag);
        if (secret == null) {
          continue;
        }
        if (event == null) {
          event = event(caller, entry, note, clock.instant());
        }
        webhooks.send(policy.webhook().get(), secret, event);
        Wipe.bytes(secret);
      }
    }
  }

  /** The event a webhook receives: who revealed which account's code, when, from where and why. */
  static String event(Caller caller, VaultEntry entry, RevealNote note, Instant at) {
    Map<String, Object> account = new LinkedHashMap<>();
    account.put("id", entry.id().toString());
    account.put("issuer", entry.issuer());
    account.put("account", entry.account());
    account.put("tags", new java.util.ArrayList<>(entry.tags()));
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("type", "code.revealed");
    event.put("id", UUID.randomUUID().toString());
    event.put("time", at.toString());
    event.put("by", caller.name);
    event.put("via", caller.kind == Caller.Kind.TOKEN ? "token" : caller.kind == Caller.Kind.LINK
        ? "onboarding link" : "session");
    event.put("from", note.origin().orElse(null));
    event.put("reason", note.reason().orElse(null));
    event.put("account", account);
    return JsonBody.write(event);
  }
}
