package io.totpkit.core;

import java.security.DigestException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The HOTP function of RFC 4226 §5.3 for one key: HMAC over an 8-byte counter, dynamic truncation, then reduction to
 * a decimal code of 6 to 10 digits or to a 5-character Steam Guard code.
 *
 * <p>The HMAC is assembled by hand over a reused {@link MessageDigest} from the key's inner and outer pad blocks,
 * computed once here: {@code H(K ^ opad || H(K ^ ipad || counter))} (RFC 2104). That costs four compressions by the
 * JDK's intrinsic hash and allocates nothing, where a {@code javax.crypto.Mac} allocates its inner digest on every
 * call.
 *
 * <p>Thread-safety: immutable and lock-free. A {@code MessageDigest} is not thread-safe, so each call borrows one
 * from {@link HashStates}, a pool shared by all generators of the same hash, and gives it back: see there.
 */
final class CodeGenerator {
  static final String STEAM_ALPHABET = "23456789BCDFGHJKMNPQRTVWXY";
  private static final long[] POWERS_OF_TEN = {
    1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L, 100_000_000L, 1_000_000_000L,
    10_000_000_000L
  };
  /** 26^5: a Steam code is the truncated value modulo this, written in base 26, least significant first. */
  private static final long STEAM_MODULUS = 11_881_376L;

  private final HmacAlgorithm algorithm;
  private final int length;
  private final boolean steam;
  private final long modulus;
  private final byte[] innerPad;
  private final byte[] outerPad;
  private final HashStates states;

  private CodeGenerator(HmacAlgorithm algorithm, byte[] key, int length, boolean steam) {
    this.algorithm = algorithm;
    this.length = length;
    this.steam = steam;
    this.modulus = steam ? STEAM_MODULUS : POWERS_OF_TEN[length];
    this.states = HashStates.of(algorithm);
    int block = algorithm.blockLength();
    byte[] k = key.length > block ? newDigest(algorithm).digest(key) : key;
    innerPad = new byte[block];
    outerPad = new byte[block];
    for (int i = 0; i < block; i++) {
      byte b = i < k.length ? k[i] : 0;
      innerPad[i] = (byte) (b ^ 0x36);
      outerPad[i] = (byte) (b ^ 0x5c);
    }
    if (k != key) {
      Wipe.bytes(k);
    }
  }

  /**
   * A generator of the codes {@code parameters} describe: decimal with their digit count, or Steam Guard's five
   * characters from {@link #STEAM_ALPHABET} over HMAC-SHA-1 (which {@link OtpParameters} already sets for Steam).
   */
  static CodeGenerator of(OtpParameters parameters, Secret secret) {
    return new CodeGenerator(parameters.algorithm(), secret.bytesForUse(), parameters.digits(),
        parameters.isSteam());
  }

  /**
   * Returns the code for {@code counter} as a number: the decimal code's value, or for Steam the base-26 value its
   * characters spell. Allocation-free.
   */
  int code(long counter) {
    return (int) (truncate(counter) % modulus);
  }

  /** Writes {@code code} as the user sees it: zero-padded decimal, or Steam's alphabet. */
  String format(int code) {
    char[] out = new char[length];
    if (steam) {
      int rest = code;
      for (int i = 0; i < length; i++) {
        out[i] = STEAM_ALPHABET.charAt(rest % 26);
        rest /= 26;
      }
    } else {
      long rest = code;
      for (int i = length - 1; i >= 0; i--) {
        out[i] = (char) ('0' + rest % 10);
        rest /= 10;
      }
    }
    return new String(out);
  }

  /**
   * Reads what a user typed as a code of this generator: exactly its length in ASCII digits (or upper-case Steam
   * characters), nothing trimmed, nothing coerced, so {@code "12345"} is not {@code "012345"} and {@code "123 456"}
   * is nothing. Returns -1 for anything else.
   */
  long parse(CharSequence typed) {
    if (typed.length() != length) {
      return -1;
    }
    long value = 0;
    if (steam) {
      for (int i = length - 1; i >= 0; i--) {
        int digit = STEAM_ALPHABET.indexOf(typed.charAt(i));
        if (digit < 0) {
          return -1;
        }
        value = value * 26 + digit;
      }
    } else {
      for (int i = 0; i < length; i++) {
        char c = typed.charAt(i);
        if (c < '0' || c > '9') {
          return -1;
        }
        value = value * 10 + (c - '0');
      }
    }
    return value;
  }

  /**
   * Returns the first counter from {@code from} to {@code to} (inclusive, both 0 or more) whose code equals
   * {@code typed}, or -1. Every counter in the range is computed and compared, match or not, and the comparison has
   * no branch on the result: the time taken says nothing about which candidate matched, or how closely.
   */
  long firstMatch(long typed, long from, long to) {
    long found = 0;
    long matched = -1;
    for (long counter = from; counter <= to && counter >= 0; counter++) {
      long take = equal(code(counter), typed) & (found ^ 1);
      matched = select(take, counter, matched);
      found |= take;
    }
    return matched;
  }

  /**
   * Returns the first counter {@code c} with {@code from < c <= last} whose code is {@code second} while the code of
   * {@code c - 1} is {@code first} (RFC 4226 §7.4 resynchronisation), or -1. Constant time, like
   * {@link #firstMatch}.
   */
  long firstPairMatch(long first, long second, long from, long last) {
    long found = 0;
    long matched = -1;
    long previous = code(from);
    for (long counter = from + 1; counter <= last && counter > 0; counter++) {
      long current = code(counter);
      long take = equal(previous, first) & equal(current, second) & (found ^ 1);
      matched = select(take, counter, matched);
      found |= take;
      previous = current;
    }
    return matched;
  }

