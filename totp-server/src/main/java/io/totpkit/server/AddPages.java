package io.totpkit.server;

import io.totpkit.core.InvalidSecretException;
import io.totpkit.core.OtpAuthUri;
import io.totpkit.core.Secret;
import io.totpkit.server.pages.FoundView;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The add page (OWNERs, CONTRIBUTORs): a screenshot (chosen, dropped or pasted), or a pasted setup key, otpauth link or
 * Google Authenticator export link; the page shows what it found — service, account, digits, period, never the key —
 * and adds it, with the tags given, only once confirmed. What was found waits in the member's session in between.
 */
final class AddPages {
  private final StaffPages pages;

  AddPages(StaffPages pages) {
    this.pages = pages;
  }

  List<Route> routes() {
    return List.of(
        new Route("GET", "/add", Permission.ADD, x -> form(x, 200, null)),
        new Route("POST", "/add", Permission.ADD, this::read),
        new Route("POST", "/add/confirm", Permission.ADD, this::confirm));
  }

  private Reply form(Exchange x, int status, String message) {
    Map<String, Object> model = pages.signedIn(x);
    model.put("message", message);
    return pages.page(status, "add", model);
  }

  private Reply read(Exchange x) {
    List<OtpAuthUri> found;
    try {
      found = found(x);
    } catch (ApiError e) {
      return form(x, e.status, e.getMessage());
    }
    x.session.pendingAdd(found);
    List<FoundView> shown = new ArrayList<>();
    for (OtpAuthUri uri : found) {
      shown.add(new FoundView(uri.issuer(), uri.account(), uri.digits(),
          uri.type() == io.totpkit.core.OtpType.TOTP ? uri.period().getSeconds() + " s" : "counter"));
    }
    Map<String, Object> model = pages.signedIn(x);
    model.put("found", shown);
    model.put("tags", x.form().getOrDefault("tags", ""));
    return pages.page(200, "found", model);
  }

  /** The accounts a form brings: its screenshot, or its pasted link or key (which needs a service and account). */
  static List<OtpAuthUri> found(Exchange x) {
    Map<String, String> form = x.form();
    byte[] image = x.upload();
    if (image != null && image.length > 0) {
      return Uploads.screenshot(image);
    }
    String text = form.getOrDefault("text", "").strip();
    if (text.isEmpty()) {
      throw ApiError.badRequest("choose or paste a screenshot, or paste a setup key or link");
    }
    if (text.regionMatches(true, 0, "otpauth", 0, 7)) {
      return Uploads.parse(text);
    }
    String issuer = form.getOrDefault("issuer", "").strip();
    String account = form.getOrDefault("account", "").strip();
    if (issuer.isEmpty() || account.isEmpty()) {
      throw ApiError.badRequest("a setup key needs the service and the account name it belongs to");
    }
    try {
      return List.of(OtpAuthUri.totp(Secret.fromBase32(text)).issuer(issuer).account(account).build());
    } catch (InvalidSecretException e) {
      throw new ApiError(400, "INVALID_KEY", e.getMessage());
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest(e.getMessage());
    }
  }

  private Reply confirm(Exchange x) {
    List<OtpAuthUri> found = x.session.takePendingAdd();
    if (found == null) {
      return form(x, 409, "Nothing is waiting to be added; read a screenshot or key first.");
    }
    java.util.Set<String> tags = Uploads.tags(x.form().getOrDefault("tags", ""));
    for (OtpAuthUri uri : found) {
      try {
        x.caller().vault.add(uri, tags);
      } catch (IllegalArgumentException e) {
        return form(x, 400, e.getMessage());
      }
    }
    return Reply.redirect("/accounts");
  }
}
