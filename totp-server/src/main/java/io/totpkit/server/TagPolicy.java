package io.totpkit.server;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * What the code server asks of a reveal of an entry carrying a tag: whether the caller must give a reason, and where
 * to send an event of each reveal. Set by an OWNER with {@link ServerState#setTagPolicy}.
 *
 * <p>Thread-safety: immutable.
 *
 * <h2>Security</h2>
 * The webhook's signing secret is not part of this value; {@link #toString()} shows the webhook's scheme and host
 * only (a URL may carry a token in its path or query).
 */
public final class TagPolicy {
  static final TagPolicy NONE = new TagPolicy(false, null);

  private final boolean reasonRequired;
  private final URI webhook;

  private TagPolicy(boolean reasonRequired, URI webhook) {
    this.reasonRequired = reasonRequired;
    this.webhook = webhook;
  }

  /**
   * A policy.
   *
   * @param reasonRequired whether each reveal must give a reason
   * @param webhook an {@code http} or {@code https} URL to POST an event to on each reveal, or {@code null}
   * @return the policy
   * @throws IllegalArgumentException if the URL is not an absolute http(s) URL with a host
   */
  public static TagPolicy of(boolean reasonRequired, URI webhook) {
    if (webhook != null) {
      String scheme = webhook.getScheme();
      if (!webhook.isAbsolute() || webhook.getHost() == null
          || !("https".equalsIgnoreCase(scheme) || "http".equalsIgnoreCase(scheme))) {
        throw new IllegalArgumentException("a webhook must be an absolute http:// or https:// URL with a host");
      }
    }
    return new TagPolicy(reasonRequired, webhook);
  }

  /** Returns whether each reveal of an entry with this tag must give a reason. */
  public boolean reasonRequired() {
    return reasonRequired;
  }

  /** Returns where each reveal's event is sent, if anywhere. */
  public Optional<URI> webhook() {
    return Optional.ofNullable(webhook);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TagPolicy && ((TagPolicy) other).reasonRequired == reasonRequired
        && Objects.equals(((TagPolicy) other).webhook, webhook);
  }

  @Override
  public int hashCode() {
    return Objects.hash(reasonRequired, webhook);
  }

  @Override
  public String toString() {
    return "TagPolicy[reason " + (reasonRequired ? "required" : "optional")
        + (webhook == null ? "" : ", webhook " + webhook.getScheme() + "://" + webhook.getHost() + "/…") + "]";
  }
}
