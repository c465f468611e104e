package io.totpkit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link MigrationPayload}: Google Authenticator exports built by hand from the documented fields (DESIGN.md, "Google
 * Authenticator export"): OtpParameters {bytes secret = 1; string name = 2; string issuer = 3; enum algorithm = 4
 * (1 SHA1, 2 SHA256, 3 SHA512, 4 MD5); enum digits = 5 (1 six, 2 eight); enum type = 6 (1 HOTP, 2 TOTP); int64
 * counter = 7} and MigrationPayload {repeated OtpParameters otp_parameters = 1; int32 version = 2; int32 batch_size =
 * 3; int32 batch_index = 4; int32 batch_id = 5}.
 */
class MigrationPayloadTest {
  private static final String PREFIX = "otpauth-migration://offline?data=";
  /** A recognisable key; its Base32 is JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP. */
  private static final byte[] KEY = {'H', 'e', 'l', 'l', 'o', '!', (byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef,
      'H', 'e', 'l', 'l', 'o', '!', (byte) 0xde, (byte) 0xad, (byte) 0xbe, (byte) 0xef};
  /** A key whose Base64 is full of '+' and '/', the characters that get mangled on the way. */
  private static final byte[] PLUS_SLASH_KEY = {(byte) 0xfb, (byte) 0xef, (byte) 0xbe, (byte) 0xff, (byte) 0xff,
      (byte) 0xff, (byte) 0xfb, (byte) 0xef, (byte) 0xbe, (byte) 0xfb, (byte) 0xef, (byte) 0xbe, (byte) 0xff,
      (byte) 0xff, (byte) 0xff, (byte) 0xfb};

  // ---------------------------------------------------------------------------------------------- building blocks

  private static ProtoWriter account(byte[] secret, String name, String issuer, int algorithm, int digits, int type) {
    return new ProtoWriter().bytes(1, secret).string(2, name).string(3, issuer).varint(4, algorithm)
        .varint(5, digits).varint(6, type);
  }

  private static ProtoWriter acmeAlice() {
    return account(KEY, "ACME:alice@example.com", "ACME", 1, 1, 2);
  }

  private static byte[] payload(ProtoWriter... accounts) {
    ProtoWriter payload = new ProtoWriter();
    for (ProtoWriter account : accounts) {
      payload.message(1, account);
    }
    return payload.varint(2, 1).varint(3, 1).varint(4, 0).varint(5, -1_234_567_890).toByteArray();
  }

  /** The text a QR code holds: Base64, then '+', '/' and '=' percent-encoded, as Google Authenticator writes it. */
  private static String text(byte[] payload) {
    return PREFIX + percentEncoded(Base64.getEncoder().encodeToString(payload));
  }

  private static String percentEncoded(String base64) {
    return base64.replace("+", "%2B").replace("/", "%2F").replace("=", "%3D");
  }

  private static MigrationPayload parse(byte[] payload) {
    return MigrationPayload.parse(text(payload));
  }

  private static OtpAuthUri only(MigrationPayload payload) {
    assertThat(payload.accounts()).hasSize(1);
    return payload.accounts().get(0);
  }

  // ---------------------------------------------------------------------------------------------- reading

  @Test
  void parse_singleTotpAccount_readsEveryField() {
    MigrationPayload payload = parse(payload(acmeAlice()));

    OtpAuthUri uri = only(payload);
    assertThat(uri.type()).isEqualTo(OtpType.TOTP);
    assertThat(uri.secret()).isEqualTo(Secret.fromBytes(KEY));
    assertThat(uri.issuer()).isEqualTo("ACME");
    assertThat(uri.issuerParameter()).contains("ACME");
    assertThat(uri.labelIssuer()).contains("ACME");
    assertThat(uri.account()).isEqualTo("alice@example.com");
    assertThat(uri.algorithm()).isEqualTo(HmacAlgorithm.SHA1);
    assertThat(uri.digits()).isEqualTo(6);
    assertThat(uri.period()).isEqualTo(Duration.ofSeconds(30));
    assertThat(uri.isSteam()).isFalse();
    assertThat(payload.version()).isEqualTo(1);
    assertThat(payload.batchSize()).isEqualTo(1);
    assertThat(payload.batchIndex()).isZero();
    assertThat(payload.batchId()).isEqualTo(-1_234_567_890);
  }

  /** DESIGN.md: batch_id is a negative int32 written as a 10-byte varint; it must read back as that int32. */
  @ParameterizedTest(name = "[{index}] batch_id {0}")
  @ValueSource(ints = {-1, -2, -1_234_567_890, Integer.MIN_VALUE, 0, 1, Integer.MAX_VALUE})
  void parse_batchIdAsTenByteVarint_readsAsInt32(int batchId) {
    ProtoWriter field = new ProtoWriter().varint(5, batchId);
    if (batchId < 0) {
      assertThat(field.size()).as("tag + 10-byte varint").isEqualTo(11);
    }
    byte[] data = new ProtoWriter().message(1, acmeAlice()).varint(5, batchId).toByteArray();
    assertThat(parse(data).batchId()).isEqualTo(batchId);
  }

  @ParameterizedTest(name = "[{index}] name \"{0}\", issuer \"{1}\"")
  @CsvSource(delimiter = '|', value = {
    "ACME:alice@example.com| ACME| ACME| ACME| alice@example.com",
    "ACME: alice@example.com| ACME| ACME| ACME| alice@example.com",
    "alice@example.com| ACME| ACME| | alice@example.com",
    "ACME:alice@example.com| | | | ACME:alice@example.com",
    "encoding: ¿äÄéÉ? (demo)| | | | encoding: ¿äÄéÉ? (demo)",
    "Old:alice| New| New| Old| alice",
    ":alice| ACME| ACME| | alice",
    "ACME:a:b| ACME| ACME| ACME| a:b",
    "alice| | | | alice",
    "| ACME| ACME| | ''",
  })
  void parse_nameAndIssuer_splitLikeALabel(String name, String issuer, String expectedIssuer, String labelIssuer,
      String account) {
    OtpAuthUri uri = only(parse(payload(account(KEY, name == null ? "" : name, issuer == null ? "" : issuer, 1, 1,
        2))));
    assertThat(uri.issuer()).isEqualTo(expectedIssuer == null ? "" : expectedIssuer);
    assertThat(uri.labelIssuer().orElse(null)).isEqualTo(labelIssuer);
    assertThat(uri.issuerParameter().orElse(null)).isEqualTo(issuer);
    assertThat(uri.account()).isEqualTo(account);
  }

  @Test
  void parse_nameWithColonAndNoIssuer_staysWholeThroughAnOtpauthUri() {
    OtpAuthUri uri = only(parse(payload(account(KEY, "encoding: ¿äÄéÉ? (demo)", "", 1, 1, 2))));
    OtpAuthUri back = OtpAuthUri.parse(uri.toUriString());
    assertThat(back.issuer()).isEmpty();
    assertThat(back.account()).isEqualTo("encoding: ¿äÄéÉ? (demo)");
  }

  @Test
  void parse_nonAsciiNameAndIssuer_decodedAsUtf8() {
    OtpAuthUri uri = only(parse(payload(account(KEY, "Café Rosa:équipe@exemple.fr", "Café Rosa", 1, 1, 2))));
    assertThat(uri.issuer()).isEqualTo("Café Rosa");
    assertThat(uri.account()).isEqualTo("équipe@exemple.fr");
  }

  @ParameterizedTest(name = "[{index}] digits enum {0} -> {1}")
  @CsvSource({"0, 6", "1, 6", "2, 8"})
  void parse_digitsEnum_mapsToCount(int value, int digits) {
    assertThat(only(parse(payload(account(KEY, "a", "", 1, value, 2)))).digits()).isEqualTo(digits);
  }

  @ParameterizedTest(name = "[{index}] algorithm enum {0} -> {1}")
  @CsvSource({"0, SHA1", "1, SHA1", "2, SHA256", "3, SHA512"})
  void parse_algorithmEnum_mapsToHash(int value, HmacAlgorithm algorithm) {
    assertThat(only(parse(payload(account(KEY, "a", "", value, 1, 2)))).algorithm()).isEqualTo(algorithm);
  }

  @Test
  void parse_fieldsAbsent_defaultToTotpSha1SixDigits() {
    OtpAuthUri uri = only(parse(payload(new ProtoWriter().bytes(1, KEY))));
    assertThat(uri.type()).isEqualTo(OtpType.TOTP);
    assertThat(uri.algorithm()).isEqualTo(HmacAlgorithm.SHA1);
    assertThat(uri.digits()).isEqualTo(6);
    assertThat(uri.issuer()).isEmpty();
    assertThat(uri.account()).isEmpty();
  }

  @ParameterizedTest(name = "[{index}] counter {0}")
  @ValueSource(longs = {0, 1, 42, Integer.MAX_VALUE + 1L, Long.MAX_VALUE})
  void parse_hotpWithCounter_readsCounter(long counter) {
    OtpAuthUri uri = only(parse(payload(account(KEY, "ACME:bob", "ACME", 2, 2, 1).varint(7, counter))));
    assertThat(uri.type()).isEqualTo(OtpType.HOTP);
    assertThat(uri.counter()).hasValue(counter);
    assertThat(uri.algorithm()).isEqualTo(HmacAlgorithm.SHA256);
    assertThat(uri.digits()).isEqualTo(8);
  }

  @Test
  void parse_hotpWithoutCounter_counterZero() {
    assertThat(only(parse(payload(account(KEY, "a", "", 1, 1, 1)))).counter()).hasValue(0);
  }

  @Test
  void parse_hotpNegativeCounter_refused() {
    assertRefused(() -> parse(payload(account(KEY, "a", "ACME", 1, 1, 1).varint(7, -1))), "negative counter");
  }

  @Test
  void parse_severalAccounts_keptInOrder() {
    MigrationPayload payload = parse(payload(acmeAlice(), account(PLUS_SLASH_KEY, "B:bob", "B", 3, 2, 2),
        account(KEY, "C:carol", "C", 1, 1, 1).varint(7, 5)));
    assertThat(payload.accounts()).extracting(OtpAuthUri::issuer).containsExactly("ACME", "B", "C");
    assertThat(payload.accounts().get(1).secret()).isEqualTo(Secret.fromBytes(PLUS_SLASH_KEY));
    assertThatThrownBy(() -> payload.accounts().add(payload.accounts().get(0)))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  /** A repeated secret field: the last one wins, as protobuf merges scalar fields. */
  @Test
  void parse_secretTwice_lastWins() {
    OtpAuthUri uri = only(parse(payload(new ProtoWriter().bytes(1, PLUS_SLASH_KEY).bytes(1, KEY))));
    assertThat(uri.secret()).isEqualTo(Secret.fromBytes(KEY));
  }

  /** Protobuf readers skip fields they do not know, of every wire type they can skip (0, 1, 2 and 5). */
  @Test
  void parse_unknownFieldsOfEveryWireType_skipped() {
    ProtoWriter account = new ProtoWriter();
    unknownFields(account, 8);
    account.bytes(1, KEY);
    unknownFields(account, 100);
    account.string(2, "ACME:alice").string(3, "ACME");
    unknownFields(account, 536_870_911 >>> 3);
    ProtoWriter payload = new ProtoWriter();
    unknownFields(payload, 6);
    payload.message(1, account);
    unknownFields(payload, 1000);
    payload.varint(2, 1);
    // Known top-level scalar fields with a wire type other than varint are skipped too.
    writeRaw(payload, tag(3, 5), 1, 2, 3, 4);
    writeRaw(payload, tag(4, 1), 1, 2, 3, 4, 5, 6, 7, 8);
    writeRaw(payload, tag(5, 2), 2, 'x', 'y');

    MigrationPayload parsed = parse(payload.toByteArray());

    OtpAuthUri uri = only(parsed);
    assertThat(uri.secret()).isEqualTo(Secret.fromBytes(KEY));
    assertThat(uri.issuer()).isEqualTo("ACME");
    assertThat(uri.account()).isEqualTo("alice");
    assertThat(parsed.version()).isEqualTo(1);
    assertThat(parsed.batchSize()).isZero();
    assertThat(parsed.batchId()).isZero();
  }

  private static void unknownFields(ProtoWriter writer, int field) {
    writer.varint(field, 300);
    writeRaw(writer, tag(field + 1, 1), 1, 2, 3, 4, 5, 6, 7, 8);
    writer.bytes(field + 2, new byte[] {9, 9, 9});
    writeRaw(writer, tag(field + 3, 5), 1, 2, 3, 4);
    writer.bytes(field + 4, new byte[0]);
  }

  // ---------------------------------------------------------------------------------------------- text forms

  @Test
  void parse_percentEncodedBase64_decodes() {
    byte[] data = payload(account(PLUS_SLASH_KEY, "P:q", "P", 1, 1, 2));
    String base64 = Base64.getEncoder().encodeToString(data);
    assertThat(base64).as("the fixture must exercise + and /").contains("+", "/");
    assertThat(only(MigrationPayload.parse(PREFIX + percentEncoded(base64))).secret())
        .isEqualTo(Secret.fromBytes(PLUS_SLASH_KEY));
    assertThat(only(MigrationPayload.parse(PREFIX + percentEncoded(base64).replace("%2F", "%2f").replace("%2B", "%2b")))
        .secret()).isEqualTo(Secret.fromBytes(PLUS_SLASH_KEY));
  }

  @Test
  void parse_rawPlusAndSlash_decodes() {
    byte[] data = payload(account(PLUS_SLASH_KEY, "P:q", "P", 1, 1, 2));
    String base64 = Base64.getEncoder().encodeToString(data);
    assertThat(only(MigrationPayload.parse(PREFIX + base64)).secret()).isEqualTo(Secret.fromBytes(PLUS_SLASH_KEY));
  }

  /** A '+' that went through form decoding arrives as a space; DESIGN.md: map it back before Base64 decoding. */
  @Test
  void parse_spacesWherePlusWas_decodes() {
    byte[] data = payload(account(PLUS_SLASH_KEY, "P:q", "P", 1, 1, 2));
    String base64 = Base64.getEncoder().encodeToString(data);
    assertThat(only(MigrationPayload.parse(PREFIX + base64.replace('+', ' '))).secret())
        .isEqualTo(Secret.fromBytes(PLUS_SLASH_KEY));
    assertThat(only(MigrationPayload.parse(PREFIX + base64.replace("+", "%20"))).secret())
        .isEqualTo(Secret.fromBytes(PLUS_SLASH_KEY));
  }

  @Test
  void parse_urlSafeBase64_decodes() {
    byte[] data = payload(account(PLUS_SLASH_KEY, "P:q", "P", 1, 1, 2));
    String base64 = Base64.getUrlEncoder().encodeToString(data);
    assertThat(base64).contains("-", "_");
    assertThat(only(MigrationPayload.parse(PREFIX + base64)).secret()).isEqualTo(Secret.fromBytes(PLUS_SLASH_KEY));
    assertThat(only(MigrationPayload.parse(PREFIX + base64.replace("=", ""))).secret())
        .isEqualTo(Secret.fromBytes(PLUS_SLASH_KEY));
  }

  @Test
  void parse_missingPadding_decodes() {
    for (int extra = 0; extra < 3; extra++) {
      byte[] data = payload(account(KEY, "ACME:alice" + "x".repeat(extra), "ACME", 1, 1, 2));
      String base64 = Base64.getEncoder().withoutPadding().encodeToString(data);
      assertThat(only(MigrationPayload.parse(PREFIX + base64)).secret()).isEqualTo(Secret.fromBytes(KEY));
    }
    assertThat(Base64.getEncoder().encodeToString(payload(acmeAlice()))).as("fixture is padded").endsWith("=");
  }

  @Test
  void parse_upperCasePrefixSurroundingSpaceAndOtherParameters_accepted() {
    String base64 = percentEncoded(Base64.getEncoder().encodeToString(payload(acmeAlice())));
    assertThat(MigrationPayload.parse("  OTPAUTH-MIGRATION://offline?foo=1&DATA=" + base64 + "&bar\n").accounts())
        .hasSize(1);
  }

  @Test
  void toString_showsCountsOnly() {
    MigrationPayload payload = parse(payload(acmeAlice(), account(PLUS_SLASH_KEY, "B:b", "B", 1, 1, 2)));
    assertThat(payload.toString()).isEqualTo("MigrationPayload[2 accounts, batch 1 of 1]");
  }

  // ---------------------------------------------------------------------------------------------- typed errors

  @Test
  void parse_md5_refusedWithTypedError() {
    assertRefused(() -> parse(payload(account(KEY, "ACME:a", "ACME", 4, 1, 2))), "MD5");
  }

  @ParameterizedTest(name = "[{index}] algorithm {0}")
  @ValueSource(longs = {5, 99, -1, Long.MAX_VALUE})
  void parse_unknownAlgorithm_refused(long value) {
    assertRefused(() -> parse(payload(account(KEY, "ACME:a", "ACME", 1, 1, 2).varint(4, value))),
        "unknown algorithm");
  }

  @ParameterizedTest(name = "[{index}] digits {0}")
  @ValueSource(longs = {3, 6, 8, -1})
  void parse_unknownDigits_refused(long value) {
    assertRefused(() -> parse(payload(account(KEY, "ACME:a", "ACME", 1, 1, 2).varint(5, value))),
        "unknown digit count");
  }

  @ParameterizedTest(name = "[{index}] type {0}")
  @ValueSource(longs = {3, 99, -1})
  void parse_unknownType_refused(long value) {
    assertRefused(() -> parse(payload(account(KEY, "ACME:a", "ACME", 1, 1, 2).varint(6, value))), "unknown type");
  }

  @Test
  void parse_emptySecret_refused() {
    assertRefused(() -> parse(payload(account(new byte[0], "ACME:a", "ACME", 1, 1, 2))),
        "account 1 (ACME) has no secret");
  }

  @Test
  void parse_noSecretInSecondAccount_refusedNamingTheAccount() {
    assertRefused(() -> parse(payload(acmeAlice(), new ProtoWriter().string(2, "B:b").string(3, "B"))),
        "account 2 (B) has no secret");
  }

  @Test
  void parse_noAccounts_refused() {
    assertRefused(() -> parse(new ProtoWriter().varint(2, 1).varint(3, 1).toByteArray()), "no accounts");
    assertRefused(() -> MigrationPayload.decode(new byte[0]), "no accounts");
  }

  @Test
  void parse_accountWithColonAndNoIssuer_keptWhole() {
    assertThat(only(parse(payload(account(KEY, ":a:b", "", 1, 1, 2)))).account()).isEqualTo(":a:b");
  }

  @ParameterizedTest(name = "[{index}] field {0} wire type {1}")
  @CsvSource({"1, 0", "1, 5", "2, 0", "3, 1", "4, 2", "5, 5", "6, 2", "7, 1"})
  void parse_knownAccountFieldOfWrongWireType_refused(int field, int wireType) {
    ProtoWriter account = new ProtoWriter().bytes(1, KEY);
    writeRaw(account, tag(field, wireType), 0, 0, 0, 0, 0, 0, 0, 0);
    assertRefused(() -> parse(payload(account)), "wrong kind");
  }

  @Test
  void parse_accountsFieldNotLengthDelimited_refused() {
    ProtoWriter payload = new ProtoWriter().varint(1, 5);
    assertRefused(() -> MigrationPayload.decode(payload.toByteArray()), "wrong kind (wire type 0, expected 2)");
  }

  @ParameterizedTest(name = "[{index}] wire type {0}")
  @ValueSource(ints = {3, 4, 6, 7})
  void parse_unsupportedWireType_refused(int wireType) {
    ProtoWriter top = new ProtoWriter().message(1, acmeAlice());
    writeRaw(top, tag(9, wireType), 0);
    assertRefused(() -> MigrationPayload.decode(top.toByteArray()), "unsupported wire type " + wireType);
    ProtoWriter inner = acmeAlice();
    writeRaw(inner, tag(9, wireType), 0);
    assertRefused(() -> MigrationPayload.decode(payload(inner)), "unsupported wire type " + wireType);
  }

  @Test
  void parse_varintLongerThanTenBytes_refused() {
    byte[] data = new byte[13];
    data[0] = (byte) tag(2, 0);
    Arrays.fill(data, 1, 12, (byte) 0x80);
    data[12] = 1;
    assertRefused(() -> MigrationPayload.decode(data), "longer than 64 bits");
  }

  @ParameterizedTest(name = "[{index}] tenth byte {0}")
  @ValueSource(ints = {0x02, 0x7f, 0x81})
  void parse_tenthVarintByteOverflows_refused(int last) {
    byte[] data = new byte[11];
    data[0] = (byte) tag(2, 0);
    Arrays.fill(data, 1, 10, (byte) 0xff);
    data[10] = (byte) last;
    assertRefused(() -> MigrationPayload.decode(data), "longer than 64 bits");
  }

  @Test
  void parse_tenthVarintByteOne_isMinusOne() {
    byte[] data = Arrays.copyOf(payload(acmeAlice()), payload(acmeAlice()).length + 11);
    int at = payload(acmeAlice()).length;
    data[at] = (byte) tag(3, 0);
    Arrays.fill(data, at + 1, at + 10, (byte) 0xff);
    data[at + 10] = 1;
    assertThat(MigrationPayload.decode(data).batchSize()).isEqualTo(-1);
  }

  @Test
  void parse_lengthPrefixBeyondEnd_refused() {
    ProtoWriter top = new ProtoWriter();
    writeRaw(top, tag(1, 2), 50, 10, 2, 1, 2);
    assertRefused(() -> MigrationPayload.decode(top.toByteArray()), "longer than the data that is left at byte 1");
    ProtoWriter inner = new ProtoWriter();
    writeRaw(inner, tag(1, 2), 100, 1, 2, 3);
    assertRefused(() -> MigrationPayload.decode(payload(inner)), "longer than the data that is left");
  }

  /** A length that a long would read as negative (a 10-byte varint) must not pass the bounds check. */
  @Test
  void parse_negativeLengthPrefix_refused() {
    ProtoWriter top = new ProtoWriter();
    top.varint(1, -1);
    byte[] data = top.toByteArray();
    data[0] = (byte) tag(1, 2);
    assertRefused(() -> MigrationPayload.decode(data), "longer than the data that is left");
    ProtoWriter skipped = new ProtoWriter().message(1, acmeAlice()).varint(9, Long.MIN_VALUE);
    byte[] skip = skipped.toByteArray();
    skip[acmeAlice().size() + 2] = (byte) tag(9, 2);
    assertRefused(() -> MigrationPayload.decode(skip), "longer than the data that is left");
  }

  @Test
  void parse_fixedFieldsCutOff_refused() {
    ProtoWriter top = new ProtoWriter().message(1, acmeAlice());
    writeRaw(top, tag(9, 1), 1, 2, 3);
    assertRefused(() -> MigrationPayload.decode(top.toByteArray()), "cut off");
    ProtoWriter top32 = new ProtoWriter().message(1, acmeAlice());
    writeRaw(top32, tag(9, 5), 1, 2, 3);
    assertRefused(() -> MigrationPayload.decode(top32.toByteArray()), "cut off");
  }

  @Test
  void parse_fieldNumberZero_refused() {
    assertRefused(() -> MigrationPayload.decode(new byte[] {0x02, 0x00}), "invalid field number at byte 0");
  }

  /** A tag is a uint32: a 10-byte (negative) varint whose low bits say "field 1" must not be read as field 1. */
  @Test
  void parse_negativeTenByteTag_refused() {
    byte[] account = acmeAlice().toByteArray();
    ProtoWriter top = new ProtoWriter();
    top.varint(9, 0xffff_ffff_0000_000aL); // its raw varint is read as the tag below
    byte[] raw = top.toByteArray();
    byte[] tagBytes = Arrays.copyOfRange(raw, 1, raw.length);
    byte[] data = new byte[tagBytes.length + 1 + account.length];
    System.arraycopy(tagBytes, 0, data, 0, tagBytes.length);
    data[tagBytes.length] = (byte) account.length;
    System.arraycopy(account, 0, data, tagBytes.length + 1, account.length);
    assertThat(tagBytes).hasSize(10);
    assertRefused(() -> MigrationPayload.decode(data), "invalid field number");
  }

  @ParameterizedTest(name = "[{index}] data={0}")
  @ValueSource(strings = {"!!!!", "abc$", "A", "AAAAA", "ab=c", "%ZZ", "%", "a+b-c", "\u00e9\u00e9\u00e9\u00e9",
      "AA==AA=="})
  void parse_badBase64_refused(String data) {
    assertRefused(() -> MigrationPayload.parse(PREFIX + data), "not valid Base64");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"otpauth-migration://offline", "otpauth-migration://offline?data=",
      "otpauth-migration://offline?foo=bar", "otpauth-migration://offline?dat=CgA"})
  void parse_noData_refused(String text) {
    assertRefused(() -> MigrationPayload.parse(text), "no data parameter");
  }

  @Test
  void parse_twoDataParameters_refused() {
    String base64 = percentEncoded(Base64.getEncoder().encodeToString(payload(acmeAlice())));
    assertRefused(() -> MigrationPayload.parse(PREFIX + base64 + "&data=" + base64), "more than one data");
  }

  @ParameterizedTest(name = "[{index}] {0}")
  @ValueSource(strings = {"", "   ", "otpauth://totp/ACME:a?secret=JBSWY3DPEHPK3PXP",
      "https://offline?data=CgA", "otpauth-migration:/offline?data=CgA", "otpauth-migratio://offline?data=CgA",
      "steam://JBSWY3DPEHPK3PXP"})
  void parse_wrongPrefix_refused(String text) {
    assertRefused(() -> MigrationPayload.parse(text), "does not start with otpauth-migration://");
  }

  @Test
  void parse_overlongText_refusedBeforeReading() {
    String text = text(payload(acmeAlice()));
    String tooLong = text + "&x=" + "A".repeat(MigrationPayload.MAX_LENGTH - text.length() - 2);
    assertThat(tooLong).hasSize(MigrationPayload.MAX_LENGTH + 1);
    assertRefused(() -> MigrationPayload.parse(tooLong), String.valueOf(MigrationPayload.MAX_LENGTH));
    assertThat(MigrationPayload.parse(tooLong.substring(0, MigrationPayload.MAX_LENGTH)).accounts()).hasSize(1);
  }

  @Test
  void parse_null_throwsNullPointerException() {
    assertThatThrownBy(() -> MigrationPayload.parse(null)).isInstanceOf(NullPointerException.class);
  }

  // ---------------------------------------------------------------------------------------------- hostile data

  /** Every prefix of a valid payload either decodes (it ends between fields) or fails with the typed exception. */
  @Test
  void decode_truncatedAtEveryLength_resultOrTypedException() {
    byte[] full = richPayload();
    int decoded = 0;
    for (int length = 0; length <= full.length; length++) {
      byte[] cut = Arrays.copyOf(full, length);
      if (decodeOrTypedError(cut, "truncated to " + length) != null) {
        decoded++;
      }
      decodeOrTypedError(text(cut), "truncated text " + length);
    }
    assertThat(decoded).as("cuts between whole accounts decode").isGreaterThanOrEqualTo(3);
  }

  /** Every position of a valid payload, overwritten with a few values: a result or the typed exception only. */
  @Test
  void decode_everySingleByteMutation_resultOrTypedException() {
    byte[] original = richPayload();
    int[] replacements = {0x00, 0x01, 0x02, 0x05, 0x07, 0x0f, 0x7f, 0x80, 0xff};
    for (int i = 0; i < original.length; i++) {
      for (int value : replacements) {
        byte[] mutated = original.clone();
        mutated[i] = (byte) value;
        decodeOrTypedError(mutated, "byte " + i + " = " + value);
      }
      byte[] flipped = original.clone();
      flipped[i] ^= 0x40;
      decodeOrTypedError(flipped, "byte " + i + " ^ 0x40");
    }
  }

  /** Property: 5 000 seeded random byte arrays, raw and as export text: a result or the typed exception only. */
  @Test
  void decode_randomBytes_resultOrTypedException() {
    Random random = new Random(0x6a6a6aL);
    byte[] valid = richPayload();
    for (int i = 0; i < 5_000; i++) {
      byte[] data;
      if (random.nextBoolean()) {
        data = new byte[random.nextInt(200)];
        random.nextBytes(data);
      } else {
        // Random bytes after a valid start reach deeper into the account parser.
        data = Arrays.copyOf(valid, random.nextInt(valid.length + 1) + random.nextInt(40));
        for (int j = random.nextInt(valid.length); j < data.length; j += 1 + random.nextInt(8)) {
          data[j] = (byte) random.nextInt(256);
        }
      }
      decodeOrTypedError(data, "sample " + i);
      if (i % 5 == 0) {
        decodeOrTypedError(text(data), "text sample " + i);
      }
    }
  }

  /** Property: random export texts (not Base64 at all) fail with the typed exception only. */
  @Test
  void parse_randomText_resultOrTypedException() {
    Random random = new Random(0x7e47L);
    String alphabet = "ABCabc019+/-_=%&? \u00e9\ud800";
    for (int i = 0; i < 2_000; i++) {
      StringBuilder data = new StringBuilder();
      for (int n = random.nextInt(60); n > 0; n--) {
        data.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      decodeOrTypedError(PREFIX + data, "sample " + i);
    }
  }

  /** Messages never quote the key, whatever went wrong and wherever. */
  @Test
  void parse_anyError_messageNeverContainsTheSecret() {
    byte[] data = richPayload();
    List<Throwable> errors = new ArrayList<>();
    for (int i = 0; i < data.length; i++) {
      byte[] mutated = data.clone();
      mutated[i] = (byte) 0x7f;
      try {
        MigrationPayload.decode(mutated);
      } catch (InvalidMigrationPayloadException e) {
        errors.add(e);
      }
    }
    errors.add(catchTyped(() -> parse(payload(account(KEY, "ACME:a", "ACME", 4, 1, 2)))));
    errors.add(catchTyped(() -> parse(payload(account(KEY, "ACME:a", "ACME", 1, 9, 2)))));
    errors.add(catchTyped(() -> MigrationPayload.parse(text(data) + "%")));
    errors.add(catchTyped(() -> MigrationPayload.parse(text(data) + "$")));
    assertThat(errors).hasSizeGreaterThan(10);
    String base32 = Base32.encode(KEY);
    for (Throwable error : errors) {
      String chain = LeakAssertions.chainText(error);
      LeakAssertions.assertNoRun(chain, base32, 8);
      LeakAssertions.assertNoRun(chain, HexFormat.of().formatHex(KEY), 8);
      LeakAssertions.assertNoRun(chain, Base64.getEncoder().encodeToString(data), 8);
      assertThat(chain).doesNotContain("Hello!");
    }
  }

  /** Four accounts with every kind of field; its key is {@link #KEY}. */
  private static byte[] richPayload() {
    return payload(acmeAlice(), account(PLUS_SLASH_KEY, "Café:bob", "Café", 2, 2, 2),
        account(KEY, "C:carol", "C", 3, 1, 1).varint(7, 1L << 40), account(KEY, "dave", "", 1, 2, 2));
  }

  private static MigrationPayload decodeOrTypedError(byte[] data, String what) {
    return resultOrTypedError(() -> MigrationPayload.decode(data.clone()), what);
  }

  private static MigrationPayload decodeOrTypedError(String text, String what) {
    return resultOrTypedError(() -> MigrationPayload.parse(text), what);
  }

  private static MigrationPayload resultOrTypedError(Supplier<MigrationPayload> action, String what) {
    try {
      MigrationPayload payload = action.get();
      assertThat(payload.accounts()).as(what).isNotEmpty();
      return payload;
    } catch (InvalidMigrationPayloadException expected) {
      assertThat(expected.getMessage()).as(what).isNotBlank();
      return null;
    } catch (Throwable t) {
      fail(what + " threw " + t, t);
      return null;
    }
  }

  private static Throwable catchTyped(Runnable action) {
    try {
      action.run();
    } catch (InvalidMigrationPayloadException e) {
      return e;
    }
    throw new AssertionError("expected an InvalidMigrationPayloadException");
  }

  private static void assertRefused(Runnable action, String expected) {
    assertThatThrownBy(action::run)
        .isInstanceOf(InvalidMigrationPayloadException.class)
        .isInstanceOf(OtpException.class)
        .hasMessageContaining(expected)
        .satisfies(e -> {
          String chain = LeakAssertions.chainText(e);
          LeakAssertions.assertNoRun(chain, Base32.encode(KEY), 8);
          LeakAssertions.assertNoRun(chain, Base32.encode(PLUS_SLASH_KEY), 8);
        });
  }

  private static int tag(int field, int wireType) {
    return field << 3 | wireType;
  }

  /** Appends a tag (as a varint) and raw bytes, for wire types ProtoWriter does not write. */
  private static void writeRaw(ProtoWriter writer, int tag, int... bytes) {
    byte[] raw = new byte[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      raw[i] = (byte) bytes[i];
    }
    // Field 1 as a varint writes the one-byte tag 0x08 and then the value: the value's varint is what we need.
    byte[] tagged = new ProtoWriter().varint(1, tag).toByteArray();
    writerAppend(writer, Arrays.copyOfRange(tagged, 1, tagged.length));
    writerAppend(writer, raw);
  }

  private static void writerAppend(ProtoWriter writer, byte[] bytes) {
    try {
      java.lang.reflect.Field out = ProtoWriter.class.getDeclaredField("out");
      out.setAccessible(true);
      ((java.io.ByteArrayOutputStream) out.get(writer)).writeBytes(bytes);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }

  // ---------------------------------------------------------------------------------------------- writing

  private static List<OtpAuthUri> exportable(int count) {
    List<OtpAuthUri> accounts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      OtpAuthUri.Builder builder = i % 4 == 3
          ? OtpAuthUri.hotp(Secret.generate(HmacAlgorithm.SHA1), i * 1000L)
          : OtpAuthUri.totp(Secret.generate(i % 3 == 0 ? HmacAlgorithm.SHA1 : HmacAlgorithm.SHA256));
      builder.issuer("Service " + i).account("user" + i + "@example.com")
          .algorithm(HmacAlgorithm.values()[i % 3]).digits(i % 2 == 0 ? 6 : 8);
      accounts.add(builder.build());
    }
    return accounts;
  }

  @Test
  void encode_accountsMadeWithIssuer_parseBackEqual() {
    List<OtpAuthUri> accounts = List.of(
        OtpAuthUri.totp(Secret.fromBytes(KEY)).issuer("ACME").account("alice@example.com").build(),
        OtpAuthUri.totp(Secret.fromBytes(PLUS_SLASH_KEY)).issuer("Café Rosa").account("équipe@exemple.fr")
            .algorithm(HmacAlgorithm.SHA512).digits(8).build(),
        OtpAuthUri.hotp(Secret.generate(HmacAlgorithm.SHA256), 42).issuer("Bank").account("bob")
            .algorithm(HmacAlgorithm.SHA256).build(),
        OtpAuthUri.hotp(Secret.fromBytes(new byte[] {1}), Long.MAX_VALUE).issuer("X").account("a:b").build(),
        OtpAuthUri.totp(Secret.fromBytes(KEY)).account("no issuer").build(),
        OtpAuthUri.totp(Secret.fromBytes(KEY)).issuer("Only").build());

    List<String> texts = MigrationPayload.encode(accounts);

    assertThat(texts).hasSize(1);
    assertThat(texts.get(0)).startsWith(PREFIX).hasSizeLessThanOrEqualTo(2000);
    assertThat(texts.get(0).substring(PREFIX.length())).doesNotContain("+", "/", "=", " ", "&");
    MigrationPayload payload = MigrationPayload.parse(texts.get(0));
    assertThat(payload.accounts()).containsExactlyElementsOf(accounts);
    assertThat(payload.version()).isEqualTo(1);
    assertThat(payload.batchSize()).isEqualTo(1);
    assertThat(payload.batchIndex()).isZero();
  }

  @Test
  void encode_twentyFiveAccounts_threeBatchesSharingOneId() {
    List<OtpAuthUri> accounts = exportable(25);

    List<String> texts = MigrationPayload.encode(accounts);

    assertThat(texts).hasSize(3);
    List<MigrationPayload> payloads = texts.stream().map(MigrationPayload::parse).collect(Collectors.toList());
    for (int i = 0; i < texts.size(); i++) {
      assertThat(texts.get(i)).hasSizeLessThanOrEqualTo(MigrationPayload.MAX_BATCH_TEXT_LENGTH);
      assertThat(payloads.get(i).batchIndex()).isEqualTo(i);
      assertThat(payloads.get(i).batchSize()).isEqualTo(3);
      assertThat(payloads.get(i).batchId()).isEqualTo(payloads.get(0).batchId());
      assertThat(payloads.get(i).accounts()).hasSizeLessThanOrEqualTo(MigrationPayload.MAX_ACCOUNTS_PER_BATCH);
    }
    assertThat(payloads.stream().flatMap(p -> p.accounts().stream())).containsExactlyElementsOf(accounts);
  }

  /** Long names and 64-byte keys: the batches get smaller but every text still fits a scannable QR code. */
  @Test
  void encode_largeAccounts_everyTextWithinLimit() {
    List<OtpAuthUri> accounts = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      accounts.add(OtpAuthUri.totp(Secret.generate(HmacAlgorithm.SHA512)).issuer("Issuer " + "i".repeat(60) + i)
          .account("account." + "a".repeat(80) + i + "@example.com").algorithm(HmacAlgorithm.SHA512).build());
    }
    assertBatchesValid(accounts);
  }

  /**
   * Keys whose Base64 is all '/' (0xff bytes) triple in length when '/' is percent-encoded: the texts must still keep
   * to {@link MigrationPayload#MAX_BATCH_TEXT_LENGTH}, which is documented as the longest text encode writes.
   */
  @Test
  void encode_keysThatEncodeAsSlashes_everyTextWithinLimit() {
    List<OtpAuthUri> accounts = new ArrayList<>();
    byte[] ones = new byte[63];
    Arrays.fill(ones, (byte) 0xff);
    for (int i = 0; i < 25; i++) {
      accounts.add(OtpAuthUri.totp(Secret.fromBytes(ones)).issuer("S" + i).account("u" + i).build());
    }
    assertBatchesValid(accounts);
  }

  private static void assertBatchesValid(List<OtpAuthUri> accounts) {
    List<String> texts = MigrationPayload.encode(accounts);
    List<OtpAuthUri> back = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      assertThat(texts.get(i)).as("text %d of %d", i, texts.size())
          .hasSizeLessThanOrEqualTo(MigrationPayload.MAX_BATCH_TEXT_LENGTH);
      MigrationPayload payload = MigrationPayload.parse(texts.get(i));
      assertThat(payload.batchIndex()).isEqualTo(i);
      assertThat(payload.batchSize()).isEqualTo(texts.size());
      back.addAll(payload.accounts());
    }
    assertThat(back).containsExactlyElementsOf(accounts);
  }

