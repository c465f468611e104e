package io.totpkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClientAddressTest {
  private static final String CLIENT = "198.51.100.9";

  @Test
  void of_nonLoopbackPeerWithForwardedFor_isThePeer() {
    assertThat(ClientAddress.of("203.0.113.7", List.of(CLIENT), true)).isEqualTo("203.0.113.7");
  }

  @Test
  void of_loopbackPeerNotBehindProxy_isThePeer() {
    assertThat(ClientAddress.of("127.0.0.1", List.of(CLIENT), false)).isEqualTo("127.0.0.1");
  }

  @Test
  void of_loopbackPeerBehindProxy_isTheRightMostValue() {
    assertThat(ClientAddress.of("127.0.0.1", List.of("6.6.6.6, " + CLIENT), true)).isEqualTo(CLIENT);
    assertThat(ClientAddress.of("::1", List.of(CLIENT), true)).isEqualTo(CLIENT);
    assertThat(ClientAddress.of("127.0.0.2", List.of("  " + CLIENT + "  "), true)).isEqualTo(CLIENT);
  }

  @Test
  void of_severalHeaderLines_isTheRightMostValueOfTheLast() {
    assertThat(ClientAddress.of("127.0.0.1", List.of("6.6.6.6", "10.0.0.1, " + CLIENT), true)).isEqualTo(CLIENT);
    assertThat(ClientAddress.of("127.0.0.1", List.of(CLIENT, "garbage"), true)).isEqualTo("127.0.0.1");
    assertThat(ClientAddress.of("127.0.0.1", List.of(CLIENT, ""), true)).isEqualTo("127.0.0.1");
  }

  @Test
  void of_noHeader_isThePeer() {
    assertThat(ClientAddress.of("127.0.0.1", List.of(), true)).isEqualTo("127.0.0.1");
    assertThat(ClientAddress.of("127.0.0.1", null, true)).isEqualTo("127.0.0.1");
    assertThat(ClientAddress.of("127.0.0.1", Arrays.asList((String) null), true)).isEqualTo("127.0.0.1");
  }

  @Test
  void of_garbageOrNotQuiteAnAddress_isThePeer() {
    for (String value : new String[] {"unknown", "1.2.3", "256.1.1.1", "010.1.1.1", "1.2.3.4.5", "1.2.3.4:",
        "1.2.3.4:123456", "<script>", "::1::2", "[1.2.3.4]", "[::1", "fe80::1%eth0", "\u0967.2.3.4", ":::",
        "1:2:3:4:5:6:7:8:9", "_gateway"}) {
      assertThat(ClientAddress.of("127.0.0.1", List.of(value), true)).as(value).isEqualTo("127.0.0.1");
    }
  }

  @Test
  void of_hostNames_areNeverResolved() {
    // localhost and example.com would resolve; had they been, the answer would not be the peer.
    assertThat(ClientAddress.of("::1", List.of("localhost"), true)).isEqualTo("::1");
    assertThat(ClientAddress.of("127.0.0.1", List.of("example.com"), true)).isEqualTo("127.0.0.1");
    assertThat(ClientAddress.literal("example.com")).isNull();
  }

  @Test
  void of_addressesWithPortsAndBrackets_portDropped() {
    assertThat(ClientAddress.of("127.0.0.1", List.of("[2001:db8::1]:443"), true)).isEqualTo("2001:db8::1");
    assertThat(ClientAddress.of("127.0.0.1", List.of("[2001:DB8::1]"), true)).isEqualTo("2001:db8::1");
    assertThat(ClientAddress.of("127.0.0.1", List.of("2001:db8:0:0:0:0:0:1"), true)).isEqualTo("2001:db8::1");
    assertThat(ClientAddress.of("127.0.0.1", List.of("1.2.3.4:5"), true)).isEqualTo("1.2.3.4");
    assertThat(ClientAddress.of("127.0.0.1", List.of("::ffff:" + CLIENT), true)).isEqualTo(CLIENT);
  }

  @Test
  void of_overLongHeader_isThePeer() {
    String tail = ", " + CLIENT;
    String fits = "x".repeat(ClientAddress.MAX_HEADER - 1 - tail.length()) + tail;
    assertThat(ClientAddress.of("127.0.0.1", List.of(fits), true)).isEqualTo(CLIENT);
    assertThat(ClientAddress.of("127.0.0.1", List.of("x" + fits), true)).isEqualTo("127.0.0.1");
    assertThat(ClientAddress.of("127.0.0.1", List.of("x".repeat(600), "y".repeat(600) + tail), true))
        .isEqualTo("127.0.0.1");
  }

  @Test
  void of_peer_isNormalized() {
    assertThat(ClientAddress.of("0:0:0:0:0:0:0:1", List.of(), false)).isEqualTo("::1");
    assertThat(ClientAddress.of("[::1]", List.of(), false)).isEqualTo("::1");
  }

  @Test
  void of_peerThatIsNoIpAddress_isReturnedAsGiven() {
    assertThat(ClientAddress.of("/run/totp.sock", List.of(CLIENT), true)).isEqualTo("/run/totp.sock");
  }

  @Test
  void text_ipv6_isRfc5952Canonical() throws Exception {
    assertThat(ClientAddress.text(InetAddress.getByName("[2001:db8:0:0:1:0:0:1]"))).isEqualTo("2001:db8::1:0:0:1");
    assertThat(ClientAddress.text(InetAddress.getByName("[2001:db8:0:1:1:1:1:1]")))
        .isEqualTo("2001:db8:0:1:1:1:1:1");
    assertThat(ClientAddress.text(InetAddress.getByName("[::]"))).isEqualTo("::");
    assertThat(ClientAddress.text(InetAddress.getByName("[1::]"))).isEqualTo("1::");
    assertThat(ClientAddress.text(InetAddress.getByName("[1:0:0:2:0:0:0:3]"))).isEqualTo("1:0:0:2::3");
  }
}
