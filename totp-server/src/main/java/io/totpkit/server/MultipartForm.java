package io.totpkit.server;

import io.totpkit.core.Wipe;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.jetty.http.MultiPart;
import org.eclipse.jetty.http.MultiPartConfig;
import org.eclipse.jetty.http.MultiPartFormData;
import org.eclipse.jetty.io.Content;
import org.eclipse.jetty.server.Request;

/**
 * A {@code multipart/form-data} body: its text fields, and the file of its field {@code image} (or {@code file}). Held in memory only,
 * never written to a temporary file (a screenshot of a QR code is a key); refused past its limits before the parts
 * are read whole.
 */
final class MultipartForm {
  /** The largest screenshot accepted. */
  static final int MAX_IMAGE_BYTES = 10 * 1024 * 1024;
  /**
   * The most parts a form may have: the file, its password and tags, the CSRF token, a pasted text, and a printed
   * key's issuer, account, confirmCode, ignorePrintedKey, digits, period and algorithm, with room to spare.
   */
  private static final int MAX_PARTS = 16;
  private static final int MAX_FIELD_BYTES = 16 * 1024;
  private static final int SLACK = 64 * 1024;

  final Map<String, String> fields;
  final byte[] image;

  private MultipartForm(Map<String, String> fields, byte[] image) {
    this.fields = fields;
    this.image = image;
  }

  static MultipartForm read(Request request, String contentType) {
    if (request.getLength() > MAX_IMAGE_BYTES + SLACK) {
      throw ApiError.tooLarge(MAX_IMAGE_BYTES);
    }
    MultiPartConfig config = new MultiPartConfig.Builder().maxParts(MAX_PARTS).maxSize(MAX_IMAGE_BYTES + SLACK)
        .maxPartSize(MAX_IMAGE_BYTES).maxMemoryPartSize(MAX_IMAGE_BYTES).useFilesForPartsWithoutFileName(false)
        .location(Path.of(System.getProperty("java.io.tmpdir"))).build();
    MultiPartFormData.Parts parts;
    try {
      parts = MultiPartFormData.getParts(request, request, contentType, config);
    } catch (RuntimeException e) {
      if (tooLarge(e)) {
        throw ApiError.tooLarge(MAX_IMAGE_BYTES);
      }
      throw ApiError.badRequest("the form could not be read as multipart/form-data");
    }
    try (parts) {
      Map<String, String> fields = new HashMap<>();
      byte[] image = null;
      for (MultiPart.Part part : parts) {
        String name = part.getName();
        if ("image".equals(name) || "file".equals(name)) {
          if (image != null) {
            throw ApiError.badRequest("the form has two files (fields image and file are the same)");
          }
          image = bytes(part, MAX_IMAGE_BYTES);
        } else if (name != null) {
          byte[] bytes = bytes(part, MAX_FIELD_BYTES);
          if (fields.put(name, new String(bytes, StandardCharsets.UTF_8)) != null) {
            throw ApiError.badRequest("the form repeats a field");
          }
        }
      }
      return new MultipartForm(Map.copyOf(fields), image);
    }
  }

  private static byte[] bytes(MultiPart.Part part, int limit) {
    try (InputStream in = Content.Source.asInputStream(part.getContentSource())) {
      byte[] bytes = in.readNBytes(limit + 1);
      if (bytes.length > limit) {
        Wipe.bytes(bytes);
        throw ApiError.tooLarge(limit);
      }
      return bytes;
    } catch (IOException e) {
      throw ApiError.badRequest("the form could not be read");
    }
  }

  private static boolean tooLarge(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t.getClass().getSimpleName().contains("TooLarge") || String.valueOf(t.getMessage()).contains("max")) {
        return true;
      }
    }
    return false;
  }
}
