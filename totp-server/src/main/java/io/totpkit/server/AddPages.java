package io.totpkit.server;

import io.totpkit.core.OtpAuthUri;
import io.totpkit.core.OtpType;
import io.totpkit.ocr.ScreenshotReading;
import io.totpkit.server.ScreenshotIntake.Choices;
import io.totpkit.server.ScreenshotIntake.Sender;
import io.totpkit.server.pages.FoundView;
import io.totpkit.vault.ImportFile;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The add page (OWNERs, CONTRIBUTORs): a screenshot (chosen, dropped or pasted) or another app's export file (with its
 * password if encrypted), or a pasted setup key, otpauth link or Google Authenticator export link; the page shows what
 * it found and how a screenshot was read, and each entry of an export it cannot use with the reason, — service,
 * account, digits, period, never the key — and adds it, with the tags given, only once confirmed. What was found waits
 * in the member's session in between.
 *
 * <p>A screenshot the {@link ScreenshotIntake} cannot add as it is (a printed key without a QR code needs the service
 * and account name, and a code when a character is in doubt; a printed key that differs from the QR code needs a
 * person's check) waits in the session too: the form comes back with the sentence and asks for just that, and the
 * picture need not be sent again.
 */
final class AddPages {
  /** The value of the form field {@code picture} that means "the picture waiting in the session". */
  private static final String PENDING = "pending";

  private final StaffPages pages;

  AddPages(StaffPages pages) {
    this.pages = pages;
  }

  List<Route> routes() {
    return List.of(
        new Route("GET", "/add", Permission.ADD, this::start),
        new Route("POST", "/add", Permission.ADD, this::read),
        new Route("POST", "/add/confirm", Permission.ADD, this::confirm));
  }

  private Reply start(Exchange x) {
    x.session.pendingPicture(null);
    return form(x, 200, null);
  }

  private Reply form(Exchange x, int status, String message) {
    Map<String, Object> model = pages.signedIn(x);
    model.put("message", message);
    return pages.page(status, "add", model);
  }

  private Reply read(Exchange x) {
    Uploads.Found found;
    try {
      byte[] file = x.upload();
      boolean hasFile = file != null && file.length > 0;
      Map<String, String> form = x.form();
      if (hasFile && Uploads.isPicture(file)) {
        x.session.pendingPicture(null);   // another picture replaces the waiting one, even if it reads as nothing
        return picture(x, pages.intake.read(file));
      }
      if (!hasFile && form.getOrDefault("text", "").isBlank() && PENDING.equals(form.get("picture"))) {
        ScreenshotReading pending = x.session.pendingPicture();
        if (pending == null) {
          return form(x, 409, "The picture is no longer waiting here: send it again.");
        }
        return picture(x, pending);
      }
      x.session.pendingPicture(null);
      found = new Uploads.Found(Uploads.fileOrPasted(file, form), Set.of());
    } catch (ApiError e) {
      return form(x, e.status, e.getMessage());
    }
    return found(x, found);
  }

  /** A picture's accounts shown to confirm; or, when it cannot be added as it is, the form asking what it needs. */
  private Reply picture(Exchange x, ScreenshotReading reading) {
    Map<String, String> form = x.form();
    ScreenshotIntake.Accepted accepted;
    try {
      accepted = pages.intake.accept(reading, Choices.of(form, Sender.STAFF_PAGE, null));
    } catch (ApiError e) {
      x.session.pendingPicture(reading);
      Map<String, Object> model = pages.signedIn(x);
      model.put("message", e.getMessage());
      model.put("readBy", reading.describe());
      model.put("pending", true);
      model.put("askOverride", e.code.equals("PRINTED_KEY_DIFFERS"));
      model.put("askCode", reading.qr().isEmpty());
      model.put("issuer", form.getOrDefault("issuer", "").strip());
      model.put("account", form.getOrDefault("account", "").strip());
      return pages.page(e.status, "add", model);
    }
    x.session.pendingPicture(null);
    return found(x, new Uploads.Found(accepted, Set.of()));
  }

  /** What was found, waiting in the session for the member's confirmation. */
  private Reply found(Exchange x, Uploads.Found found) {
    x.session.pendingAdd(found.accounts);
    List<FoundView> shown = new ArrayList<>();
    for (ImportFile.Account account : found.accounts) {
      OtpAuthUri uri = account.uri();
      shown.add(new FoundView(uri.issuer(), uri.account(), uri.digits(),
          uri.type() == OtpType.TOTP ? uri.period().getSeconds() + " s" : "counter",
          String.join(", ", account.tags())));
    }
    List<String> skipped = new ArrayList<>();
    found.skipped.forEach(item -> skipped.add(item.item() + ": " + item.reason()));
    Map<String, Object> model = pages.signedIn(x);
    model.put("format", found.format);
    model.put("readBy", found.readBy);
    model.put("note", found.note);
    model.put("found", shown);
    model.put("skipped", skipped);
    model.put("tags", x.form().getOrDefault("tags", ""));
    return pages.page(200, "found", model);
  }

  private Reply confirm(Exchange x) {
    List<ImportFile.Account> found = x.session.takePendingAdd();
    if (found == null) {
      return form(x, 409, "Nothing is waiting to be added; read a screenshot or key first.");
    }
    Set<String> tags = Uploads.tags(x.form().getOrDefault("tags", ""));
    for (ImportFile.Account account : found) {
      Set<String> all = new TreeSet<>(tags);
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
