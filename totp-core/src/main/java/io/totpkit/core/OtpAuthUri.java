package io.totpkit.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * An account's key and parameters in Google's Key Uri Format: {@code otpauth://TYPE/LABEL?PARAMETERS}, the text inside
 * every authenticator enrollment QR code.
 *
 * <pre>{@code
 * OtpAuthUri uri = OtpAuthUri.parse("otpauth://totp/TikTok:brand?secret=JBSWY3DPEHPK3PXP&issuer=TikTok");
 * uri.issuer();     // "TikTok"
 * uri.account();    // "brand"
 * uri.parameters(); // OtpParameters[TOTP, SHA1, 6 digits, 30 s, T0=1970-01-01T00:00:00Z]
 * Totp totp = uri.toTotp();
 * String text = uri.toUriString();   // OtpAuthUri.parse(text).equals(uri)
 * }</pre>
 *
 * <p>Parsing follows what real QR codes contain, not only the specification: scheme and type in any case; a label
 * {@code issuer:account} percent-decoded as UTF-8, with {@code %3A} as separator too and spaces before the account
 * dropped; {@code +} and {@code %20} as spaces in the query; parameter names in any case; {@code algorithm=sha256}
 * or {@code SHA-256}; Steam Guard keys as {@code otpauth://steam/…}, {@code encoder=steam} or {@code steam://SECRET}.
 * Parameters totpkit does not use ({@code image}, {@code color}, a vendor's own) are kept, in order, and written back
 * by {@link #toUriString()}.
 *
 * <p>The {@code issuer} parameter and the label's issuer prefix are both kept: {@link #issuer()} prefers the parameter,
 * as Google's format says, and {@link #labelIssuer()} and {@link #issuerParameter()} show each.
 *
 * <h2>Security</h2>
 * {@link #toString()} omits the secret; {@link #toUriString()} contains it and is key material. Parse errors are
 * {@link InvalidOtpAuthUriException}s that say what and where, never quoting the secret. Input longer than
 * {@value #MAX_LENGTH} characters is refused before it is read.
 *
 * <p>Thread-safety: immutable, as long as nobody destroys the {@link Secret} it returns.
 */
public final class OtpAuthUri {
  /** The longest input {@link #parse} reads. */
  public static final int MAX_LENGTH = 8192;

  private final OtpParameters parameters;
  private final String labelIssuer;
  private final String issuerParameter;
  private final String account;
  private final Secret secret;
  private final Map<String, String> otherParameters;

  private OtpAuthUri(Builder builder) {
    this.parameters = builder.parameters.build();
    this.labelIssuer = builder.labelIssuer;
    this.issuerParameter = builder.issuerParameter;
    this.account = builder.account;
    this.secret = builder.secret;
    this.otherParameters = Collections.unmodifiableMap(new LinkedHashMap<>(builder.otherParameters));
  }

  /**
   * Parses an {@code otpauth://} (or {@code steam://}) URI. White space around it is ignored.
   *
   * @param text the URI, at most {@value #MAX_LENGTH} characters
   * @return the parsed URI
   * @throws InvalidOtpAuthUriException if the text is not a usable authenticator URI; the message says why and where
   */
  public static OtpAuthUri parse(CharSequence text) {
    return OtpAuthUriParser.parse(text);
  }

  /**
   * Starts a builder for a TOTP key with the defaults SHA-1, 6 digits and 30 seconds.
   *
   * @param secret the key
   * @return a new builder
   */
  public static Builder totp(Secret secret) {
    return new Builder(secret, OtpParameters.totp());
  }

  /**
   * Starts a builder for a HOTP key with the defaults SHA-1 and 6 digits.
   *
   * @param secret the key
   * @param counter the initial counter, 0 or more
   * @return a new builder
   * @throws IllegalArgumentException if {@code counter} is negative
   */
  public static Builder hotp(Secret secret, long counter) {
    Builder builder = new Builder(secret, OtpParameters.hotp());
    builder.parameters.counter(counter);
    return builder;
  }

  /**
   * Starts a builder for a key with the given parameters, the way a store that keeps parameters apart from keys
   * rebuilds a URI. An {@code otpauth://} URI has no start time T0, so TOTP parameters must start at the Unix epoch.
   *
   * @param secret the key
   * @param parameters the key's parameters, TOTP or HOTP
   * @return a new builder
   * @throws IllegalArgumentException if {@code parameters} have a start time other than the Unix epoch
   */
  public static Builder builder(Secret secret, OtpParameters parameters) {
    OtpType type = Objects.requireNonNull(parameters, "parameters").type();
    if (type == OtpType.TOTP && !parameters.startTime().equals(Instant.EPOCH)) {
      throw new IllegalArgumentException("an otpauth URI has no start time T0, so its parameters must start at the"
          + " Unix epoch, was " + parameters.startTime());
    }
    return new Builder(secret, parameters.toBuilder());
  }

  /**
   * Returns how codes are made, without the key: type, algorithm, digits or Steam, the period (T0 is always the Unix
   * epoch: the format has none) or the counter, which the accessors below read too.
   */
  public OtpParameters parameters() {
    return parameters;
  }

  /** Returns whether the key is time- or counter-based. */
  public OtpType type() {
    return parameters.type();
  }

  /**
   * Returns the service the key belongs to: the {@code issuer} parameter if present, else the label's prefix, else
   * the empty string.
   */
  public String issuer() {
    return issuerParameter != null ? issuerParameter : labelIssuer != null ? labelIssuer : "";
  }

  /** Returns the issuer prefix of the label ({@code TikTok} in {@code otpauth://totp/TikTok:brand}), if any. */
  public Optional<String> labelIssuer() {
    return Optional.ofNullable(labelIssuer);
  }

  /** Returns the {@code issuer} query parameter, if any. */
  public Optional<String> issuerParameter() {
    return Optional.ofNullable(issuerParameter);
  }

  /** Returns the account name from the label, percent-decoded; possibly empty. */
  public String account() {
    return account;
  }

  /** Returns the key. It is shared with this URI: do not destroy it while the URI is in use. */
  public Secret secret() {
    return secret;
  }

  /** Returns the HMAC hash; always SHA-1 for Steam Guard keys. */
  public HmacAlgorithm algorithm() {
    return parameters.algorithm();
  }

  /** Returns the code length: 6 to 10 digits, or 5 characters for Steam Guard. */
  public int digits() {
    return parameters.digits();
  }

  /**
   * Returns the time step of a TOTP key.
   *
   * @throws IllegalStateException if this is a HOTP key
   */
  public Duration period() {
    return parameters.period();
  }

  /** Returns the counter of a HOTP key, or empty for a TOTP key. */
  public OptionalLong counter() {
    return parameters.counter();
  }

  /** Returns whether the key produces Steam Guard codes (five characters) rather than digits. */
  public boolean isSteam() {
    return parameters.isSteam();
  }

  /** Returns the {@code image} parameter (a logo URL some issuers add), if any, whatever the case of its name. */
  public Optional<String> image() {
    return otherParameters.entrySet().stream().filter(parameter -> parameter.getKey().equalsIgnoreCase("image"))
        .map(Map.Entry::getValue).findFirst();
  }

  /**
   * Returns the parameters totpkit does not interpret, by name as written (names differ in more than case), in their
   * original order. They are written back by {@link #toUriString()}.
   */
  public Map<String, String> otherParameters() {
    return otherParameters;
  }

  /**
   * Builds a generator for this TOTP key, on the system clock in UTC.
   *
   * @return the generator
   * @throws IllegalStateException if this is a HOTP key
   */
  public Totp toTotp() {
    return toTotp(Clock.systemUTC());
  }

  /**
   * Builds a generator for this TOTP key on the given clock.
   *
   * @param clock the clock behind {@link Totp#now()}
   * @return the generator
   * @throws IllegalStateException if this is a HOTP key
   */
  public Totp toTotp(Clock clock) {
    if (type() != OtpType.TOTP) {
      throw new IllegalStateException("this URI describes a HOTP key: use toHotp()");
    }
    return Totp.builder(secret).parameters(parameters).clock(clock).build();
  }

  /**
   * Builds a generator for this HOTP key; the counter to start from is {@link #counter()}.
   *
   * @return the generator
   * @throws IllegalStateException if this is a TOTP key
   */
  public Hotp toHotp() {
    if (type() != OtpType.HOTP) {
      throw new IllegalStateException("this URI describes a TOTP key: use toTotp()");
    }
    return Hotp.builder(secret).parameters(parameters).build();
  }

  /**
   * Returns a builder holding this URI's values, to derive a changed copy.
   *
   * @return a new builder
   */
  public Builder toBuilder() {
    Builder builder = new Builder(secret, parameters.toBuilder());
    builder.labelIssuer = labelIssuer;
    builder.issuerParameter = issuerParameter;
    builder.account = account;
    builder.otherParameters.putAll(otherParameters);
    return builder;
  }

  /**
   * Writes the URI: {@code otpauth://totp/Issuer:account?secret=…&issuer=…&algorithm=SHA1&digits=6&period=30},
   * then the other parameters. {@code parse(toUriString())} equals this URI. The text contains the secret.
   *
   * @return the URI text
   */
  public String toUriString() {
    OtpType type = parameters.type();
    StringBuilder out = new StringBuilder(128).append("otpauth://").append(type.uriName()).append('/');
    if (labelIssuer != null) {
      out.append(PercentCodec.encode(labelIssuer)).append(':');
    } else if (account.indexOf(':') >= 0) {
      out.append(':');   // an empty issuer prefix, so that the account's own ':' does not read back as one
    }
    out.append(PercentCodec.encode(account)).append("?secret=").append(secret.toBase32());
    if (issuerParameter != null) {
      out.append("&issuer=").append(PercentCodec.encode(issuerParameter));
    }
    if (parameters.isSteam()) {
      out.append("&encoder=steam");
    } else {
      out.append("&algorithm=").append(parameters.algorithm().uriName()).append("&digits=")
          .append(parameters.digits());
    }
    if (type == OtpType.TOTP) {
      out.append("&period=").append(parameters.periodSeconds());
    } else {
      out.append("&counter=").append(parameters.rawCounter());
    }
    otherParameters.forEach((name, value) ->
        out.append('&').append(PercentCodec.encode(name)).append('=').append(PercentCodec.encode(value)));
    return out.toString();
  }

  /** Compares every field; the secrets in constant time. */
  @Override
  public boolean equals(Object other) {
    if (this == other) {
      return true;
    }
    if (!(other instanceof OtpAuthUri)) {
      return false;
    }
    OtpAuthUri that = (OtpAuthUri) other;
    return parameters.equals(that.parameters)
        && Objects.equals(labelIssuer, that.labelIssuer)
        && Objects.equals(issuerParameter, that.issuerParameter)
        && account.equals(that.account)
        && otherParameters.equals(that.otherParameters)
        && secret.equals(that.secret);
  }

  /** Hashes every field but the secret. */
  @Override
  public int hashCode() {
    return Objects.hash(parameters, labelIssuer, issuerParameter, account, otherParameters);
  }

  /** Describes the URI without its secret. */
  @Override
  public String toString() {
    StringBuilder out = new StringBuilder("OtpAuthUri[").append(type().uriName())
        .append(", issuer=").append(issuer())
        .append(", account=").append(account)
        .append(", ").append(isSteam() ? "Steam" : algorithm() + ", " + digits() + " digits");
    if (type() == OtpType.TOTP) {
      out.append(", ").append(parameters.periodSeconds()).append(" s");
    } else {
      out.append(", counter ").append(parameters.rawCounter());
    }
    if (!otherParameters.isEmpty()) {
      // A count, not the names: text that lost its '=' could carry a key in a name.
      out.append(", ").append(otherParameters.size()).append(" other parameter")
          .append(otherParameters.size() == 1 ? "" : "s");
    }
    return out.append(", secret=").append(secret).append(']').toString();
  }

  /**
   * Builds an {@link OtpAuthUri}; each setter checks its argument.
   *
   * <p>Thread-safety: not thread-safe; use one builder per thread.
   */
  public static final class Builder {
    private final Secret secret;
    private final OtpParameters.Builder parameters;
    private String labelIssuer;
    private String issuerParameter;
    private String account = "";
    private final Map<String, String> otherParameters = new LinkedHashMap<>();

    private Builder(Secret secret, OtpParameters.Builder parameters) {
      this.secret = Objects.requireNonNull(secret, "secret");
      this.parameters = parameters;
    }

    /**
     * Sets the issuer both as the label's prefix and as the {@code issuer} parameter, as Google's format recommends.
     *
     * @param issuer the service, without {@code ':'}; empty removes both
     * @return this builder
     * @throws IllegalArgumentException if {@code issuer} contains {@code ':'} or an unpaired surrogate
     */
    public Builder issuer(String issuer) {
      labelIssuer(issuer);
      this.issuerParameter = labelIssuer;
      return this;
    }

    /**
     * Sets only the label's issuer prefix.
     *
     * @param issuer the prefix, without {@code ':'}; empty or {@code null} removes it
     * @return this builder
     * @throws IllegalArgumentException if {@code issuer} contains {@code ':'} or an unpaired surrogate
     */
    public Builder labelIssuer(String issuer) {
      if (issuer != null && issuer.indexOf(':') >= 0) {
        throw new IllegalArgumentException("issuer must not contain ':', which separates it from the account");
      }
      PercentCodec.requireEncodable(issuer, "issuer");
      this.labelIssuer = issuer == null || issuer.isEmpty() ? null : issuer;
      return this;
    }

    /**
     * Sets only the {@code issuer} parameter.
     *
     * @param issuer the parameter's value; empty or {@code null} removes it
     * @return this builder
     * @throws IllegalArgumentException if {@code issuer} contains an unpaired surrogate
     */
    public Builder issuerParameter(String issuer) {
      PercentCodec.requireEncodable(issuer, "issuer");
      this.issuerParameter = issuer == null || issuer.isEmpty() ? null : issuer;
      return this;
    }

    /**
     * Sets the account name; leading spaces are dropped, as the label grammar drops them.
     *
     * @param account the user's name at the issuer, for example an e-mail address
     * @return this builder
     * @throws IllegalArgumentException if {@code account} contains an unpaired surrogate
     */
    public Builder account(String account) {
      String text = PercentCodec.requireEncodable(Objects.requireNonNull(account, "account"), "account");
      int start = 0;
      while (start < text.length() && text.charAt(start) == ' ') {
        start++;
      }
      this.account = text.substring(start);
      return this;
    }

    /**
     * Sets the HMAC hash; the default is SHA-1.
     *
     * @param algorithm the hash
     * @return this builder
     */
    public Builder algorithm(HmacAlgorithm algorithm) {
      parameters.algorithm(algorithm);
      return this;
    }

    /**
     * Sets the number of digits; the default is 6. A Steam Guard key keeps its five characters and ignores this.
     *
     * @param digits from {@value OtpParameters#MIN_DIGITS} to {@value OtpParameters#MAX_DIGITS}
     * @return this builder
     * @throws IllegalArgumentException if out of range
     */
    public Builder digits(int digits) {
      parameters.keepSteamAndSetDigits(digits);
      return this;
    }

    /**
     * Marks the key as a Steam Guard key: five-character codes over HMAC-SHA-1. Replaces an {@code encoder} set
     * with {@link #parameter}, since the URI is written with {@code encoder=steam}.
     *
     * @return this builder
     * @throws IllegalStateException if this is a HOTP key
     */
    public Builder steam() {
      parameters.steam();
      otherParameters.keySet().removeIf(name -> name.equalsIgnoreCase("encoder"));
      return this;
    }

    /**
     * Sets the time step of a TOTP key; the default is 30 seconds.
     *
     * @param period a whole number of seconds, at least one
     * @return this builder
     * @throws IllegalArgumentException if out of range
     * @throws IllegalStateException if this is a HOTP key
     */
    public Builder period(Duration period) {
      parameters.period(period);
      return this;
    }

    /**
     * Adds a parameter totpkit does not interpret, such as {@code image}; it is written back by
     * {@link OtpAuthUri#toUriString()} with its name as given. It replaces a parameter whose name differs only in
     * case.
     *
     * @param name the name, which must not be one totpkit interprets
     * @param value the value
     * @return this builder
     * @throws IllegalArgumentException if {@code name} is empty or one of the interpreted parameters, or if it is
     *     {@code encoder=steam} (use {@link #steam()}: the parameter would read back as a Steam Guard key), or if
     *     either contains an unpaired surrogate
     */
    public Builder parameter(String name, String value) {
      Objects.requireNonNull(value, "value");
      String key = Objects.requireNonNull(name, "name").toLowerCase(Locale.ROOT);
      if (key.isEmpty() || OtpAuthUriParser.isInterpreted(key, parameters.type(), parameters.isSteam())) {
        throw new IllegalArgumentException("'" + Printable.of(name, 40)
            + "' cannot be set as another parameter: it is empty or has a setter of its own");
      }
      PercentCodec.requireEncodable(key, "parameter name");
      PercentCodec.requireEncodable(value, "parameter value");
      if (key.equals("encoder") && value.equalsIgnoreCase("steam")) {
        throw new IllegalArgumentException("encoder=steam marks a Steam Guard key: use steam() instead");
      }
      otherParameters.keySet().removeIf(existing -> existing.equalsIgnoreCase(name));
      otherParameters.put(name, value);
      return this;
    }

    /**
     * Builds the URI.
     *
     * @return the URI
     */
    public OtpAuthUri build() {
      return new OtpAuthUri(this);
    }
  }
}
