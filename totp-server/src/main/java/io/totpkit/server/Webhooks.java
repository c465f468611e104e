package io.totpkit.server;

import io.totpkit.core.Wipe;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Sends the event of each accountable reveal (a code revealed from an entry whose tag has a webhook) to that tag's
 * URL, so that the client or chat channel behind it learns of every use of their account.
 *
 * <p>Contract: {@link #send} never blocks and never fails for network problems: a reveal must not wait on a slow
 * receiver (the audit trail is the record, the webhook a notice). It queues a delivery, or drops the event and
 * returns {@code false} when {@code capacity} deliveries are outstanding (queued, in flight or waiting for a retry),
 * counted by {@link #dropped()} and logged at most once a minute. A delivery POSTs the event unchanged with
 * {@code Content-Type: application/json}, {@code User-Agent: totpkit-server}, an {@code X-Totpkit-Delivery} id (a
 * random UUID, the same on every retry, so a receiver can drop duplicates) and {@code X-Totpkit-Signature:
 * t=<unix seconds>,v1=<hex HMAC-SHA-256>} over {@code t + "." + body} ({@link #signature}), signed anew on each
 * attempt so a receiver can reject old replays. A 2xx delivers it; connection errors, timeouts, 5xx, 408 and 429 are
 * retried after each retry delay in turn; any other answer is final, counted by {@link #failed()} like retries used
 * up. {@link #close()} stops accepting, waits up to 5 s for attempts in flight and abandons the rest as failed.
 *
 * <p>Thread-safety: safe for concurrent use. Attempts run on two daemon threads named {@code totp-webhook}; retries
 * are scheduled, never slept, so a receiver that is down holds no thread.
 *
 * <h2>Security</h2>
 * The secret is copied by {@link #send} and zeroed when its delivery ends. Log lines name a URL's scheme and host
 * only (its path or query may carry a token) and a status or exception class, never a body or secret. Redirects are
 * not followed: they would carry the signed event to a host the owner did not choose.
 */
final class Webhooks implements AutoCloseable {
  private static final System.Logger LOG = System.getLogger("io.totpkit.server");
  private static final Duration ATTEMPT_TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient client;
  private final int capacity;
  private final List<Duration> retryDelays;
  private final ScheduledExecutorService pool;
  /** One permit per delivery that may be outstanding: taken by send, given back when the delivery ends. */
  private final Semaphore room;
  /** Deliveries not yet ended; whoever removes one (its last attempt or close) counts it, exactly once. */
  private final Set<Delivery> live = ConcurrentHashMap.newKeySet();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicLong dropped = new AtomicLong();
  private final AtomicLong failed = new AtomicLong();
  private final AtomicLong delivered = new AtomicLong();
  private final AtomicLong nextWarning = new AtomicLong(System.nanoTime());

  /** Webhooks over {@code client} (its redirect and timeout settings apply); one attempt more than retry delays. */
  Webhooks(HttpClient client, int capacity, List<Duration> retryDelays) {
    this.client = Objects.requireNonNull(client, "client");
    this.retryDelays = List.copyOf(retryDelays);
    if (capacity < 1 || this.retryDelays.stream().anyMatch(Duration::isNegative)) {
      throw new IllegalArgumentException("capacity must be at least 1 and no retry delay negative");
    }
    this.capacity = capacity;
    this.room = new Semaphore(capacity);
    ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(2, task -> {
      Thread thread = new Thread(task, "totp-webhook");
      thread.setDaemon(true); // a pending retry must not keep the JVM alive
      return thread;
    });
    // On shutdown, drop queued work at once: close() waits for attempts in flight, not for retries minutes away.
    executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
    this.pool = executor;
  }

  /** The server's: HTTP/1.1, 5 s to connect, no redirects, 1000 outstanding, retries after 1 s, 5 s, 30 s, 2 min. */
  static Webhooks standard() {
    HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER).build();
    return new Webhooks(client, 1000, List.of(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30),
        Duration.ofMinutes(2)));
  }

  /**
   * Queues the delivery of one event; returns at once.
   *
   * @param url an absolute http or https URL with a host
   * @param secret the webhook's signing secret, not empty; copied
   * @param eventJson the event, sent as it is
   * @return {@code true} if queued; {@code false} if dropped because the queue is full, or after {@link #close()}
   * @throws IllegalArgumentException if the URL is not an absolute http(s) URL with a host or the secret is empty
   */
  boolean send(URI url, byte[] secret, String eventJson) {
    Objects.requireNonNull(eventJson, "eventJson");
    String scheme = url.getScheme(); // checked here: HttpRequest's own message would quote the whole URL
    if (!("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) || url.getHost() == null
        || secret.length == 0) {
      throw new IllegalArgumentException("a webhook needs an absolute http(s) URL with a host and a secret");
    }
    if (closed.get()) {
      return false; // not dropped for want of room: the server is stopping
    }
    if (!room.tryAcquire()) {
      long total = dropped.incrementAndGet(), due = nextWarning.get(), now = System.nanoTime();
      if (now - due >= 0 && nextWarning.compareAndSet(due, now + TimeUnit.MINUTES.toNanos(1))) {
        LOG.log(Level.WARNING, "webhook queue full: " + total + " events dropped so far");
      }
      return false;
    }
    Delivery delivery = new Delivery(url, secret.clone(), eventJson, UUID.randomUUID().toString());
    live.add(delivery);
    try {
      pool.execute(() -> attempt(delivery, 1));
      return true;
    } catch (RejectedExecutionException e) { // close() ran since the check above: not accepted after all
      end(delivery, null, null);
      return false;
    }
  }

  /** Returns how many events were dropped because the queue was full. */
  long dropped() {
    return dropped.get();
  }

  /** Returns how many deliveries ended without a 2xx: retries used up, a final answer, or abandoned by close. */
  long failed() {
    return failed.get();
  }

  /** Returns how many deliveries got a 2xx answer. */
  long delivered() {
    return delivered.get();
  }

  /** Stops accepting, waits up to 5 s for attempts in flight, and abandons queued work and pending retries. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    pool.shutdown();
    try {
      pool.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    pool.shutdownNow(); // interrupts an attempt still blocked in send
    long abandoned = live.stream().filter(delivery -> end(delivery, failed, null)).count();
    if (abandoned > 0) {
      LOG.log(Level.WARNING, "webhooks closed: " + abandoned + " deliveries abandoned");
    }
  }

  /** An attempt's v1, as a receiver recomputes it: hex HMAC-SHA-256(secret, unixSeconds + "." + body in UTF-8). */
  static String signature(byte[] secret, long unixSeconds, String body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret, "HmacSHA256"));
      mac.update((unixSeconds + ".").getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) { // every Java platform has HmacSHA256: this is a broken JDK
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }

  @Override
  public String toString() {
    return "Webhooks[delivered " + delivered + ", failed " + failed + ", dropped " + dropped + ", outstanding "
        + (capacity - room.availablePermits()) + "]";
  }

  /** Attempt number {@code attempt}, from 1; on a retryable outcome, schedules the next or gives up. */
  private void attempt(Delivery delivery, int attempt) {
    String outcome;
    try {
      long now = System.currentTimeMillis() / 1000; // concatenated below, so no locale's digits
      HttpRequest request = HttpRequest.newBuilder(delivery.url()).timeout(ATTEMPT_TIMEOUT)
          .header("Content-Type", "application/json").header("User-Agent", "totpkit-server")
          .header("X-Totpkit-Delivery", delivery.id())
          .header("X-Totpkit-Signature", "t=" + now + ",v1=" + signature(delivery.secret(), now, delivery.body()))
          .POST(HttpRequest.BodyPublishers.ofString(delivery.body(), StandardCharsets.UTF_8)).build();
      int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      if (status >= 200 && status < 300) {
        end(delivery, delivered, null);
        return;
      }
      outcome = "status " + status;
      if (status < 500 && status != 408 && status != 429) { // the receiver refused it: asking again will not help
        end(delivery, failed, outcome);
        return;
      }
    } catch (IOException e) { // refused, reset, or HttpTimeoutException: the receiver may be back soon
      outcome = e.getClass().getName();
    } catch (InterruptedException e) { // close() stopped waiting
      Thread.currentThread().interrupt();
      end(delivery, failed, "interrupted by close");
      return;
    } catch (RuntimeException e) { // a bug, not the network: asking again will not help, but the room must come back
      end(delivery, failed, e.getClass().getName());
      return;
    }
    if (attempt > retryDelays.size()) {
      end(delivery, failed, outcome + " after " + attempt + " attempts");
      return;
    }
    try {
      pool.schedule(() -> attempt(delivery, attempt + 1), retryDelays.get(attempt - 1).toNanos(), TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException e) { // closing: the retry is abandoned
      end(delivery, failed, outcome + ", retry abandoned by close");
    }
  }

  /** Ends a delivery once, whoever comes first; counts it (null: never accepted), logs why if given; true if ended. */
  private boolean end(Delivery delivery, AtomicLong counter, String why) {
    if (!live.remove(delivery)) {
      return false;
    }
    room.release();
    Wipe.bytes(delivery.secret());
    if (counter != null) { // counted last: whoever sees the count also sees the room it freed
      counter.incrementAndGet();
    }
    if (why != null) {
      LOG.log(Level.WARNING, "webhook delivery to " + delivery.url().getScheme() + "://" + delivery.url().getHost()
          + " failed: " + why);
    }
    return true;
  }

  private record Delivery(URI url, byte[] secret, String body, String id) { // its random id keeps equal events apart
    @Override
    public String toString() { // a record's own would show the body, the secret and the URL's token
      return "Delivery[" + id + "]";
    }
  }
}
