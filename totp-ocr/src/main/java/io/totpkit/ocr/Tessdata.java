package io.totpkit.ocr;

import io.totpkit.ocr.OcrException.Reason;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Finds the directory that holds Tesseract's English model, {@code eng.traineddata}: the directory the environment
 * variable {@code TESSDATA_PREFIX} names (or its {@code tessdata} subdirectory, the meaning it had before Tesseract
 * 4), then where Debian and Ubuntu install it, then where other systems do.
 */
final class Tessdata {
  /** The one command that installs everything this module needs, for every message that says what is missing. */
  static final String INSTALL = "apt-get install libtesseract5 tesseract-ocr-eng";

  static final String MODEL = "eng.traineddata";

  /** Debian 12 and Ubuntu 22.04+ (tesseract-ocr-eng), then Debian 11, Fedora and Arch, /usr/local, Homebrew. */
  static final List<String> KNOWN = List.of("/usr/share/tesseract-ocr/5/tessdata",
      "/usr/share/tesseract-ocr/4.00/tessdata", "/usr/share/tessdata", "/usr/local/share/tessdata",
      "/opt/homebrew/share/tessdata");

  private Tessdata() {}

  /**
   * Returns the directory holding {@value #MODEL}.
   *
   * @param environment looks up an environment variable ({@code System::getenv} outside tests)
   * @param known the directories searched after {@code TESSDATA_PREFIX} ({@link #KNOWN} outside tests)
   * @throws OcrException with {@link Reason#OCR_UNAVAILABLE} naming the places searched and what to install
   */
  static Path find(UnaryOperator<String> environment, List<String> known) {
    List<Path> searched = new ArrayList<>();
    String prefix = environment.apply("TESSDATA_PREFIX");
    if (prefix != null && !prefix.isBlank()) {
      try {
        Path named = Path.of(prefix.strip());
        for (Path candidate : List.of(named, named.resolve("tessdata"))) {
          searched.add(candidate);
          if (holdsModel(candidate)) {
            return candidate;
          }
        }
      } catch (InvalidPathException e) {
        // Not a path on this system: say so below with the rest, by its name.
      }
    }
    for (String directory : known) {
      Path candidate = Path.of(directory);
      searched.add(candidate);
      if (holdsModel(candidate)) {
        return candidate;
      }
    }
    throw new OcrException(Reason.OCR_UNAVAILABLE, "Tesseract's English model " + MODEL + " was not found"
        + (prefix == null || prefix.isBlank() ? "" : " where TESSDATA_PREFIX points")
        + " (searched " + searched + "); install it with: " + INSTALL
        + ", or point TESSDATA_PREFIX at the directory that holds " + MODEL);
  }

  private static boolean holdsModel(Path directory) {
    return Optional.of(directory.resolve(MODEL)).filter(Files::isRegularFile).filter(Files::isReadable).isPresent();
  }
}
