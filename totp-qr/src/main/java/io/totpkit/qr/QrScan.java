package io.totpkit.qr;

import io.totpkit.core.MigrationPayload;
import io.totpkit.core.OtpAuthUri;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The accounts read from one picture and how they were read: straight away, after the picture was repaired, or by
 * the second decoder; and, for a Google Authenticator export, which part of it the picture holds.
 *
 * <pre>{@code
 * QrScan scan = QrCodes.scan(Path.of("photo.jpg"));
 * System.out.println(scan.describe());   // "QR code after repair (photo of a screen: moiré reduced, sharpened)"
 * scan.exportPart().filter(part -> part.size() > 1)
 *     .ifPresent(part -> System.out.println("ask for the other " + (part.size() - 1) + " codes"));
 * }</pre>
 *
 * <p>How a code was read says something about the picture, not about the accounts: every method checks the code's
 * error correction, and the accounts are the same whichever method read them. A caller may log it, or tell the person
 * who sent a photo that a screenshot reads faster and surer.
 *
 * <p>Security: {@link #toString()} and {@link #describe()} never contain a secret; {@link #accounts()} does.
 *
 * <p>Thread-safety: immutable.
 */
public final class QrScan {
  /**
   * How the codes were read.
   *
   * <p>Thread-safety: immutable.
   */
  public enum Method {
    /** zxing's fast path read the picture as it came: a clean screenshot, or a photo good enough to pass as one. */
    QR,
    /**
     * zxing read the picture only after it was repaired: reduced, enlarged or thresholded differently (recompressed
     * and resized screenshots), or, for photos of a screen, with moiré reduced, glare evened out or sharpened.
     */
    QR_AFTER_REPAIR,
    /**
     * zxing found nothing and the second decoder (BoofCV, which follows perspective and uneven light better) read
     * the picture, as it came or repaired.
     */
    SECOND_DECODER
  }

  /**
   * Which part of a Google Authenticator export ({@code otpauth-migration://}) a picture holds. The app splits a large
   * export into several codes shown one after the other; each one needs its own picture.
   *
   * <p>Thread-safety: immutable.
   */
  public static final class ExportPart {
    private final int index;
    private final int size;

    private ExportPart(int index, int size) {
      this.index = index;
      this.size = size;
    }

    /** Returns the part the payload says it is, or nothing when it leaves its batch fields out or they disagree. */
    static Optional<ExportPart> of(MigrationPayload payload) {
      int size = payload.batchSize();
      int index = payload.batchIndex();
      return size >= 1 && index >= 0 && index < size ? Optional.of(new ExportPart(index, size)) : Optional.empty();
    }

    /**
     * Returns this part's position in the export, from 0, as {@link MigrationPayload#batchIndex()} does.
     *
     * @return the index, from 0 to {@link #size()} − 1
     */
    public int index() {
      return index;
    }

    /**
     * Returns how many codes the whole export has.
     *
     * @return the number of parts, at least 1
     */
    public int size() {
      return size;
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof ExportPart && ((ExportPart) other).index == index && ((ExportPart) other).size == size;
    }

    @Override
    public int hashCode() {
      return index * 31 + size;
    }

    /** Returns {@code "part 2 of 3"}, counting from 1. */
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "part %d of %d", index + 1, size);
    }
  }

  private final List<OtpAuthUri> accounts;
  private final Method method;
  private final String repairs;
  private final Optional<ExportPart> exportPart;

  QrScan(List<OtpAuthUri> accounts, Method method, String repairs, Optional<ExportPart> exportPart) {
    this.accounts = List.copyOf(accounts);
    this.method = Objects.requireNonNull(method, "method");
    this.repairs = Objects.requireNonNull(repairs, "repairs");
    this.exportPart = Objects.requireNonNull(exportPart, "exportPart");
    if (this.accounts.isEmpty()) {
      throw new AssertionError("a scan holds at least one account");
    }
    if ((method == Method.QR) != repairs.isEmpty() && method != Method.SECOND_DECODER) {
      throw new AssertionError("only the fast path reads without repairs");
    }
  }

  /**
   * Returns the accounts, in reading order (top to bottom, then left to right), an export expanded in its own order.
   *
   * @return the accounts, never empty; they contain secrets
   */
  public List<OtpAuthUri> accounts() {
    return accounts;
  }

  /**
   * Returns how the codes were read.
   *
   * @return the method
   */
  public Method method() {
    return method;
  }

  /**
   * Returns which part of a Google Authenticator export the picture holds; when it holds several export codes, the
   * first in reading order.
   *
   * @return the part, or empty when the picture holds no export or the export does not say
   */
  public Optional<ExportPart> exportPart() {
    return exportPart;
  }

  /**
   * Describes how the codes were read, for people: {@code "QR code"}, {@code "QR code after repair (photo of a
   * screen: moiré reduced, sharpened)"}, {@code "QR code read by the second decoder"}; for one part of a larger
   * Google Authenticator export it goes on {@code "; part 2 of 3 of a Google Authenticator export; scan the other
   * parts too"}.
   *
   * @return the description, in English, without any secret
   */
  public String describe() {
    String how;
    if (method == Method.QR) {
      how = "QR code";
    } else if (method == Method.QR_AFTER_REPAIR) {
      how = "QR code after repair (" + repairs + ")";
    } else {
      how = "QR code read by the second decoder" + (repairs.isEmpty() ? "" : " after repair (" + repairs + ")");
    }
    return exportPart.filter(part -> part.size() > 1)
        .map(part -> how + "; " + part + " of a Google Authenticator export; scan the other parts too")
        .orElse(how);
  }

  /** Returns the account count and {@link #describe()}; no secret. */
  @Override
  public String toString() {
    return "QrScan[" + accounts.size() + (accounts.size() == 1 ? " account, " : " accounts, ") + describe() + "]";
  }
}
