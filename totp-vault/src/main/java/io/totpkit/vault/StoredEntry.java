package io.totpkit.vault;

import io.totpkit.core.HmacAlgorithm;
import io.totpkit.core.OtpType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
  private byte[] encoded;

  StoredEntry(VaultEntry entry, byte[] sealedSecret) {
    this.entry = entry;
    this.sealedSecret = sealedSecret;
  }

  private StoredEntry(VaultEntry entry, byte[] sealedSecret, byte[] encoded) {
    this(entry, sealedSecret);
    this.encoded = encoded;
  }

  UUID id() {
    return entry.id();
  }

  /** The entry's body encoding (FORMAT.md, "entry"). */
  synchronized byte[] encoded() {
    if (encoded == null) {
      ByteWriter out = new ByteWriter(160);
      VaultEntry e = entry;
      out.uuid(e.id()).u8(e.type() == OtpType.TOTP ? 0 : 1).u8(e.isSteam() ? 1 : 0)
          .nullableString(e.labelIssuer()).nullableString(e.issuerParameter()).string(e.account())
          .u8(e.algorithm().ordinal()).u8(e.digits()).u64(e.periodSeconds()).u64(e.rawCounter());
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

  static StoredEntry read(ByteReader in) {
    int start = in.position();
    UUID id = in.uuid("entry id");
    int type = in.u8("entry type");
    int steam = in.u8("entry steam flag");
    if (type > 1 || steam > 1 || (steam == 1 && type != 0)) {
      throw in.corrupt("entry type " + type + "/" + steam + " is unknown");
    }
    String labelIssuer = in.nullableString("entry label issuer");
    String issuerParameter = in.nullableString("entry issuer");
    String account = in.string("entry account");
    int algorithm = in.u8("entry algorithm");
    if (algorithm >= HmacAlgorithm.values().length) {
      throw in.corrupt("entry algorithm " + algorithm + " is unknown");
    }
    int digits = in.u8("entry digits");
    long period = in.u64("entry period");
    long counter = in.u64("entry counter");
    if ((steam == 1 ? digits != 5 : digits < 6 || digits > 10) || (type == 0 && (period < 1 || period > 1L << 32))
        || counter < 0) {
      throw in.corrupt("entry parameters are out of range");
    }
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
    VaultEntry entry = new VaultEntry(id, type == 0 ? OtpType.TOTP : OtpType.HOTP, labelIssuer, issuerParameter,
        account, HmacAlgorithm.values()[algorithm], digits, steam == 1, type == 0 ? period : 0,
        type == 1 ? counter : 0, others, tags, created, updated);
    return new StoredEntry(entry, sealed, java.util.Arrays.copyOfRange(inBytes(in), start, in.position()));
  }

  /** Builds the listing fields of a new or updated entry from a URI (the secret is sealed separately). */
  static VaultEntry describe(UUID id, io.totpkit.core.OtpAuthUri uri, java.util.Set<String> tags, Instant created,
      Instant updated) {
    return new VaultEntry(id, uri.type(), uri.labelIssuer().orElse(null), uri.issuerParameter().orElse(null),
        uri.account(), uri.algorithm(), uri.digits(), uri.isSteam(),
        uri.type() == OtpType.TOTP ? uri.period().getSeconds() : 0, uri.counter().orElse(0), uri.otherParameters(),
        tags, created, updated);
  }

  /** Rebuilds the entry's {@code otpauth://} URI around its (opened) secret, for exports. */
  static io.totpkit.core.OtpAuthUri toUri(VaultEntry e, io.totpkit.core.Secret secret) {
    io.totpkit.core.OtpAuthUri.Builder builder = e.type() == OtpType.TOTP
        ? io.totpkit.core.OtpAuthUri.totp(secret) : io.totpkit.core.OtpAuthUri.hotp(secret, e.rawCounter());
    builder.labelIssuer(e.labelIssuer()).issuerParameter(e.issuerParameter()).account(e.account());
    if (e.isSteam()) {
      builder.steam();
    } else {
      builder.algorithm(e.algorithm()).digits(e.digits());
    }
    if (e.type() == OtpType.TOTP) {
      builder.period(java.time.Duration.ofSeconds(e.periodSeconds()));
    }
    new TreeMap<>(e.otherParameters()).forEach(builder::parameter);
    return builder.build();
  }

  /** Returns a copy with changed listing fields and the same sealed secret. */
  StoredEntry with(VaultEntry changed) {
    return new StoredEntry(changed, sealedSecret);
  }

  private static byte[] inBytes(ByteReader in) {
    return in.data();
  }
}
