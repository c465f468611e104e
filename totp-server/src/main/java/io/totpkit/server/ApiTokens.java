package io.totpkit.server;

import io.totpkit.core.Wipe;
import io.totpkit.vault.Member;
import io.totpkit.vault.Role;
import io.totpkit.vault.Vault;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Bearer tokens for automation (a bot that logs in to a client's account and needs its code). A token is a vault
 * member named {@code token:NAME} with the OPERATOR role (CONTRIBUTOR for a token that may add) and its grants; the token's 256 random bits are that
 * member's passphrase. So a token opens exactly the sections of its granted tags, like a staff member's passphrase,
 * and revoking it is removing that member, which rotates every key it held.
 *
 * <p>A token reads {@code totp_NAME_SECRET}: {@code NAME} is 1 to 40 of {@code a-z 0-9 -}, {@code SECRET} 43
 * characters of unpadded Base64url. The {@code totp_} prefix lets secret scanners find leaked tokens.
 *
 * <pre>{@code
 * try (Vault owner = Vault.open(path, "maria", passphrase)) {
 *   String token = ApiTokens.create(owner, "login-bot", Set.of("client:acme"), false);   // shown once
 * }
 * }</pre>
 *
 * <p>Thread-safety: stateless.
 */
public final class ApiTokens {
  /** The prefix of a token's member name in the vault. */
  public static final String MEMBER_PREFIX = "token:";

  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");
  private static final Pattern TOKEN = Pattern.compile("totp_([a-z0-9][a-z0-9-]{0,39})_([A-Za-z0-9_-]{43})");
  private static final SecureRandom RANDOM = new SecureRandom();

  private ApiTokens() {}

  /**
   * Creates a token: a vault member {@code token:NAME} with these grants, an OPERATOR, or with {@code canAdd} a
   * {@link Role#CONTRIBUTOR} that may also add accounts under those tags. OWNER only; audited as a member added.
   *
   * @param owner the vault, open as an OWNER
   * @param name 1 to 40 of {@code a-z 0-9 -}, starting with a letter or digit
   * @param grants the tags whose accounts the token may list and reveal; at least one
   * @param canAdd whether the token may add accounts (each under granted tags only)
   * @return the token, to show once: it is not stored anywhere
   * @throws IllegalArgumentException if the name is malformed or taken, or there is no grant
   * @throws io.totpkit.vault.VaultAccessException if {@code owner} is not open as an OWNER
   */
  public static String create(Vault owner, String name, Set<String> grants, boolean canAdd) {
    Objects.requireNonNull(owner, "owner");
    checkName(name);
    if (grants.isEmpty()) {
      throw new IllegalArgumentException("a token needs at least one granted tag to see any account");
    }
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    Wipe.bytes(bytes);
    owner.addMember(MEMBER_PREFIX + name, canAdd ? Role.CONTRIBUTOR : Role.OPERATOR, grants, secret.toCharArray());
    return "totp_" + name + "_" + secret;
  }

  /**
   * Lists the tokens: the vault's members named {@code token:…}, names without the prefix. OWNER or OPERATOR.
   *
   * @param vault the vault
   * @return the tokens' members, in the order they were added
   */
  public static List<Member> list(Vault vault) {
    List<Member> out = new ArrayList<>();
    for (Member m : vault.members()) {
      if (m.name().startsWith(MEMBER_PREFIX)) {
        out.add(m);
      }
    }
    return out;
  }

  /**
   * Revokes a token: removes its member, rotating every key it held. A server using it refuses it from its next
   * request on. OWNER only; audited.
   *
   * @param owner the vault, open as an OWNER
   * @param name the token's name
   * @throws io.totpkit.vault.UnknownMemberException if there is no such token
   */
  public static void revoke(Vault owner, String name) {
    checkName(name);
    owner.removeMember(MEMBER_PREFIX + name);
  }

  /** Whether a vault member name is a token's. */
  public static boolean isToken(String memberName) {
    return memberName.startsWith(MEMBER_PREFIX);
  }

  /** A token split into its name and secret, or {@code null} if it is not shaped like one. */
  static String[] parse(String token) {
    if (token == null || token.length() > 100) {
      return null;
    }
    java.util.regex.Matcher m = TOKEN.matcher(token);
    return m.matches() ? new String[] {m.group(1), m.group(2)} : null;
  }

  private static void checkName(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("a token name is 1 to 40 of a-z, 0-9 and '-', starting with a letter or "
          + "digit");
    }
  }
}
