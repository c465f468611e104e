package io.totpkit.qr;

import java.util.ArrayList;
import java.util.List;

/**
 * What one rung of the decoding ladder read: the codes in reading order, which method read them and after which
 * repairs ({@link QrScan#describe()}'s phrase, empty when the picture was read as it came).
 */
final class Decoded {
  /** Nothing read. */
  static final Decoded NOTHING = new Decoded(List.of(), QrScan.Method.QR, "");

  final List<QrScanner.Found> found;
  final QrScan.Method method;
  final String repairs;

  private Decoded(List<QrScanner.Found> found, QrScan.Method method, String repairs) {
    this.found = List.copyOf(found);
    this.method = method;
    this.repairs = repairs;
  }

  /** The codes {@code found} (in reading order already) read by {@code method} after {@code repairs}. */
  static Decoded of(List<QrScanner.Found> found, QrScan.Method method, String repairs) {
    return found.isEmpty() ? NOTHING : new Decoded(found, method, repairs);
  }

  boolean isEmpty() {
    return found.isEmpty();
  }

  /** The codes' texts, in reading order; they may contain secrets. */
  List<String> texts() {
    List<String> texts = new ArrayList<>(found.size());
    for (QrScanner.Found code : found) {
      texts.add(code.text);
    }
    return texts;
  }
}
