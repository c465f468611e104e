package io.totpkit.server;

import io.totpkit.core.Wipe;
import io.totpkit.core.MigrationPayload;
import io.totpkit.core.OtpAuthUri;
import io.totpkit.core.OtpException;
import io.totpkit.qr.QrCodes;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartConfig;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Content;

/**
 * Reads the accounts a request to add brings: {@code {"uri": "otpauth://…" or "otpauth-migration://…", "tags": […]}}
 * as JSON, or a screenshot as {@code multipart/form-data} (field {@code image}, optional field {@code tags}, comma
 * separated). Uploads are held in memory only, never written to a temporary file: a screenshot of a QR code is a key.
 */
final class Uploads {
  /** The largest screenshot accepted. */
  static final int MAX_IMAGE_BYTES = 10 * 1024 * 1024;

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
      return multipart(exchange, type);
    }
    JsonBody body = exchange.json(Set.of("uri", "tags"));
    return new Found(parse(body.required("uri")), body.strings("tags"));
  }

  private Found multipart(Exchange exchange, String type) {
    if (exchange.request.getLength() > MAX_IMAGE_BYTES + 64 * 1024) {
      throw Exchange.tooLarge(MAX_IMAGE_BYTES);
    }
    MultiPartConfig config = new MultiPartConfig.Builder().maxParts(4).maxSize(MAX_IMAGE_BYTES + 64 * 1024)
        .maxPartSize(MAX_IMAGE_BYTES).maxMemoryPartSize(MAX_IMAGE_BYTES).useFilesForPartsWithoutFileName(false)
        .location(java.nio.file.Path.of(System.getProperty("java.io.tmpdir"))).build();
    MultiPartFormData.Parts parts;
    try {
      parts = MultiPartFormData.getParts(exchange.request, exchange.request, type, config);
    } catch (RuntimeException e) {
      if (hasCause(e, "TooLarge") || String.valueOf(e.getMessage()).contains("max")) {
        throw Exchange.tooLarge(MAX_IMAGE_BYTES);
      }
      throw ApiError.badRequest("the form could not be read: send the screenshot as multipart/form-data field "
          + "'image'");
    }
    try (parts) {
      MultiPart.Part image = parts.getFirst("image");
      if (image == null) {
        throw ApiError.badRequest("the form has no 'image' field");
      }
      byte[] bytes = bytes(image);
      MultiPart.Part tagPart = parts.getFirst("tags");
      Set<String> tags = new LinkedHashSet<>();
      if (tagPart != null) {
        for (String tag : tagPart.getContentAsString(java.nio.charset.StandardCharsets.UTF_8).split(",")) {
          if (!tag.isBlank()) {
            tags.add(tag.strip());
          }
        }
      }
      List<OtpAuthUri> found;
      try {
        found = QrCodes.read(bytes);
      } catch (OtpException e) {
        throw new ApiError(400, "NO_ACCOUNT_FOUND", "no authenticator QR code was found in the image: "
            + e.getMessage());
      } finally {
        Wipe.bytes(bytes);
      }
      return new Found(found, tags);
    }
  }

  private static byte[] bytes(MultiPart.Part part) {
    Content.Source source = part.getContentSource();
    try (java.io.InputStream in = Content.Source.asInputStream(source)) {
      byte[] bytes = in.readNBytes(MAX_IMAGE_BYTES + 1);
      if (bytes.length > MAX_IMAGE_BYTES) {
        throw Exchange.tooLarge(MAX_IMAGE_BYTES);
      }
      return bytes;
    } catch (java.io.IOException e) {
      throw ApiError.badRequest("the image could not be read");
    }
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

  private static boolean hasCause(Throwable e, String name) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getClass().getSimpleName().contains(name)) {
        return true;
      }
    }
    return false;
  }
}
