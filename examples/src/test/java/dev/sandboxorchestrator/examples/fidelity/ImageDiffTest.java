package dev.sandboxorchestrator.examples.fidelity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import org.junit.jupiter.api.Test;

class ImageDiffTest {
    private static BufferedImage filled(int width, int height, Color color) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(color);
        g.fillRect(0, 0, width, height);
        g.dispose();
        return image;
    }

    @Test
    void identicalImagesDifferByZeroPercent() {
        assertThat(ImageDiff.compare(filled(10, 10, Color.WHITE), filled(10, 10, Color.WHITE), 16).percent()).isZero();
    }

    @Test
    void smallChannelDifferencesWithinTheToleranceCountAsEqual() {
        ImageDiff diff = ImageDiff.compare(filled(10, 10, new Color(100, 100, 100)), filled(10, 10, new Color(116, 84, 110)), 16);
        assertThat(diff.percent()).isZero();
    }

    @Test
    void pixelsDifferingBeyondTheToleranceAreCountedAndMarkedRed() {
        BufferedImage changed = filled(10, 10, Color.WHITE);
        changed.setRGB(3, 4, Color.BLACK.getRGB());
        changed.setRGB(5, 6, new Color(255, 255, 240).getRGB());
        ImageDiff diff = ImageDiff.compare(filled(10, 10, Color.WHITE), changed, 16);
        assertThat(diff.percent()).isCloseTo(1.0, within(1e-9));
        assertThat(diff.highlight().getRGB(3, 4)).isEqualTo(0xffff0000);
        assertThat(diff.highlight().getRGB(5, 6)).isNotEqualTo(0xffff0000);
    }

    @Test
    void pixelsOutsideTheShorterImageCountAsDifferent() {
        ImageDiff diff = ImageDiff.compare(filled(10, 10, Color.WHITE), filled(10, 15, Color.WHITE), 16);
        assertThat(diff.percent()).isCloseTo(100.0 * 50 / 150, within(1e-9));
        assertThat(diff.highlight().getHeight()).isEqualTo(15);
    }

    @Test
    void pngBytesAreDecodedAndCompared() {
        ImageDiff white = ImageDiff.compare(filled(4, 4, Color.WHITE), filled(4, 4, Color.WHITE), 0);
        byte[] png = white.highlightPng();
        assertThat(ImageDiff.compare(png, png).percent()).isZero();
    }
}
