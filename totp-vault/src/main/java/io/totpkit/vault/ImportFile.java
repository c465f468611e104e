package io.totpkit.vault;

import io.totpkit.core.OtpAuthUri;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An export file of another authenticator or password manager, read and recognised by its content: otpauth lists and
 * Google Authenticator exports, spreadsheets, Aegis, 2FAS, andOTP, Bitwarden, 1Password, FreeOTP+, Proton
 * Authenticator, Stratum and Steam files ({@link #formats()} names them all). Reading touches no vault: it gives the
 * accounts found and the entries skipped with their reasons, for {@link Vault#importFile} to add, for a dry run to
 * show, or for a server to add one by one. {@link #close()} destroys the keys read.
 *
 * <pre>{@code
 * try (ImportFile file = ImportFile.read(bytes, format -> passwordFromUser())) {
 *   ImportReport report = vault.importFile(file, Set.of("client:acme"));
 * }
 * }</pre>
 *
 * <p>Thread-safety: immutable apart from {@link #close()}; safe to read from several threads until closed.
 */
public final class ImportFile implements AutoCloseable {
  final Imports.Parsed parsed;
  private final List<Account> accounts;
  private final List<ImportReport.Skipped> skipped;

  private ImportFile(Imports.Parsed parsed) {
    this.parsed = parsed;
    List<Account> found = new ArrayList<>();
    List<ImportReport.Skipped> refused = new ArrayList<>();
    for (Object item : parsed.inOrder) {
      if (item instanceof Imports.Item) {
        found.add(new Account((Imports.Item) item));
      } else {
        refused.add((ImportReport.Skipped) item);
      }
    }
    this.accounts = List.copyOf(found);
    this.skipped = List.copyOf(refused);
  }

  /**
   * Reads an export file, whole, before anything is added anywhere.
   *
   * @param content the file's bytes
   * @param password asked once if the file is encrypted; {@link ImportPassword#NONE} for none
   * @throws VaultImportException if the file is in no format totpkit reads (the message names those it reads), is
   *     damaged or truncated (the message says what), or is encrypted and no password was given
   * @throws WrongPassphraseException if the password does not open an encrypted file
   */
  public static ImportFile read(byte[] content, ImportPassword password) {
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(password, "password");
    return new ImportFile(ImportFormats.read(content, password));
  }

  /**
   * Wraps accounts read elsewhere — the QR codes of a screenshot — so that they are imported, previewed and audited
   * like a file's: each is named {@code "account N (issuer)"}.
   *
   * @param format what they were read from, for the report and the audit trail: {@code "screenshot"}
   * @param found the accounts; their keys are shared with the result, and destroyed by its {@link #close()}
   */
  public static ImportFile of(String format, List<OtpAuthUri> found) {
    Imports.Parsed parsed = new Imports.Parsed(Tags.checkText(format, "format"));
    for (int i = 0; i < found.size(); i++) {
      OtpAuthUri uri = Objects.requireNonNull(found.get(i), "account");
      parsed.add(new Imports.Item(Imports.where("account " + (i + 1), uri.issuer(), uri.account()), uri, Set.of()));
    }
    return new ImportFile(parsed);
  }

  /** Returns the names of the formats {@link #read} recognises: {@code "Aegis"}, {@code "2FAS"}, … */
  public static List<String> formats() {
    return ImportFormats.names();
  }

  /** Returns the format the file was in, with its variant: {@code "2FAS (encrypted)"}. */
  public String format() {
    return parsed.format;
  }

  /** Returns the accounts found, in file order. */
  public List<Account> accounts() {
    return accounts;
  }

  /** Returns the entries that cannot be imported, each with its reason, in file order. */
  public List<ImportReport.Skipped> skipped() {
    return skipped;
  }

  /** Destroys every key read; the accounts' URIs are unusable afterwards. */
  @Override
  public void close() {
    accounts.forEach(account -> account.uri().secret().destroy());
  }

  @Override
  public String toString() {
    return "ImportFile[" + parsed.format + ", " + accounts.size() + " accounts, " + skipped.size() + " skipped]";
  }

  /**
   * One account of an export file: where it was, its URI (the key shared with the file: destroyed by
   * {@link ImportFile#close()}), and the tags its app gave it (groups, folders, categories).
   *
   * <p>Thread-safety: immutable apart from the key's destruction.
   */
  public static final class Account {
    private final Imports.Item item;

    Account(Imports.Item item) {
      this.item = item;
    }

    /** Returns where the account was: {@code "entry 3 (TikTok)"}, {@code "row 7"}. */
    public String item() {
      return item.name;
    }

    /** Returns the account; its key is destroyed by {@link ImportFile#close()}. */
    public OtpAuthUri uri() {
      return item.uri;
    }

    /** Returns the tags the exporting app gave it: its groups, folders or categories. */
    public Set<String> tags() {
      return item.tags;
    }

    @Override
    public String toString() {
      return "Account[" + item.name + "]";
    }
  }
}
