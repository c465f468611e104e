package io.totpkit.ocr;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;

/**
 * Cuts a line of dark text on a light background into its characters, each on its own with the ink of its neighbours
 * removed, so that Tesseract can read it without the characters around it. Tesseract's own character boxes for a
 * line are approximate, and a sliver of a neighbour is enough to change a reading.
 *
 * <p>Characters are the connected blobs of ink (a dot over an i and the pieces of a broken stroke joined to the blob
 * they stand on), cut into the groups Tesseract read at the widest gaps; within a group, blobs that hold two touching
 * characters are split at their faintest column until the group has as many blobs as characters.
 */
final class GlyphCutter {
  private GlyphCutter() {}

  /** A character's ink: the labels of its blobs and the columns it spans. */
  private static final class Blob {
    final List<Integer> labels = new ArrayList<>();
    int left;
    int right;   // exclusive

    Blob(int label, int left, int right) {
      labels.add(label);
      this.left = left;
      this.right = right;
    }

    int width() {
      return right - left;
    }
  }

  /**
   * Returns each character of a line read as groups of the given sizes, cut out on white.
   *
   * @return one image per character, {@code null} for the characters of a group that does not split into as many
   *     blobs as it has characters (all of them when the gaps between the groups are unclear)
   */
  static List<GreyImage> cut(GreyImage line, List<Integer> groupSizes) {
    int total = groupSizes.stream().mapToInt(Integer::intValue).sum();
    List<GreyImage> characters = new ArrayList<>(Collections.nCopies(total, (GreyImage) null));
    int threshold = otsu(line);
    int[] labels = new int[line.pixels.length];
    List<int[]> boxes = label(line, threshold, labels);
    List<Blob> blobs = blobs(boxes);
    List<List<Blob>> groups = groups(blobs, groupSizes.size());
    if (groups == null) {
      return characters;
    }
    int at = 0;
    for (int g = 0; g < groups.size(); g++) {
      List<Blob> group = split(groups.get(g), line, labels, groupSizes.get(g));
      for (int c = 0; group != null && c < group.size(); c++) {
        characters.set(at + c, image(line, labels, group.get(c)));
      }
      at += groupSizes.get(g);
    }
    return characters;
  }

  /**
   * Labels the 8-connected blobs of pixels darker than {@code threshold} (label 0 is background) and returns each
   * label's box: left, top, right (exclusive), bottom (exclusive), area; index 0 is unused.
   */
  private static List<int[]> label(GreyImage line, int threshold, int[] labels) {
    List<int[]> boxes = new ArrayList<>();
    boxes.add(null);
    int width = line.width;
    int[] stack = new int[line.pixels.length];
    for (int start = 0; start < line.pixels.length; start++) {
      if (labels[start] != 0 || (line.pixels[start] & 0xff) >= threshold) {
        continue;
      }
      int label = boxes.size();
      int[] box = {start % width, start / width, start % width + 1, start / width + 1, 0};
      boxes.add(box);
      int size = 0;
      stack[size++] = start;
      labels[start] = label;
      while (size > 0) {
        int at = stack[--size];
        int x = at % width;
        int y = at / width;
        box[0] = Math.min(box[0], x);
        box[1] = Math.min(box[1], y);
        box[2] = Math.max(box[2], x + 1);
        box[3] = Math.max(box[3], y + 1);
        box[4]++;
        for (int dy = -1; dy <= 1; dy++) {
          for (int dx = -1; dx <= 1; dx++) {
            int nx = x + dx;
            int ny = y + dy;
            if (nx >= 0 && ny >= 0 && nx < width && ny < line.height) {
              int next = ny * width + nx;
              if (labels[next] == 0 && (line.pixels[next] & 0xff) < threshold) {
                labels[next] = label;
                stack[size++] = next;
              }
            }
          }
        }
      }
    }
    return boxes;
  }

  /** Drops specks, then joins each blob to one it stands above or below (a dot, a broken stroke). */
  private static List<Blob> blobs(List<int[]> boxes) {
    int tallest = 0;
    for (int label = 1; label < boxes.size(); label++) {
      tallest = Math.max(tallest, boxes.get(label)[3] - boxes.get(label)[1]);
    }
    int speck = Math.max(3, tallest * tallest / 100);
    List<Blob> blobs = new ArrayList<>();
    for (int label = 1; label < boxes.size(); label++) {
      int[] box = boxes.get(label);
      if (box[4] >= speck) {
        blobs.add(new Blob(label, box[0], box[2]));
      }
    }
    blobs.sort(Comparator.comparingInt((Blob blob) -> blob.left));
    List<Blob> joined = new ArrayList<>();
    for (Blob blob : blobs) {
      Blob last = joined.isEmpty() ? null : joined.get(joined.size() - 1);
      int overlap = last == null ? 0 : Math.min(last.right, blob.right) - Math.max(last.left, blob.left);
      if (last != null && overlap * 2 >= Math.min(last.width(), blob.width())) {
        last.labels.addAll(blob.labels);
        last.left = Math.min(last.left, blob.left);
        last.right = Math.max(last.right, blob.right);
      } else {
        joined.add(blob);
      }
    }
    return joined;
  }

