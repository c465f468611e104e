package io.totpkit.server;

/**
 * What a route asks of its caller, checked by {@link ApiHandler} before the route's endpoint runs, so that no
 * endpoint can forget it.
 */
enum Permission {
  /** Anyone, signed in or not (health, the sign-in steps). */
  ANYONE,
  /** A staff member past their passphrase, before their own TOTP code (the second sign-in step). */
  PASSPHRASE_CHECKED,
  /** A signed-in staff member or a token: lists and reveals what their vault keys open. */
  CALLER,
  /** An OWNER's session: the audit trail. */
  OWNER,
  /** An OWNER's or CONTRIBUTOR's session, or a token created with {@code --can-add}: adds accounts. */
  ADD;
}
