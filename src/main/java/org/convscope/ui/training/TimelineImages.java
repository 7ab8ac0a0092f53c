package org.convscope.ui.training;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.convscope.lecture.Notation;
import org.convscope.training.ConvFilters;
import org.convscope.training.TimelineFrame;
import org.convscope.ui.view.ColorMap;

/**
 * Pictures of the filter timeline for export, drawn with Java2D so they can be made off the FX thread: one picture per
 * snapshot (its step, then every convolution layer's filters as in the studio, a column per filter and a row per
 * input channel), and a sheet of all snapshots in a grid. Each layer keeps one colour scale, ±max|w| over the whole
 * timeline, so colours compare across snapshots.
 */
final class TimelineImages {
    private static final Color BACKGROUND = new Color(0x1e2228);
    private static final Color TITLE = new Color(0xe6edf3);
    private static final Color CAPTION = new Color(0x8b949e);
    private static final Color GAP = new Color(0x3a3f47);
    private static final int PAD = 8;
    private static final int TARGET_WIDTH = 360;
    private static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.BOLD, 14);
    private static final Font CAPTION_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    private TimelineImages() {}

    /** One picture per snapshot, all of the same size. */
    static List<BufferedImage> frames(List<TimelineFrame> timeline) {
        if (timeline.isEmpty()) throw new IllegalArgumentException("the filter timeline has no snapshots yet");
        float[] extents = extents(timeline);
        List<BufferedImage> images = new ArrayList<>(timeline.size());
        for (TimelineFrame frame : timeline) images.add(frame(frame, extents));
        return images;
    }

    /** All snapshots in a grid of about as many columns as rows, each under its step. */
    static BufferedImage sheet(List<TimelineFrame> timeline) {
        List<BufferedImage> frames = frames(timeline);
        int columns = (int) Math.ceil(Math.sqrt(frames.size()));
        int rows = (frames.size() + columns - 1) / columns;
        int w = frames.get(0).getWidth();
        int h = frames.get(0).getHeight();
        BufferedImage sheet = new BufferedImage(columns * w + (columns + 1) * PAD, rows * h + (rows + 1) * PAD,
                BufferedImage.TYPE_INT_RGB);
        Graphics2D g = sheet.createGraphics();
        g.setColor(GAP);
        g.fillRect(0, 0, sheet.getWidth(), sheet.getHeight());
        for (int i = 0; i < frames.size(); i++) {
            g.drawImage(frames.get(i), PAD + (i % columns) * (w + PAD), PAD + (i / columns) * (h + PAD), null);
        }
        g.dispose();
        return sheet;
    }

    private static float[] extents(List<TimelineFrame> timeline) {
        float[] extents = new float[timeline.get(0).filters().size()];
        for (TimelineFrame frame : timeline) {
            for (int l = 0; l < extents.length; l++) {
                for (float v : frame.filters().get(l).weights()) extents[l] = Math.max(extents[l], Math.abs(v));
            }
        }
        return extents;
    }

    private static int scale(ConvFilters f) {
        return Math.max(2, Math.min(14, TARGET_WIDTH / (f.filters() * (f.kernelWidth() + 1))));
    }

    private static BufferedImage frame(TimelineFrame frame, float[] extents) {
        int width = TARGET_WIDTH;
        int height = PAD + 20;
        for (ConvFilters f : frame.filters()) {
            int s = scale(f);
            width = Math.max(width, f.filters() * (f.kernelWidth() * s + 1) + 1);
            height += 16 + f.channels() * (f.kernelHeight() * s + 1) + 1 + PAD;
        }
        width += 2 * PAD;
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(BACKGROUND);
        g.fillRect(0, 0, width, height);
        g.setFont(TITLE_FONT);
        g.setColor(TITLE);
        FontMetrics title = g.getFontMetrics();
        g.drawString(String.format(Locale.ROOT, "step %,d", frame.step()), PAD, PAD + title.getAscent());
        int y = PAD + 20;
        g.setFont(CAPTION_FONT);
        FontMetrics caption = g.getFontMetrics();
        for (int l = 0; l < frame.filters().size(); l++) {
            ConvFilters f = frame.filters().get(l);
            g.setColor(CAPTION);
            g.drawString(String.format(Locale.ROOT, "%s · %d filters of %s · colours ±%.3f", f.layer(), f.filters(),
                    Notation.size(f.kernelHeight(), f.kernelWidth(), f.channels()), extents[l]), PAD,
                    y + caption.getAscent());
            y += 16;
            y += tiles(image, f, extents[l], PAD, y) + PAD;
        }
        g.dispose();
        return image;
    }

    /** Draws the filters at (x0, y0): column = filter, row = input channel; returns the height used. */
    private static int tiles(BufferedImage image, ConvFilters f, float extent, int x0, int y0) {
        int s = scale(f);
        int cellW = f.kernelWidth() * s + 1;
        int cellH = f.kernelHeight() * s + 1;
        int w = f.filters() * cellW + 1;
        int h = f.channels() * cellH + 1;
        for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) image.setRGB(x0 + x, y0 + y, GAP.getRGB());
        int tile = f.kernelHeight() * f.kernelWidth();
        for (int o = 0; o < f.filters(); o++) {
            for (int c = 0; c < f.channels(); c++) {
                int base = (o * f.channels() + c) * tile;
                for (int ky = 0; ky < f.kernelHeight() * s; ky++) {
                    for (int kx = 0; kx < f.kernelWidth() * s; kx++) {
                        float v = f.weights()[base + (ky / s) * f.kernelWidth() + kx / s];
                        image.setRGB(x0 + 1 + o * cellW + kx, y0 + 1 + c * cellH + ky,
                                ColorMap.DIVERGING.argb(v, -extent, extent));
                    }
                }
            }
        }
        return h;
    }
}
