package org.convscope.data;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;

/** Synthetic handwritten-looking digits drawn with Java2D, for preprocessing tests. */
final class Drawings {
    private Drawings() {}

    /** A "2" in a 10 × 14 unit box: arc on top, diagonal, base line. */
    static Path2D two() {
        Path2D.Float path = new Path2D.Float();
        path.moveTo(1, 4);
        path.curveTo(1, 0, 9, 0, 9, 4);
        path.curveTo(9, 7, 3, 9, 1, 14);
        path.lineTo(10, 14);
        return path;
    }

    /**
     * Draws {@link #two()} scaled by {@code scale} with its box's top-left at (x, y) on a canvas,
     * stroke width 1.8 units, antialiased.
     */
    static BufferedImage canvas(int width, int height, Color paper, Color ink, double x, double y, double scale,
                                int imageType) {
        BufferedImage image = new BufferedImage(width, height, imageType);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
        g.setComposite(java.awt.AlphaComposite.Src);
        g.setColor(paper);
        g.fillRect(0, 0, width, height);
        g.setColor(ink);
        AffineTransform at = new AffineTransform();
        at.translate(x, y);
        at.scale(scale, scale);
        g.setStroke(new BasicStroke((float) (1.8 * scale), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(at.createTransformedShape(two()));
        g.dispose();
        return image;
    }

    /** White-on-black drawing as ink, read straight from the raster. */
    static InkImage ink(double x, double y, double scale) {
        BufferedImage image = canvas(280, 280, Color.BLACK, Color.WHITE, x, y, scale, BufferedImage.TYPE_INT_RGB);
        float[] ink = new float[280 * 280];
        for (int py = 0; py < 280; py++) {
            for (int px = 0; px < 280; px++) {
                ink[py * 280 + px] = (image.getRGB(px, py) & 0xff) / 255f;
            }
        }
        return new InkImage(280, 280, ink);
    }
}
