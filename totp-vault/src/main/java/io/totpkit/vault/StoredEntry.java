package io.totpkit.vault;

import io.totpkit.core.HmacAlgorithm;
import io.totpkit.core.OtpAuthUri;
import io.totpkit.core.OtpParameters;
import io.totpkit.core.OtpType;
import io.totpkit.core.Secret;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * An entry as the vault keeps it in memory and on disk: the listing fields and the secret, still sealed under the
 * entries key (AES-256-GCM, associated data = the entry id). Its body encoding is computed once and reused by every
 * save, so a save re-encodes only changed entries.
 *
 * <p>Thread-safety: immutable.
 */
final class StoredEntry {
  static final int MAX_SEALED_SECRET = 1024;

  final VaultEntry entry;
  final byte[] sealedSecret;
  /** The entry's place in the order entries were added (format 2 stores it; format 1 kept one list). */
  final long order;
  private byte[] encoded;

  StoredEntry(VaultEntry entry, byte[] sealedSecret, long order) {
    this.entry = entry;
    this.sealedSecret = sealedSecret;
    this.order = order;
  }

  private StoredEntry(VaultEntry entry, byte[] sealedSecret, long order, byte[] encoded) {
    this(entry, sealedSecret, order);
    this.encoded = encoded;
  }

  /** Returns this entry at place {@code newOrder}, keeping its encoding if it has one. */
  synchronized StoredEntry placed(long newOrder) {
    return new StoredEntry(entry, sealedSecret, newOrder, encoded);
  }

  UUID id() {
    return entry.id();
  }

  /** The entry's body encoding (FORMAT.md, "entry"). */
  synchronized byte[] encoded() {
    if (encoded == null) {
      ByteWriter out = new ByteWriter(160);
      VaultEntry e = entry;
      out.uuid(e.id()).u8(e.parameters().type() == OtpType.TOTP ? 0 : 1).u8(e.parameters().isSteam() ? 1 : 0)
          .nullableString(e.labelIssuer()).nullableString(e.issuerParameter()).string(e.account())
          .u8(e.parameters().algorithm().ordinal()).u8(e.parameters().digits()).u64(e.periodSeconds()).u64(e.rawCounter());
      Map<String, String> others = new TreeMap<>(e.otherParameters());
      out.u16(others.size());
      others.forEach((name, value) -> out.string(name).string(value));
      out.u16(e.tags().size());
      e.tags().forEach(out::string);
      out.u64(e.createdAt().toEpochMilli()).u64(e.updatedAt().toEpochMilli()).shortBytes(sealedSecret);
      encoded = out.toByteArray();
    }
    return encoded;
  }

