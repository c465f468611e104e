package io.totpkit.qr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.totpkit.core.MigrationPayload;
import io.totpkit.core.OtpAuthUri;
import io.totpkit.core.Secret;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class QrScanTest {
  private static final OtpAuthUri ACME =
      OtpAuthUri.totp(Secret.fromBase32("JBSWY3DPEHPK3PXP")).issuer("ACME").account("me").build();

  private static List<OtpAuthUri> accounts(int count) {
    List<OtpAuthUri> accounts = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      accounts.add(OtpAuthUri.totp(Secret.fromBytes(new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, (byte) i}))
          .issuer("Service" + i).account("me" + i).build());
    }
    return accounts;
  }

  @Test
  void describe_eachMethod_saysHowTheCodeWasRead() {
    assertThat(new QrScan(List.of(ACME), QrScan.Method.QR, "", Optional.empty()).describe()).isEqualTo("QR code");
    assertThat(new QrScan(List.of(ACME), QrScan.Method.QR_AFTER_REPAIR,
        "photo of a screen: moiré reduced, sharpened", Optional.empty()).describe())
        .isEqualTo("QR code after repair (photo of a screen: moiré reduced, sharpened)");
    assertThat(new QrScan(List.of(ACME), QrScan.Method.SECOND_DECODER, "", Optional.empty()).describe())
        .isEqualTo("QR code read by the second decoder");
    assertThat(new QrScan(List.of(ACME), QrScan.Method.SECOND_DECODER, "photo of a screen: enlarged",
        Optional.empty()).describe())
        .isEqualTo("QR code read by the second decoder after repair (photo of a screen: enlarged)");
  }

  @Test
  void constructor_repairsThatContradictTheMethod_assertionError() {
    assertThatThrownBy(() -> new QrScan(List.of(ACME), QrScan.Method.QR, "enlarged", Optional.empty()))
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> new QrScan(List.of(ACME), QrScan.Method.QR_AFTER_REPAIR, "", Optional.empty()))
        .isInstanceOf(AssertionError.class);
    assertThatThrownBy(() -> new QrScan(List.of(), QrScan.Method.QR, "", Optional.empty()))
        .isInstanceOf(AssertionError.class);
  }

  @Test
  void scan_secondOfThreeExportParts_saysWhichPartAndToScanTheOthers() {
    List<String> parts = MigrationPayload.encode(accounts(25));
    assertThat(parts).hasSize(3);

    QrScan scan = AuthenticatorTexts.scan(List.of(parts.get(1)), QrScan.Method.QR, "");

    assertThat(scan.exportPart()).map(part -> part.index() + "/" + part.size()).contains("1/3");
    assertThat(scan.exportPart().orElseThrow()).hasToString("part 2 of 3");
    assertThat(scan.describe())
        .isEqualTo("QR code; part 2 of 3 of a Google Authenticator export; scan the other parts too");
    assertThat(scan.accounts()).hasSize(10);
    assertThat(scan).hasToString("QrScan[10 accounts, QR code; part 2 of 3 of a Google Authenticator export; scan the"
        + " other parts too]");
  }

  @Test
  void scan_wholeExportInOneCode_partOneOfOneAndNoAdvice() {
    QrScan scan = AuthenticatorTexts.scan(MigrationPayload.encode(accounts(2)), QrScan.Method.SECOND_DECODER, "");

    assertThat(scan.exportPart()).map(Object::toString).contains("part 1 of 1");
    assertThat(scan.describe()).isEqualTo("QR code read by the second decoder");
  }

  @Test
  void scan_otpauthUri_noExportPart() {
    QrScan scan = AuthenticatorTexts.scan(List.of(ACME.toUriString()), QrScan.Method.QR, "");

    assertThat(scan.exportPart()).isEmpty();
    assertThat(scan).hasToString("QrScan[1 account, QR code]");
  }

  @Test
  void scan_twoExportPartsInOnePicture_firstInReadingOrder() {
    List<String> parts = MigrationPayload.encode(accounts(15));

    QrScan scan = AuthenticatorTexts.scan(List.of(parts.get(1), parts.get(0)), QrScan.Method.QR, "");

    assertThat(scan.exportPart()).map(Object::toString).contains("part 2 of 2");
    assertThat(scan.accounts()).hasSize(15);
  }

  /** An export of one TOTP account whose batch fields are written as given, or left out when negative. */
  private static String export(int batchSize, int batchIndex) {
    ByteArrayOutputStream account = new ByteArrayOutputStream();
    account.writeBytes(new byte[] {0x0a, 10, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10});   // 1: secret, 10 bytes
    account.writeBytes(new byte[] {0x12, 1, 'a'});                           // 2: name "a"
    account.writeBytes(new byte[] {0x30, 2});                                // 6: type TOTP
    ByteArrayOutputStream payload = new ByteArrayOutputStream();
    payload.write(0x0a);
    payload.write(account.size());
    payload.writeBytes(account.toByteArray());
    payload.writeBytes(new byte[] {0x10, 1});                                // 2: version 1
    if (batchSize >= 0) {
      payload.writeBytes(new byte[] {0x18, (byte) batchSize});               // 3: batch size
    }
    if (batchIndex >= 0) {
      payload.writeBytes(new byte[] {0x20, (byte) batchIndex});              // 4: batch index
    }
    return "otpauth-migration://offline?data=" + Base64.getEncoder().encodeToString(payload.toByteArray());
  }

  @ParameterizedTest(name = "size {0}, index {1}")
  @CsvSource({"-1, -1", "0, 0", "2, 2", "3, 5", "-1, 0"})
  void exportPart_batchFieldsMissingOrInconsistent_empty(int size, int index) {
    assertThat(QrScan.ExportPart.of(MigrationPayload.parse(export(size, index)))).isEmpty();
  }

  @Test
  void exportPart_batchFieldsPresent_indexAndSize() {
    QrScan.ExportPart part = QrScan.ExportPart.of(MigrationPayload.parse(export(4, 3))).orElseThrow();

    assertThat(part.index()).isEqualTo(3);
    assertThat(part.size()).isEqualTo(4);
    assertThat(part).isEqualTo(QrScan.ExportPart.of(MigrationPayload.parse(export(4, 3))).orElseThrow())
        .hasSameHashCodeAs(QrScan.ExportPart.of(MigrationPayload.parse(export(4, 3))).orElseThrow())
        .isNotEqualTo(QrScan.ExportPart.of(MigrationPayload.parse(export(4, 2))).orElseThrow());
  }
}
