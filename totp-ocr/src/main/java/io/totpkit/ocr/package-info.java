/**
 * Reads the setup key printed under the QR code of a setup screen, through the system's Tesseract. Start with
 * {@link io.totpkit.ocr.PrintedKeys}; a reading is a {@link io.totpkit.ocr.PrintedKey} that says whether it is certain
 * and what its doubtful characters may be; failures are {@link io.totpkit.ocr.OcrException}s with a
 * {@link io.totpkit.ocr.OcrException.Reason}.
 *
 * <h2>Decisions</h2>
 * <ul>
 *   <li>Tesseract is called through its C API with JNA, one package-private class binding the few functions used;
 *       tess4j is not used (its API interface loads the library through its own loader, which sets JVM-wide
 *       properties and needs logging and I/O libraries): see the module README.</li>
 *   <li>A first OCR pass over the whole picture finds the lines that look like a Base32 key; only those are read
 *       again, cropped from the full-resolution picture and enlarged, with the Base32 whitelist: at two sizes, and each
 *       character alone.</li>
 *   <li>Tesseract's confidence is not trusted on its own: reading a line, its network leans on the neighbours of
 *       each character and is sometimes wrong with 99 % confidence (a bold serif 5 among capitals reads as S). A
 *       character is certain only when independent readings agree on it.</li>
 *   <li>A key is never returned silently when a character is in doubt: {@link io.totpkit.ocr.PrintedKey#certain()}
 *       is {@code false}, the doubtful positions and their alternatives are listed, and at most 64 candidate keys can
 *       be tried against a code the platform accepts.</li>
 * </ul>
 *
 * <p>Scope: keys in Base32, in groups of four or in one run, in capitals or in small letters, on one line or wrapped
 * over several; pictures the JDK's ImageIO reads. Screens in other scripts, handwriting and keys in other encodings
 * (hex) are not read.
 */
package io.totpkit.ocr;
