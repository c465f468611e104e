package io.totpkit.ocr;

import io.totpkit.core.InvalidSecretException;
import io.totpkit.core.OtpParameters;
import io.totpkit.core.Secret;
import io.totpkit.core.Totp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * A setup key read from a picture by OCR: the best reading, whether every character of it is certain, and for the
 * characters that are not, what else they may be.
 *
 * <pre>{@code
 * PrintedKey key = PrintedKeys.read(screenshot);
 * if (key.certain()) {
 *   Secret secret = Secret.fromBase32(key.candidate());
 * } else {
 *   // Ask the person to check the characters at key.uncertainPositions() against the screen, or try
 *   // key.candidates() one by one until the platform accepts a code made with one of them.
 * }
 * }</pre>
 *
 * <h2>What "certain" means</h2>
 * {@link #certain()} is {@code true} only when every character was read with high confidence, no other character was
 * a close second, the readings of the line at different sizes agree, the groups of four are intact and the length is
 * one of those setup keys have ({@link #USUAL_LENGTHS}). OCR confuses characters that are all valid Base32 — 5 and S,
 * 6 and G, 2 and Z, 7 and T, I and J — and a reading with such a swap is still a well-formed key: no check inside the
 * key can catch it. So a key that is not certain must never be used unconfirmed, and even a certain one is confirmed
 * best by a code the platform accepts.
 *
 * <p>Positions count from 0 and refer to {@link #candidate()}, which is in capitals without spaces whatever the
 * screen showed (Google prints keys in small letters). When a group has a character too many or too few, all its
 * positions are uncertain, possibly without alternatives: no candidate can repair a lost character.
 *
 * <h2>Security</h2>
 * {@link #candidate()} and {@link #candidates()} are key material. {@link #toString()} shows the length and the
 * certainty only; {@link #matches(Secret)} compares in constant time. The class has no {@code equals}: two readings
 * are compared through their candidates, by the caller, deliberately.
 *
 * <p>Thread-safety: immutable.
 */
public final class PrintedKey {
  /** The lengths, in Base32 characters, of the keys platforms print: 10, 16, 20 and 32 bytes. */
  public static final Set<Integer> USUAL_LENGTHS = Set.of(16, 26, 32, 52);
  /** The most keys {@link #candidates()} returns. */
  public static final int MAX_CANDIDATES = 64;

  private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
  private static final int[] VALUES = new int[128];

  static {
    for (int i = 0; i < ALPHABET.length(); i++) {
      VALUES[ALPHABET.charAt(i)] = i;
    }
  }

  private final String candidate;
  private final double confidence;
  private final boolean intact;
  /** The uncertain positions in increasing order, each with its options, the candidate's character first. */
  private final List<Doubt> doubts;

  /** One uncertain position: the characters it may be, most likely first, and their weights (0 to 1). */
  static final class Doubt {
    final int position;
    final char[] options;
    final double[] weights;

    Doubt(int position, char[] options, double[] weights) {
      if (options.length == 0 || options.length != weights.length) {
        throw new AssertionError("a doubt needs one weight per option, the read character first");
      }
      this.position = position;
      this.options = options.clone();
      this.weights = weights.clone();
    }

    @Override
    public String toString() {
      return "Doubt[position " + position + ", " + options.length + " options]";
    }
  }

  /**
   * @param candidate the best reading, Base32 in capitals
   * @param confidence the lowest confidence of any character, 0 to 1
   * @param intact whether every group has four characters (the last one to four) and the readings agree on length
   * @param doubts the uncertain positions in increasing order
   */
  PrintedKey(String candidate, double confidence, boolean intact, List<Doubt> doubts) {
    for (int i = 0; i < candidate.length(); i++) {
      if (ALPHABET.indexOf(candidate.charAt(i)) < 0) {
        throw new AssertionError("a candidate holds Base32 capitals only, at position " + i);
      }
    }
    for (Doubt doubt : doubts) {
      if (doubt.position >= candidate.length() || doubt.options[0] != candidate.charAt(doubt.position)) {
        throw new AssertionError("a doubt starts with the candidate's character at its position");
      }
    }
    this.candidate = candidate;
    this.confidence = confidence;
    this.intact = intact;
    this.doubts = List.copyOf(doubts);
  }

  /**
   * Returns the best reading of the key: Base32 capitals without spaces. This is key material.
   *
   * @return the key as read, never empty
   */
  public String candidate() {
    return candidate;
  }

  /**
   * Returns whether every character was read with certainty, the groups are intact and the length is usual; see the
   * class description for what that does and does not promise.
   *
   * @return {@code true} when no position is uncertain, the structure is intact and {@link #lengthUsual()} holds
   */
  public boolean certain() {
    return doubts.isEmpty() && intact && lengthUsual();
  }

  /**
   * Returns the positions in {@link #candidate()} whose character is uncertain, in increasing order.
   *
   * @return the positions (from 0), empty when every character is certain
   */
  public List<Integer> uncertainPositions() {
    return doubts.stream().map(doubt -> doubt.position).toList();
  }

  /**
   * Returns the other characters the character at {@code position} may be, most likely first.
   *
   * @param position a position in {@link #candidate()}, from 0
   * @return the alternatives, in capitals; empty for a certain position, and for an uncertain one that only a lost
   *     or extra character explains
   * @throws IndexOutOfBoundsException if {@code position} is not a position of the candidate
   */
  public List<Character> alternatives(int position) {
    Objects.checkIndex(position, candidate.length());
    for (Doubt doubt : doubts) {
      if (doubt.position == position) {
        List<Character> alternatives = new ArrayList<>();
        for (int i = 1; i < doubt.options.length; i++) {
          alternatives.add(doubt.options[i]);
        }
        return List.copyOf(alternatives);
      }
    }
    return List.of();
  }

  /**
   * Returns how sure OCR was of the character it was least sure of, from 0 to 1. A low value says where to look; a
   * high one alone does not make the key {@link #certain()}.
   *
   * @return the lowest character confidence, 0 to 1
   */
  public double confidence() {
    return confidence;
  }

  /**
   * Returns the number of characters of {@link #candidate()}.
   *
   * @return the length, at least 1
   */
  public int length() {
    return candidate.length();
  }

  /**
   * Returns whether the length is one platforms print ({@link #USUAL_LENGTHS}: 16, 26, 32 or 52). Another length
   * suggests a character lost or added by OCR.
   *
   * @return whether the length is usual
   */
  public boolean lengthUsual() {
    return USUAL_LENGTHS.contains(candidate.length());
  }

  /**
   * Returns the keys this reading allows, most likely first, starting with {@link #candidate()}: every combination of
   * the alternatives at the uncertain positions, at most {@value #MAX_CANDIDATES}. A caller can try them in turn
   * until a code made with one is accepted by the platform. These strings are key material.
   *
   * @return one key when the reading is certain, otherwise up to {@value #MAX_CANDIDATES} keys, all distinct
   */
  public List<String> candidates() {
    // Best-first search over the combinations: a state is one option index per doubt, scored by the product of
    // the options' weights; each popped state's successors move one doubt to its next option.
    Comparator<int[]> byLikelihood = Comparator.comparingDouble(this::logWeight).reversed();
    PriorityQueue<int[]> queue = new PriorityQueue<>(byLikelihood);
    Set<String> seen = new HashSet<>();
    List<String> keys = new ArrayList<>();
    queue.add(new int[doubts.size()]);
    seen.add(Arrays.toString(new int[doubts.size()]));
    while (!queue.isEmpty() && keys.size() < MAX_CANDIDATES) {
      int[] state = queue.poll();
      char[] key = candidate.toCharArray();
      for (int d = 0; d < state.length; d++) {
        key[doubts.get(d).position] = doubts.get(d).options[state[d]];
      }
      keys.add(new String(key));
      for (int d = 0; d < state.length; d++) {
        if (state[d] + 1 < doubts.get(d).options.length) {
          int[] next = state.clone();
          next[d]++;
          if (seen.add(Arrays.toString(next))) {
            queue.add(next);
          }
        }
      }
    }
    return List.copyOf(keys);
  }

  private double logWeight(int[] state) {
    double sum = 0;
    for (int d = 0; d < state.length; d++) {
      sum += Math.log(Math.max(1e-9, doubts.get(d).weights[state[d]]));
    }
    return sum;
  }

  /**
   * Returns whether {@code secret} is a key this reading allows: of the same length, equal at every certain position
   * and one of the possible characters at every uncertain one. Use it when a picture shows both a QR code and the
   * printed key: a secret the QR code holds that the printed key does not match means the picture was tampered with
   * or shows two accounts, and the caller should report it.
   *
   * <p>The comparison takes the same time wherever the keys differ.
   *
   * @param secret a key, typically read from the QR code beside the printed one
   * @return whether the printed key may be that secret
   * @throws IllegalStateException if {@code secret} was destroyed
   */
  public boolean matches(Secret secret) {
    Objects.requireNonNull(secret, "secret");
    int length = candidate.length();
    // A key of n Base32 characters holds floor(5n / 8) bytes; the last character's low bits beyond them are unused.
    if (secret.length() != length * 5 / 8) {
      return false;
    }
    String other = secret.toBase32();
    if (other.length() != length) {
      return false;
    }
    int unusedBits = length * 5 % 8;
    int mismatches = 0;
    for (int i = 0; i < length; i++) {
      int shift = i == length - 1 ? unusedBits : 0;
      int want = value(other.charAt(i)) >>> shift;
      int match = 0;
      for (char option : options(i)) {
        // Branch-free: (d - 1) >>> 31 is 1 exactly when d is 0 (d is 0 to 31), and every option of every position is
        // compared, so the time does not depend on where, or whether, the keys differ.
        match |= (((value(option) >>> shift) ^ want) - 1) >>> 31;
      }
      mismatches |= match ^ 1;
    }
    return mismatches == 0;
  }

  /** A Base32 character's value by table lookup, not by a search whose time would depend on the character. */
  private static int value(char c) {
    return VALUES[c & 0x7f];
  }

  private char[] options(int position) {
    for (Doubt doubt : doubts) {
      if (doubt.position == position) {
        return doubt.options;
      }
    }
    return new char[] {candidate.charAt(position)};
  }

  /**
   * Returns the one key this reading allows whose code is {@code code} at {@code now}, or one step before or after
   * it: the way to settle a reading that is not {@link #certain()} without a person spelling out characters. The code
   * comes from the authenticator app that scanned the same setup screen (the client reads it out), or is one the
   * platform accepted. Every key of {@link #candidates()} is tried.
   *
   * <p>With 6 digits and 64 candidates, a wrong candidate gives the same code by chance about once in 5 000
   * confirmations; that is why a code that more than one candidate gives settles nothing. A wrong key can still come
   * back when the right one is not among the candidates at all and a wrong one matches by chance: for 6 digits at
   * most 64 × 3 in a million. Asking for a second code a step later makes that negligible.
   *
   * @param code the code, exactly {@code parameters.digits()} digits
   * @param now the time the code was shown
   * @param parameters the account's algorithm, digits and period (from the platform; usually the defaults:
   *     {@code OtpParameters.totp().build()})
   * @return the key, a new {@link Secret} the caller destroys; empty when no candidate gives the code, or more than
   *     one does
   * @throws IllegalArgumentException if {@code parameters} are not TOTP parameters
   */
  public Optional<Secret> confirm(CharSequence code, Instant now, OtpParameters parameters) {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(now, "now");
    if (Objects.requireNonNull(parameters, "parameters").counter().isPresent()) {
      throw new IllegalArgumentException("a printed key is confirmed with a time-based code; the parameters are HOTP");
    }
    Secret found = null;
    for (String key : candidates()) {
      Secret secret;
      try {
        secret = Secret.fromBase32(key);
      } catch (InvalidSecretException e) {
        continue;   // a reading of a length no key has: it cannot give a code
      }
      if (Totp.builder(secret).parameters(parameters).build().check(code, now, 1, 1).isAccepted()) {
        if (found != null) {
          found.destroy();
          secret.destroy();
          return Optional.empty();
        }
        found = secret;
      } else {
        secret.destroy();
      }
    }
    return Optional.ofNullable(found);
  }

  /** Returns a description without the key: its length and certainty, {@code PrintedKey[32 characters, certain]}. */
  @Override
  public String toString() {
    String state = certain() ? "certain" : String.format(Locale.ROOT, "%d uncertain position%s%s%s, confidence %.2f",
        doubts.size(), doubts.size() == 1 ? "" : "s", intact ? "" : ", groups broken",
        lengthUsual() ? "" : ", unusual length", confidence);
    return "PrintedKey[" + length() + " characters, " + state + "]";
  }
}
