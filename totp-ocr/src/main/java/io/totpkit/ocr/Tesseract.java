package io.totpkit.ocr;

import com.sun.jna.Function;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Pointer;
import io.totpkit.ocr.OcrException.Reason;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The system's Tesseract, loaded once: the only class that calls {@link TesseractLibrary}. It runs the two kinds of
 * recognition the reader needs — every line of a picture, and one line with a character whitelist, character by
 * character with alternatives — on engines it keeps for reuse, since starting one loads the model (about 100 ms).
 *
 * <p>Thread-safety: safe for concurrent use; each call borrows an engine no other thread holds.
 */
final class Tesseract {
  private static final String LIBRARY = "tesseract";
  /** Engines kept between calls; more are made under concurrency and ended when returned to a full pool. */
  private static final int MAX_IDLE = Math.max(2, Runtime.getRuntime().availableProcessors());
  /** The resolution Tesseract is told: phone text of 25 to 60 pixels reads as 6 to 14 point print at this value. */
  private static final int PPI = 300;
  private static final Pattern VERSION = Pattern.compile("(\\d+)\\.(\\d+)");

  /** Leptonica's {@code L_SEVERITY_NONE}: no message of any severity is printed. */
  private static final int LEPTONICA_SILENT = 6;

  private static volatile Tesseract shared;

  private final TesseractLibrary api;
  private final String dataPath;
  /** libgomp's {@code omp_set_dynamic} when Tesseract was built with OpenMP (Debian's is), otherwise {@code null}. */
  private final Function openMpDynamic;
  /** Idle engines with Tesseract's English word lists, for the first pass (which asks whether a word is English). */
  private final ConcurrentLinkedQueue<Pointer> pages = new ConcurrentLinkedQueue<>();
  /** Idle engines without word lists, for reading keys. */
  private final ConcurrentLinkedQueue<Pointer> keys = new ConcurrentLinkedQueue<>();

  private Tesseract(TesseractLibrary api, String dataPath, Function openMpDynamic) {
    this.api = api;
    this.dataPath = dataPath;
    this.openMpDynamic = openMpDynamic;
  }

  /**
   * Returns the system's Tesseract, loading it on first use; a failed load is tried again on the next call, so that
   * installing the packages needs no restart.
   *
   * @throws OcrException with {@link Reason#OCR_UNAVAILABLE} saying what to install
   */
  static Tesseract get() {
    Tesseract loaded = shared;
    if (loaded == null) {
      synchronized (Tesseract.class) {
        loaded = shared;
        if (loaded == null) {
          loaded = load(LIBRARY, () -> Tessdata.find(System::getenv, Tessdata.KNOWN));
          shared = loaded;
        }
      }
    }
    return loaded;
  }

  /**
   * Loads {@code library} and checks that an engine starts with the English model in the directory {@code tessdata}
   * names.
   *
   * @throws OcrException with {@link Reason#OCR_UNAVAILABLE} saying what to install
   */
  static Tesseract load(String library, Supplier<Path> tessdata) {
    TesseractLibrary api;
    String version;
    try {
      api = Native.load(library, TesseractLibrary.class);
      version = api.TessVersion();
    } catch (LinkageError e) {
      // Not chained: JNA's message lists every path it tried, and the operator needs the package name, not that.
      throw new OcrException(Reason.OCR_UNAVAILABLE, "Tesseract OCR is not installed: the library lib" + library
          + ".so.5 could not be loaded; install it with: " + Tessdata.INSTALL);
    }
    Matcher number = VERSION.matcher(version == null ? "" : version);
    if (!number.lookingAt() || Integer.parseInt(number.group(1)) * 100 + Integer.parseInt(number.group(2)) < 401) {
      throw new OcrException(Reason.OCR_UNAVAILABLE, "Tesseract " + version + " is too old: reading a key needs"
          + " Tesseract 4.1 or later (character whitelists with the LSTM engine); install it with: "
          + Tessdata.INSTALL);
    }
    Path data = tessdata.get();
    silenceLeptonica(library);
    Tesseract tesseract = new Tesseract(api, data.toString(), openMpDynamic(library));
    tesseract.pages.add(tesseract.start(true));
    return tesseract;
  }

  /**
   * Tells Leptonica, the image library under Tesseract, to print nothing: it writes its own diagnostics to standard
   * error ("Error in boxClipToRectangle: box outside rectangle" on some pictures), which would reach the {@code totp}
   * tool's terminal and the server's log raw. {@code setMsgSeverity} is process-wide; nothing else here uses Leptonica.
   */
  private static void silenceLeptonica(String library) {
    try {
      // Found through libtesseract's handle, which also searches the libraries it depends on (liblept).
      NativeLibrary.getInstance(library).getFunction("setMsgSeverity").invokeInt(new Object[] {LEPTONICA_SILENT});
    } catch (UnsatisfiedLinkError notFound) {
      // A Leptonica built without console output has no such function, and prints nothing anyway.
    }
  }

