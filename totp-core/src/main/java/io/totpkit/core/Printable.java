package io.totpkit.core;

/** Makes untrusted, non-secret text safe to quote in a message: printable ASCII only, and short. */
final class Printable {
  /** Values up to this length are quoted; longer ones are only described. */
  private static final int MAX_QUOTED = 7;

  private Printable() {}

  /**
   * Quotes a short value for a message, and only describes a long one: when a {@code '&'} is lost, the text of the
   * next parameter (perhaps the secret) runs on into this value, and the message must not show a key.
   */
  static String quote(String value) {
    return value.length() <= MAX_QUOTED ? "'" + of(value, MAX_QUOTED) + "'"
        : "a " + value.length() + "-character value";
  }

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
