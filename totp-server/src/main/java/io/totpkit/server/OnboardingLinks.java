package io.totpkit.server;

import io.totpkit.vault.Role;
import io.totpkit.vault.Vault;
import io.totpkit.vault.VaultOptions;
import io.totpkit.vault.VaultStore;
import io.totpkit.vault.WrongPassphraseException;
import io.totpkit.vault.UnknownMemberException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.jr.ob.JSON;

/**
 * Client onboarding links: an OWNER makes a link for a client (a label and the tags to apply); the client opens it,
 * with no account, adds their new 2-step key and gets its current code. A link is a vault member {@code link:ID}, a
 * {@link Role#CONTRIBUTOR} granted those tags, whose passphrase is the link's 256 random bits: the key goes straight
 * into the vault, sealed under the tags' keys, with no standing key on the server. The server state keeps each link's
 * label, tags, expiry and whether it was used; a link works once, for at most 24 hours. The member of a used or expired
 * link is removed (its keys rotated) the next time an OWNER opens the onboarding page.
 *
 * <p>Thread-safety: safe for concurrent use; a link is claimed by exactly one request.
 */
final class OnboardingLinks {
  static final String MEMBER_PREFIX = "link:";
  static final Duration LIFETIME = Duration.ofHours(24);

  /** A link as its record says. */
  static final class Link {
    final String id;
    final String label;
    final Set<String> tags;
    final Instant expires;
    final boolean used;
    final String check;
    final String record;

    Link(String id, String record) {
      this.id = id;
      this.record = record;
      Map<String, Object> fields = JSON.std.mapFrom(record);
      this.label = (String) fields.get("label");
      List<String> tagList = new ArrayList<>();
      for (Object tag : (List<?>) fields.get("tags")) {
        tagList.add((String) tag);
      }
      this.tags = Set.copyOf(tagList);
      this.expires = Instant.parse((String) fields.get("expires"));
      this.used = Boolean.TRUE.equals(fields.get("used"));
      this.check = (String) fields.get("check");
    }

    boolean open(Instant now) {
      return !used && now.isBefore(expires);
    }
  }

  private final ServerState state;
  private final VaultStore store;
  private final VaultOptions options;
  private final Clock clock;

  OnboardingLinks(ServerState state, VaultStore store, VaultOptions options, Clock clock) {
    this.state = state;
    this.store = store;
    this.options = options;
    this.clock = clock;
  }

  static boolean isLink(String member) {
    return member.startsWith(MEMBER_PREFIX);
  }

  /**
   * Makes a link. OWNER only (the vault refuses anyone else's addMember).
   *
   * @return the link's path, {@code /onboard/ID.SECRET}, to show once
   */
  String create(Vault owner, String label, Set<String> tags) {
    if (label.isBlank() || label.length() > 100 || label.chars().anyMatch(Character::isISOControl)) {
      throw ApiError.badRequest("a link needs a label of 1 to 100 characters without control characters (the "
          + "client's name)");
    }
    if (tags.isEmpty()) {
      throw ApiError.badRequest("a link needs at least one tag for the accounts it adds");
    }
    LinkKey key = LinkKey.fresh();
    owner.addMember(MEMBER_PREFIX + key.id, Role.CONTRIBUTOR, tags, key.secret.toCharArray());
    state.putLink(key.id, record(label, tags, clock.instant().plus(LIFETIME), false, key.check()));
    return "/onboard/" + key.text();
  }

  /** The links, newest expiry first. */
  List<Link> all() {
    List<Link> out = new ArrayList<>();
    state.links().forEach((id, record) -> out.add(new Link(id, record)));
    out.sort((a, b) -> b.expires.compareTo(a.expires));
    return out;
  }

  /**
   * The link a path parameter names, if it exists; the secret is checked by opening the vault with it.
   *
   * @throws ApiError 404 for a malformed or unknown link
   */
  Link find(String parameter) {
    LinkKey key = LinkKey.parse(parameter);
    String record = key == null ? null : state.links().get(key.id);
    if (record == null) {
      throw new ApiError(404, "NOT_FOUND", "this onboarding link does not exist");
    }
    Link link = new Link(key.id, record);
    if (!key.matches(link.check)) {
      throw new ApiError(404, "NOT_FOUND", "this onboarding link does not exist");
    }
    return link;
  }

  /**
   * Claims a link for one use and opens the vault as its member: the only request that gets it.
   *
   * @throws ApiError 410 if it was used or has expired (or another request claimed it first), 404 for a wrong secret
   */
  Vault claim(String parameter) {
    Link link = find(parameter);
    if (!link.open(clock.instant())) {
      throw gone(link);
    }
    Vault vault;
    try {
      vault = Vault.open(store, MEMBER_PREFIX + link.id, LinkKey.parse(parameter).secret.toCharArray(), options);
    } catch (WrongPassphraseException | UnknownMemberException e) {
      throw new ApiError(404, "NOT_FOUND", "this onboarding link does not exist");
    }
    if (!state.replaceLink(link.id, link.record, record(link.label, link.tags, link.expires, true, link.check))) {
      vault.close();
      throw gone(link);
    }
    return vault;
  }

  /** Removes the members of used and expired links (rotating their keys) and forgets expired links. OWNER only. */
  void tidy(Vault owner) {
    Instant now = clock.instant();
    Set<String> members = new java.util.HashSet<>();
    owner.members().forEach(m -> members.add(m.name()));
    for (Link link : all()) {
      if (!link.open(now) && members.contains(MEMBER_PREFIX + link.id)) {
        owner.removeMember(MEMBER_PREFIX + link.id);
      }
      if (now.isAfter(link.expires.plus(Duration.ofDays(7)))) {
        state.putLink(link.id, null);
      }
    }
  }

  static ApiError gone(Link link) {
    return new ApiError(410, "GONE", link.used ? "This link was used already: ask the agency for a new one."
        : "This link has expired: ask the agency for a new one.");
  }

  private static String record(String label, Set<String> tags, Instant expires, boolean used, String check) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("label", label);
    fields.put("tags", new ArrayList<>(new java.util.TreeSet<>(tags)));
    fields.put("expires", expires.toString());
    fields.put("used", used);
    fields.put("check", check);
    return JSON.std.asString(fields);
  }
}
