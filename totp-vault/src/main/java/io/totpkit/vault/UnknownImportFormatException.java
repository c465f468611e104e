package io.totpkit.vault;

/**
 * A file to import is in no format totpkit reads. The message says what the file looks like (a ZIP archive, an SQLite
 * database, XML, JSON of another app, a table without a secret column) and names every format that is read.
 *
 * <p>Thread-safety: immutable once thrown.
 */
public final class UnknownImportFormatException extends VaultImportException {
  private static final long serialVersionUID = 1L;

  private final String what;

  UnknownImportFormatException(String what) {
    super("the file is " + what + "; " + ImportFormats.readable(null));
    this.what = what;
  }

  /** Returns what the file looks like, as a phrase after "the file is": {@code "a ZIP archive (unpack it …)"}. */
  public String what() {
    return what;
  }

  /**
   * Returns the message for a caller that reads more than the vault does, those formats named first.
   *
   * @param alsoRead what the caller reads besides: {@code "screenshots (PNG, JPEG, GIF, BMP)"}
   */
  public String messageAlsoReading(String alsoRead) {
    return "the file is " + what + "; " + ImportFormats.readable(alsoRead);
  }
}
