package io.totpkit.server;

import io.totpkit.core.Secret;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The page behind an invitation link, for someone with no account yet: the new member's sign-in key (QR code and
 * setup key), their passphrase chosen twice, and the code that proves their app holds the key.
 */
final class InvitationPages {
  private final StaffPages pages;
  private final Invitations invitations;

  InvitationPages(StaffPages pages, Invitations invitations) {
    this.pages = pages;
    this.invitations = invitations;
  }

  List<Route> routes() {
    return List.of(
        new Route("GET", "/invite/{id}", Permission.ANYONE, this::page),
        new Route("GET", "/invite/{id}/qr.png", Permission.ANYONE, this::qr),
        new Route("POST", "/invite/{id}", Permission.ANYONE, this::accept));
  }

  private Reply page(Exchange x) {
    Invitations.Invite invite;
    try {
      invite = invitations.find(x.parameter);
    } catch (ApiError e) {
      return pages.bare(e.status, "This invitation does not work", e.getMessage());
    }
    return form(x, invite, 200, null);
  }

  private Reply qr(Exchange x) {
    Invitations.Invite invite = invitations.find(x.parameter);
    Secret factor = invitations.factor(invite);
    try {
      return Reply.of(200, "image/png", SignInFactor.enrolmentPng(factor, invite.name()));
    } finally {
      factor.destroy();
    }
  }

  private Reply accept(Exchange x) {
    Invitations.Invite invite;
    try {
      invite = invitations.find(x.parameter);
    } catch (ApiError e) {
      return pages.bare(e.status, "This invitation does not work", e.getMessage());
    }
    Map<String, String> form = x.form();
    String passphrase = form.getOrDefault("passphrase", "");
    if (!passphrase.equals(form.getOrDefault("again", ""))) {
      return form(x, invite, 400, "The two passphrases differ.");
    }
    try {
      invitations.accept(invite, passphrase.toCharArray(), form.getOrDefault("code", ""));
    } catch (ApiError e) {
      return e.status == 410 ? pages.bare(410, "This invitation does not work", e.getMessage())
          : form(x, invite, e.status, e.getMessage());
    }
    return pages.bare(200, "You are all set", "Your passphrase and authenticator are saved. You can sign in at "
        + "/sign-in as " + invite.name() + " once " + invite.fields.get("by") + " has next opened totpkit.");
  }

  private Reply form(Exchange x, Invitations.Invite invite, int status, String message) {
    Secret factor = invitations.factor(invite);
    Map<String, Object> model = new HashMap<>();
    model.put("name", invite.name());
    model.put("action", "/invite/" + x.parameter);
    model.put("setupKey", factor.toBase32());
    model.put("message", message);
    factor.destroy();
    return pages.page(status, "invite", model);
  }
}