  private static Function openMpDynamic(String library) {
    try {
      // Looked up through libtesseract's handle, which also searches the libraries it depends on (libgomp).
      return NativeLibrary.getInstance(library).getFunction("omp_set_dynamic");
    } catch (UnsatisfiedLinkError notBuiltWithOpenMp) {
      return null;
    }
  }

  private Pointer start(boolean dictionary) {
    Pointer engine = api.TessBaseAPICreate();
    if (engine == null) {
      throw new OutOfMemoryError("Tesseract could not allocate an engine");
    }
    List<String> names = new ArrayList<>();
    List<String> values = new ArrayList<>();
    if (Files.exists(Path.of("/dev/null"))) {
      // Tesseract prints warnings and diagnostics to standard error unless told where: nothing of it is for users.
      names.add("debug_file");
      values.add("/dev/null");
    }
    if (!dictionary) {
      // A key is no English: the word lists would pull readings towards words (and letters over digits).
      for (String list : List.of("load_system_dawg", "load_freq_dawg", "load_punc_dawg", "load_number_dawg",
          "load_unambig_dawg", "load_bigram_dawg")) {
        names.add(list);
        values.add("0");
      }
    }
    if (api.TessBaseAPIInit4(engine, dataPath, "eng", TesseractLibrary.OEM_LSTM_ONLY, null, 0,
        names.toArray(String[]::new), values.toArray(String[]::new), names.size(), 0) != 0) {
      api.TessBaseAPIDelete(engine);
      throw new OcrException(Reason.OCR_UNAVAILABLE, "Tesseract could not load its English model from " + dataPath
          + " (the file " + Tessdata.MODEL + " is damaged or from an incompatible version); reinstall it with: "
          + Tessdata.INSTALL);
    }
    return engine;
  }

  private Pointer borrow(boolean dictionary) {
    Pointer engine = (dictionary ? pages : keys).poll();
    return engine != null ? engine : start(dictionary);
  }

  private void release(Pointer engine, boolean dictionary) {
    api.TessBaseAPIClear(engine);
    ConcurrentLinkedQueue<Pointer> idle = dictionary ? pages : keys;
    if (idle.size() < MAX_IDLE) {
      idle.add(engine);
    } else {
      api.TessBaseAPIEnd(engine);
      api.TessBaseAPIDelete(engine);
    }
  }

  /**
   * Recognizes every line of text in the picture, without a whitelist, for finding the line that holds the key.
   *
   * @return the lines in reading order, each with its words
   */
  List<TextLine> lines(GreyImage image) {
    Pointer engine = borrow(true);
    try {
      List<TextLine> lines = new ArrayList<>();
      Pointer results = recognize(engine, image, TesseractLibrary.PSM_SPARSE_TEXT, "");
      if (results == null) {
        return lines;
      }
      try {
        Pointer page = api.TessResultIteratorGetPageIterator(results);
        int[][] box = new int[4][1];
        List<TextLine.Word> words = new ArrayList<>();
        int[] line = null;
        do {
          if (api.TessPageIteratorIsAtBeginningOf(page, TesseractLibrary.RIL_TEXTLINE) != 0) {
            if (line != null && !words.isEmpty()) {
              lines.add(new TextLine(line[0], line[1], line[2], line[3], words));
            }
            words.clear();
            line = api.TessPageIteratorBoundingBox(page, TesseractLibrary.RIL_TEXTLINE, box[0], box[1], box[2],
                box[3]) != 0 ? new int[] {box[0][0], box[1][0], box[2][0], box[3][0]} : null;
          }
          String text = text(results, TesseractLibrary.RIL_WORD);
          if (line != null && text != null && !text.isBlank() && api.TessPageIteratorBoundingBox(page,
              TesseractLibrary.RIL_WORD, box[0], box[1], box[2], box[3]) != 0) {
            words.add(new TextLine.Word(text.strip(), api.TessResultIteratorWordIsFromDictionary(results) != 0,
                box[0][0], box[1][0], box[2][0], box[3][0]));
          }
        } while (api.TessResultIteratorNext(results, TesseractLibrary.RIL_WORD) != 0);
        if (line != null && !words.isEmpty()) {
          lines.add(new TextLine(line[0], line[1], line[2], line[3], words));
        }
        return lines;
      } finally {
        api.TessResultIteratorDelete(results);
      }
    } finally {
      release(engine, true);
    }
  }

  /**
   * Recognizes one line of text character by character, restricted to the characters of {@code whitelist}.
   *
   * @return the characters in reading order, each with its confidence and alternatives
   */
  List<Glyph> glyphs(GreyImage line, String whitelist) {
    return glyphs(line, whitelist, TesseractLibrary.PSM_SINGLE_LINE);
  }

