package io.totpkit.cli;

import io.totpkit.core.OtpException;
import io.totpkit.qr.QrCodeException;
import io.totpkit.server.ServerConfigException;
import io.totpkit.server.ServerStateException;
import io.totpkit.vault.AuditTamperedException;
import io.totpkit.vault.NotAVaultFileException;
import io.totpkit.vault.UnknownMemberException;
import io.totpkit.vault.UnsupportedVaultVersionException;
import io.totpkit.vault.VaultAccessException;
import io.totpkit.vault.VaultCorruptedException;
import io.totpkit.vault.VaultException;
import io.totpkit.vault.VaultImportException;
import io.totpkit.vault.VaultIoException;
import io.totpkit.vault.VaultLockedException;
import io.totpkit.vault.VaultTamperedException;
import io.totpkit.vault.WrongPassphraseException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.util.NoSuchElementException;

/**
 * The tool's exit statuses, which failure maps to which, and the line that says what failed. Documented in every help
 * footer and the README.
 */
final class ExitCodes {
  static final int OK = 0;
  /** A "no" answer: the code did not verify, the audit trail is broken. */
  static final int NO = 1;
  /** Usage error or bad input: unknown option, unreadable file, no QR code, ambiguous or unknown QUERY. */
  static final int USAGE = 2;
  /** Wrong passphrase, unknown member, or an operation the member's role does not allow. */
  static final int AUTH = 3;
  /** The vault is damaged, tampered with, not a vault, or needs a newer totp. */
  static final int DAMAGED = 4;
  /** The vault is locked by another process, an I/O error, or not enough memory. */
  static final int IO = 5;
  /** Interrupted (Ctrl-C). */
  static final int INTERRUPTED = 130;

  /** The help footer every command shows. */
  static final String FOOTER = "%nExit status: 0 success, 1 no (code rejected, audit trail broken), 2 usage error or "
      + "bad input, 3 wrong passphrase, unknown member or not allowed, 4 vault damaged or tampered, 5 vault busy or "
      + "I/O error (or out of memory), 130 interrupted.";

  private ExitCodes() {}

  /** The status for {@code e}, or {@code -1} for a failure the tool does not know. */
  static int of(Throwable e) {
    if (e instanceof CliException) {
      return ((CliException) e).exitCode();
    }
    if (e instanceof UncheckedIOException && e.getCause() != null) {
      return of(e.getCause());
    }
    if (e instanceof CharacterCodingException || e instanceof NoSuchFileException
        || e instanceof AccessDeniedException || e instanceof NotDirectoryException
        || e instanceof FileAlreadyExistsException) {
      return USAGE;   // a file named on the command line that is not there, not readable, or not text
    }
    if (e instanceof OutOfMemoryError || e instanceof ServerStateException) {
      return IO;
    }
    if (e instanceof ServerConfigException) {
      return USAGE;   // an address, certificate or key the server cannot use, said with the fix
    }
    if (e instanceof WrongPassphraseException || e instanceof UnknownMemberException
        || e instanceof VaultAccessException) {
      return AUTH;
    }
    if (e instanceof AuditTamperedException) {
      return NO;
    }
    if (e instanceof VaultCorruptedException || e instanceof VaultTamperedException
        || e instanceof NotAVaultFileException || e instanceof UnsupportedVaultVersionException) {
      return DAMAGED;
    }
    if (e instanceof VaultLockedException || e instanceof VaultIoException || e instanceof IOException
        || e instanceof UncheckedIOException) {
      return IO;
    }
    if (e instanceof VaultImportException || e instanceof QrCodeException || e instanceof IllegalArgumentException
        || e instanceof NoSuchElementException) {
      return USAGE;
    }
    if (e instanceof VaultException) {
      return DAMAGED;
    }
    if (e instanceof OtpException) {
      return USAGE;   // a key, URI or export that does not parse
    }
    return -1;
  }

  /**
   * What the one line on standard error says about {@code e}: its own message, except for JDK exceptions whose message
   * is a bare path ({@code NoSuchFileException}), a byte count ({@code MalformedInputException}: "Input length = 1")
   * or a class name, which get a sentence instead.
   */
  static String message(Throwable e) {
    if (e instanceof UncheckedIOException && e.getCause() != null
        && (e.getMessage() == null || e.getMessage().equals(e.getCause().toString()))) {
      return message(e.getCause());   // wrapped without words of its own
    }
    if (e instanceof OutOfMemoryError) {
      return "not enough memory for this command; give Java more, e.g. JAVA_TOOL_OPTIONS=-Xmx1g";
    }
    if (e instanceof CharacterCodingException) {
      return "the input is not text in UTF-8";
    }
    if (e instanceof NoSuchFileException) {
      return "no such file or directory: " + ((NoSuchFileException) e).getFile();
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied: " + ((AccessDeniedException) e).getFile();
    }
    if (e instanceof NotDirectoryException) {
      return "not a directory: " + ((NotDirectoryException) e).getFile();
    }
    if (e instanceof FileAlreadyExistsException) {
      return "a file is in the way: " + ((FileAlreadyExistsException) e).getFile();
    }
    String message = e.getMessage();
    return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
  }
}
