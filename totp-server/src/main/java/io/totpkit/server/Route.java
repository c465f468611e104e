package io.totpkit.server;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One endpoint of the API: its method, its path ({@code {id}} matches one path segment), the permission it needs,
 * and the code that answers it.
 */
final class Route {
  /** The code behind a route; it runs only once authentication and the route's permission have passed. */
  interface Endpoint {
    Reply answer(Exchange exchange) throws Exception;
  }

  final String method;
  final String path;
  final Permission permission;
  final Endpoint endpoint;
  private final Pattern pattern;

  Route(String method, String path, Permission permission, Endpoint endpoint) {
    this.method = method;
    this.path = path;
    this.permission = permission;
    this.endpoint = endpoint;
    this.pattern = Pattern.compile(Pattern.quote(path).replace("{id}", "\\E([^/]+)\\Q"));
  }

  /** The path parameter if {@code path} is this route's, {@code ""} if it has none, {@code null} if not this route. */
  String match(String requestPath) {
    Matcher m = pattern.matcher(requestPath);
    if (!m.matches()) {
      return null;
    }
    return m.groupCount() == 0 ? "" : m.group(1);
  }

  @Override
  public String toString() {
    return method + " " + path;
  }
}
