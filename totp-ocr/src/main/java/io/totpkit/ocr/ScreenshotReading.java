package io.totpkit.ocr;

import io.totpkit.core.OtpAuthUri;
import io.totpkit.qr.QrScan;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What {@link Screenshots#read} found in a picture of a setup screen: the accounts of its QR code, or when no code
 * could be read, the setup key printed under it; how they were read; and whether the two agree when both were there.
 *
 * <p>{@link #describe()} says all of that for people, without any secret: {@code "QR code after repair (photo of a
 * screen: moiré reduced); the printed key agrees"}, or {@code "no QR code could be read; the printed key was read
 * by OCR, but characters 8 and 20 of 32 are uncertain"}.
 *
 * <p>Thread-safety: immutable.
 */
public final class ScreenshotReading {
  /** How the key printed beside a QR code compares with the QR code's key. */
  public enum CrossCheck {
    /** The printed key allows the QR code's key: the picture is consistent. */
    AGREES,
    /**
     * The printed key was read with every character certain and is not the QR code's key: the picture shows two
     * different keys (edited, or two accounts). Do not use either before a person has looked.
     */
    DIFFERS,
    /** The printed key was read with doubts and the QR code's key is not among its readings: nothing is confirmed. */
    UNCONFIRMED,
    /** The picture shows no printed key that OCR could find. */
    NO_PRINTED_KEY,
    /**
     * Not compared: OCR is not installed, the picture holds several accounts (an export), or there is no QR code.
     */
    NOT_CHECKED
  }

  /** Beyond this many uncertain characters, {@link #describe()} counts them instead of listing them. */
  private static final int MAX_LISTED = 6;

  private final Optional<QrScan> qr;
  private final Optional<PrintedKey> printedKey;
  private final CrossCheck crossCheck;

  private ScreenshotReading(Optional<QrScan> qr, Optional<PrintedKey> printedKey, CrossCheck crossCheck) {
    this.qr = qr;
    this.printedKey = printedKey;
    this.crossCheck = crossCheck;
  }

  /** A picture whose QR code was read, compared with its printed key when there is one. */
  static ScreenshotReading ofQr(QrScan scan, PrintedKey printed, CrossCheck crossCheck) {
    Objects.requireNonNull(scan, "scan");
    if ((printed == null) == (crossCheck == CrossCheck.AGREES || crossCheck == CrossCheck.DIFFERS
        || crossCheck == CrossCheck.UNCONFIRMED)) {
      throw new AssertionError("a comparison is made exactly when a printed key was read");
    }
    return new ScreenshotReading(Optional.of(scan), Optional.ofNullable(printed), crossCheck);
  }

  /** A picture without a readable QR code whose printed key OCR read. */
  static ScreenshotReading ofPrintedKey(PrintedKey printed) {
    return new ScreenshotReading(Optional.empty(), Optional.of(printed), CrossCheck.NOT_CHECKED);
  }

  /**
   * Returns the accounts of the QR code, in reading order.
   *
   * @return the accounts (they hold secrets); empty when only the printed key was read
   */
  public List<OtpAuthUri> accounts() {
    return qr.map(QrScan::accounts).orElse(List.of());
  }

  /**
   * Returns the QR code's reading, which says how it was read and which part of an export the picture holds.
   *
   * @return the scan, or empty when no QR code could be read and the key comes from {@link #printedKey()}
   */
  public Optional<QrScan> qr() {
    return qr;
  }

  /**
   * Returns the printed key read by OCR: the key itself when there is no QR code, else the key the QR code was
   * compared with.
   *
   * @return the printed key, or empty when none was read
   */
  public Optional<PrintedKey> printedKey() {
    return printedKey;
  }

  /**
   * Returns how the printed key compares with the QR code's key.
   *
   * @return the outcome; {@link CrossCheck#NOT_CHECKED} when only one of them was read, or OCR is not installed
   */
  public CrossCheck crossCheck() {
    return crossCheck;
  }

  /**
   * Describes how the picture was read, for people, in English, without any secret: the QR code's method, or the
   * printed key's certainty, and the comparison.
   *
   * @return the description
   */
  public String describe() {
    if (qr.isEmpty()) {
      return "no QR code could be read; the printed key was read by OCR" + certainty(printedKey.orElseThrow());
    }
    String how = qr.get().describe();
    return switch (crossCheck) {
      case AGREES -> how + "; the printed key agrees";
      case DIFFERS -> how + "; the key printed in the picture is a different key: have a person compare them";
      case UNCONFIRMED -> how + "; the printed key could not be read well enough to confirm it";
      case NO_PRINTED_KEY, NOT_CHECKED -> how;
    };
  }

  /** {@code ", every character certain"} or {@code ", but characters 8 and 20 of 32 are uncertain"}. */
  static String certainty(PrintedKey key) {
    if (key.certain()) {
      return String.format(Locale.ROOT, ", every character certain (%d characters)", key.length());
    }
    List<Integer> positions = key.uncertainPositions();
    if (positions.isEmpty()) {
      return String.format(Locale.ROOT, ", but its %d characters are %s; a character may be missing or extra",
          key.length(), key.lengthUsual() ? "not in intact groups of four" : "not a usual key length");
    }
    if (positions.size() > MAX_LISTED) {
      return String.format(Locale.ROOT, ", but %d of its %d characters are uncertain", positions.size(), key.length());
    }
    String list = positions.stream().map(p -> Integer.toString(p + 1)).collect(Collectors.joining(", "));
    int last = list.lastIndexOf(", ");
    if (last >= 0) {
      list = list.substring(0, last) + " and " + list.substring(last + 2);
    }
    return String.format(Locale.ROOT, ", but character%s %s of %d %s uncertain", positions.size() == 1 ? "" : "s",
        list, key.length(), positions.size() == 1 ? "is" : "are");
  }

  /** Returns {@link #describe()} and the account count; no secret. */
  @Override
  public String toString() {
    return "ScreenshotReading[" + accounts().size() + " accounts, " + describe() + "]";
  }
}
