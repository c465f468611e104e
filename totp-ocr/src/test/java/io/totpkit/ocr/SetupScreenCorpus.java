package io.totpkit.ocr;

import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The pictures the reading tests use, the same on every run: 32 setup screens — every key length in use (16, 26, 32,
 * 52) in every printing style, light and dark, over six phone sizes and six fonts, half of the keys dense in look-alike
 * characters — each clean, and once more damaged as a messenger would: recompressed as JPEG of quality 70, or scaled
 * to 720 pixels wide.
 */
final class SetupScreenCorpus {
  static final int[] LENGTHS = {16, 26, 32, 52};
  static final int[][] SIZES = {{1080, 2340}, {720, 1560}, {1170, 2532}, {1440, 3120}, {828, 1792}, {750, 1334}};
  static final String[] FONTS = {"DejaVu Sans", "Liberation Sans", "DejaVu Sans Mono", "Liberation Mono",
      "DejaVu Serif", "Liberation Sans Narrow"};

  /** One picture of the corpus and what it must read as. */
  static final class Picture {
    final SetupScreens.Spec spec;
    /** "clean", "JPEG 70" or "720 wide". */
    final String damage;
    final BufferedImage image;

    Picture(SetupScreens.Spec spec, String damage, BufferedImage image) {
      this.spec = spec;
      this.damage = damage;
      this.image = image;
    }

    String key() {
      return spec.key;
    }

    @Override
    public String toString() {
      return spec + ", " + damage;
    }
  }

  private SetupScreenCorpus() {}

  /** The screens, {@code count} of them (a multiple of 32 covers every combination evenly). */
  static List<SetupScreens.Spec> screens(int count, long seed) {
    Random random = new Random(seed);
    SetupScreens.Style[] styles = SetupScreens.Style.values();
    List<SetupScreens.Spec> screens = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int[] size = SIZES[i % SIZES.length];
      boolean confusable = (i / 4 + i) % 2 == 1;
      String key = SetupScreens.key(random, LENGTHS[i % 4], confusable);
      screens.add(new SetupScreens.Spec(size[0], size[1], i / 16 % 2 == 1, FONTS[(i / 2 + i) % FONTS.length],
          styles[i / 4 % styles.length], key, random.nextLong()));
    }
    return screens;
  }

  /** Each screen clean, then each again damaged: JPEG 70 for even ones, 720 wide for odd ones wider than that. */
  static List<Picture> pictures(int screens, long seed) {
    List<Picture> pictures = new ArrayList<>();
    List<Picture> damaged = new ArrayList<>();
    List<SetupScreens.Spec> specs = screens(screens, seed);
    for (int i = 0; i < specs.size(); i++) {
      SetupScreens.Spec spec = specs.get(i);
      BufferedImage clean = SetupScreens.draw(spec);
      pictures.add(new Picture(spec, "clean", clean));
      damaged.add(i % 2 == 1 && spec.width > 720
          ? new Picture(spec, "720 wide", SetupScreens.resized(clean, 720))
          : new Picture(spec, "JPEG 70", SetupScreens.jpeg(clean, 0.7f)));
    }
    pictures.addAll(damaged);
    return pictures;
  }
}
