package io.totpkit.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The answer to what never reaches {@link ApiHandler} (a malformed request line, oversized headers): the API's JSON
 * error shape with a fixed message per status, instead of Jetty's HTML page quoting its own message.
 */
final class JsonErrorHandler extends ErrorHandler {
  @Override
  protected void generateResponse(Request request, Response response, int status, String message, Throwable cause,
      Callback callback) {
    SecurityHeaders.apply(response, false);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
    response.write(true, body(status), callback);
  }

  @Override
  public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
    fields.put(HttpHeader.CONTENT_TYPE, "application/json; charset=utf-8");
    return body(status);
  }

  private static ByteBuffer body(int status) {
    String code = status == 413 || status == 431 ? "TOO_LARGE" : status >= 500 ? "INTERNAL" : "BAD_REQUEST";
    String json = JsonBody.write(ApiError.body(code, "the request was refused (HTTP " + status + ")"));
    return ByteBuffer.wrap(json.getBytes(StandardCharsets.UTF_8));
  }
}
