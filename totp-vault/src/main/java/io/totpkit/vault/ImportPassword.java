package io.totpkit.vault;

/**
 * Where an import gets the password of an encrypted export file (a 2FAS, andOTP, Aegis or Stratum backup). Asked at
 * most once per file, and only once the file was recognised as encrypted, so a plain file never prompts.
 *
 * <p>Thread-safety: called on the importing thread.
 */
@FunctionalInterface
public interface ImportPassword {
  /** No password: an encrypted file is refused with a {@link VaultImportException} that says it needs one. */
  ImportPassword NONE = format -> null;

  /**
   * Returns the password for an encrypted file, or {@code null} if there is none. The array is zeroed once the file
   * was opened.
   *
   * @param format the format's name, as {@link ImportFile#format()} will give it: {@code "2FAS (encrypted)"}
   */
  char[] password(String format);
}
