package io.totpkit.server;

import io.totpkit.core.MigrationPayload;
import io.totpkit.core.OtpAuthUri;
import io.totpkit.core.OtpException;
import io.totpkit.core.Wipe;
import io.totpkit.qr.QrCodes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;

/**
 * Reads the accounts a request to add brings: {@code {"uri": "otpauth://…" or "otpauth-migration://…", "tags": […]}}
 * as JSON, or a screenshot as {@code multipart/form-data} (field {@code image}, optional field {@code tags}, comma
 * separated; {@link MultipartForm} holds it in memory only).
 */
final class Uploads {

  /** What a request brought. */
  static final class Found {
    final List<OtpAuthUri> uris;
    final Set<String> tags;

    Found(List<OtpAuthUri> uris, Set<String> tags) {
      this.uris = uris;
      this.tags = tags;
    }
  }

  Found read(Exchange exchange) {
    String type = exchange.header(HttpHeader.CONTENT_TYPE);
    if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      byte[] image = exchange.upload();
      if (image == null) {
        throw ApiError.badRequest("the form has no 'image' field");
      }
      return new Found(screenshot(image), tags(exchange.form().getOrDefault("tags", "")));
    }
    JsonBody body = exchange.json(Set.of("uri", "tags"));
    return new Found(parse(body.required("uri")), body.strings("tags"));
  }

  /** Every account a screenshot holds; the image's bytes are zeroed once read. */
  static List<OtpAuthUri> screenshot(byte[] image) {
    try {
      return QrCodes.read(image);
    } catch (OtpException e) {
      throw new ApiError(400, "NO_ACCOUNT_FOUND", "no authenticator QR code was found in the image: "
          + e.getMessage());
    } finally {
      Wipe.bytes(image);
    }
  }

  /** Comma-separated tags, blanks dropped. */
  static Set<String> tags(String text) {
    Set<String> tags = new LinkedHashSet<>();
    for (String tag : text.split(",")) {
      if (!tag.isBlank()) {
        tags.add(tag.strip());
      }
    }
    return tags;
  }

  /** An {@code otpauth://} URI, or every account of a Google Authenticator export. */
  static List<OtpAuthUri> parse(String text) {
    try {
      if (text.regionMatches(true, 0, "otpauth-migration:", 0, "otpauth-migration:".length())) {
        return new ArrayList<>(MigrationPayload.parse(text).accounts());
      }
      return List.of(OtpAuthUri.parse(text));
    } catch (OtpException e) {
      throw new ApiError(400, "INVALID_URI", e.getMessage());
    }
  }


}
