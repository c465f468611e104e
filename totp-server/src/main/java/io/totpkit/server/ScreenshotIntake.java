package io.totpkit.server;

import io.totpkit.core.HmacAlgorithm;
import io.totpkit.core.InvalidSecretException;
import io.totpkit.core.OtpAuthUri;
import io.totpkit.core.OtpException;
import io.totpkit.core.OtpParameters;
import io.totpkit.core.Secret;
import io.totpkit.core.Wipe;
import io.totpkit.ocr.PrintedKey;
import io.totpkit.ocr.ScreenshotReading;
import io.totpkit.ocr.ScreenshotReading.CrossCheck;
import io.totpkit.ocr.Screenshots;
import io.totpkit.qr.QrReadOptions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A screenshot posted to be added: read by totp-ocr's one rule for setup pictures ({@link Screenshots#read}: the QR
 * code, checked against the key printed under it, and that printed key when no code can be read), then turned into
 * the accounts to add, or refused with a message that says what to send instead. The server's one place for that
 * decision: the API, the add page and the onboarding page all come here and differ only in who sent the picture
 * ({@link Sender}). Staff may add from a QR code whose printed key differs once a person has checked it, and settle a
 * doubtful printed key with a code; a client behind an onboarding link may do neither, and is asked for a new
 * screenshot or the pasted key instead.
 *
 * <p>Without Tesseract on the server, {@link Screenshots#read} is the QR code alone: the printed key is neither a
 * check ({@code "printedKey": "not checked"}) nor a fallback (a picture without a readable code is
 * {@code NO_ACCOUNT_FOUND}, as before).
 *
 * <h2>Security</h2>
 * No message, and nothing returned but the accounts themselves, holds a key: not the QR code's, not the printed key,
 * not any reading of it. The picture's bytes are zeroed once read. A printed key is added without a code only when
 * every character of it was read with certainty, and then with a note saying so.
 *
 * <p>Thread-safety: immutable.
 */
final class ScreenshotIntake {
  /** The words of the API's {@code printedKey} field, by outcome of the comparison. */
  private static final Map<CrossCheck, String> WORDS = Map.of(CrossCheck.AGREES, "agrees", CrossCheck.DIFFERS,
      "differs", CrossCheck.UNCONFIRMED, "unconfirmed", CrossCheck.NO_PRINTED_KEY, "none", CrossCheck.NOT_CHECKED,
      "not checked");

  /** Who sent the picture: decides what they may override and the words of a refusal. */
  enum Sender {
    /** A program, through {@code POST /api/v1/accounts}: form fields are named in refusals. */
    API,
    /** A staff member on the add page. */
    STAFF_PAGE,
    /** A client behind an onboarding link, most likely on a phone: no override, no confirmation code. */
    CLIENT_PAGE
  }

  /**
   * What came with the picture: the names and settings for a printed key (which has none of its own), a code that
   * settles a doubtful one, and whether a person has checked a QR code whose printed key differs.
   */
  static final class Choices {
    final Sender sender;
    /** The service; empty when not given. */
    final String issuer;
    /** The account name; for a client, the link's label when not given; otherwise empty when not given. */
    final String account;
    /** The code with spaces removed; {@code null} when not given. */
    final String confirmCode;
    final boolean ignorePrintedKey;
    final OtpParameters parameters;
    /** Whether any field that only a printed key uses was given. */
    final boolean keyFieldsGiven;

    private Choices(Sender sender, String issuer, String account, String confirmCode, boolean ignorePrintedKey,
        OtpParameters parameters, boolean keyFieldsGiven) {
      this.sender = sender;
      this.issuer = issuer;
      this.account = account;
      this.confirmCode = confirmCode;
      this.ignorePrintedKey = ignorePrintedKey;
      this.parameters = parameters;
      this.keyFieldsGiven = keyFieldsGiven;
    }

    /**
     * The choices of a form: fields {@code issuer}, {@code account}, {@code confirmCode}, {@code ignorePrintedKey}
     * ({@code yes}) and {@code digits}, {@code period} (seconds), {@code algorithm}. A client's override and code
     * are not read.
     *
     * @param defaultAccount the account name when none is given (an onboarding link's label), or {@code null}
     * @throws ApiError 400 for a malformed setting
     */
    static Choices of(Map<String, String> form, Sender sender, String defaultAccount) {
      String issuer = form.getOrDefault("issuer", "").strip();
      String account = form.getOrDefault("account", "").strip();
      String code = form.getOrDefault("confirmCode", "").replaceAll("\\s", "");
      String ignore = form.getOrDefault("ignorePrintedKey", "").strip();
      if (!ignore.isEmpty() && !ignore.equals("yes") && !ignore.equals("true")) {
        throw ApiError.badRequest("ignorePrintedKey is 'yes' or left out");
      }
      boolean client = sender == Sender.CLIENT_PAGE;
      boolean given = !issuer.isEmpty() || !account.isEmpty() || !code.isEmpty() || form.containsKey("digits")
          || form.containsKey("period") || form.containsKey("algorithm");
      return new Choices(sender, issuer, account.isEmpty() && defaultAccount != null ? defaultAccount : account,
          code.isEmpty() || client ? null : code, !ignore.isEmpty() && !client, parameters(form), given);
    }

    /** The code settings of fields digits, period and algorithm, RFC 6238's defaults where not given. */
    private static OtpParameters parameters(Map<String, String> form) {
      OtpParameters.Builder builder = OtpParameters.totp();
      try {
        String digits = form.getOrDefault("digits", "").strip();
        if (!digits.isEmpty()) {
          builder.digits(Integer.parseInt(digits));
        }
        String period = form.getOrDefault("period", "").strip();
        if (!period.isEmpty()) {
          builder.period(Duration.ofSeconds(Integer.parseInt(period)));
        }
        String algorithm = form.getOrDefault("algorithm", "").strip();
        if (!algorithm.isEmpty()) {
          builder.algorithm(HmacAlgorithm.fromName(algorithm));
        }
        return builder.build();
      } catch (NumberFormatException e) {
        throw ApiError.badRequest("digits and period are whole numbers (6 and 30 unless the platform says other)");
      } catch (IllegalArgumentException e) {
        throw ApiError.badRequest(e.getMessage());
      }
    }
  }

  /** A picture's accounts, to add, and how it was read: words for people and programs, without a key. */
  static final class Accepted {
    final List<OtpAuthUri> accounts;
    /** {@link ScreenshotReading#describe()}. */
    final String readBy;
    /** The comparison with the printed key: agrees, differs, unconfirmed, none, not checked. */
    final String printedKey;
    /** What the person should know before relying on the accounts; {@code null} when nothing. */
    final String note;

    Accepted(List<OtpAuthUri> accounts, String readBy, String printedKey, String note) {
      this.accounts = List.copyOf(accounts);
      this.readBy = readBy;
      this.printedKey = printedKey;
      this.note = note;
    }
  }

  private final Clock clock;

  ScreenshotIntake(Clock clock) {
    this.clock = clock;
  }

  /**
   * Reads a picture, and zeroes its bytes.
   *
   * @throws ApiError {@code 400 NO_ACCOUNT_FOUND} when neither a QR code nor a printed key can be read, with the QR
   *     code's message, which says what to send instead (a screenshot for a blurred photo)
   */
  ScreenshotReading read(byte[] image) {
    try {
      return Screenshots.read(image, QrReadOptions.defaults());
    } catch (OtpException e) {
      // The QR code's error, or OCR's: both written for the person who sent the picture, neither quoting a key.
      throw new ApiError(400, "NO_ACCOUNT_FOUND", "no authenticator QR code was found in the image: "
          + e.getMessage());
    } finally {
      Wipe.bytes(image);
    }
  }

  /**
   * The accounts a reading gives with these choices, on the server's clock.
   *
   * @throws ApiError 400 {@code PRINTED_KEY_DIFFERS}, {@code ACCOUNT_NAME_REQUIRED}, {@code KEY_UNCERTAIN},
   *     {@code CODE_NOT_CONFIRMED}, {@code BAD_REQUEST} or {@code INVALID_KEY}; nothing is added
   */
  Accepted accept(ScreenshotReading reading, Choices choices) {
    return decide(reading.qr().isPresent(), reading.accounts(), reading.crossCheck(),
        reading.printedKey().orElse(null), reading.describe(), choices, clock.instant());
  }

  /**
   * The rule itself, on the parts of a reading (so that a test can give the outcome of a server without Tesseract).
   *
   * @param qrRead whether a QR code was read; if not, {@code printed} is the key
   * @param qrAccounts the QR code's accounts
   * @param check how the printed key compares with the QR code's
   * @param printed the printed key, or {@code null} when none was read
   * @param readBy the reading's description
   */
  static Accepted decide(boolean qrRead, List<OtpAuthUri> qrAccounts, CrossCheck check, PrintedKey printed,
      String readBy, Choices choices, Instant now) {
    String word = WORDS.get(check);
    Sender sender = choices.sender;
    if (qrRead) {
      if (check == CrossCheck.DIFFERS && !choices.ignorePrintedKey) {
        throw new ApiError(400, "PRINTED_KEY_DIFFERS", switch (sender) {
          case API -> "the key printed in the picture is not the key in its QR code, so nothing was added: ask the "
              + "client for a new screenshot, or add again with ignorePrintedKey=yes once a person has checked that "
              + "the QR code is right";
          case STAFF_PAGE -> "The key printed in the picture is not the key in its QR code, so nothing was added: ask "
              + "the client for a new screenshot, or tick \"The QR code is right\" once a person has checked that it "
              + "is.";
          case CLIENT_PAGE -> "The key printed in your screenshot is not the key in its QR code, so nothing was saved: "
              + "send a new screenshot of the setup screen, or copy the setup key from the app's screen and paste it "
              + "in the key field.";
        });
      }
      String note = null;
      if (check == CrossCheck.DIFFERS) {
        note = "added from the QR code although the key printed in the picture is a different key, as a person "
            + "decided";
      } else if (choices.keyFieldsGiven && sender != Sender.CLIENT_PAGE) {
        note = "the QR code names the account and its settings; the service, account name, code and settings "
            + "given were not used";
      }
      return new Accepted(qrAccounts, readBy, word, note);
    }
    if (printed == null) {
      throw new AssertionError("a reading without a QR code has the printed key");
    }
    return new Accepted(List.of(printedAccount(printed, readBy, choices, now)), readBy, word,
        choices.confirmCode == null ? "the key was read from the picture by OCR; before relying on it, check that "
            + "a code matches the client's authenticator app, or add it again with a code the app shows" : null);
  }

  /** The account of a printed key: confirmed by the code given, or certain; the names and settings of the choices. */
  private static OtpAuthUri printedAccount(PrintedKey printed, String readBy, Choices choices, Instant now) {
    Sender sender = choices.sender;
    if (choices.account.isEmpty()) {
      throw new ApiError(400, "ACCOUNT_NAME_REQUIRED", switch (sender) {
        case API -> "no QR code could be read in the picture, only the setup key printed in it: give 'account' (and "
            + "'issuer') to add it" + (printed.certain() ? "" : ", with 'confirmCode', a code the client's "
            + "authenticator app shows now");
        case STAFF_PAGE -> "No QR code could be read in the picture, only the setup key printed in it: give the "
            + "service and the account name to add it" + (printed.certain() ? "." : ", and a code the client's "
            + "authenticator app shows now.");
        case CLIENT_PAGE -> "The QR code in your screenshot could not be read, only the key printed under it: give "
            + "your account name in the app below and send the screenshot again.";
      });
    }
    Secret secret;
    if (choices.confirmCode != null) {
      int digits = choices.parameters.digits();
      if (!choices.confirmCode.matches("[0-9]{" + digits + "}")) {
        throw ApiError.badRequest("the code must be the " + digits + " digits the client's authenticator app shows "
            + "now");
      }
      secret = printed.confirm(choices.confirmCode, now, choices.parameters).orElseThrow(() -> new ApiError(400,
          "CODE_NOT_CONFIRMED", sender == Sender.API
              ? "no reading of the key printed in the picture gives that code now (or more than one does), so "
              + "nothing was added: check the code and send the next one the client's app shows, or check the "
              + "picture and add the key as a link (JSON field 'uri')"
              : "No reading of the key printed in the picture gives that code now (or more than one does), so "
              + "nothing was added: check the code and give the next one the client's app shows, or paste the key "
              + "after checking the picture."));
    } else if (!printed.certain()) {
      throw new ApiError(400, "KEY_UNCERTAIN", switch (sender) {
        case API -> readBy + ", so nothing was added (OCR mixes up look-alikes such as 5 and S, 6 and G): give "
            + "'confirmCode', a code the client's authenticator app shows now, or check those characters in the "
            + "picture and add the key as a link (JSON field 'uri')";
        case STAFF_PAGE -> Character.toUpperCase(readBy.charAt(0)) + readBy.substring(1) + ", so nothing was "
            + "added (OCR mixes up look-alikes such as 5 and S, 6 and G): give a code the client's "
            + "authenticator app shows now, or paste the key after checking those characters in the picture.";
        case CLIENT_PAGE -> "The QR code in your screenshot could not be read, and some characters of the setup key "
            + "printed under it are unclear, so nothing was saved: on the app's setup screen, copy the key (often a "
            + "\"Copy key\" button) and paste it in the key field below, or send a sharper screenshot.";
      });
    } else {
      try {
        secret = Secret.fromBase32(printed.candidate());
      } catch (InvalidSecretException e) {
        throw new ApiError(400, "INVALID_KEY", e.getMessage());
      }
    }
    try {
      OtpAuthUri.Builder uri = OtpAuthUri.builder(secret, choices.parameters).account(choices.account);
      if (!choices.issuer.isEmpty()) {
        uri.issuer(choices.issuer);
      }
      return uri.build();
    } catch (IllegalArgumentException e) {
      secret.destroy();   // the names were refused: the key read goes no further
      throw ApiError.badRequest(e.getMessage());
    }
  }
}
