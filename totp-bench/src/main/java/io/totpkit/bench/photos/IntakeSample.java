package io.totpkit.bench.photos;

import io.totpkit.core.MigrationPayload;
import io.totpkit.core.OtpAuthUri;
import io.totpkit.core.Secret;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * One screen of a seeded set, as clients send them: mostly setup screens of the four {@link ScreenStyle}s in turn,
 * every eighth a Google Authenticator export of 2 to 10 accounts; 1080×2340 three times in five, otherwise one of
 * four other phones (1170×2532, 1440×3200, 720×1600, 1284×2778); dark mode two times in five; any installed font;
 * keys of 16, 26, 32 or 52 Base32 characters; the code 85% to 115% as wide as the service draws it, scaled with soft
 * edges two times in five. The same seed and index always give the same screen, and the same damage of it.
 *
 * <pre>{@code
 * IntakeSample sample = IntakeSample.of(18, 3);
 * Picture picture = sample.damaged(Damage.JPEG, 3);
 * boolean ok = sample.matches(picture.read());
 * }</pre>
 *
 * <p>Thread-safety: immutable.
 */
public final class IntakeSample {
  private static final int[] KEY_BYTES = {10, 16, 20, 32};   // 16, 26, 32 and 52 Base32 characters
  private static final String[] ACCOUNTS = {"brand_official", "maria.garcia@example.com", "studio-nord",
      "cafe.rosa", "shop-owner@example.org", "équipe@exemple.fr", "k.tanaka", "agency+client7@example.net"};
  private static final String[] EXPORT_ISSUERS = {"TikTok", "Instagram", "Shopify", "Google", "GitHub", "Amazon",
      "Air Canada", "Café Rosa", "Dropbox", "Mailchimp"};

  private final long seed;
  private final int index;
  private final Screenshot screenshot;
  private final List<String> expected;
  private final String description;

  private IntakeSample(long seed, int index, Screenshot screenshot, List<String> expected, String description) {
    this.seed = seed;
    this.index = index;
    this.screenshot = screenshot;
    this.expected = expected;
    this.description = description;
  }

  /**
   * Draws screen {@code index} of the set of {@code seed}.
   *
   * @param seed the set
   * @param index the screen, from 0
   * @return the sample
   */
  public static IntakeSample of(long seed, int index) {
    Random random = new Random(mix(seed, index, -1, -1));
    int[] phone = random.nextInt(5) < 3 ? Display.PHONES[0] : Display.PHONES[1 + random.nextInt(4)];
    boolean dark = random.nextInt(5) < 2;
    List<String> families = Display.installedFamilies();
    Display display = Display.of(phone[0], phone[1], dark, families.get(random.nextInt(families.size())));
    if (index % 8 == 7) {
      List<OtpAuthUri> accounts = new ArrayList<>();
      int count = 2 + random.nextInt(9);
      for (int i = 0; i < count; i++) {
        accounts.add(account(random, EXPORT_ISSUERS[random.nextInt(EXPORT_ISSUERS.length)]));
      }
      String text = ExportText.withBatchId(MigrationPayload.encode(accounts).get(0), random.nextInt());
      ExportScreen screen = ExportScreen.of(text, 0, 1, display);
      return new IntakeSample(seed, index, screen.render(), uris(accounts), screen + ", " + count + " accounts");
    }
    // The styles take turns among the setup screens, so that every few samples show each of them.
    ScreenStyle style = ScreenStyle.values()[(index - index / 8) % ScreenStyle.values().length];
    OtpAuthUri account = account(random, style.issuer());
    double share = style.codeWidth * (0.85 + 0.3 * random.nextDouble());
    SetupScreen screen = SetupScreen.builder(style, account, display).codeWidth(share, random.nextInt(5) < 2)
        .build();
    return new IntakeSample(seed, index, screen.render(), uris(List.of(account)), screen.toString());
  }

  private static OtpAuthUri account(Random random, String issuer) {
    byte[] key = new byte[KEY_BYTES[random.nextInt(KEY_BYTES.length)]];
    random.nextBytes(key);
    return OtpAuthUri.totp(Secret.fromBytes(key)).issuer(issuer).account(ACCOUNTS[random.nextInt(ACCOUNTS.length)])
        .build();
  }

  private static List<String> uris(List<OtpAuthUri> accounts) {
    return accounts.stream().map(OtpAuthUri::toUriString).collect(Collectors.toUnmodifiableList());
  }

  /** A seed for each (set, screen, damage, level), so that no two pictures share their random choices. */
  private static long mix(long seed, int index, int damage, int level) {
    long h = seed * 0x9E3779B97F4A7C15L;
    h = (h ^ index) * 0xBF58476D1CE4E5B9L;
    h = (h ^ damage) * 0x94D049BB133111EBL;
    h = (h ^ level) * 0x9E3779B97F4A7C15L;
    return h ^ (h >>> 31);
  }

  /**
   * The screenshot.
   *
   * @return the undamaged screen
   */
  public Screenshot screenshot() {
    return screenshot;
  }

  /**
   * The screenshot damaged at a level, with random choices of its own.
   *
   * @param damage the kind
   * @param level an index into {@link Damage#levels()}
   * @return the picture
   */
  public Picture damaged(Damage damage, int level) {
    return damage.damage(screenshot, level, new Random(mix(seed, index, damage.ordinal(), level)));
  }

  /**
   * Whether a reader found exactly the screen's accounts, in order.
   *
   * @param found what the reader returned
   * @return true when every account and nothing else was found
   */
  public boolean matches(List<OtpAuthUri> found) {
    return uris(found).equals(expected);
  }

  /**
   * What the screen shows, without any key: style, phone, mode, font, key length or account count.
   *
   * @return the description
   */
  @Override
  public String toString() {
    return "#" + index + " " + description;
  }
}
