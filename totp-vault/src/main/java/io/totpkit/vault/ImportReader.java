package io.totpkit.vault;

/**
 * One file format an import reads. {@link ImportFormats} asks each reader, in order, whether it recognises a file by
 * its content (never its name), and lets the first that does read it.
 *
 * <p>A reader throws {@link VaultImportException} for a file it cannot read at all (damaged, truncated, parameters
 * out of range: the message says what), {@link WrongPassphraseException} for a password that does not open it, and
 * skips single unusable entries with their reason. It never lets another exception escape, and never puts a secret
 * into a message. Every size and key-derivation parameter it reads from the file is capped.
 *
 * <p>Thread-safety: stateless.
 */
interface ImportReader {
  /** The format's name, for messages and the audit trail: {@code "2FAS"}. */
  String name();

  /** Whether the file is in this format; cheap, by content. */
  boolean recognises(ImportInput input);

  /**
   * Reads every entry. {@link Imports.Parsed#format} is {@link #name()} unless the reader names a variant
   * ({@code "2FAS (encrypted)"}).
   */
  Imports.Parsed read(ImportInput input, ImportPassword password);
}
