package io.totpkit.vault;

import java.util.Collection;
import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** Validation and copying of tag sets and names. */
final class Tags {
  static final int MAX_LENGTH = 128;
  static final int MAX_TAGS = 64;

  private Tags() {}

  /** Returns a sorted, unmodifiable copy. */
  static Set<String> copy(Collection<String> tags) {
    return Collections.unmodifiableSet(new TreeSet<>(tags));
  }

  /** Validates caller-supplied tags and returns a sorted, unmodifiable copy. */
  static Set<String> checked(Collection<String> tags) {
    Objects.requireNonNull(tags, "tags");
    if (tags.size() > MAX_TAGS) {
      throw new IllegalArgumentException("at most " + MAX_TAGS + " tags are allowed, got " + tags.size());
    }
    for (String tag : tags) {
      checkText(tag, "tag");
    }
    return copy(tags);
  }

  /** Checks a tag or member name: 1 to 128 characters, no control characters, not blank. */
  static String checkText(String text, String what) {
    return checkText(text, what, MAX_LENGTH);
  }

  /** Checks a text kept in the vault: 1 to {@code maxLength} characters, no control characters, not blank. */
  static String checkText(String text, String what, int maxLength) {
    Objects.requireNonNull(text, what);
    if (text.isBlank() || text.length() > maxLength) {
      throw new IllegalArgumentException(what + " must be 1 to " + maxLength + " characters and not blank, was "
          + text.length() + " characters");
    }
    for (int i = 0; i < text.length(); i++) {
      if (Character.isISOControl(text.charAt(i))) {
        throw new IllegalArgumentException(what + " must not contain control characters (found one at index " + i
            + ")");
      }
    }
    return text;
  }
}