  /** An account whose text alone exceeds the limit cannot be put in any QR code: refused, not written too long. */
  @Test
  void encode_accountTooLargeForOneQrCode_refused() {
    List<OtpAuthUri> accounts = List.of(exportable(1).get(0),
        OtpAuthUri.totp(Secret.fromBytes(KEY)).issuer("Huge").account("a".repeat(1500)).build());
    assertThatThrownBy(() -> MigrationPayload.encode(accounts))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("account 2 (Huge) is too large for one QR code");
  }

  /** Property: random keys and names of many sizes; every text within the limit, every account read back. */
  @Test
  void encode_randomAccounts_everyTextWithinLimitAndReadBack() {
    Random random = new Random(0xba7c4L);
    for (int round = 0; round < 40; round++) {
      List<OtpAuthUri> accounts = new ArrayList<>();
      for (int n = 1 + random.nextInt(30); n > 0; n--) {
        byte[] key = new byte[1 + random.nextInt(100)];
        if (random.nextBoolean()) {
          Arrays.fill(key, (byte) (random.nextBoolean() ? 0xff : 0xfb));
        } else {
          random.nextBytes(key);
        }
        accounts.add(OtpAuthUri.totp(Secret.fromBytes(key)).issuer("I".repeat(random.nextInt(200)))
            .account("a".repeat(random.nextInt(300))).build());
      }
      assertBatchesValid(accounts);
    }
  }