  /**
   * The blobs cut into {@code count} groups at the widest gaps, or {@code null} when those are not clearly wider, or
   * when there are no groups (Tesseract may read no character at all in a line it read before).
   */
  private static List<List<Blob>> groups(List<Blob> blobs, int count) {
    if (count == 0 || blobs.size() < count || blobs.isEmpty()) {
      return null;
    }
    List<Integer> gaps = new ArrayList<>();
    for (int i = 1; i < blobs.size(); i++) {
      gaps.add(blobs.get(i).left - blobs.get(i - 1).right);
    }
    List<Integer> sorted = new ArrayList<>(gaps);
    sorted.sort(Comparator.reverseOrder());
    int cut = count > 1 ? sorted.get(count - 2) : Integer.MAX_VALUE;
    int widestInside = count - 1 < sorted.size() ? sorted.get(count - 1) : 0;
    if (count > 1 && cut * 2 < widestInside * 3) {
      return null;   // the spaces between groups are not clearly wider than those between characters
    }
    List<List<Blob>> groups = new ArrayList<>();
    groups.add(new ArrayList<>(List.of(blobs.get(0))));
    for (int i = 1; i < blobs.size(); i++) {
      if (gaps.get(i - 1) >= cut && groups.size() < count) {
        groups.add(new ArrayList<>());
      }
      groups.get(groups.size() - 1).add(blobs.get(i));
    }
    return groups;
  }

  /** Splits the widest blobs at their faintest column until there are {@code count}; {@code null} if impossible. */
  private static List<Blob> split(List<Blob> group, GreyImage line, int[] labels, int count) {
    List<Blob> blobs = new ArrayList<>(group);
    while (blobs.size() < count) {
      int widest = 0;
      for (int i = 1; i < blobs.size(); i++) {
        widest = blobs.get(i).width() > blobs.get(widest).width() ? i : widest;
      }
      Blob blob = blobs.get(widest);
      if (blob.width() < 4) {
        return null;
      }
      int cut = blob.left + blob.width() / 3;
      int faintest = Integer.MAX_VALUE;
      for (int x = blob.left + blob.width() / 3; x < blob.left + blob.width() * 2 / 3; x++) {
        int ink = 0;
        for (int y = 0; y < line.height; y++) {
          ink += blob.labels.contains(labels[y * line.width + x]) ? 1 : 0;
        }
        if (ink < faintest) {
          faintest = ink;
          cut = x;
        }
      }
      Blob left = new Blob(blob.labels.get(0), blob.left, cut);
      Blob right = new Blob(blob.labels.get(0), cut, blob.right);
      left.labels.addAll(blob.labels.subList(1, blob.labels.size()));
      right.labels.addAll(blob.labels.subList(1, blob.labels.size()));
      blobs.set(widest, left);
      blobs.add(widest + 1, right);
    }
    return blobs.size() == count ? blobs : null;
  }

  /** The blob's columns of the line, with every other blob's ink turned white. */
  private static GreyImage image(GreyImage line, int[] labels, Blob blob) {
    int left = Math.max(0, blob.left - 1);
    int right = Math.min(line.width, blob.right + 1);
    byte[] out = new byte[(right - left) * line.height];
    for (int y = 0; y < line.height; y++) {
      for (int x = left; x < right; x++) {
        int label = labels[y * line.width + x];
        boolean foreign = label != 0 && !blob.labels.contains(label) || x < blob.left || x >= blob.right;
        out[y * (right - left) + x - left] = foreign && label != 0 ? (byte) 0xff : line.pixels[y * line.width + x];
      }
    }
    return new GreyImage(out, right - left, line.height);
  }

  /**
   * Whether a cut-out character is a plain vertical bar: its ink at most a quarter as wide as it is tall and filling
   * at least four fifths of its box.
   */
  static boolean isBar(GreyImage character) {
    int threshold = otsu(character);
    int left = Integer.MAX_VALUE;
    int right = -1;
    int top = Integer.MAX_VALUE;
    int bottom = -1;
    int ink = 0;
    for (int y = 0; y < character.height; y++) {
      for (int x = 0; x < character.width; x++) {
        if (character.at(x, y) < threshold) {
          left = Math.min(left, x);
          right = Math.max(right, x);
          top = Math.min(top, y);
          bottom = Math.max(bottom, y);
          ink++;
        }
      }
    }
    int width = right - left + 1;
    int height = bottom - top + 1;
    return ink > 0 && width * 4 <= height && ink * 5 >= width * height * 4;
  }

  /** Otsu's threshold: the grey level that best separates ink from background. */
  static int otsu(GreyImage image) {
    int[] histogram = new int[256];
    for (byte pixel : image.pixels) {
      histogram[pixel & 0xff]++;
    }
    long total = image.pixels.length;
    long sum = 0;
    for (int level = 0; level < 256; level++) {
      sum += (long) level * histogram[level];
    }
    long sumBelow = 0;
    long below = 0;
    double best = -1;
    int threshold = 128;
    for (int level = 0; level < 256; level++) {
      below += histogram[level];
      if (below == 0 || below == total) {
        continue;
      }
      sumBelow += (long) level * histogram[level];
      double meanBelow = (double) sumBelow / below;
      double meanAbove = (double) (sum - sumBelow) / (total - below);
      double between = (double) below * (total - below) * (meanBelow - meanAbove) * (meanBelow - meanAbove);
      if (between > best) {
        best = between;
        threshold = level + 1;
      }
    }
    return threshold;
  }
}
