package io.totpkit.core;

/** Makes untrusted, non-secret text safe to quote in a message: printable ASCII only, and short. */
final class Printable {
  private Printable() {}

  /**
   * Returns {@code text} with every character outside printable ASCII replaced by {@code ?}, cut to {@code max}
   * characters with an ellipsis. Never call this with key material.
   */
  static String of(CharSequence text, int max) {
    StringBuilder out = new StringBuilder(Math.min(text.length(), max) + 1);
    for (int i = 0; i < text.length() && i < max; i++) {
      char c = text.charAt(i);
      out.append(c >= 0x20 && c < 0x7f ? c : '?');
    }
    if (text.length() > max) {
      out.append('…');
    }
    return out.toString();
  }
}
