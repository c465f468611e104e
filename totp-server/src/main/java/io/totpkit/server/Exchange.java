package io.totpkit.server;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;

/**
 * One request as an endpoint sees it: its path parameter, the client's address, the authenticated caller or
 * sign-in session, and its body read within a limit.
 */
final class Exchange {
  /** The largest JSON body read. */
  static final int MAX_JSON_BYTES = 16 * 1024;
  /** Up to this many bytes of an oversized body are read and dropped before the 413 (see {@link #body}). */
  private static final long DRAINED = 256 * 1024;

  final Request request;
  String parameter;
  final String client;
  final boolean secure;
  Caller caller;
  Session session;
  String sessionId;
  private Map<String, String> form;
  private byte[] upload;

  Exchange(Request request, String parameter, String client, boolean secure) {
    this.request = request;
    this.parameter = parameter;
    this.client = client;
    this.secure = secure;
  }

  /** The caller, present on every route that needs {@link Permission#CALLER} or {@link Permission#ADD}. */
  Caller caller() {
    return caller;
  }

  String header(HttpHeader header) {
    return request.getHeaders().get(header);
  }

  /** The body as a JSON object with only {@code allowed} fields. */
  JsonBody json(Set<String> allowed) {
    String type = header(HttpHeader.CONTENT_TYPE);
    byte[] bytes = body(MAX_JSON_BYTES);
    if (bytes.length > 0 && (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/json"))) {
      throw new ApiError(415, "UNSUPPORTED_MEDIA_TYPE", "send the body as Content-Type: application/json");
    }
    return JsonBody.parse(new String(bytes, StandardCharsets.UTF_8), allowed);
  }

  /** The raw body, refused with 413 past {@code limit} bytes. */
  byte[] body(int limit) {
    long declared = request.getLength();
    if (declared > limit) {
      if (declared <= DRAINED) {
        // Read and dropped, so that a client still sending a slightly large body reads the 413 instead of a reset
        // connection; anything larger is refused before a byte of it is read.
        try (InputStream in = Request.asInputStream(request)) {
          in.transferTo(java.io.OutputStream.nullOutputStream());
        } catch (IOException ignored) {
          // The answer is 413 either way.
        }
      }
      throw ApiError.tooLarge(limit);
    }
    try (InputStream in = Request.asInputStream(request)) {
      byte[] bytes = in.readNBytes(limit + 1);
      if (bytes.length > limit) {
        throw ApiError.tooLarge(limit);
      }
      return bytes;
    } catch (IOException e) {
      throw ApiError.badRequest("the request body could not be read");
    }
  }

  /**
   * A form's fields ({@code application/x-www-form-urlencoded} body of a POST) or a GET's query, one value each.
   *
   * @throws ApiError 400 for a repeated field or malformed encoding, 413 past {@link #MAX_JSON_BYTES}
   */
  Map<String, String> form() {
    if (form == null) {
      String text;
      String type = header(HttpHeader.CONTENT_TYPE);
      if (request.getMethod().equals("GET")) {
        text = request.getHttpURI().getQuery();
      } else if (type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/form-data")) {
        MultipartForm multipart = MultipartForm.read(request, type);
        upload = multipart.image;
        form = multipart.fields;
        return form;
      } else {
        if (type != null && !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
          throw new ApiError(415, "UNSUPPORTED_MEDIA_TYPE", "send the form as application/x-www-form-urlencoded");
        }
        text = new String(body(MAX_JSON_BYTES), StandardCharsets.US_ASCII);
      }
      Map<String, String> fields = new java.util.HashMap<>();
      if (text != null && !text.isEmpty()) {
        for (String pair : text.split("&")) {
          int eq = pair.indexOf('=');
          String name = decode(eq < 0 ? pair : pair.substring(0, eq));
          String value = decode(eq < 0 ? "" : pair.substring(eq + 1));
          if (fields.put(name, value) != null) {
            throw ApiError.badRequest("the form repeats a field");
          }
        }
      }
      form = Map.copyOf(fields);
    }
    return form;
  }

  /** The absolute address of a path of this server, as the client reached it (a link to show once and send on). */
  String absolute(String path) {
    return (secure ? "https://" : "http://") + header(HttpHeader.HOST) + path;
  }

  /** The file of a multipart form's field {@code image}, or {@code null}; read with {@link #form()}. */
  byte[] upload() {
    form();
    return upload;
  }

  private static String decode(String text) {
    try {
      return java.net.URLDecoder.decode(text, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest("the form is not URL-encoded");
    }
  }


}
