package io.totpkit.server;

import io.totpkit.core.OtpAuthUri;
import io.totpkit.core.OtpType;
import io.totpkit.server.pages.SettingRow;
import io.totpkit.vault.RevealedCode;
import io.totpkit.vault.Vault;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The client onboarding pages: an OWNER's list of links with the form that makes one (shown once), and the client's
 * page behind a link — short instructions, a screenshot or setup key, then the current code with its countdown to
 * type into the platform's "enter the code" step. A screenshot is read as the add page reads one, for a client: the QR
 * code checked against the printed key, or the printed key alone when it is certain (a doubtful one, or one that
 * differs from the QR code, asks for a new screenshot or the pasted key). The upload is read before the link is
 * claimed, so a picture that adds nothing costs the client nothing; the add and the reveal are recorded under the
 * link's member, the reveal with the client's address and "onboarding link LABEL" as its reason, and the tags'
 * webhooks are told.
 */
final class OnboardingPages {
  private final StaffPages pages;
  private final OnboardingLinks links;
  private final Reveals reveals;

  OnboardingPages(StaffPages pages, OnboardingLinks links, Reveals reveals) {
    this.pages = pages;
    this.links = links;
    this.reveals = reveals;
  }

  List<Route> routes() {
    return List.of(
        new Route("GET", "/onboarding", Permission.OWNER, x -> list(x, 200, null, null)),
        new Route("POST", "/onboarding", Permission.OWNER, this::create),
        new Route("GET", "/onboard/{id}", Permission.ANYONE, this::clientPage),
        new Route("POST", "/onboard/{id}", Permission.ANYONE, this::clientAdd));
  }

  private Reply list(Exchange x, int status, String newLink, String message) {
    links.tidy(x.caller().vault);
    Instant now = pages.now();
    List<SettingRow> rows = new ArrayList<>();
    for (OnboardingLinks.Link link : links.all()) {
      rows.add(new SettingRow(link.label, String.join(", ", link.tags), link.used ? "used"
          : link.open(now) ? "open until " + link.expires : "expired"));
    }
    Map<String, Object> model = pages.signedIn(x);
    model.put("links", rows);
    model.put("newLink", newLink);
    model.put("message", message);
    return pages.page(status, "onboarding", model);
  }

  private Reply create(Exchange x) {
    Map<String, String> form = x.form();
    String path;
    try {
      path = links.create(x.caller().vault, form.getOrDefault("label", "").strip(),
          Uploads.tags(form.getOrDefault("tags", "")));
    } catch (ApiError e) {
      return list(x, e.status, null, e.getMessage());
    }
    return list(x, 200, x.absolute(path), null);
  }

  private Reply clientPage(Exchange x) {
    OnboardingLinks.Link link = links.find(x.parameter);
    if (!link.open(pages.now())) {
      return gone(link);
    }
    return form(link, x, 200, null);
  }

  private Reply clientAdd(Exchange x) {
    OnboardingLinks.Link link = links.find(x.parameter);
    if (!link.open(pages.now())) {
      return gone(link);
    }
    List<OtpAuthUri> found;
    try {
      found = accounts(x, link);
    } catch (ApiError e) {
      return form(link, x, e.status, e.getMessage());
    }
    Vault vault;
    try {
      vault = links.claim(x.parameter);
    } catch (ApiError e) {
      return e.status == 410 ? gone(link) : form(link, x, e.status, e.getMessage());
    }
    try {
      Caller caller = new Caller(Caller.Kind.LINK, OnboardingLinks.MEMBER_PREFIX + link.id, vault, true);
      UUID first = null;
      io.totpkit.vault.RevealNote note = io.totpkit.vault.RevealNote.of(x.client, "onboarding link " + link.label);
      for (OtpAuthUri uri : found) {
        UUID id = vault.add(uri, link.tags, note);
        if (first == null && uri.type() == OtpType.TOTP) {
          first = id;
        }
      }
      if (first == null) {
        return pages.bare(200, "Saved", "Your account was saved with the agency.");
      }
      RevealedCode code = reveals.reveal(caller, first.toString(), "onboarding link " + link.label, x.client);
      Map<String, Object> model = new HashMap<>();
      model.put("issuer", code.entry().issuer());
      model.put("account", code.entry().account());
      model.put("code", code.code());
      model.put("secondsLeft", code.secondsLeft());
      model.put("period", code.entry().period().map(p -> p.getSeconds()).orElse(30L));
      return pages.page(200, "onboard-code", model);
    } finally {
      vault.close();
    }
  }

  /**
   * The accounts the client sent: a screenshot's, read by the {@link ScreenshotIntake} for a client (a printed key
   * without a QR code is named by the fields given, else by the link's label; no override, no code), an export file's,
   * or a pasted key's or link's.
   */
  private List<OtpAuthUri> accounts(Exchange x, OnboardingLinks.Link link) {
    byte[] file = x.upload();
    if (file != null && file.length > 0 && Uploads.isPicture(file)) {
      ScreenshotIntake.Choices choices = ScreenshotIntake.Choices.of(x.form(), ScreenshotIntake.Sender.CLIENT_PAGE,
          link.label);
      return pages.intake.accept(pages.intake.read(file), choices).accounts;
    }
    return Uploads.fileOrPasted(file, x.form()).accounts().stream().map(io.totpkit.vault.ImportFile.Account::uri)
        .toList();
  }

  private Reply form(OnboardingLinks.Link link, Exchange x, int status, String message) {
    Map<String, Object> model = new HashMap<>();
    model.put("label", link.label);
    model.put("action", "/onboard/" + x.parameter);
    model.put("message", message);
    return pages.page(status, "onboard", model);
  }

  private Reply gone(OnboardingLinks.Link link) {
    ApiError e = OnboardingLinks.gone(link);
    return pages.bare(410, "This link no longer works", e.getMessage());
  }
}
