package io.totpkit.server;

import io.totpkit.server.pages.SettingRow;
import io.totpkit.vault.Member;
import io.totpkit.vault.Role;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The settings page (OWNERs): tokens — created (shown once), listed, revoked — and each tag's policy — a reason
 * required, a webhook (its signing secret shown once). The same operations as {@code totp tokens} and
 * {@code totp tags}, through {@link ApiTokens} and {@link ServerState}.
 */
final class SettingsPage {
  private final StaffPages pages;
  private final ServerState state;

  SettingsPage(StaffPages pages, ServerState state) {
    this.pages = pages;
    this.state = state;
  }

  List<Route> routes() {
    return List.of(
        new Route("GET", "/settings", Permission.OWNER, x -> page(x, 200, null, null, null)),
        new Route("POST", "/settings/tokens", Permission.OWNER, this::createToken),
        new Route("POST", "/settings/tokens/revoke", Permission.OWNER, this::revokeToken),
        new Route("POST", "/settings/tags", Permission.OWNER, this::setTag));
  }

  private Reply createToken(Exchange x) {
    Map<String, String> form = x.form();
    String token;
    try {
      token = ApiTokens.create(x.caller().vault, form.getOrDefault("name", ""),
          Uploads.tags(form.getOrDefault("grants", "")), "yes".equals(form.get("canAdd")));
    } catch (IllegalArgumentException e) {
      return page(x, 400, null, null, e.getMessage());
    }
    return page(x, 200, token, null, null);
  }

  private Reply revokeToken(Exchange x) {
    try {
      ApiTokens.revoke(x.caller().vault, x.form().getOrDefault("name", ""));
    } catch (IllegalArgumentException | java.util.NoSuchElementException e) {
      return page(x, 400, null, null, e.getMessage());
    }
    return Reply.redirect("/settings");
  }

  private Reply setTag(Exchange x) {
    Map<String, String> form = x.form();
    String webhook = form.getOrDefault("webhook", "").strip();
    Optional<String> secret;
    try {
      TagPolicy policy = TagPolicy.of("yes".equals(form.get("reason")), webhook.isEmpty() ? null : new URI(webhook));
      String tag = form.getOrDefault("tag", "").strip();
      if (tag.isEmpty()) {
        throw new IllegalArgumentException("name the tag");
      }
      secret = state.setTagPolicy(x.caller().vault, tag, policy);
    } catch (URISyntaxException | IllegalArgumentException e) {
      return page(x, 400, null, null, e instanceof URISyntaxException
          ? "a webhook must be an absolute http:// or https:// URL" : e.getMessage());
    }
    return page(x, 200, null, secret.orElse(null), null);
  }

  private Reply page(Exchange x, int status, String newToken, String newSecret, String message) {
    List<SettingRow> tokens = new ArrayList<>();
    for (Member m : ApiTokens.list(x.caller().vault)) {
      tokens.add(new SettingRow(m.name().substring(ApiTokens.MEMBER_PREFIX.length()),
          String.join(", ", m.grantedTags()), m.role() == Role.CONTRIBUTOR ? "yes" : "no"));
    }
    List<SettingRow> tags = new ArrayList<>();
    state.tagPolicies().forEach((tag, policy) -> tags.add(new SettingRow(tag,
        policy.reasonRequired() ? "required" : "optional", policy.webhook().map(u -> u.getScheme() + "://"
            + u.getHost() + "/…").orElse("-"))));
    Map<String, Object> model = pages.signedIn(x);
    model.put("tokens", tokens);
    model.put("tags", tags);
    model.put("newToken", newToken);
    model.put("newSecret", newSecret);
    model.put("message", message);
    return pages.page(status, "settings", model);
  }
}