  /**
   * Encodes the entry now, so that one the format cannot hold is refused inside its change, before any audit record
   * of it is written.
   *
   * @throws IllegalArgumentException if a field is longer than the format allows
   */
  StoredEntry checked() {
    try {
      encoded();
      return this;
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the account does not fit the vault format: an issuer, account, tag or other "
          + "parameter is longer than 65 535 bytes");
    }
  }

  static StoredEntry read(ByteReader in) {
    return read(in, null);
  }

  /**
   * Reads an entry; one whose tags are exactly {@code sectionTags} (a set made by {@link Tags#copy}) shares that set,
   * and its encoding is not kept: a member who only reads and reveals never needs it, and an OWNER's first save
   * makes it once. Every entry of a section has the section's tags, so 10 000 entries hold one tag set, not 10 000.
   */
  static StoredEntry read(ByteReader in, Set<String> sectionTags) {
    int start = in.position();
    UUID id = in.uuid("entry id");
    int type = in.u8("entry type");
    int steam = in.u8("entry steam flag");
    if (type > 1 || steam > 1 || (steam == 1 && type != 0)) {
      throw in.corrupt("entry type " + type + "/" + steam + " is unknown");
    }
    String labelIssuer = in.nullableString("entry label issuer");
    String issuerParameter = in.nullableString("entry issuer");
    if (issuerParameter != null && issuerParameter.equals(labelIssuer)) {
      issuerParameter = labelIssuer;   // the usual case: one string for both
    }
    String account = in.string("entry account");
    int algorithm = in.u8("entry algorithm");
    if (algorithm >= HmacAlgorithm.values().length) {
      throw in.corrupt("entry algorithm " + algorithm + " is unknown");
    }
    int digits = in.u8("entry digits");
    long period = in.u64("entry period");
    long counter = in.u64("entry counter");
    OtpParameters parameters = parameters(in, type == 0, steam == 1, algorithm, digits, period, counter);
    int otherCount = in.u16("entry parameter count");
    Map<String, String> others = new LinkedHashMap<>();
    for (int i = 0; i < otherCount; i++) {
      others.put(in.string("entry parameter name"), in.string("entry parameter value"));
    }
    int tagCount = in.u16("entry tag count");
    List<String> tags = new ArrayList<>(tagCount);
    for (int i = 0; i < tagCount; i++) {
      tags.add(in.string("entry tag"));
    }
    Instant created = Instant.ofEpochMilli(in.u64("entry created time"));
    Instant updated = Instant.ofEpochMilli(in.u64("entry updated time"));
    byte[] sealed = in.shortBytes("entry sealed secret");
    if (sealed.length <= Aead.OVERHEAD || sealed.length > MAX_SEALED_SECRET) {
      throw in.corrupt("entry sealed secret has length " + sealed.length);
    }
    if (sectionTags != null && tags.size() == sectionTags.size() && sectionTags.containsAll(tags)) {
      return new StoredEntry(new VaultEntry(id, parameters, labelIssuer, issuerParameter, account, others,
          sectionTags, created, updated, true), sealed, 0);
    }
    VaultEntry entry = new VaultEntry(id, parameters, labelIssuer, issuerParameter, account, others, tags, created,
        updated);
    return new StoredEntry(entry, sealed, 0, java.util.Arrays.copyOfRange(inBytes(in), start, in.position()));
  }

  /**
   * The parameters as the file stores them. The file's own rules are checked here (a Steam entry is stored with five
   * digits, a period fits in 32 bits); the ranges of the parameters themselves are OtpParameters' to check.
   */
  private static OtpParameters parameters(ByteReader in, boolean totp, boolean steam, int algorithm, int digits,
      long period, long counter) {
    if ((steam && digits != OtpParameters.STEAM_DIGITS) || (totp && period > 1L << 32)) {
      throw in.corrupt("entry parameters are out of range");
    }
    try {
      OtpParameters.Builder builder = totp ? OtpParameters.totp().period(Duration.ofSeconds(period))
          : OtpParameters.hotp().counter(counter);
      return (steam ? builder.steam() : builder.algorithm(HmacAlgorithm.values()[algorithm]).digits(digits)).build();
    } catch (IllegalArgumentException e) {
      throw in.corrupt("entry parameters are out of range");
    }
  }

  /** Builds the listing fields of a new or updated entry from a URI (the secret is sealed separately). */
  static VaultEntry describe(UUID id, OtpAuthUri uri, java.util.Set<String> tags, Instant created,
      Instant updated) {
    return new VaultEntry(id, uri.parameters(), uri.labelIssuer().orElse(null), uri.issuerParameter().orElse(null),
        uri.account(), uri.otherParameters(), tags, created, updated);
  }

  /** Rebuilds the entry's {@code otpauth://} URI around its (opened) secret, for exports. */
  static OtpAuthUri toUri(VaultEntry e, Secret secret) {
    OtpAuthUri.Builder builder = OtpAuthUri.builder(secret, e.parameters()).labelIssuer(e.labelIssuer())
        .issuerParameter(e.issuerParameter()).account(e.account());
    new TreeMap<>(e.otherParameters()).forEach(builder::parameter);
    return builder.build();
  }

  /** Returns a copy with the same listing fields and the secret sealed anew. */
  StoredEntry resealed(byte[] newSealedSecret) {
    return new StoredEntry(entry, newSealedSecret, order);
  }

  /** Returns a copy with changed listing fields and the same sealed secret. */
  StoredEntry with(VaultEntry changed) {
    return new StoredEntry(changed, sealedSecret, order);
  }

  private static byte[] inBytes(ByteReader in) {
    return in.data();
  }
}
