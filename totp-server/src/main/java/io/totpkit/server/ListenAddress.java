package io.totpkit.server;

import io.totpkit.core.UntrustedText;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where the server listens: one {@code --listen} value, {@code HOST:PORT}, {@code [IPV6]:PORT}, {@code :PORT} or
 * {@code PORT} (the last two on 127.0.0.1), its host resolved once, at start-up, so that the address checked for
 * exposure is the address bound. Port 0 asks for any free port.
 *
 * <p>Thread-safety: immutable.
 */
final class ListenAddress {
  // Without a host the server stays on this machine: exposing it must be asked for by name.
  private static final String DEFAULT_HOST = "127.0.0.1";
  // ASCII digits only: Integer.parseInt would also take the digits of other scripts.
  private static final Pattern DIGITS = Pattern.compile("[0-9]+");
  // A host name or IPv4 literal, in DNS's letters; other text is refused before it can reach a resolver.
  private static final Pattern HOST = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9.])?");
  // The inside of [...]: hex digits and colons, perhaps a dotted IPv4 tail and a %zone for a link-local address.
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f.]*:[0-9A-Fa-f:.]*(?:%[A-Za-z0-9._-]+)?");

  private final InetAddress address;
  private final int port;

  private ListenAddress(InetAddress address, int port) {
    this.address = address;
    this.port = port;
  }

  /**
   * Parses a {@code --listen} value and resolves its host.
   *
   * @throws ServerConfigException if the value has none of the forms, the port is out of range, or the host does
   *     not resolve
   */
  static ListenAddress parse(String value) {
    Objects.requireNonNull(value, "value");
    String host;
    String port;
    if (value.startsWith("[")) {
      int close = value.indexOf("]:");
      if (close < 0 || !IPV6.matcher(value.substring(1, close)).matches()) {
        throw malformed(value, "");
      }
      host = value.substring(0, close + 1); // brackets kept: InetAddress then parses a literal, never looks it up
      port = value.substring(close + 2);
    } else {
      int colon = value.lastIndexOf(':');
      if (value.indexOf(':') != colon) {
        throw malformed(value, " (an IPv6 address goes in brackets: [::1]:8443)");
      }
      host = colon < 0 ? "" : value.substring(0, colon);
      port = value.substring(colon + 1);
      if (!host.isEmpty() && !HOST.matcher(host).matches()) {
        throw malformed(value, "");
      }
    }
    int number = port(port, value); // before resolving: a bad value should not cost a DNS lookup
    return new ListenAddress(resolve(host.isEmpty() ? DEFAULT_HOST : host, value), number);
  }

  /**
   * Refuses plain HTTP where the network could read it: a non-loopback address needs TLS, or the operator's word
   * that a reverse proxy on this machine terminates TLS in front of the server. Note that such a proxy's
   * {@code X-Forwarded-For} is trusted only on loopback connections (see {@link ClientAddress}).
   *
   * @throws ServerConfigException if {@code listen} is not loopback and neither {@code tls} nor {@code behindProxy}
   */
  static void checkExposure(ListenAddress listen, boolean tls, boolean behindProxy) {
    if (!listen.loopback() && !tls && !behindProxy) {
      throw new ServerConfigException("refusing to serve on " + listen + " without TLS: pass --tls-cert and"
          + " --tls-key (PEM) or a PKCS#12 file, or --behind-proxy if a reverse proxy on this machine terminates TLS");
    }
  }

  /** Whether only this machine can connect: 127.0.0.0/8 or ::1. The wildcard (0.0.0.0, ::) is every interface. */
  boolean loopback() {
    return address.isLoopbackAddress();
  }

  /** The address to bind. */
  InetSocketAddress socketAddress() {
    return new InetSocketAddress(address, port);
  }

  /** The port asked for; 0 for any free port (the bound one is the connector's to tell). */
  int port() {
    return port;
  }

  /** The resolved address and port, {@code 127.0.0.1:8443} or {@code [::1]:8443}, for messages. */
  @Override
  public String toString() {
    String host = ClientAddress.text(address);
    return (address instanceof Inet6Address ? "[" + host + "]" : host) + ":" + port;
  }

  private static int port(String digits, String value) {
    if (!DIGITS.matcher(digits).matches()) {
      throw malformed(value, "");
    }
    if (digits.length() > 5 || Integer.parseInt(digits) > 65535) {
      throw new ServerConfigException("--listen port must be 0 to 65535 (0 for any free port), not '"
          + UntrustedText.forTerminal(digits) + "'");
    }
    return Integer.parseInt(digits);
  }

  private static InetAddress resolve(String host, String value) {
    try {
      return InetAddress.getByName(host);
    } catch (UnknownHostException e) {
      if (host.startsWith("[")) {
        throw malformed(value, " (not an IPv6 address)");
      }
      throw new ServerConfigException("cannot resolve host " + UntrustedText.forTerminal(host));
    }
  }

  private static ServerConfigException malformed(String value, String hint) {
    return new ServerConfigException("--listen takes HOST:PORT, [IPV6]:PORT or PORT, not '"
        + UntrustedText.forTerminal(value) + "'" + hint);
  }
}
