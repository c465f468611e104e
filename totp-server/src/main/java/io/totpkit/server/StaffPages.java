package io.totpkit.server;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.totpkit.core.Secret;
import io.totpkit.server.pages.AccountView;
import io.totpkit.vault.RevealedCode;
import io.totpkit.vault.VaultEntry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The staff pages, server-rendered from templates compiled at build time (jte, which escapes every value for its
 * place in the HTML): sign-in in two steps with the enrolment QR code at a first sign-in, the accounts a member may
 * use (searchable, filterable by tag), a code with its countdown, sign-out. Every form acting for a member carries the
 * session's CSRF token ({@link PageHandler}); the pages' only script is {@code /static/app.js}.
 */
final class StaffPages {
  private static final String HTML = "text/html; charset=utf-8";

  private final TemplateEngine engine = TemplateEngine.createPrecompiled(null, ContentType.Html,
      StaffPages.class.getClassLoader(), "io.totpkit.server.pages");
  private final SignIn signIn;
  final ServerState state;
  final Reveals reveals;
  private final java.time.Clock clock;
  final Invitations invitations;
  final ScreenshotIntake intake;

  StaffPages(SignIn signIn, Reveals reveals, ServerState state, java.time.Clock clock, Invitations invitations,
      ScreenshotIntake intake) {
    this.clock = clock;
    this.intake = intake;
    this.invitations = invitations;
    this.signIn = signIn;
    this.reveals = reveals;
    this.state = state;
  }

  List<Route> routes() {
    return List.of(
        new Route("GET", "/", Permission.ANYONE, x -> Reply.redirect(x.caller != null ? "/accounts" : "/sign-in")),
        new Route("GET", "/static/app.js", Permission.ANYONE, x -> asset("app.js", "text/javascript; charset=utf-8")),
        new Route("GET", "/static/app.css", Permission.ANYONE, x -> asset("app.css", "text/css; charset=utf-8")),
        new Route("GET", "/sign-in", Permission.ANYONE, this::signInPage),
        new Route("POST", "/sign-in", Permission.ANYONE, this::signInStart),
        new Route("GET", "/sign-in/code", Permission.PASSPHRASE_CHECKED, this::codePage),
        new Route("GET", "/sign-in/qr.png", Permission.PASSPHRASE_CHECKED, this::enrolmentQr),
        new Route("POST", "/sign-in/code", Permission.PASSPHRASE_CHECKED, this::signInCode),
        new Route("POST", "/sign-out", Permission.CALLER, this::signOut),
        new Route("GET", "/accounts", Permission.CALLER, this::accounts),
        new Route("POST", "/accounts/{id}/code", Permission.CALLER, this::reveal));
  }

  private Reply signInPage(Exchange x) {
    if (x.caller != null) {
      return Reply.redirect("/accounts");
    }
    Map<String, Object> model = new HashMap<>();
    model.put("message", null);
    return page(200, "signin", model);
  }

  private Reply signInStart(Exchange x) {
    Map<String, String> form = x.form();
    SignIn.Started started;
    try {
      started = signIn.start(form.getOrDefault("member", ""), form.getOrDefault("passphrase", ""), x.client);
    } catch (ApiError e) {
      Map<String, Object> model = new HashMap<>();
      model.put("message", e.status == 401 ? "That member name and passphrase do not match." : e.getMessage());
      return page(e.status, "signin", model);
    }
    return Reply.redirect("/sign-in/code").withHeader("Set-Cookie", SignInEndpoints.cookie(started.id, x.secure));
  }

  private Reply codePage(Exchange x) {
    return codeForm(x, 200, null);
  }

  private Reply codeForm(Exchange x, int status, String message) {
    Secret enrolling = x.session.enrolling();
    Map<String, Object> model = new HashMap<>();
    model.put("member", x.session.member);
    model.put("csrf", x.session.csrf);
    model.put("setupKey", enrolling == null ? null : enrolling.toBase32());
    model.put("message", message);
    return page(status, "code", model);
  }

  private Reply enrolmentQr(Exchange x) {
    Secret enrolling = x.session.enrolling();
    if (enrolling == null) {
      throw ApiError.noSuchAccount();
    }
    return Reply.of(200, "image/png", SignInFactor.enrolmentPng(enrolling, x.session.member));
  }

