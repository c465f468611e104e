package io.totpkit.server;

import io.totpkit.core.InvalidSecretException;
import io.totpkit.core.MigrationPayload;
import io.totpkit.core.OtpAuthUri;
import io.totpkit.core.OtpException;
import io.totpkit.core.Secret;
import io.totpkit.core.Wipe;
import io.totpkit.qr.QrCodes;
import io.totpkit.vault.ImportFile;
import io.totpkit.vault.ImportReport;
import io.totpkit.vault.UnknownImportFormatException;
import io.totpkit.vault.VaultImportException;
import io.totpkit.vault.WrongPassphraseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;

/**
 * Reads the accounts a request to add brings: {@code {"uri": "otpauth://…" or "otpauth-migration://…", "tags": […]}}
 * as JSON, or a file as {@code multipart/form-data} (field {@code image} or {@code file}: a screenshot, read by the
 * {@link ScreenshotIntake} with the form's fields for a printed key, or an export of any format {@link ImportFile}
 * reads; optional fields {@code password}, for an encrypted export, and {@code tags}, comma separated;
 * {@link MultipartForm} holds it in memory only). The pages' pasted setup key or link is read here too.
 */
final class Uploads {

  /**
   * What a request brought: the accounts, the entries of an export that cannot be used, the tags to give, and for a
   * screenshot how it was read.
   */
  static final class Found {
    final String format;
    final List<ImportFile.Account> accounts;
    final List<ImportReport.Skipped> skipped;
    final Set<String> tags;
    /** For a screenshot, {@link ScreenshotIntake.Accepted#readBy}; otherwise {@code null}. */
    final String readBy;
    /** For a screenshot, {@link ScreenshotIntake.Accepted#printedKey}; otherwise {@code null}. */
    final String printedKey;
    /** For a screenshot, {@link ScreenshotIntake.Accepted#note}; otherwise {@code null}. */
    final String note;

    Found(ImportFile file, Set<String> tags) {
      this(file, tags, null, null, null);
    }

    Found(ScreenshotIntake.Accepted picture, Set<String> tags) {
      this(ImportFile.of(SCREENSHOT, picture.accounts), tags, picture.readBy, picture.printedKey, picture.note);
    }

    private Found(ImportFile file, Set<String> tags, String readBy, String printedKey, String note) {
      this.format = file.format();
      this.accounts = file.accounts();
      this.skipped = file.skipped();
      this.tags = tags;
      this.readBy = readBy;
      this.printedKey = printedKey;
      this.note = note;
    }
  }

  /** The format a screenshot's accounts are reported as. */
  static final String SCREENSHOT = "screenshot";

  private final ScreenshotIntake intake;

  Uploads(ScreenshotIntake intake) {
    this.intake = intake;
  }

  Found read(Exchange exchange) {
    String type = exchange.header(HttpHeader.CONTENT_TYPE);
    if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      byte[] file = exchange.upload();
      if (file == null) {
        throw ApiError.badRequest("the form has no 'image' or 'file' field");
      }
      Map<String, String> form = exchange.form();
      Set<String> tags = tags(form.getOrDefault("tags", ""));
      if (isPicture(file)) {
        // The choices first: a malformed one is refused before the picture costs an OCR pass.
        ScreenshotIntake.Choices choices = ScreenshotIntake.Choices.of(form, ScreenshotIntake.Sender.API, null);
        return new Found(intake.accept(intake.read(file), choices), tags);
      }
      return new Found(export(file, form.get("password")), tags);
    }
    JsonBody body = exchange.json(Set.of("uri", "tags"));
    return new Found(ImportFile.of("pasted link", parse(body.required("uri"))), body.strings("tags"));
  }

  /** Whether a posted file is a picture (PNG, JPEG, GIF, BMP), for the {@link ScreenshotIntake}. */
  static boolean isPicture(byte[] file) {
    return QrCodes.isImage(file);
  }

  /**
   * What a page's form brings when it is not a picture: its file, an export of another app (with its password if
   * encrypted), or else its pasted link or setup key (which needs a service and account).
   */
  static ImportFile fileOrPasted(byte[] file, Map<String, String> form) {
    if (file != null && file.length > 0) {
      return export(file, form.get("password"));
    }
    String text = form.getOrDefault("text", "").strip();
    if (text.isEmpty()) {
      throw ApiError.badRequest("choose or paste a screenshot or an export file, or paste a setup key or link");
    }
    if (text.regionMatches(true, 0, "otpauth", 0, 7)) {
      return ImportFile.of("pasted link", parse(text));
    }
    String issuer = form.getOrDefault("issuer", "").strip();
    String account = form.getOrDefault("account", "").strip();
    if (issuer.isEmpty() || account.isEmpty()) {
      throw ApiError.badRequest("a setup key needs the service and the account name it belongs to");
    }
    try {
      return ImportFile.of("setup key", List.of(OtpAuthUri.totp(Secret.fromBase32(text)).issuer(issuer)
          .account(account).build()));
    } catch (InvalidSecretException e) {
      throw new ApiError(400, "INVALID_KEY", e.getMessage());
    } catch (IllegalArgumentException e) {
      throw ApiError.badRequest(e.getMessage());
    }
  }

  /**
   * Every account of an export file (asking {@code password} if it is encrypted). The file's bytes are zeroed once
   * read. Its keys live on in the accounts, for the caller to add.
   */
  static ImportFile export(byte[] bytes, String password) {
    boolean[] asked = {false};
    try {
      return ImportFile.read(bytes, format -> {
        asked[0] = true;
        return password == null || password.isEmpty() ? null : password.toCharArray();
      });
    } catch (WrongPassphraseException e) {
      throw new ApiError(400, "WRONG_PASSWORD", "the password does not open this export");
    } catch (UnknownImportFormatException e) {
      throw new ApiError(400, "UNREADABLE_FILE", e.messageAlsoReading("screenshots (" + QrCodes.IMAGE_FORMATS + ")"));
    } catch (VaultImportException e) {
      boolean needsPassword = asked[0] && (password == null || password.isEmpty());
      throw new ApiError(400, needsPassword ? "PASSWORD_REQUIRED" : "UNREADABLE_FILE", needsPassword
          ? "the export is encrypted: give its password" : e.getMessage());
    } finally {
      Wipe.bytes(bytes);
    }
  }

  /** Comma-separated tags, blanks dropped. */
  static Set<String> tags(String text) {
    Set<String> tags = new LinkedHashSet<>();
    for (String tag : text.split(",")) {
      if (!tag.isBlank()) {
        tags.add(tag.strip());
      }
    }
    return tags;
  }

  /** An {@code otpauth://} URI, or every account of a Google Authenticator export. */
  static List<OtpAuthUri> parse(String text) {
    try {
      if (text.regionMatches(true, 0, "otpauth-migration:", 0, "otpauth-migration:".length())) {
        return new ArrayList<>(MigrationPayload.parse(text).accounts());
      }
      return List.of(OtpAuthUri.parse(text));
    } catch (OtpException e) {
      throw new ApiError(400, "INVALID_URI", e.getMessage());
    }
  }
}
