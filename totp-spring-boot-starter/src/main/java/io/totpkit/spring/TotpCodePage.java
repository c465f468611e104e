package io.totpkit.spring;

import org.springframework.web.util.HtmlUtils;

/**
 * The starter's default code page: plain HTML, every inserted value escaped. Either the code form, or, for a user
 * without a confirmed key, the enrollment (QR code and setup key) above the same form.
 *
 * <p>Thread-safety: stateless.
 */
final class TotpCodePage {
  static final String NOT_ACCEPTED = "That code was not accepted. Enter the current code from your app, or a"
      + " recovery code.";

  private TotpCodePage() {}

  static String render(String action, String csrfParameter, String csrfToken, boolean error,
      EnrollmentStart enrollment) {
    StringBuilder html = new StringBuilder(2048);
    html.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">")
        .append("<title>").append(enrollment == null ? "Verification code" : "Set up your authenticator app")
        .append("</title></head>\n<body><main>\n");
    if (enrollment == null) {
      html.append("<h1>Verification code</h1>\n<p>Enter the code from your authenticator app.</p>\n");
    } else {
      html.append("<h1>Set up your authenticator app</h1>\n<p>Scan this code with your authenticator app, or enter")
          .append(" the setup key, then enter the code it shows.</p>\n");
      enrollment.qrSvgDataUri().ifPresent(uri -> html.append("<p><img alt=\"QR code for your authenticator app\" ")
          .append("width=\"240\" height=\"240\" src=\"").append(escape(uri)).append("\"></p>\n"));
      html.append("<p>Setup key: <code id=\"setup-key\">").append(escape(enrollment.manualKey()))
          .append("</code></p>\n");
    }
    if (error) {
      html.append("<p role=\"alert\" id=\"error\">").append(escape(NOT_ACCEPTED)).append("</p>\n");
    }
    html.append("<form method=\"post\" action=\"").append(escape(action)).append("\">\n")
        .append("<label for=\"code\">Code</label>\n")
        .append("<input id=\"code\" name=\"code\" autocomplete=\"one-time-code\" inputmode=\"numeric\" ")
        .append("autofocus required maxlength=\"32\" spellcheck=\"false\">\n");
    if (csrfToken != null) {
      html.append("<input type=\"hidden\" name=\"").append(escape(csrfParameter)).append("\" value=\"")
          .append(escape(csrfToken)).append("\">\n");
    }
    html.append("<button type=\"submit\">Verify</button>\n</form>\n</main></body></html>\n");
    return html.toString();
  }

  private static String escape(String text) {
    return HtmlUtils.htmlEscape(text, "UTF-8");
  }
}
