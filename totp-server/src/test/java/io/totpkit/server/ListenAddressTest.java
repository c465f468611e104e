package io.totpkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ListenAddressTest {
  private static final String FORMS = "--listen takes HOST:PORT, [IPV6]:PORT or PORT, not ";

  @Test
  void parse_hostAndPort_bindsThere() {
    ListenAddress listen = ListenAddress.parse("127.0.0.1:8443");
    assertThat(listen.socketAddress()).isEqualTo(new InetSocketAddress("127.0.0.1", 8443));
    assertThat(listen.loopback()).isTrue();
    assertThat(listen).hasToString("127.0.0.1:8443");
  }

  @Test
  void parse_portAlone_meansLoopback() {
    assertThat(ListenAddress.parse("8443").socketAddress()).isEqualTo(new InetSocketAddress("127.0.0.1", 8443));
    assertThat(ListenAddress.parse(":8443").socketAddress()).isEqualTo(new InetSocketAddress("127.0.0.1", 8443));
    assertThat(ListenAddress.parse(":8443").loopback()).isTrue();
  }

  @Test
  void parse_portZeroAndMaximum_accepted() {
    assertThat(ListenAddress.parse(":0").port()).isZero();
    assertThat(ListenAddress.parse("65535").port()).isEqualTo(65535);
  }

  @Test
  void parse_bracketedIpv6_isAnIpv6Address() {
    ListenAddress listen = ListenAddress.parse("[::1]:8443");
    assertThat(listen.loopback()).isTrue();
    assertThat(listen).hasToString("[::1]:8443");
    assertThat(ListenAddress.parse("[0:0:0:0:0:0:0:1]:1")).hasToString("[::1]:1");
  }

  @Test
  void parse_hostName_isResolvedOnce() {
    ListenAddress listen = ListenAddress.parse("localhost:8443");
    assertThat(listen.loopback()).isTrue();
    assertThat(listen.socketAddress().isUnresolved()).isFalse();
  }

  @Test
  void loopback_wholeLoopbackNetwork_isLoopback() {
    assertThat(ListenAddress.parse("127.1.2.3:80").loopback()).isTrue();
  }

  @Test
  void loopback_wildcards_areNotLoopback() {
    assertThat(ListenAddress.parse("0.0.0.0:8443").loopback()).isFalse();
    assertThat(ListenAddress.parse("[::]:8443").loopback()).isFalse();
    assertThat(ListenAddress.parse("[::]:8443")).hasToString("[::]:8443");
  }

  @Test
  void loopback_otherAddresses_areNotLoopback() throws SocketException {
    assertThat(ListenAddress.parse("192.0.2.1:8443").loopback()).isFalse();
    Optional<InetAddress> own = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
        .flatMap(NetworkInterface::inetAddresses)
        .filter(a -> a instanceof Inet4Address && !a.isLoopbackAddress() && !a.isLinkLocalAddress()).findFirst();
    assumeTrue(own.isPresent(), "this machine has no non-loopback IPv4 address");
    assertThat(ListenAddress.parse(own.get().getHostAddress() + ":0").loopback()).isFalse();
  }

  @Test
  void parse_portOutOfRange_saysTheRange() {
    assertThatThrownBy(() -> ListenAddress.parse("127.0.0.1:65536")).isInstanceOf(ServerConfigException.class)
        .hasMessage("--listen port must be 0 to 65535 (0 for any free port), not '65536'");
    assertThatThrownBy(() -> ListenAddress.parse("99999999999")).isInstanceOf(ServerConfigException.class)
        .hasMessageStartingWith("--listen port must be 0 to 65535");
  }

  @Test
  void parse_malformedValues_nameTheForms() {
    for (String value : new String[] {"", "localhost", "-1", "host:", "host:port", "[::1]", "[::1]:", "[]:80",
        "[zz::1]:80", "[::1]x:80", "a b:80", "\u096E\u0966:80", "8\u096E"}) {
      assertThatThrownBy(() -> ListenAddress.parse(value)).as(value).isInstanceOf(ServerConfigException.class)
          .hasMessageStartingWith(FORMS);
    }
  }

  @Test
  void parse_bareIpv6_asksForBrackets() {
    assertThatThrownBy(() -> ListenAddress.parse("::1:8443")).isInstanceOf(ServerConfigException.class)
        .hasMessage(FORMS + "'::1:8443' (an IPv6 address goes in brackets: [::1]:8443)");
  }

  @Test
  void parse_bracketsWithoutAnIpv6Address_saySo() {
    assertThatThrownBy(() -> ListenAddress.parse("[1:2]:80")).isInstanceOf(ServerConfigException.class)
        .hasMessage(FORMS + "'[1:2]:80' (not an IPv6 address)");
  }

  @Test
  void parse_terminalControlsInTheValue_areEscapedInTheMessage() {
    assertThatThrownBy(() -> ListenAddress.parse("evil\u001b[2J:80")).isInstanceOf(ServerConfigException.class)
        .hasMessage(FORMS + "'evil\\e[2J:80'");
  }

  @Test
  void parse_unresolvableHost_saysSo() {
    assertThatThrownBy(() -> ListenAddress.parse("no-such-host.invalid:8443"))
        .isInstanceOf(ServerConfigException.class).hasMessage("cannot resolve host no-such-host.invalid");
  }

  @Test
  void checkExposure_loopbackWithoutTls_allowed() {
    assertThatCode(() -> ListenAddress.checkExposure(ListenAddress.parse("8443"), false, false))
        .doesNotThrowAnyException();
    assertThatCode(() -> ListenAddress.checkExposure(ListenAddress.parse("[::1]:8443"), false, false))
        .doesNotThrowAnyException();
  }

  @Test
  void checkExposure_exposedWithoutTls_refused() {
    assertThatThrownBy(() -> ListenAddress.checkExposure(ListenAddress.parse("0.0.0.0:8443"), false, false))
        .isInstanceOf(ServerConfigException.class)
        .hasMessage("refusing to serve on 0.0.0.0:8443 without TLS: pass --tls-cert and --tls-key (PEM) or a"
            + " PKCS#12 file, or --behind-proxy if a reverse proxy on this machine terminates TLS");
    assertThatThrownBy(() -> ListenAddress.checkExposure(ListenAddress.parse("[::]:80"), false, false))
        .hasMessageStartingWith("refusing to serve on [::]:80 without TLS");
  }

  @Test
  void checkExposure_exposedWithTlsOrBehindProxy_allowed() {
    ListenAddress exposed = ListenAddress.parse("192.0.2.1:8443");
    assertThatCode(() -> ListenAddress.checkExposure(exposed, true, false)).doesNotThrowAnyException();
    assertThatCode(() -> ListenAddress.checkExposure(exposed, false, true)).doesNotThrowAnyException();
  }
}
