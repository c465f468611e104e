package io.totpkit.core;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A Google Authenticator export: the {@code otpauth-migration://offline?data=…} text inside the QR codes that
 * "Transfer accounts" shows, decoded into {@link OtpAuthUri}s, and written back for an export.
 *
 * <pre>{@code
 * MigrationPayload payload = MigrationPayload.parse(textFromQrCode);
 * for (OtpAuthUri account : payload.accounts()) { ... }
 * List<String> qrTexts = MigrationPayload.encode(accounts);   // one text per QR code
 * }</pre>
 *
 * <p>The data is a protocol buffers message, read by a small hand-written reader: per account a secret, a name, an
 * issuer, an algorithm enum (1 SHA-1, 2 SHA-256, 3 SHA-512, 4 MD5), a digits enum (1 six, 2 eight), a type enum
 * (1 HOTP, 2 TOTP) and a counter; per QR code a version, the batch size, this batch's index and a batch id. There is
 * no period field: exported TOTP keys always use 30 seconds. A name of the form {@code Issuer:account} is split as an
 * {@code otpauth://} label is.
 *
 * <h2>Security</h2>
 * Truncated or hostile data yields an {@link InvalidMigrationPayloadException} naming the byte offset or the entry,
 * never a secret. The decoded bytes are zeroed after use. {@link #toString()} shows counts only.
 *
 * <p>Thread-safety: immutable.
 */
public final class MigrationPayload {
  /** The longest {@code otpauth-migration} text {@link #parse} reads; a QR code holds at most about 4300 characters. */
  public static final int MAX_LENGTH = 16384;
  /** The most accounts {@link #encode} puts in one QR code's text, as Google Authenticator does. */
  public static final int MAX_ACCOUNTS_PER_BATCH = 10;
  /** The longest text {@link #encode} writes for one QR code, so that phones can still scan it. */
  public static final int MAX_BATCH_TEXT_LENGTH = 2000;

  private static final String PREFIX = "otpauth-migration://";
  private static final String DATA = "offline?data=";
  /** version (2 bytes), batch_size and batch_index (each at most 1 + 5) and a negative batch_id (1 + 10). */
  private static final int MAX_BATCH_FIELDS_BYTES = 2 + 6 + 6 + 11;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final List<OtpAuthUri> accounts;
  private final int version;
  private final int batchSize;
  private final int batchIndex;
  private final int batchId;

  private MigrationPayload(List<OtpAuthUri> accounts, int version, int batchSize, int batchIndex, int batchId) {
    this.accounts = List.copyOf(accounts);
    this.version = version;
    this.batchSize = batchSize;
    this.batchIndex = batchIndex;
    this.batchId = batchId;
  }

  /**
   * Decodes an {@code otpauth-migration://offline?data=…} text. Spaces in the data (a {@code +} that went through
   * form decoding) are read as {@code +}; URL-safe Base64 and missing padding are accepted.
   *
   * @param text the QR code's text
   * @return the decoded payload
   * @throws InvalidMigrationPayloadException if the text is not an export or its data cannot be decoded
   */
  public static MigrationPayload parse(CharSequence text) {
    Objects.requireNonNull(text, "text");
    if (text.length() > MAX_LENGTH) {
      throw new InvalidMigrationPayloadException("the export text is " + text.length() + " characters long; at most "
          + MAX_LENGTH + " are accepted");
    }
    String uri = text.toString().strip();
    if (!uri.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
      throw new InvalidMigrationPayloadException("not a Google Authenticator export: it does not start with "
          + PREFIX);
    }
    String data = null;
    int query = uri.indexOf('?');
    for (String parameter : query < 0 ? new String[0] : uri.substring(query + 1).split("&")) {
      if (parameter.regionMatches(true, 0, "data=", 0, 5)) {
        if (data != null) {
          throw new InvalidMigrationPayloadException("the export has more than one data parameter");
        }
        data = parameter.substring(5);
      }
    }
    if (data == null || data.isEmpty()) {
      throw new InvalidMigrationPayloadException("the export has no data parameter");
    }
    byte[] bytes;
    try {
      String base64 = PercentCodec.decode(data, 0, data.length(), false, "the data parameter").replace(' ', '+');
      bytes = (base64.indexOf('-') >= 0 || base64.indexOf('_') >= 0 ? Base64.getUrlDecoder() : Base64.getDecoder())
          .decode(base64);
    } catch (InvalidOtpAuthUriException | IllegalArgumentException e) {
      throw new InvalidMigrationPayloadException("the export's data parameter is not valid Base64", e);
    }
    try {
      return decode(bytes);
    } finally {
      Wipe.bytes(bytes);
    }
  }

  /** Decodes the protobuf message; the caller zeroes {@code data}. */
  static MigrationPayload decode(byte[] data) {
    ProtoReader reader = new ProtoReader(data);
    List<OtpAuthUri> accounts = new ArrayList<>();
    int version = 0;
    int batchSize = 0;
    int batchIndex = 0;
    int batchId = 0;
    while (reader.hasMore()) {
      int at = reader.position();
      int tag = reader.readTag();
      int field = tag >>> 3;
      int wireType = tag & 7;
      if (field == 1) {
        expect(wireType, ProtoReader.LENGTH_DELIMITED, at);
        accounts.add(account(reader.readMessage(), accounts.size() + 1));
      } else if (field >= 2 && field <= 5 && wireType == ProtoReader.VARINT) {
        // int32 fields: a negative batch_id arrives as a 10-byte varint and is read back as int32.
        int value = (int) reader.readVarint();
        if (field == 2) {
          version = value;
        } else if (field == 3) {
          batchSize = value;
        } else if (field == 4) {
          batchIndex = value;
        } else {
          batchId = value;
        }
      } else {
        reader.skip(wireType);
      }
    }
    if (accounts.isEmpty()) {
      throw new InvalidMigrationPayloadException("the export holds no accounts");
    }
    return new MigrationPayload(accounts, version, batchSize, batchIndex, batchId);
  }

  private static OtpAuthUri account(ProtoReader reader, int number) {
    byte[] secret = null;
    String name = "";
    String issuer = "";
    long algorithm = 0;
    long digits = 0;
    long type = 0;
    long counter = 0;
    try {
      while (reader.hasMore()) {
        int at = reader.position();
        int tag = reader.readTag();
        int field = tag >>> 3;
        int wireType = tag & 7;
        if (field <= 3) {
          expect(wireType, ProtoReader.LENGTH_DELIMITED, at);
          if (field == 1) {
            if (secret != null) {
              Wipe.bytes(secret);
            }
            secret = reader.readBytes();
          } else if (field == 2) {
            name = reader.readString();
          } else {
            issuer = reader.readString();
          }
        } else if (field <= 7) {
          expect(wireType, ProtoReader.VARINT, at);
          long value = reader.readVarint();
          if (field == 4) {
            algorithm = value;
          } else if (field == 5) {
            digits = value;
          } else if (field == 6) {
            type = value;
          } else {
            counter = value;
          }
        } else {
          reader.skip(wireType);
        }
      }
      String which = "account " + number + (issuer.isEmpty() ? "" : " (" + Printable.of(issuer, 40) + ")");
      if (secret == null || secret.length == 0) {
        throw new InvalidMigrationPayloadException(which + " has no secret");
      }
      if (type < 0 || type > 2) {
        throw new InvalidMigrationPayloadException(which + " has an unknown type " + type);
      }
      OtpAuthUri.Builder builder = type == 1
          ? OtpAuthUri.hotp(Secret.fromBytes(secret), checkCounter(counter, which))
          : OtpAuthUri.totp(Secret.fromBytes(secret));
      builder.algorithm(algorithm(algorithm, which)).digits(digits(digits, which));
      // The app shows the name whole when the issuer field is empty ("encoding: ¿äÄéÉ? (demo)"): only a name
      // beside an issuer is split like a label, its prefix kept as the label's issuer.
      int colon = issuer.isEmpty() ? -1 : name.indexOf(':');
      if (colon > 0) {
        builder.labelIssuer(name.substring(0, colon)).account(name.substring(colon + 1));
      } else {
        builder.account(colon == 0 ? name.substring(1) : name);
      }
      return builder.issuerParameter(issuer).build();
    } catch (IllegalArgumentException e) {
      throw new InvalidMigrationPayloadException("account " + number + " cannot be read: " + e.getMessage(), e);
    } finally {
      if (secret != null) {
        Wipe.bytes(secret);
      }
    }
  }

  private static void expect(int wireType, int expected, int at) {
    if (wireType != expected) {
      throw ProtoReader.error("a field of the wrong kind (wire type " + wireType + ", expected " + expected + ")",
          at);
    }
  }

  private static long checkCounter(long counter, String which) {
    if (counter < 0) {
      throw new InvalidMigrationPayloadException(which + " has a negative counter");
    }
    return counter;
  }

  private static HmacAlgorithm algorithm(long value, String which) {
    if (value == 0 || value == 1) {
      return HmacAlgorithm.SHA1;
    }
    if (value == 2) {
      return HmacAlgorithm.SHA256;
    }
    if (value == 3) {
      return HmacAlgorithm.SHA512;
    }
    if (value == 4) {
      throw new InvalidMigrationPayloadException(which + " uses MD5, which totpkit does not support");
    }
    throw new InvalidMigrationPayloadException(which + " has an unknown algorithm " + value);
  }

  private static int digits(long value, String which) {
    if (value == 0 || value == 1) {
      return 6;
    }
    if (value == 2) {
      return 8;
    }
    throw new InvalidMigrationPayloadException(which + " has an unknown digit count " + value);
  }

  /**
   * Writes accounts as Google Authenticator export texts, one per QR code: at most
   * {@value #MAX_ACCOUNTS_PER_BATCH} accounts and at most {@value #MAX_BATCH_TEXT_LENGTH} characters each, all with one
   * random batch id. Parameters the export format has no field for (other parameters, a label issuer that differs
   * from the issuer) are not written.
   *
   * @param accounts the accounts to export, at least one
   * @return the texts, in order; {@link #parse} reads each back
   * @throws IllegalArgumentException if an account cannot be exported: a Steam Guard key, a period other than 30
   *     seconds, a digit count other than 6 or 8, or names so long that the account alone does not fit in
   *     {@value #MAX_BATCH_TEXT_LENGTH} characters
   */
  public static List<String> encode(List<OtpAuthUri> accounts) {
    if (accounts.isEmpty()) {
      throw new IllegalArgumentException("there are no accounts to export");
    }
    List<List<byte[]>> batches = new ArrayList<>();
    List<byte[]> batch = new ArrayList<>();
    for (int i = 0; i < accounts.size(); i++) {
      byte[] entry = entry(accounts.get(i), i + 1);
      batch.add(entry);
      if (batch.size() > MAX_ACCOUNTS_PER_BATCH || longestText(batch) > MAX_BATCH_TEXT_LENGTH) {
        batch.remove(batch.size() - 1);
        if (!batch.isEmpty()) {
          batches.add(batch);
          batch = new ArrayList<>();
          batch.add(entry);
        }
        if (longestText(batch) > MAX_BATCH_TEXT_LENGTH) {
          throw new IllegalArgumentException("account " + (i + 1) + " (" + accounts.get(i).issuer()
              + ") is too large for one QR code: its text would exceed " + MAX_BATCH_TEXT_LENGTH + " characters");
        }
      }
    }
    batches.add(batch);
    int batchId = RANDOM.nextInt();
    List<String> texts = new ArrayList<>(batches.size());
    for (int index = 0; index < batches.size(); index++) {
      ProtoWriter payload = new ProtoWriter();
      for (byte[] entry : batches.get(index)) {
        payload.bytes(1, entry);
        Wipe.bytes(entry);
      }
      payload.varint(2, 1).varint(3, batches.size()).varint(4, index).varint(5, batchId);
      byte[] bytes = payload.toByteArray();
      String base64 = Base64.getEncoder().encodeToString(bytes);
      Wipe.bytes(bytes);
      texts.add(PREFIX + DATA + base64.replace("+", "%2B").replace("/", "%2F").replace("=", "%3D"));
    }
    return texts;
  }

  /**
   * Returns the longest text a QR code holding {@code entries} can have: their Base64, with '+' and '/' taking three
   * characters once percent-encoded, counted exactly; the batch fields, not known yet, counted at their longest. A
   * fixed ratio is not enough: a key of 0xff bytes is all '/' and triples in length.
   */
  private static int longestText(List<byte[]> entries) {
    ProtoWriter body = new ProtoWriter();
    for (byte[] entry : entries) {
      body.bytes(1, entry);
    }
    byte[] bytes = body.toByteArray();
    int whole = bytes.length / 3 * 3;
    int length = PREFIX.length() + DATA.length();
    for (int i = 0; i < whole; i += 3) {
      int group = (bytes[i] & 0xff) << 16 | (bytes[i + 1] & 0xff) << 8 | bytes[i + 2] & 0xff;
      for (int shift = 18; shift >= 0; shift -= 6) {
        length += (group >>> shift & 63) >= 62 ? 3 : 1;
      }
    }
    Wipe.bytes(bytes);
    // The last 0 to 2 bytes of the entries and the batch fields: 4 Base64 characters per 3 bytes, each at most 3 long.
    int rest = bytes.length - whole + MAX_BATCH_FIELDS_BYTES;
    return length + (rest + 2) / 3 * 4 * 3;
  }

  private static byte[] entry(OtpAuthUri account, int number) {
    String which = "account " + number + " (" + account.issuer() + ")";
    if (account.isSteam()) {
      throw new IllegalArgumentException(which + " is a Steam Guard key, which Google Authenticator cannot hold");
    }
    if (account.type() == OtpType.TOTP && !account.period().equals(Duration.ofSeconds(30))) {
      throw new IllegalArgumentException(which + " has a " + account.period().getSeconds()
          + "-second period; Google Authenticator exports hold 30-second keys only");
    }
    if (account.digits() != 6 && account.digits() != 8) {
      throw new IllegalArgumentException(which + " has " + account.digits()
          + " digits; Google Authenticator exports hold 6 or 8");
    }
    byte[] key = account.secret().bytes();
    String name = account.labelIssuer().map(issuer -> issuer + ":").orElse("") + account.account();
    ProtoWriter entry = new ProtoWriter()
        .bytes(1, key)
        .string(2, name)
        .string(3, account.issuer())
        .varint(4, account.algorithm().ordinal() + 1)
        .varint(5, account.digits() == 6 ? 1 : 2)
        .varint(6, account.type() == OtpType.HOTP ? 1 : 2);
    if (account.type() == OtpType.HOTP) {
      entry.varint(7, account.counter().getAsLong());
    }
    Wipe.bytes(key);
    return entry.toByteArray();
  }

  /** Returns the accounts, in the order the export lists them. */
  public List<OtpAuthUri> accounts() {
    return accounts;
  }

  /** Returns the format version the exporting app wrote (1 today). */
  public int version() {
    return version;
  }

  /** Returns how many QR codes the whole export has. */
  public int batchSize() {
    return batchSize;
  }

  /** Returns this QR code's index in the export, from 0. */
  public int batchIndex() {
    return batchIndex;
  }

  /** Returns the id shared by all QR codes of one export. */
  public int batchId() {
    return batchId;
  }

  @Override
  public String toString() {
    String batch = batchSize > 0 ? String.format(Locale.ROOT, ", batch %d of %d", batchIndex + 1, batchSize) : "";
    return String.format(Locale.ROOT, "MigrationPayload[%d accounts%s]", accounts.size(), batch);
  }
}