  @Test
  void encode_twoCalls_differentBatchIds() {
    List<OtpAuthUri> accounts = exportable(1);
    int first = MigrationPayload.parse(MigrationPayload.encode(accounts).get(0)).batchId();
    boolean differs = false;
    for (int i = 0; i < 5 && !differs; i++) {
      differs = MigrationPayload.parse(MigrationPayload.encode(accounts).get(0)).batchId() != first;
    }
    assertThat(differs).isTrue();
  }

  @Test
  void encode_steamKey_refused() {
    List<OtpAuthUri> accounts = List.of(OtpAuthUri.totp(Secret.fromBytes(KEY)).issuer("Steam").steam().build());
    assertThatThrownBy(() -> MigrationPayload.encode(accounts))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Steam");
  }

  @Test
  void encode_periodSixty_refused() {
    List<OtpAuthUri> accounts = List.of(OtpAuthUri.totp(Secret.fromBytes(KEY)).issuer("A")
        .period(Duration.ofSeconds(60)).build());
    assertThatThrownBy(() -> MigrationPayload.encode(accounts))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("60-second");
  }

  @ParameterizedTest(name = "[{index}] {0} digits")
  @ValueSource(ints = {7, 9, 10})
  void encode_digitsOtherThanSixOrEight_refused(int digits) {
    List<OtpAuthUri> accounts = List.of(exportable(1).get(0),
        OtpAuthUri.totp(Secret.fromBytes(KEY)).issuer("A").digits(digits).build());
    assertThatThrownBy(() -> MigrationPayload.encode(accounts))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("account 2")
        .hasMessageContaining(digits + " digits");
  }

  @Test
  void encode_noAccounts_refused() {
    assertThatThrownBy(() -> MigrationPayload.encode(List.of())).isInstanceOf(IllegalArgumentException.class);
  }

  /** What encode does not keep: other parameters; and the issuer parameter is filled in from the label. */
  @Test
  void encode_otherParametersAndLabelOnlyIssuer_documentedLoss() {
    OtpAuthUri account = OtpAuthUri.totp(Secret.fromBytes(KEY)).labelIssuer("ACME").account("a")
        .parameter("image", "https://example.com/x.png").build();
    OtpAuthUri back = only(MigrationPayload.parse(MigrationPayload.encode(List.of(account)).get(0)));
    assertThat(back.otherParameters()).isEmpty();
    assertThat(back.labelIssuer()).contains("ACME");
    assertThat(back.issuerParameter()).contains("ACME");
    assertThat(back.secret()).isEqualTo(account.secret());
  }
}