  /** 1 if {@code a == b}, else 0, without a branch: {@code d | -d} has its sign bit set exactly when d != 0. */
  private static long equal(long a, long b) {
    long difference = a ^ b;
    return ((difference | -difference) >>> 63) ^ 1;
  }

  /** {@code ifOne} if {@code bit} is 1, {@code ifZero} if it is 0, without a branch. */
  private static long select(long bit, long ifOne, long ifZero) {
    long mask = -bit;
    return (ifOne & mask) | (ifZero & ~mask);
  }

  /** RFC 4226 §5.3: HMAC of the big-endian counter, then dynamic truncation to 31 bits. */
  private int truncate(long counter) {
    int slot = states.home();
    HashState state = states.borrow(slot);
    MessageDigest digest = state.digest;
    byte[] buf = state.buffer;
    int out = algorithm.outputLength();
    try {
      for (int i = 7; i >= 0; i--) {
        buf[i] = (byte) counter;
        counter >>>= 8;
      }
      digest.update(innerPad);
      digest.update(buf, 0, 8);
      digest.digest(buf, 0, out);
      digest.update(outerPad);
      digest.update(buf, 0, out);
      digest.digest(buf, 0, out);
    } catch (DigestException e) {
      throw new AssertionError("the buffer is as long as the hash output", e);
    }
    int offset = buf[out - 1] & 0x0f;
    int binary = ((buf[offset] & 0x7f) << 24)
        | ((buf[offset + 1] & 0xff) << 16)
        | ((buf[offset + 2] & 0xff) << 8)
        | (buf[offset + 3] & 0xff);
    states.giveBack(state);
    return binary;
  }

  private static MessageDigest newDigest(HmacAlgorithm algorithm) {
    try {
      return MessageDigest.getInstance(algorithm.digestName());
    } catch (NoSuchAlgorithmException e) {
      throw new AssertionError("every Java platform must provide " + algorithm.digestName(), e);
    }
  }

  /**
   * Working states for one hash, shared by every generator of that hash: the state holds no key (the pads stay in
   * the generator, and {@code digest()} resets the digest), so any generator may use any state.
   *
   * <ul>
   *   <li>A thread starts at the slot its id picks and takes the state there ({@code getAndSet(null)}); if another
   *       thread holds that one, it tries the next few slots, and only then makes a new state. It puts the state
   *       back in the slot it came from.
   *   <li>Slots are a cache line apart, so two threads on two cores do not write to the same line on every call.
   *   <li>Shared by all generators, so a generator built for one request (a {@code Totp} per login) finds a ready
   *       digest instead of making one, and a million generators hold no digests at all.
   * </ul>
   * This serves platform and virtual threads alike, with no {@code ThreadLocal} to fill for every new thread.
   */
  private static final class HashStates {
    /** A power of two a little above the core count, so concurrent threads rarely start at the same slot. */
    private static final int SLOTS = slotCount();
    /** References per slot: 32 of 4 bytes (compressed) or 16 of 8 bytes is 128 bytes, two cache lines. */
    private static final int STRIDE = 32;
    private static final int PROBES = Math.min(4, SLOTS);
    private static final HashStates[] BY_ALGORITHM = new HashStates[HmacAlgorithm.values().length];

    static {
      for (HmacAlgorithm algorithm : HmacAlgorithm.values()) {
        BY_ALGORITHM[algorithm.ordinal()] = new HashStates(algorithm);
      }
    }

    private final HmacAlgorithm algorithm;
    private final AtomicReferenceArray<HashState> slots = new AtomicReferenceArray<>(SLOTS * STRIDE);

    private HashStates(HmacAlgorithm algorithm) {
      this.algorithm = algorithm;
    }

    static HashStates of(HmacAlgorithm algorithm) {
      return BY_ALGORITHM[algorithm.ordinal()];
    }

    int home() {
      return (int) Thread.currentThread().getId() & (SLOTS - 1);
    }

    HashState borrow(int home) {
      for (int i = 0; i < PROBES; i++) {
        int slot = (home + i) & (SLOTS - 1);
        HashState state = slots.getAndSet(slot * STRIDE, null);
        if (state != null) {
          state.slot = slot;
          return state;
        }
      }
      HashState state = new HashState(algorithm);
      state.slot = home;
      return state;
    }

    /** Puts {@code state} back; if the slot was refilled meanwhile, the state it held is dropped. */
    void giveBack(HashState state) {
      slots.setRelease(state.slot * STRIDE, state);
    }

    private static int slotCount() {
      int wanted = Math.max(4, Runtime.getRuntime().availableProcessors() * 2);
      return Math.min(256, Integer.highestOneBit(wanted - 1) << 1);
    }
  }

  /** One borrower's working state: a digest, a buffer for the counter and the hash outputs, and where it lives. */
  private static final class HashState {
    final MessageDigest digest;
    final byte[] buffer;
    int slot;

    HashState(HmacAlgorithm algorithm) {
      digest = newDigest(algorithm);
      buffer = new byte[algorithm.outputLength()];
    }
  }

  @Override
  public String toString() {
    return "CodeGenerator[" + algorithm + ", " + (steam ? "Steam" : length + " digits") + "]";
  }
}
