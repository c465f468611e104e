package io.totpkit.server;

import io.totpkit.core.InvalidSecretException;
import io.totpkit.core.OtpAuthUri;
import io.totpkit.core.Secret;
import io.totpkit.server.pages.FoundView;
import io.totpkit.vault.ImportFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The add page (OWNERs, CONTRIBUTORs): a screenshot (chosen, dropped or pasted) or another app's export file (with its
 * password if encrypted), or a pasted setup key, otpauth link or Google Authenticator export link; the page shows what
 * it found, and each entry of an export it cannot use with the reason, — service, account, digits, period, never the key —
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
    ImportFile found;
    try {
      found = found(x);
    } catch (ApiError e) {
      return form(x, e.status, e.getMessage());
    }
    x.session.pendingAdd(found.accounts());
    List<FoundView> shown = new ArrayList<>();
    for (ImportFile.Account account : found.accounts()) {
      OtpAuthUri uri = account.uri();
      shown.add(new FoundView(uri.issuer(), uri.account(), uri.digits(),
          uri.type() == io.totpkit.core.OtpType.TOTP ? uri.period().getSeconds() + " s" : "counter",
          String.join(", ", account.tags())));
    }
    List<String> skipped = new ArrayList<>();
    found.skipped().forEach(item -> skipped.add(item.item() + ": " + item.reason()));
    Map<String, Object> model = pages.signedIn(x);
    model.put("format", found.format());
    model.put("found", shown);
    model.put("skipped", skipped);
    model.put("tags", x.form().getOrDefault("tags", ""));
    return pages.page(200, "found", model);
  }

  /**
   * The accounts a form brings: its file (a screenshot, or an export of another app, with its password if encrypted),
   * or its pasted link or key (which needs a service and account).
   */
  static ImportFile found(Exchange x) {
    Map<String, String> form = x.form();
    byte[] file = x.upload();
    if (file != null && file.length > 0) {
      return Uploads.file(file, form.get("password"));
    }
    String text = form.getOrDefault("text", "").strip();
    if (text.isEmpty()) {
      throw ApiError.badRequest("choose or paste a screenshot or an export file, or paste a setup key or link");
    }
    if (text.regionMatches(true, 0, "otpauth", 0, 7)) {
      return ImportFile.of("pasted link", Uploads.parse(text));
    }
    String issuer = form.getOrDefault("issuer", "").strip();
    String account = form.getOrDefault("account", "").strip();
    if (issuer.isEmpty() || account.isEmpty()) {
      throw ApiError.badRequest("a setup key needs the service and the account name it belongs to");
    }
    try {
      return ImportFile.of("setup key", List.of(OtpAuthUri.totp(Secret.fromBase32(text)).issuer(issuer)
          .account(account).build()));
    } catch (InvalidSecretException e) {
      throw new ApiError(400, "INVALID_KEY", e.getMessage());
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest(e.getMessage());
    }
  }

  private Reply confirm(Exchange x) {
    List<ImportFile.Account> found = x.session.takePendingAdd();
    if (found == null) {
      return form(x, 409, "Nothing is waiting to be added; read a screenshot or key first.");
    }
    java.util.Set<String> tags = Uploads.tags(x.form().getOrDefault("tags", ""));
    for (ImportFile.Account account : found) {
      java.util.Set<String> all = new java.util.TreeSet<>(tags);
      all.addAll(account.tags());
      try {
        x.caller().vault.add(account.uri(), all);
      } catch (IllegalArgumentException e) {
        return form(x, 400, e.getMessage());
      }
    }
    return Reply.redirect("/accounts");
  }
}
