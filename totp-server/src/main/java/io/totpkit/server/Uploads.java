package io.totpkit.server;

import io.totpkit.core.MigrationPayload;
import io.totpkit.core.OtpAuthUri;
import io.totpkit.core.OtpException;
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
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;

/**
 * Reads the accounts a request to add brings: {@code {"uri": "otpauth://…" or "otpauth-migration://…", "tags": […]}}
 * as JSON, or a file as {@code multipart/form-data} (field {@code image} or {@code file}: a screenshot, or an export
 * of any format {@link ImportFile} reads; optional fields {@code password}, for an encrypted export, and {@code tags},
 * comma separated; {@link MultipartForm} holds it in memory only).
 */
final class Uploads {

  /** What a request brought: the accounts, the entries of an export that cannot be used, the tags to give. */
  static final class Found {
    final String format;
    final List<ImportFile.Account> accounts;
    final List<ImportReport.Skipped> skipped;
    final Set<String> tags;

    Found(ImportFile file, Set<String> tags) {
      this.format = file.format();
      this.accounts = file.accounts();
      this.skipped = file.skipped();
      this.tags = tags;
    }
  }

  Found read(Exchange exchange) {
    String type = exchange.header(HttpHeader.CONTENT_TYPE);
    if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
      byte[] file = exchange.upload();
      if (file == null) {
        throw ApiError.badRequest("the form has no 'image' or 'file' field");
      }
      return new Found(file(file, exchange.form().get("password")), tags(exchange.form().getOrDefault("tags", "")));
    }
    JsonBody body = exchange.json(Set.of("uri", "tags"));
    return new Found(ImportFile.of("pasted link", parse(body.required("uri"))), body.strings("tags"));
  }

  /**
   * Every account a file holds: a screenshot's QR codes, or an export's entries (asking {@code password} if it is
   * encrypted). The file's bytes are zeroed once read. Its keys live on in the accounts, for the caller to add.
   */
  static ImportFile file(byte[] bytes, String password) {
    boolean[] asked = {false};
    try {
      if (QrCodes.isImage(bytes)) {
        return ImportFile.of("screenshot", screenshot(bytes));
      }
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

  /** Every account a screenshot holds. */
  static List<OtpAuthUri> screenshot(byte[] image) {
    try {
      return QrCodes.read(image);
    } catch (OtpException e) {
      throw new ApiError(400, "NO_ACCOUNT_FOUND", "no authenticator QR code was found in the image: "
          + e.getMessage());
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
