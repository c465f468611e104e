package io.totpkit.qr;

import io.totpkit.core.OtpAuthUri;
import io.totpkit.core.Secret;
import java.awt.image.BufferedImage;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Generates screenshots and photos the way they reach the agency and counts how many decode. Each case uses its own
 * seed, so that a failure can be reproduced; module sizes run from 3 to 8 pixels and the code sits anywhere on the
 * screen. The counts and the slowest decode of each case are printed for the module's report.
 */
class RobustnessTest {
  static final int[][] PHONES = {{1080, 2340}, {1440, 3200}};

  static String uri(Random random, int index) {
    byte[] key = new byte[20];
    random.nextBytes(key);
    return OtpAuthUri.totp(Secret.fromBytes(key)).issuer("TikTok").account("brand" + index).build().toUriString();
  }

  static DecodeTally.Attempt attempt(java.util.function.Supplier<List<String>> decode, List<String> expected) {
    return new DecodeTally.Attempt() {
      @Override
      public List<String> decode() {
        return decode.get();
      }

      @Override
      public List<String> expected() {
        return expected;
      }
    };
  }

  private static void screenshots(String name, long seed, int width, int height, boolean dark, int count,
      int minimum) {
    Random random = new Random(seed);
    DecodeTally tally = new DecodeTally(name);
    for (int i = 0; i < count; i++) {
      int moduleSize = 3 + i % 6;
      tally.run(i, () -> {
        String text = uri(random, moduleSize);
        BufferedImage image = TestImages.screenshot(random, width, height, dark, text, moduleSize);
        return attempt(() -> QrCodes.readText(image), List.of(text));
      });
    }
    tally.assertAtLeast(minimum);
  }

  @Test
  void readText_lightScreenshot1080_decodesAll() {
    screenshots("light screenshot 1080×2340", 1, 1080, 2340, false, 12, 12);
  }

  @Test
  void readText_lightScreenshot1440_decodesAll() {
    screenshots("light screenshot 1440×3200", 2, 1440, 3200, false, 12, 12);
  }

  @Test
  void readText_darkScreenshot1080_decodesAll() {
    screenshots("dark mode 1080×2340", 3, 1080, 2340, true, 12, 12);
  }

  @Test
  void readText_darkScreenshot1440_decodesAll() {
    screenshots("dark mode 1440×3200", 4, 1440, 3200, true, 12, 12);
  }

  @Test
  void readText_jpegQuality35After45PercentDownscale_decodesAllButSomeThreePixelModules() {
    Random random = new Random(5);
    DecodeTally larger = new DecodeTally("JPEG q35 after 45% downscale, modules 4–8 px");
    DecodeTally smallest = new DecodeTally("JPEG q35 after 45% downscale, modules 3 px (1.35 px after)");
    for (int i = 0; i < 24; i++) {
      int moduleSize = 3 + i % 6;
      int[] phone = PHONES[i % 2];
      boolean dark = i % 4 >= 2;
      (moduleSize == 3 ? smallest : larger).run(i, () -> {
        String text = uri(random, moduleSize);
        BufferedImage screen = TestImages.screenshot(random, phone[0], phone[1], dark, text, moduleSize);
        byte[] jpeg = TestImages.jpeg(TestImages.scale(screen, 0.45), 0.35f);
        return attempt(() -> QrCodes.readText(jpeg), List.of(text));
      });
    }
    larger.assertAtLeast(19);
    // A 3-pixel module becomes 1.35 pixels, and quality 35 smears it: below what zxing's sampling grid can follow.
    smallest.assertAtLeast(1);
  }

  @Test
  void readText_photoOfScreen_decodesMost() {
    Random random = new Random(6);
    DecodeTally tally = new DecodeTally("photo of a screen (≤15°, blur, perspective, grey)");
    for (int i = 0; i < 16; i++) {
      int moduleSize = 4 + i % 5;
      boolean dark = i % 3 == 2;
      tally.run(i, () -> {
        String text = uri(random, moduleSize);
        BufferedImage screen = TestImages.screenshot(random, 1080, 2340, dark, text, moduleSize);
        BufferedImage photo = TestImages.photo(random, screen, 0.6 + 0.4 * random.nextDouble(), 15);
        return attempt(() -> QrCodes.readText(photo), List.of(text));
      });
    }
    tally.assertAtLeast(14);
  }

  @Test
  void readText_twoOrThreeCodesInOneScreenshot_returnsAllInReadingOrder() {
    Random random = new Random(7);
    DecodeTally tally = new DecodeTally("two or three codes in one screenshot");
    for (int i = 0; i < 10; i++) {
      int[] phone = PHONES[i % 2];
      boolean dark = i % 5 == 4;
      int count = 2 + i % 2;
      int moduleSize = 3 + i % 4;
      int index = i;
      tally.run(i, () -> {
        // Codes stacked down the screen, the middle one sometimes beside the first: reading order is row by row.
        String[] texts = new String[count];
        BufferedImage[] codes = new BufferedImage[count];
        int[][] at = new int[count][];
        int y = phone[1] / 10;
        for (int c = 0; c < count; c++) {
          texts[c] = uri(random, 100 * index + c);
          codes[c] = TestImages.code(texts[c], moduleSize, 3, dark);
        }
        boolean sideBySide = index % 3 == 0 && codes[0].getWidth() + codes[1].getWidth() + 200 < phone[0];
        at[0] = new int[] {40 + random.nextInt(60), y};
        if (sideBySide) {
          at[1] = new int[] {phone[0] - codes[1].getWidth() - 40 - random.nextInt(60), y + random.nextInt(40)};
        } else {
          at[1] = new int[] {random.nextInt(phone[0] - codes[1].getWidth()), y + codes[0].getHeight() + 200};
        }
        if (count == 3) {
          at[2] = new int[] {random.nextInt(phone[0] - codes[2].getWidth()),
              Math.max(at[1][1] + codes[1].getHeight(), at[0][1] + codes[0].getHeight()) + 200};
        }
        BufferedImage image = TestImages.screenshot(random, phone[0], phone[1], dark, codes, at);
        return attempt(() -> QrCodes.readText(image), List.of(texts));
      });
    }
    tally.assertAtLeast(9);
  }

