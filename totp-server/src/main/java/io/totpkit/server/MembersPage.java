package io.totpkit.server;

import io.totpkit.server.pages.SettingRow;
import io.totpkit.vault.Member;
import io.totpkit.vault.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The members page (OWNERs): every member (tokens are on the settings page) with their role and grants; change a
 * member's role and grants, or remove them. Taking access away rotates the keys the member held, as
 * {@code totp members change} and {@code remove} do.
 */
final class MembersPage {
  private final StaffPages pages;
  private final Invitations invitations;

  MembersPage(StaffPages pages, Invitations invitations) {
    this.pages = pages;
    this.invitations = invitations;
  }

  List<Route> routes() {
    return List.of(
        new Route("GET", "/members", Permission.OWNER, x -> page(x, 200, null, null)),
        new Route("POST", "/members/invite", Permission.OWNER, this::invite),
        new Route("POST", "/members/change", Permission.OWNER, this::change),
        new Route("POST", "/members/remove", Permission.OWNER, this::remove));
  }

  private Reply change(Exchange x) {
    Map<String, String> form = x.form();
    Role role = role(form.getOrDefault("role", ""));
    if (role == null) {
      return page(x, 400, "a role is owner, operator or contributor", null);
    }
    java.util.Set<String> grants = Uploads.tags(form.getOrDefault("grants", ""));
    if (role != Role.OWNER && grants.isEmpty()) {
      return page(x, 400, "an operator or contributor needs at least one granted tag", null);
    }
    try {
      x.caller().vault.changeMember(form.getOrDefault("name", ""), role, grants);
    } catch (IllegalArgumentException | NoSuchElementException e) {
      return page(x, 400, e.getMessage(), null);
    }
    return Reply.redirect("/members");
  }

  private Reply remove(Exchange x) {
    try {
      x.caller().vault.removeMember(x.form().getOrDefault("name", ""));
    } catch (IllegalArgumentException | NoSuchElementException e) {
      return page(x, 400, e.getMessage(), null);
    }
    return Reply.redirect("/members");
  }

  private Reply invite(Exchange x) {
    Map<String, String> form = x.form();
    Role role = role(form.getOrDefault("role", ""));
    if (role == null) {
      return page(x, 400, "a role is owner, operator or contributor", null);
    }
    String path;
    try {
      path = invitations.create(x.caller().vault, form.getOrDefault("name", "").strip(), role,
          Uploads.tags(form.getOrDefault("grants", "")));
    } catch (ApiError e) {
      return page(x, e.status, e.getMessage(), null);
    }
    return page(x, 200, null, x.absolute(path));
  }

  /** The role a form names, or {@code null}. */
  private static Role role(String text) {
    try {
      return Role.valueOf(text.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private Reply page(Exchange x, int status, String message, String newInvite) {
    invitations.complete(x.caller().vault);
    List<SettingRow> invites = new ArrayList<>();
    for (Map.Entry<String, String> e : pages.state.invites().entrySet()) {
      Map<String, Object> fields = tools.jackson.jr.ob.JSON.std.mapFrom(e.getValue());
      invites.add(new SettingRow((String) fields.get("name"), ((String) fields.get("role")).toLowerCase(Locale.ROOT),
          fields.get("passphrase") != null ? "accepted; added at its inviter's next visit"
              : "waiting until " + fields.get("expires")));
    }
    List<SettingRow> rows = new ArrayList<>();
    for (Member m : x.caller().vault.members()) {
      if (!ApiTokens.isToken(m.name()) && !OnboardingLinks.isLink(m.name())) {
        rows.add(new SettingRow(m.name(), m.role().name().toLowerCase(Locale.ROOT),
            String.join(", ", m.grantedTags())));
      }
    }
    Map<String, Object> model = pages.signedIn(x);
    model.put("members", rows);
    model.put("message", message);
    model.put("newInvite", newInvite);
    model.put("invites", invites);
    return pages.page(status, "members", model);
  }
}
