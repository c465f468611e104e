package io.totpkit.server;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place that decides a request's client address, for the audit trail and for sign-in throttling. The
 * connection's peer is the client, unless the server runs behind a reverse proxy on this machine: then, for
 * connections from loopback only, the client is the address that proxy appended to {@code X-Forwarded-For}.
 *
 * <h2>Security</h2>
 * {@code X-Forwarded-For} is text the client writes; only its right-most value, appended by the proxy, says who
 * connected to the proxy, and only when the request really came through the proxy (a loopback peer and
 * {@code --behind-proxy}). Anything to its left is the client's own claim, and is never used. The value is accepted
 * only as an IP literal, checked by pattern before {@link InetAddress} sees it, so that no text from a request can
 * start a DNS lookup; and the result is always a normalized literal, never the request's text.
 *
 * <p>Thread-safety: stateless.
 */
final class ClientAddress {
  /** The longest {@code X-Forwarded-For} (all its lines together) considered; longer ones are not read at all. */
  static final int MAX_HEADER = 1024;

  // A dotted-quad IPv4 address, each part 0 to 255 without leading zeros (which some parsers read as octal).
  private static final String OCTET = "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])";
  private static final Pattern IPV4 = Pattern.compile(OCTET + "(?:\\." + OCTET + "){3}");
  private static final Pattern IPV4_PORT = Pattern.compile("(" + IPV4.pattern() + "):[0-9]{1,5}");
  // IPv6 text: hex digits and colons, perhaps a dotted IPv4 tail; no zone, which means nothing off the proxy's host.
  private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
  private static final Pattern BRACKETED = Pattern.compile("\\[([0-9A-Fa-f:.]{2,45})](?::[0-9]{1,5})?");

  private ClientAddress() {}

  /**
   * The client's address for one request.
   *
   * @param peerAddress the connection's remote address, as Jetty gives it
   * @param xForwardedFor the request's {@code X-Forwarded-For} lines, in order (empty or null when none)
   * @param behindProxy whether the operator said a reverse proxy on this machine forwards to the server
   * @return the right-most forwarded address when it may be trusted and is an IP literal, else the peer; normalized
   *     (IPv4 dotted quad, IPv6 compressed per RFC 5952, IPv4-mapped IPv6 as IPv4); a peer that is not an IP address
   *     at all (a Unix-domain socket) is returned as given, since it comes from the connection, not the request
   */
  static String of(String peerAddress, List<String> xForwardedFor, boolean behindProxy) {
    InetAddress peer = literal(peerAddress);
    if (peer == null) {
      return peerAddress;
    }
    // A non-loopback peer reached the server directly: whatever it wrote in X-Forwarded-For is its own claim.
    if (behindProxy && peer.isLoopbackAddress()) {
      InetAddress forwarded = literal(rightMost(xForwardedFor));
      if (forwarded != null) {
        return text(forwarded);
      }
    }
    return text(peer);
  }

  /** The right-most value of the header's lines, or null when there is none or the header is too long to read. */
  static String rightMost(List<String> lines) {
    if (lines == null || lines.isEmpty()) {
      return null;
    }
    int length = lines.size(); // a separator for each line
    for (String line : lines) {
      length += line == null ? 0 : line.length();
      if (length > MAX_HEADER) {
        return null; // not cut to size: a cut value ("10.1.2.3" to "0.1.2.3") may still look like an address
      }
    }
    String last = lines.get(lines.size() - 1);
    return last == null ? null : last.substring(last.lastIndexOf(',') + 1).strip();
  }

  /**
   * The IP address this text is a literal of, or null when it is not one. Accepts {@code 1.2.3.4},
   * {@code 1.2.3.4:5}, {@code ::1}, {@code [::1]} and {@code [::1]:443}; never resolves a name.
   */
  static InetAddress literal(String text) {
    if (text == null || text.length() > 64) {
      return null;
    }
    String candidate = text.strip();
    Matcher bracketed = BRACKETED.matcher(candidate);
    Matcher withPort = IPV4_PORT.matcher(candidate);
    if (bracketed.matches()) {
      candidate = bracketed.group(1);
      if (candidate.indexOf(':') < 0) {
        return null; // brackets hold IPv6 only
      }
    } else if (withPort.matches()) {
      candidate = withPort.group(1);
    }
    if (IPV4.matcher(candidate).matches()) {
      return parse(candidate);
    }
    // The colon matters: InetAddress parses colon-bearing text as an IPv6 literal and never looks it up, and the
    // brackets make it refuse rather than fall back to DNS for text that is not one.
    if (candidate.indexOf(':') >= 0 && IPV6.matcher(candidate).matches()) {
      return parse("[" + candidate + "]");
    }
    return null;
  }

  /**
   * The address as text: IPv4 dotted quad; IPv6 in RFC 5952's canonical form (lower case, longest zero run as
   * {@code ::}, no zone), so that one client is one string whichever way its address was written.
   */
  static String text(InetAddress address) {
    if (!(address instanceof Inet6Address)) {
      return address.getHostAddress();
    }
    byte[] bytes = address.getAddress();
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = (bytes[2 * i] & 0xff) << 8 | bytes[2 * i + 1] & 0xff;
    }
    int runStart = -1;
    int runLength = 1; // RFC 5952: a single zero group is not shortened
    for (int i = 0; i < 8; i++) {
      int j = i;
      while (j < 8 && groups[j] == 0) {
        j++;
      }
      if (j - i > runLength) {
        runStart = i;
        runLength = j - i;
      }
      i = Math.max(i, j);
    }
    StringBuilder out = new StringBuilder(39);
    for (int i = 0; i < 8; i++) {
      if (i == runStart) {
        out.append("::");
        i += runLength - 1;
      } else {
        if (out.length() > 0 && out.charAt(out.length() - 1) != ':') {
          out.append(':');
        }
        out.append(Integer.toHexString(groups[i]));
      }
    }
    return out.toString();
  }

  /** InetAddress on text already checked to be a literal: it parses, it does not look anything up. */
  private static InetAddress parse(String literal) {
    try {
      return InetAddress.getByName(literal);
    } catch (UnknownHostException e) {
      return null; // looked like one but is not (too many groups, say)
    }
  }
}