  @Test
  void readText_pngJpegGifBmpFiles_decodeAll() {
    Random random = new Random(8);
    DecodeTally tally = new DecodeTally("PNG, JPEG, GIF and BMP files");
    String[] formats = {"png", "jpeg", "gif", "bmp"};
    for (int i = 0; i < 8; i++) {
      String format = formats[i % 4];
      boolean dark = i >= 4;
      tally.run(i, () -> {
        String text = uri(random, 0);
        BufferedImage screen = TestImages.screenshot(random, 1080, 2340, dark, text, 4);
        byte[] file = TestImages.encode(screen, format);
        return attempt(() -> QrCodes.readText(file), List.of(text));
      });
    }
    tally.assertAtLeast(8);
  }

  @Test
  void read_nonAsciiLabel_decodesAll() {
    Random random = new Random(9);
    DecodeTally tally = new DecodeTally("label Café Rosa:équipe@exemple.fr");
    // Percent-encoded as totpkit writes it; raw UTF-8 with and without an ECI segment; raw ISO-8859-1.
    String[][] flavours = {{"percent", "UTF-8", "eci"}, {"raw", "UTF-8", "eci"}, {"raw", "UTF-8", ""},
        {"raw", "ISO-8859-1", ""}};
    for (int i = 0; i < 8; i++) {
      String[] flavour = flavours[i % 4];
      boolean dark = i >= 4;
      int moduleSize = 3 + i % 5;
      tally.run(i, () -> {
        byte[] key = new byte[20];
        random.nextBytes(key);
        OtpAuthUri uri = OtpAuthUri.totp(Secret.fromBytes(key)).issuer("Café Rosa").account("équipe@exemple.fr")
            .build();
        String text = flavour[0].equals("percent")
            ? uri.toUriString()
            : "otpauth://totp/Café Rosa:équipe@exemple.fr?secret=" + uri.secret().toBase32() + "&issuer=Café%20Rosa";
        BufferedImage code = TestImages.code(text, flavour[1], !flavour[2].isEmpty(), moduleSize, 4, dark);
        BufferedImage image = TestImages.screenshot(random, 1080, 2340, dark, new BufferedImage[] {code},
            new int[][] {{random.nextInt(1080 - code.getWidth()), 300 + random.nextInt(1200)}});
        return attempt(() -> QrCodes.read(image).stream().map(found -> found.equals(uri) ? "same" : "different")
            .collect(java.util.stream.Collectors.toList()), List.of("same"));
      });
    }
    tally.assertAtLeast(8);
  }

  @Test
  void read_googleAuthenticatorExportScreen_expandsAllTenAccounts() {
    Random random = new Random(10);
    DecodeTally tally = new DecodeTally("Google Authenticator export of 10 accounts (dense code), plain and JPEG");
    for (int i = 0; i < 8; i++) {
      boolean dark = i % 2 == 1;
      boolean jpeg = i >= 4;
      int[] phone = PHONES[i / 2 % 2];
      tally.run(i, () -> {
        List<OtpAuthUri> accounts = new java.util.ArrayList<>();
        for (int a = 0; a < 10; a++) {
          byte[] key = new byte[20];
          random.nextBytes(key);
          accounts.add(OtpAuthUri.totp(Secret.fromBytes(key)).issuer("Service" + a)
              .account("brand" + a + "@example.com").build());
        }
        String export = io.totpkit.core.MigrationPayload.encode(accounts).get(0);
        // The export screen fills most of the width with the code, as Google Authenticator draws it.
        int modules = TestImages.matrix(export, com.google.zxing.qrcode.decoder.ErrorCorrectionLevel.M).getWidth();
        int moduleSize = phone[0] * 8 / 10 / (modules + 8);
        BufferedImage code = TestImages.code(export, moduleSize, 4, dark);
        BufferedImage screen = TestImages.screenshot(random, phone[0], phone[1], dark, new BufferedImage[] {code},
            new int[][] {{(phone[0] - code.getWidth()) / 2, phone[1] / 5}});
        List<String> expected = accounts.stream().map(OtpAuthUri::toUriString)
            .collect(java.util.stream.Collectors.toList());
        if (jpeg) {
          byte[] file = TestImages.jpeg(TestImages.scale(screen, 0.45), 0.35f);
          return attempt(() -> uris(QrCodes.read(file)), expected);
        }
        return attempt(() -> uris(QrCodes.read(screen)), expected);
      });
    }
    tally.assertAtLeast(7);
  }

  private static List<String> uris(List<OtpAuthUri> accounts) {
    return accounts.stream().map(OtpAuthUri::toUriString).collect(java.util.stream.Collectors.toList());
  }
}