  /**
   * Recognizes a single character on its own, away from the characters around it, whose shapes sway the reading of
   * a line (a bold serif 5 among capitals reads as S).
   *
   * @return the character, or {@code null} when Tesseract sees none
   */
  Glyph character(GreyImage character, String whitelist) {
    // First in single-character mode, then as a raw line when that finds nothing: raw-line mode reads more glyphs
    // but misreads twice as many (G as 6, H as 4). It may read a wide glyph twice (SS): that is one character.
    for (int mode : new int[] {TesseractLibrary.PSM_SINGLE_CHAR, TesseractLibrary.PSM_RAW_LINE}) {
      List<Glyph> glyphs = glyphs(character, whitelist, mode);
      if (!glyphs.isEmpty() && glyphs.stream().allMatch(glyph -> glyph.best == glyphs.get(0).best)) {
        return glyphs.get(0);
      }
    }
    return null;   // nothing read, or two different characters in one glyph: no opinion
  }

  private List<Glyph> glyphs(GreyImage line, String whitelist, int pageSegmentation) {
    Pointer engine = borrow(false);
    try {
      List<Glyph> glyphs = new ArrayList<>();
      Pointer results = recognize(engine, line, pageSegmentation, whitelist);
      if (results == null) {
        return glyphs;
      }
      try {
        Pointer page = api.TessResultIteratorGetPageIterator(results);
        do {
          String text = text(results, TesseractLibrary.RIL_SYMBOL);
          if (text == null || text.strip().length() != 1) {
            continue;   // the whitelist allows single characters only; anything else is not a glyph of a key
          }
          char best = text.strip().charAt(0);
          glyphs.add(new Glyph(best, api.TessResultIteratorConfidence(results, TesseractLibrary.RIL_SYMBOL),
              choices(results, best), api.TessPageIteratorIsAtBeginningOf(page, TesseractLibrary.RIL_WORD) != 0));
        } while (api.TessResultIteratorNext(results, TesseractLibrary.RIL_SYMBOL) != 0);
        return glyphs;
      } finally {
        api.TessResultIteratorDelete(results);
      }
    } finally {
      release(engine, false);
    }
  }

  /** Recognizes the image; returns the result iterator, which the caller deletes, or {@code null} for no text. */
  private Pointer recognize(Pointer engine, GreyImage image, int pageSegmentation, String whitelist) {
    if (openMpDynamic != null) {
      // Tesseract's LSTM asks OpenMP for 4 to 10 threads per layer and step; on a machine whose cores are busy,
      // spinning threads made recognition five times slower here. Dynamic mode lets libgomp use fewer when the
      // cores are loaded. It applies to the calling thread only, which is the thread that recognizes next.
      openMpDynamic.invokeVoid(new Object[] {1});
    }
    api.TessBaseAPISetPageSegMode(engine, pageSegmentation);
    api.TessBaseAPISetVariable(engine, "tessedit_char_whitelist", whitelist);
    // Pictures are turned dark-on-light before they get here; trying each doubtful line inverted too would double
    // the time spent on the noise OCR makes of a QR code.
    api.TessBaseAPISetVariable(engine, "tessedit_do_invert", "0");
    // Alternatives for each character, taken from the LSTM's outputs at the character's time steps.
    api.TessBaseAPISetVariable(engine, "lstm_choice_mode", whitelist.isEmpty() ? "0" : "2");
    api.TessBaseAPISetImage(engine, image.pixels, image.width, image.height, 1, image.width);
    api.TessBaseAPISetSourceResolution(engine, PPI);
    // A failure (an image Tesseract finds nothing to segment in) reads as no text at all.
    return api.TessBaseAPIRecognize(engine, null) == 0 ? api.TessBaseAPIGetIterator(engine) : null;
  }

  private String text(Pointer results, int level) {
    Pointer text = api.TessResultIteratorGetUTF8Text(results, level);
    if (text == null) {
      return null;
    }
    try {
      return text.getString(0, "UTF-8");
    } finally {
      api.TessDeleteText(text);
    }
  }

  private List<Glyph.Choice> choices(Pointer results, char best) {
    List<Glyph.Choice> choices = new ArrayList<>();
    Pointer iterator = api.TessResultIteratorGetChoiceIterator(results);
    if (iterator == null) {
      return choices;
    }
    try {
      do {
        String text = api.TessChoiceIteratorGetUTF8Text(iterator);
        if (text != null && text.length() == 1 && text.charAt(0) != best) {
          choices.add(new Glyph.Choice(text.charAt(0), api.TessChoiceIteratorConfidence(iterator)));
        }
      } while (api.TessChoiceIteratorNext(iterator) != 0);
    } finally {
      api.TessChoiceIteratorDelete(iterator);
    }
    return choices;
  }
}
