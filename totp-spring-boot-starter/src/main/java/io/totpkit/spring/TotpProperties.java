package io.totpkit.spring;

import io.totpkit.core.HmacAlgorithm;
import io.totpkit.core.Wipe;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code totpkit.*} settings: the code policy (as Keycloak's OTP policy), the guards, the keys that encrypt the
 * users' TOTP keys at rest, and the factor's code page. Every value is checked when Spring Boot binds it, so that a
 * wrong setting stops the application at start-up with an {@link InvalidTotpPropertyException} naming the property.
 *
 * <pre>
 * totpkit.issuer=Example Corp          # shown in the authenticator app; required to enroll users
 * totpkit.algorithm=SHA1               # SHA1 | SHA256 | SHA512
 * totpkit.digits=6                     # 6 to 8
 * totpkit.period=30s                   # 15 s to 120 s
 * totpkit.window.behind=1              # steps accepted before the current one, 0 to 3
 * totpkit.window.ahead=1               # steps accepted after it, 0 to 3
 * totpkit.lockout.max-failures=5       # consecutive failures before a lockout, 1 to 100
 * totpkit.lockout.duration=1m          # the first lockout, 1 s to 365 days, doubling after each further one
 * totpkit.guards.store=auto            # auto | jdbc | memory
 * totpkit.guards.initialize-schema=true
 * totpkit.keys.encryption-keys.k1=...  # key id = Base64 of 32 random bytes (openssl rand -base64 32)
 * totpkit.keys.current-key-id=k1       # required with two keys or more; the only id otherwise
 * totpkit.keys.initialize-schema=true
 * totpkit.factor.code-page=/login/totp
 * totpkit.factor.default-page=true     # false when the application serves its own page on that path
 * totpkit.factor.enabled=true          # false to apply TotpFactorConfigurer to chosen chains by hand
 * </pre>
 *
 * <p>Security: {@link #toString()} and {@link Keys#toString()} never show an encryption key.
 *
 * <p>Thread-safety: immutable.
 */
@ConfigurationProperties("totpkit")
public final class TotpProperties {
  private final String issuer;
  private final HmacAlgorithm algorithm;
  private final int digits;
  private final Duration period;
  private final Window window;
  private final Lockout lockout;
  private final Guards guards;
  private final Keys keys;
  private final Factor factor;

  /**
   * Binds and checks the settings; Spring Boot calls it.
   *
   * @param issuer the issuer shown in authenticator apps, or {@code null} when the application enrolls no one
   * @param algorithm the HMAC hash
   * @param digits the code length
   * @param period the time step
   * @param window the verification window
   * @param lockout the attempt limit
   * @param guards where the replay guard and attempt limiter keep their state
   * @param keys the encryption keys for stored TOTP keys
   * @param factor the factor's web settings
   * @throws InvalidTotpPropertyException if a value is out of range
   */
  public TotpProperties(
      String issuer,
      @DefaultValue("SHA1") HmacAlgorithm algorithm,
      @DefaultValue("6") int digits,
      @DefaultValue("30s") Duration period,
      @DefaultValue Window window,
      @DefaultValue Lockout lockout,
      @DefaultValue Guards guards,
      @DefaultValue Keys keys,
      @DefaultValue Factor factor) {
    if (issuer != null && (issuer.isBlank() || issuer.contains(":") || issuer.length() > 100)) {
      throw new InvalidTotpPropertyException(
          "totpkit.issuer", "must be 1 to 100 characters without ':' (apps split the label there), was \"" + issuer + "\"");
    }
    this.issuer = issuer;
    this.algorithm = PropertyCheck.present("totpkit.algorithm", algorithm, "SHA1, SHA256 or SHA512");
    this.digits = PropertyCheck.range("totpkit.digits", digits, 6, 8);
    this.period = PropertyCheck.range("totpkit.period", period, Duration.ofSeconds(15), Duration.ofSeconds(120));
    if (period.toNanosPart() != 0) {
      throw new InvalidTotpPropertyException("totpkit.period", "must be whole seconds, was " + period);
    }
    this.window = window;
    this.lockout = lockout;
    this.guards = guards;
    this.keys = keys;
    this.factor = factor;
  }

  /**
   * Returns the issuer shown in authenticator apps.
   *
   * @return the issuer, or {@code null} if {@code totpkit.issuer} is not set
   */
  public String issuer() {
    return issuer;
  }

  /** @return the HMAC hash of new keys' codes */
  public HmacAlgorithm algorithm() {
    return algorithm;
  }

  /** @return the code length, 6 to 8 */
  public int digits() {
    return digits;
  }

  /** @return the time step, 15 to 120 s */
  public Duration period() {
    return period;
  }

  /** @return the verification window */
  public Window window() {
    return window;
  }

  /** @return the attempt limit */
  public Lockout lockout() {
    return lockout;
  }

  /** @return the guards' settings */
  public Guards guards() {
    return guards;
  }

  /** @return the encryption keys' settings */
  public Keys keys() {
    return keys;
  }

  /** @return the factor's web settings */
  public Factor factor() {
    return factor;
  }

  @Override
  public String toString() {
    return "TotpProperties{issuer=" + issuer + ", " + algorithm + ", " + digits + " digits, " + period.toSeconds()
        + " s, " + window + ", " + lockout + ", " + guards + ", " + keys + ", " + factor + "}";
  }

  /**
   * {@code totpkit.window.*}: how many time steps before and after the current one a code may match, to absorb clock
   * drift and typing time (RFC 6238 §5.2). Each 0 to 3, default 1.
   *
   * @param behind steps accepted before the current one
   * @param ahead steps accepted after it
   */
  public record Window(@DefaultValue("1") int behind, @DefaultValue("1") int ahead) {
    /**
     * Checks both ranges.
     *
     * @param behind steps accepted before the current one, 0 to 3
     * @param ahead steps accepted after it, 0 to 3
     */
    public Window {
      PropertyCheck.range("totpkit.window.behind", behind, 0, 3);
      PropertyCheck.range("totpkit.window.ahead", ahead, 0, 3);
    }
  }

  /**
   * {@code totpkit.lockout.*}: after {@code maxFailures} consecutive failed codes the account waits {@code duration},
   * doubled for each further lockout (RFC 4226 §7.3, NIST SP 800-63B §5.2.2).
   *
   * @param maxFailures consecutive failures before a lockout, 1 to 100, default 5
   * @param duration the first lockout, 1 s to 365 days, default 1 minute
   */
  public record Lockout(@DefaultValue("5") int maxFailures, @DefaultValue("1m") Duration duration) {
    /**
     * Checks both ranges.
     *
     * @param maxFailures consecutive failures before a lockout, 1 to 100
     * @param duration the first lockout, 1 s to 365 days
     */
    public Lockout {
      PropertyCheck.range("totpkit.lockout.max-failures", maxFailures, 1, 100);
      PropertyCheck.range("totpkit.lockout.duration", duration, Duration.ofSeconds(1), Duration.ofDays(365));
    }
  }

  /** Where the replay guard and the attempt limiter keep their state. */
  public enum Store {
    /** In the application's {@code DataSource} when it has one, else in memory (with a start-up warning). */
    AUTO,
    /** In the application's {@code DataSource}; start-up fails without one. */
    JDBC,
    /** In this process's memory: each instance guards alone, so a code used on one is accepted on another. */
    MEMORY
  }

  /**
   * {@code totpkit.guards.*}.
   *
   * @param store where the guards keep their state, default {@link Store#AUTO}
   * @param initializeSchema {@code true} (default) to create or migrate the guard tables at start-up; {@code false}
   *     to only check that they are at the version this totpkit expects
   */
  public record Guards(@DefaultValue("auto") Store store, @DefaultValue("true") boolean initializeSchema) {}

  /**
   * {@code totpkit.keys.*}: the AES-256 keys that encrypt the users' TOTP keys at rest. New records are encrypted
   * with {@code current-key-id}; records under any other configured id still decrypt and are re-encrypted on their
   * next successful use, so a key is rotated by adding a new id, making it current, and removing the old id once no
   * record uses it.
   *
   * <p>Security: {@link #toString()} shows the key ids only.
   */
  public static final class Keys {
    private static final Pattern KEY_ID = Pattern.compile("[A-Za-z0-9._-]{1,32}");

    private final Map<String, String> encryptionKeys;
    private final String currentKeyId;
    private final boolean initializeSchema;

    /**
     * Binds and checks the key settings.
     *
     * @param encryptionKeys key id to Base64 of 32 random bytes; ids of 1 to 32 letters, digits, '.', '_' or '-'
     * @param currentKeyId the id new records are encrypted with; required when more than one key is configured,
     *     the only id when one is
     * @param initializeSchema {@code true} (default) to create or migrate the key and recovery-code tables at start-up
     * @throws InvalidTotpPropertyException if an id or a key is malformed, or the current id is not configured
     */
    public Keys(Map<String, String> encryptionKeys, String currentKeyId,
        @DefaultValue("true") boolean initializeSchema) {
      this.encryptionKeys = encryptionKeys == null ? Map.of() : Map.copyOf(encryptionKeys);
      for (Map.Entry<String, String> entry : this.encryptionKeys.entrySet()) {
        String id = entry.getKey();
        if (!KEY_ID.matcher(id).matches()) {
          throw new InvalidTotpPropertyException("totpkit.keys.encryption-keys",
              "ids must be 1 to 32 letters, digits, '.', '_' or '-', was \"" + id + "\"");
        }
        Wipe.bytes(KeyRing.decodeKey(id, entry.getValue()));
      }
      if (currentKeyId == null && this.encryptionKeys.size() == 1) {
        // One key: it can only be the current one, so an application needs no second line to say so.
        currentKeyId = this.encryptionKeys.keySet().iterator().next();
      }
      if (!this.encryptionKeys.isEmpty() && (currentKeyId == null || !this.encryptionKeys.containsKey(currentKeyId))) {
        throw new InvalidTotpPropertyException("totpkit.keys.current-key-id", "must name one of the ids in "
            + "totpkit.keys.encryption-keys " + this.encryptionKeys.keySet().stream().sorted().toList()
            + ", was " + (currentKeyId == null ? "not set" : "\"" + currentKeyId + "\""));
      }
      this.currentKeyId = currentKeyId;
      this.initializeSchema = initializeSchema;
    }

    /** Key id to Base64 key; package-private so that no serializer of public accessors (actuator) reaches it. */
    Map<String, String> encryptionKeys() {
      return encryptionKeys;
    }

    /**
     * Returns the ids of the configured keys (the keys themselves are not public).
     *
     * @return the ids, sorted
     */
    public List<String> keyIds() {
      return encryptionKeys.keySet().stream().sorted().toList();
    }

    /** @return the id new records are encrypted with, or {@code null} when no key is configured */
    public String currentKeyId() {
      return currentKeyId;
    }

    /** @return whether the key and recovery-code tables are created or migrated at start-up */
    public boolean initializeSchema() {
      return initializeSchema;
    }

    @Override
    public String toString() {
      return "Keys{ids=" + encryptionKeys.keySet().stream().sorted().toList() + ", current=" + currentKeyId
          + ", initializeSchema=" + initializeSchema + "}";
    }
  }

  /**
   * {@code totpkit.factor.*}: the web side of the factor.
   *
   * @param codePage the path of the page that asks for the code (GET) and receives it (POST), default
   *     {@code /login/totp}
   * @param defaultPage {@code true} (default) to serve the starter's plain page on GET; {@code false} when the
   *     application serves its own there (a form that POSTs {@code code} and the CSRF token to the same path)
   * @param enabled {@code true} (default) to apply the factor to every {@code SecurityFilterChain} built from
   *     Spring's {@code HttpSecurity}; {@code false} to apply {@link TotpFactorConfigurer} by hand
   */
  public record Factor(@DefaultValue("/login/totp") String codePage, @DefaultValue("true") boolean defaultPage,
      @DefaultValue("true") boolean enabled) {
    /**
     * Checks the path.
     *
     * @param codePage the code page's path
     * @param defaultPage whether the starter serves its page there
     * @param enabled whether the factor is applied to every chain
     */
    public Factor {
      if (codePage == null || !codePage.matches("/[A-Za-z0-9/._-]*") || codePage.contains("//")
          || codePage.contains("..")) {
        throw new InvalidTotpPropertyException("totpkit.factor.code-page",
            "must be a path starting with '/' of letters, digits, '/', '.', '_' or '-', was \"" + codePage + "\"");
      }
    }
  }
}
