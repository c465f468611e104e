package io.totpkit.examples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import io.totpkit.guard.testing.PostgresCluster;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/** Two instances of the sample on one PostgreSQL, as behind a load balancer: a code used on one is spent on both. */
class TwoInstancesTest {
  static ConfigurableApplicationContext a;
  static ConfigurableApplicationContext b;
  static LogCapture log;
  static final List<String> pages = new CopyOnWriteArrayList<>();
  static final Secrets secrets = new Secrets();

  @BeforeAll
  static void start() {
    String database = PostgresCluster.get().newDatabase();
    a = SampleRun.start(database);
    b = SampleRun.start(database);
    log = new LogCapture();
  }

  @AfterAll
  static void stop() {
    List<String> lines = log.lines();
    log.close();
    for (ConfigurableApplicationContext app : new ConfigurableApplicationContext[] {a, b}) {
      if (app != null) {
        app.close();
      }
    }
    secrets.assertNowhereElse(pages, lines);
  }

  @Test
  void code_usedOnOneInstance_refusedOnTheOther() {
    Visitor.Enrolled dave = Visitor.enroll(new Browser(SampleRun.port(a), pages), "dave", secrets);
    String code = dave.totp().generate(Instant.now().plusSeconds(30));
    secrets.codes.add(code);

    Browser onA = new Browser(SampleRun.port(a), pages);
    Visitor.signIn(onA, "dave");
    assertThat(Browser.location(Visitor.typeCode(onA, code))).doesNotStartWith("/login");
    assertThat(onA.get("/").statusCode()).isEqualTo(200);

    Browser onB = new Browser(SampleRun.port(b), pages);
    Visitor.signIn(onB, "dave");
    assertThat(onB.get("/login/totp").body()).as("the key is known on B").doesNotContain("setup-key");
    assertThat(Browser.location(Visitor.typeCode(onB, code))).isEqualTo("/login/totp?error");
    assertThat(onB.get("/").statusCode()).isEqualTo(302);
    assertThat(log.lines()).filteredOn(line -> line.contains("second factor")).last().asString()
        .endsWith("second factor refused for dave: REPLAYED");
  }

  @Test
  void fiveWrongCodesOnOneInstance_lockTheOtherToo() {
    Visitor.Enrolled bob = Visitor.enroll(new Browser(SampleRun.port(a), pages), "bob", secrets);
    String right = bob.totp().generate(Instant.now().plusSeconds(30));
    secrets.codes.add(right);
    String wrong = right.equals("000000") ? "111111" : "000000";

    Browser onA = new Browser(SampleRun.port(a), pages);
    Visitor.signIn(onA, "bob");
    for (int i = 0; i < 5; i++) {
      assertThat(Browser.location(Visitor.typeCode(onA, wrong))).isEqualTo("/login/totp?error");
    }
    Browser onB = new Browser(SampleRun.port(b), pages);
    Visitor.signIn(onB, "bob");
    assertThat(Browser.location(Visitor.typeCode(onB, right))).isEqualTo("/login/totp?error");
    assertThat(onB.get("/").statusCode()).isEqualTo(302);
    assertThat(log.lines()).filteredOn(line -> line.contains("second factor")).last().asString()
        .endsWith("second factor refused for bob: THROTTLED");
  }
}
