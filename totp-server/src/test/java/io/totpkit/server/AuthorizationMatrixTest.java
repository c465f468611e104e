package io.totpkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Property 3: every caller (anonymous, OWNER session, OPERATOR session granted {@code client:a}, token granted
 * {@code client:a}) against every endpoint and every kind of entry (granted, ungranted, missing, malformed id). An
 * ungranted entry answers exactly what a missing one does.
 */
class AuthorizationMatrixTest extends WithServer {
  Map<String, Http> callers;

  @BeforeEach
  void callers() {
    callers = new LinkedHashMap<>();
    callers.put("anonymous", fx.anonymous());
    callers.put("owner", fx.signIn(ServerFixture.OWNER));
    callers.put("operator", fx.signIn(ServerFixture.OPERATOR));
    callers.put("token", fx.tokenClient());
    callers.put("adder", fx.anonymous().bearer(fx.adderToken));
  }

  @Test
  void reveal_matrix() {
    Map<String, String> entries = new LinkedHashMap<>();
    entries.put("granted", fx.granted.toString());
    entries.put("ungranted", fx.ungranted.toString());
    entries.put("missing", UUID.randomUUID().toString());
    entries.put("malformed", "not-a-uuid");
    Map<String, Integer> expected = Map.of(
        "anonymous granted", 401, "anonymous ungranted", 401, "anonymous missing", 401, "anonymous malformed", 401,
        "owner granted", 200, "owner ungranted", 200, "owner missing", 404, "owner malformed", 404);
    for (Map.Entry<String, Http> caller : callers.entrySet()) {
      Map<String, String> bodies = new LinkedHashMap<>();
      for (Map.Entry<String, String> entry : entries.entrySet()) {
        String cell = caller.getKey() + " " + entry.getKey();
        fx.clock.advance(java.time.Duration.ofSeconds(1));
        Http.Answer answer = caller.getValue().post("/api/v1/accounts/" + entry.getValue() + "/code", null);
        int want = expected.getOrDefault(cell, entry.getKey().equals("granted") ? 200 : 404);
        assertThat(answer.status).as(cell + ": " + answer).isEqualTo(want);
        bodies.put(entry.getKey(), answer.body);
      }
      if (!caller.getKey().equals("owner") && !caller.getKey().equals("anonymous")) {
        assertThat(bodies.get("ungranted")).as(caller.getKey()).isEqualTo(bodies.get("missing"))
            .isEqualTo(bodies.get("malformed"));
      }
    }
  }

  @Test
  void list_matrix() {
    for (Map.Entry<String, Http> caller : callers.entrySet()) {
      Http.Answer answer = caller.getValue().get("/api/v1/accounts");
      switch (caller.getKey()) {
        case "anonymous":
          assertThat(answer.status).isEqualTo(401);
          break;
        case "owner":
          assertThat(answer.body).contains(fx.granted.toString()).contains(fx.ungranted.toString());
          break;
        default:
          assertThat(answer.status).isEqualTo(200);
          assertThat(answer.body).as(caller.getKey()).contains(fx.granted.toString())
              .doesNotContain(fx.ungranted.toString()).doesNotContain("Shop");
      }
    }
  }

  @Test
  void add_matrix() {
    String body = "{\"uri\":\"otpauth://totp/X:y?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP\",\"tags\":[\"client:a\"]}";
    String ungrantedTag = body.replace("client:a", "client:b");
    String noTag = body.replace(",\"tags\":[\"client:a\"]", "");
    Map<String, Integer> expected = Map.of("anonymous", 401, "owner", 201, "operator", 403, "token", 403,
        "adder", 201);
    Map<String, Integer> ungranted = Map.of("anonymous", 401, "owner", 201, "operator", 403, "token", 403,
        "adder", 403);
    for (Map.Entry<String, Http> caller : callers.entrySet()) {
      Http.Answer answer = caller.getValue().post("/api/v1/accounts", body);
      assertThat(answer.status).as(caller.getKey() + ": " + answer).isEqualTo(expected.get(caller.getKey()));
      if (answer.status >= 400) {
        // A refused request's body may be unread: the server says it closes the connection, so that the client
        // does not send the next request on a connection that is gone ("header parser received no bytes").
        assertThat(answer.raw.headers().firstValue("connection")).as(caller.getKey()).contains("close");
      }
      Http.Answer other = caller.getValue().post("/api/v1/accounts", ungrantedTag);
      assertThat(other.status).as(caller.getKey() + " under client:b: " + other)
          .isEqualTo(ungranted.get(caller.getKey()));
      Http.Answer none = caller.getValue().post("/api/v1/accounts", noTag);
      assertThat(none.status).as(caller.getKey() + " without a tag: " + none)
          .isEqualTo(ungranted.get(caller.getKey()));
    }
  }

  @Test
  void whoAmI_matrix() {
    assertThat(callers.get("anonymous").get("/api/v1/session").status).isEqualTo(401);
    assertThat(callers.get("owner").get("/api/v1/session").json()).containsEntry("role", "OWNER")
        .containsEntry("mayAdd", true);
    assertThat(callers.get("operator").get("/api/v1/session").json()).containsEntry("role", "OPERATOR")
        .containsEntry("mayAdd", false);
    assertThat(callers.get("token").get("/api/v1/session").json()).containsEntry("kind", "token")
        .containsEntry("mayAdd", false);
    assertThat(callers.get("adder").get("/api/v1/session").json()).containsEntry("role", "CONTRIBUTOR")
        .containsEntry("mayAdd", true);
  }

  @Test
  void secondStep_needsFirstStep() {
    for (Map.Entry<String, Http> caller : callers.entrySet()) {
      Http.Answer answer = caller.getValue().post("/api/v1/session/code", "{\"code\":\"123456\"}");
      assertThat(answer.status).as(caller.getKey()).isEqualTo(401);
    }
  }
}
