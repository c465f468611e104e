package io.totpkit.ocr;

import com.sun.jna.Library;
import com.sun.jna.Pointer;

/**
 * The functions of Tesseract's C API ({@code tesseract/capi.h}, stable since Tesseract 4.0) that this module calls,
 * bound by JNA to the system's {@code libtesseract.so.5}. Handles are opaque {@link Pointer}s that never leave
 * {@link Tesseract}, the one class that calls these functions.
 *
 * <p>Why not tess4j's {@code TessAPI}: creating any JNA proxy of that interface runs its static initializer, which runs
 * tess4j's library loader (it needs SLF4J and commons-io, sets the JVM-wide {@code jna.encoding} and
 * {@code jna.library.path} properties and copies resources into {@code java.io.tmpdir}); see the module README.
 *
 * <p>Strings returned as {@link Pointer} are allocated by Tesseract and must be freed with {@link #TessDeleteText};
 * strings returned as {@link String} belong to the iterator that returned them.
 */
interface TesseractLibrary extends Library {
  /** {@code TessOcrEngineMode.OEM_LSTM_ONLY}: the neural-network recognizer, the only one Debian's data holds. */
  int OEM_LSTM_ONLY = 1;
  /** {@code TessPageSegMode.PSM_SPARSE_TEXT}: find as much text as possible in no particular order. */
  int PSM_SPARSE_TEXT = 11;
  /** {@code TessPageSegMode.PSM_SINGLE_LINE}: treat the image as a single text line. */
  int PSM_SINGLE_LINE = 7;
  /** {@code TessPageSegMode.PSM_SINGLE_CHAR}: treat the image as a single character. */
  int PSM_SINGLE_CHAR = 10;
  /** {@code TessPageSegMode.PSM_RAW_LINE}: a single text line, without Tesseract's own layout steps. */
  int PSM_RAW_LINE = 13;
  /** {@code TessPageIteratorLevel.RIL_TEXTLINE}. */
  int RIL_TEXTLINE = 2;
  /** {@code TessPageIteratorLevel.RIL_WORD}. */
  int RIL_WORD = 3;
  /** {@code TessPageIteratorLevel.RIL_SYMBOL}. */
  int RIL_SYMBOL = 4;

  String TessVersion();

  void TessDeleteText(Pointer text);

  Pointer TessBaseAPICreate();

  void TessBaseAPIDelete(Pointer api);

  /**
   * Starts an engine with variables that can only be set at start-up ({@code load_system_dawg}...). The count is a
   * {@code size_t}, a Java {@code long} on the 64-bit Linux and macOS systems Tesseract 5 is packaged for.
   */
  int TessBaseAPIInit4(Pointer api, String dataPath, String language, int engineMode, Pointer configs,
      int configsSize, String[] names, String[] values, long count, int setOnlyNonDebugParams);

  int TessBaseAPISetVariable(Pointer api, String name, String value);

  void TessBaseAPISetPageSegMode(Pointer api, int mode);

  /** Tesseract copies the pixels, so the array JNA passes for the duration of the call is enough. */
  void TessBaseAPISetImage(Pointer api, byte[] pixels, int width, int height, int bytesPerPixel, int bytesPerLine);

  void TessBaseAPISetSourceResolution(Pointer api, int ppi);

  int TessBaseAPIRecognize(Pointer api, Pointer monitor);

  Pointer TessBaseAPIGetIterator(Pointer api);

  void TessBaseAPIClear(Pointer api);

  void TessBaseAPIEnd(Pointer api);

  void TessResultIteratorDelete(Pointer iterator);

  Pointer TessResultIteratorGetPageIterator(Pointer iterator);

  int TessResultIteratorNext(Pointer iterator, int level);

  Pointer TessResultIteratorGetUTF8Text(Pointer iterator, int level);

  float TessResultIteratorConfidence(Pointer iterator, int level);

  int TessResultIteratorWordIsFromDictionary(Pointer iterator);

  Pointer TessResultIteratorGetChoiceIterator(Pointer iterator);

  int TessPageIteratorIsAtBeginningOf(Pointer iterator, int level);

  int TessPageIteratorBoundingBox(Pointer iterator, int level, int[] left, int[] top, int[] right, int[] bottom);

  void TessChoiceIteratorDelete(Pointer choices);

  int TessChoiceIteratorNext(Pointer choices);

  String TessChoiceIteratorGetUTF8Text(Pointer choices);

  float TessChoiceIteratorConfidence(Pointer choices);
}
