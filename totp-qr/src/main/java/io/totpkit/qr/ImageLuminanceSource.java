package io.totpkit.qr;

import com.google.zxing.LuminanceSource;

/** zxing's view of a {@link Luminance}, with cropping; the pixels are shared, never copied until asked for. */
final class ImageLuminanceSource extends LuminanceSource {
  private final Luminance image;
  private final int left;
  private final int top;

  ImageLuminanceSource(Luminance image) {
    this(image, 0, 0, image.width, image.height);
  }

  private ImageLuminanceSource(Luminance image, int left, int top, int width, int height) {
    super(width, height);
    if (left < 0 || top < 0 || left + width > image.width || top + height > image.height) {
      throw new IllegalArgumentException("crop rectangle does not fit inside the image");
    }
    this.image = image;
    this.left = left;
    this.top = top;
  }

  @Override
  public byte[] getRow(int y, byte[] row) {
    if (y < 0 || y >= getHeight()) {
      throw new IllegalArgumentException("requested row is outside the image: " + y);
    }
    int width = getWidth();
    byte[] out = row == null || row.length < width ? new byte[width] : row;
    System.arraycopy(image.pixels, (top + y) * image.width + left, out, 0, width);
    return out;
  }

  @Override
  public byte[] getMatrix() {
    int width = getWidth();
    int height = getHeight();
    if (width == image.width && height == image.height) {
      // zxing's binarizers only read the matrix, so the whole image can be handed out without a copy.
      return image.pixels;
    }
    byte[] out = new byte[width * height];
    for (int y = 0; y < height; y++) {
      System.arraycopy(image.pixels, (top + y) * image.width + left, out, y * width, width);
    }
    return out;
  }

  @Override
  public boolean isCropSupported() {
    return true;
  }

  @Override
  public LuminanceSource crop(int left, int top, int width, int height) {
    return new ImageLuminanceSource(image, this.left + left, this.top + top, width, height);
  }
}