  private Reply signInCode(Exchange x) {
    String id;
    try {
      id = signIn.confirm(x.sessionId, x.session, x.form().getOrDefault("code", ""), x.client);
    } catch (ApiError e) {
      return codeForm(x, e.status, e.getMessage());
    }
    // An OWNER's sign-in completes the members they invited who have accepted since.
    invitations.complete(x.session.vault);
    return Reply.redirect("/accounts").withHeader("Set-Cookie", SignInEndpoints.cookie(id, x.secure));
  }

  private Reply signOut(Exchange x) {
    signIn.end(x.sessionId);
    return Reply.redirect("/sign-in").withHeader("Set-Cookie", SignInEndpoints.cleared(x.secure));
  }

  private Reply accounts(Exchange x) {
    Map<String, String> query = x.form();
    String text = query.getOrDefault("q", "").strip();
    String tag = query.getOrDefault("tag", "");
    Set<String> reasonTags = state.reasonTags();
    Set<String> allTags = new TreeSet<>();
    List<AccountView> shown = new ArrayList<>();
    for (VaultEntry entry : x.caller().vault.entries()) {
      allTags.addAll(entry.tags());
      if ((tag.isEmpty() || entry.tags().contains(tag)) && matches(entry, text)) {
        shown.add(view(entry, reasonTags));
      }
    }
    Map<String, Object> model = signedIn(x);
    model.put("accounts", shown);
    model.put("tags", new ArrayList<>(allTags));
    model.put("query", text);
    model.put("tag", tag);
    return page(200, "accounts", model);
  }

  private Reply reveal(Exchange x) {
    RevealedCode code = reveals.reveal(x.caller(), x.parameter, x.form().get("reason"), x.client);
    VaultEntry entry = code.entry();
    Map<String, Object> model = signedIn(x);
    model.put("account", view(entry, Set.of()));
    model.put("code", code.code());
    model.put("secondsLeft", code.secondsLeft());
    model.put("period", entry.period().map(p -> p.getSeconds()).orElse(0L));
    return page(200, "reveal", model);
  }

  private static io.totpkit.server.pages.Viewer viewer(Caller caller) {
    return new io.totpkit.server.pages.Viewer(caller.name, caller.vault.role() == io.totpkit.vault.Role.OWNER,
        caller.mayAdd);
  }

  /** Now, on the server's clock. */
  Instant now() {
    return clock.instant();
  }

  /** A page of one message for someone not signed in (the client behind an onboarding link). */
  Reply bare(int status, String title, String message) {
    return message(null, null, status, title, message);
  }

  /** A page of one message, for refusals. */
  Reply message(Exchange x, int status, String title, String message) {
    return message(x.caller != null && x.session != null ? viewer(x.caller) : null,
        x.session != null ? x.session.csrf : null, status, title, message);
  }

  private Reply message(io.totpkit.server.pages.Viewer viewer, String csrf, int status, String title,
      String message) {
    Map<String, Object> model = new HashMap<>();
    model.put("member", viewer);
    model.put("csrf", csrf);
    model.put("title", title);
    model.put("message", message);
    return page(status, "message", model);
  }

  private static boolean matches(VaultEntry entry, String text) {
    if (text.isEmpty()) {
      return true;
    }
    String needle = text.toLowerCase(Locale.ROOT);
    return entry.issuer().toLowerCase(Locale.ROOT).contains(needle)
        || entry.account().toLowerCase(Locale.ROOT).contains(needle);
  }

  private static AccountView view(VaultEntry entry, Set<String> reasonTags) {
    boolean reason = false;
    for (String tag : entry.tags()) {
      reason |= reasonTags.contains(tag);
    }
    return new AccountView(entry.id().toString(), entry.issuer(), entry.account(), new ArrayList<>(entry.tags()),
        reason);
  }

  /** The model every signed-in page starts from: the member and the session's CSRF token. */
  static Map<String, Object> signedIn(Exchange x) {
    Map<String, Object> model = new HashMap<>();
    model.put("member", viewer(x.caller()));
    model.put("csrf", x.session.csrf);
    return model;
  }

  /** Renders a template into a page. */
  Reply page(int status, String template, Map<String, Object> model) {
    StringOutput out = new StringOutput();
    engine.render(template + ".jte", model, out);
    return Reply.of(status, HTML, out.toString().getBytes(StandardCharsets.UTF_8));
  }

  private static Reply asset(String name, String type) throws IOException {
    try (InputStream in = StaffPages.class.getResourceAsStream("static/" + name)) {
      if (in == null) {
        throw new AssertionError("the page asset " + name + " is missing from the jar");
      }
      return Reply.of(200, type, in.readAllBytes());
    }
  }
}
