package io.totpkit.ocr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.totpkit.testing.KnownSecret;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What an operator sees when Tesseract or its English model is missing: an {@link OcrException} that says what to
 * install, never JNA's stack trace; and where the model is looked for.
 */
class TesseractTest {
  @TempDir Path dir;

  @Test
  void load_libraryNotInstalled_saysWhatToInstallWithoutJna() {
    OcrException e = catchThrowableOfType(OcrException.class,
        () -> Tesseract.load("tesseract-not-installed", () -> Path.of("/nowhere")));

    assertThat(e.reason()).isEqualTo(OcrException.Reason.OCR_UNAVAILABLE);
    assertThat(e).hasMessageContaining("apt-get install libtesseract5 tesseract-ocr-eng").hasNoCause();
    assertThat(KnownSecret.fullText(e)).doesNotContain("com.sun.jna").doesNotContain("UnsatisfiedLinkError");
  }

  @Test
  void get_silencesLeptonica() {
    TesseractPresent.assume();
    Tesseract.get();
    com.sun.jna.Function severity = com.sun.jna.NativeLibrary.getInstance("tesseract").getFunction("setMsgSeverity");

    // setMsgSeverity returns the severity it replaces: L_SEVERITY_NONE (6), set when Tesseract was loaded.
    assertThat(severity.invokeInt(new Object[] {6})).isEqualTo(6);
  }

  @Test
  void load_modelNotInstalled_saysWhatToInstall() {
    TesseractPresent.assume();
    Map<String, String> environment = Map.of("TESSDATA_PREFIX", dir.toString());

    OcrException e = catchThrowableOfType(OcrException.class,
        () -> Tesseract.load("tesseract", () -> Tessdata.find(environment::get, List.of())));

    assertThat(e.reason()).isEqualTo(OcrException.Reason.OCR_UNAVAILABLE);
    assertThat(e).hasMessageContaining("eng.traineddata").hasMessageContaining("TESSDATA_PREFIX")
        .hasMessageContaining("apt-get install libtesseract5 tesseract-ocr-eng");
  }

  @Test
  void load_damagedModel_saysToReinstall() throws IOException {
    TesseractPresent.assume();
    Files.write(dir.resolve("eng.traineddata"), new byte[] {1, 2, 3, 4, 5, 6, 7, 8});

    OcrException e = catchThrowableOfType(OcrException.class, () -> Tesseract.load("tesseract", () -> dir));

    assertThat(e.reason()).isEqualTo(OcrException.Reason.OCR_UNAVAILABLE);
    assertThat(e).hasMessageContaining("damaged").hasMessageContaining("reinstall");
  }

  @Test
  void find_prefixNamingTheDirectory_isThatDirectory() throws IOException {
    Files.write(dir.resolve("eng.traineddata"), new byte[1]);

    assertThat(Tessdata.find(Map.of("TESSDATA_PREFIX", dir.toString())::get, List.of())).isEqualTo(dir);
  }

  @Test
  void find_prefixNamingItsParent_isTheTessdataSubdirectory() throws IOException {
    Path tessdata = Files.createDirectory(dir.resolve("tessdata"));
    Files.write(tessdata.resolve("eng.traineddata"), new byte[1]);

    assertThat(Tessdata.find(Map.of("TESSDATA_PREFIX", dir.toString())::get, List.of())).isEqualTo(tessdata);
  }

  @Test
  void find_noPrefix_searchesTheKnownPlacesInOrder() throws IOException {
    Path second = Files.createDirectory(dir.resolve("second"));
    Files.write(second.resolve("eng.traineddata"), new byte[1]);

    assertThat(Tessdata.find(Map.<String, String>of()::get,
        List.of(dir.resolve("first").toString(), second.toString()))).isEqualTo(second);
  }

  @Test
  void find_nowhere_namesThePlacesSearched() {
    OcrException e = catchThrowableOfType(OcrException.class,
        () -> Tessdata.find(Map.<String, String>of()::get, List.of(dir.toString())));

    assertThat(e.reason()).isEqualTo(OcrException.Reason.OCR_UNAVAILABLE);
    assertThat(e).hasMessageContaining(dir.toString()).hasMessageContaining("apt-get install");
  }

  @Test
  void find_debianPackageInstalled_isFoundWithoutPrefix() {
    TesseractPresent.assume();

    assertThat(Tessdata.find(Map.<String, String>of()::get, Tessdata.KNOWN).resolve("eng.traineddata"))
        .isRegularFile();
  }
}
