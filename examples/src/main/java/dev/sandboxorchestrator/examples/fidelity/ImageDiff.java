package dev.sandboxorchestrator.examples.fidelity;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/**
 * The share of pixels that differ between two screenshots. Two pixels are equal when no channel differs by
 * more than the tolerance (anti-aliasing). The images are compared over the larger width and height: pixels
 * that only one image has count as different, so a page that got taller or shorter is penalised.
 *
 * @param percent   differing pixels in percent of the compared area
 * @param highlight the second image, faded, with differing pixels in red (for people to look at)
 */
record ImageDiff(double percent, BufferedImage highlight) {
    /** Per-channel difference (0–255) below which pixels count as equal. */
    static final int DEFAULT_TOLERANCE = 16;

    private static final int RED = 0xffff0000;

    static ImageDiff compare(byte[] firstPng, byte[] secondPng) {
        return compare(decode(firstPng), decode(secondPng), DEFAULT_TOLERANCE);
    }

    static ImageDiff compare(BufferedImage first, BufferedImage second, int tolerance) {
        int width = Math.max(first.getWidth(), second.getWidth());
        int height = Math.max(first.getHeight(), second.getHeight());
        BufferedImage highlight = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        long different = 0;
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                boolean inFirst = x < first.getWidth() && y < first.getHeight();
                boolean inSecond = x < second.getWidth() && y < second.getHeight();
                int b = inSecond ? second.getRGB(x, y) : 0xff000000;
                if (!inFirst || !inSecond || !close(first.getRGB(x, y), b, tolerance)) {
                    different++;
                    highlight.setRGB(x, y, RED);
                } else {
                    highlight.setRGB(x, y, fade(b));
                }
            }
        }
        long area = (long) width * height;
        return new ImageDiff(area == 0 ? 0 : 100.0 * different / area, highlight);
    }

    byte[] highlightPng() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(highlight, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static BufferedImage decode(byte[] png) {
        try {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
            if (image == null) {
                throw new IllegalArgumentException("not an image (" + png.length + " bytes)");
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not decode a screenshot", e);
        }
    }

    private static boolean close(int a, int b, int tolerance) {
        return Math.abs(((a >> 16) & 0xff) - ((b >> 16) & 0xff)) <= tolerance
                && Math.abs(((a >> 8) & 0xff) - ((b >> 8) & 0xff)) <= tolerance
                && Math.abs((a & 0xff) - (b & 0xff)) <= tolerance;
    }

    private static int fade(int rgb) {
        int grey = (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff)) / 3;
        int light = 160 + grey * 95 / 255;
        return 0xff000000 | (light << 16) | (light << 8) | light;
    }
}
