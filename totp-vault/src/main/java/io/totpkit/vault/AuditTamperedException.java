package io.totpkit.vault;

/**
 * The audit trail failed verification: a record was edited, reordered, dropped or inserted, or the journal does not
 * reach the head the vault file anchors. The message names the first record that failed.
 *
 * <p>Thread-safety: immutable once thrown.
 */
public class AuditTamperedException extends VaultTamperedException {
  private static final long serialVersionUID = 1L;

  AuditTamperedException(String message) {
    super(message);
  }

  AuditTamperedException(String message, Throwable cause) {
    super(message, cause);
  }
}
