package dev.airlock.engine.ui;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** Small PNG images that stand in for the screenshots a browser task uploads. */
final class UiImages {

  private UiImages() {}

  /** Returns a PNG of the given size in pixels, light grey with a dark band at the top. */
  static byte[] png(int width, int height) {
    var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    var graphics = image.createGraphics();
    graphics.setColor(new Color(0xF0F2F5));
    graphics.fillRect(0, 0, width, height);
    graphics.setColor(new Color(0x17212F));
    graphics.fillRect(0, 0, width, height / 5);
    graphics.dispose();

    var out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not encode a test PNG", e);
    }
    return out.toByteArray();
  }
}
