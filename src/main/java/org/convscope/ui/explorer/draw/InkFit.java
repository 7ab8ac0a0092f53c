package org.convscope.ui.explorer.draw;

import java.awt.Graphics2D;
import java.awt.Image;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import org.convscope.data.InkImage;

/** Fits a picture of any size into a square raster, centred, keeping its aspect ratio; for display and editing. */
final class InkFit {
    private InkFit() {}

    /**
     * Where a point (x, y) of a width×height picture lands in the side×side raster {@link #into} makes of it:
     * scaled by s = min(side / width, side / height) and centred.
     */
    static double[] point(int width, int height, int side, double x, double y) {
        double scale = Math.min((double) side / width, (double) side / height);
        int left = (side - (int) Math.max(1, Math.round(width * scale))) / 2; // as into() centres it
        int top = (side - (int) Math.max(1, Math.round(height * scale))) / 2;
        return new double[] {left + x * scale, top + y * scale};
    }

    static InkImage into(InkImage picture, int side) {
        if (picture.isEmpty()) return InkImage.blank(side, side);
        double scale = Math.min((double) side / picture.width(), (double) side / picture.height());
        int width = Math.max(1, (int) Math.round(picture.width() * scale));
        int height = Math.max(1, (int) Math.round(picture.height() * scale));
        // RGB rather than TYPE_BYTE_GRAY: Java's gray is linear and would be gamma-converted on the way.
        BufferedImage source = new BufferedImage(picture.width(), picture.height(), BufferedImage.TYPE_INT_RGB);
        int[] rgb = ((DataBufferInt) source.getRaster().getDataBuffer()).getData();
        for (int i = 0; i < rgb.length; i++) rgb[i] = Math.round(Math.clamp(picture.ink()[i], 0f, 1f) * 255) * 0x010101;
        BufferedImage target = new BufferedImage(side, side, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = target.createGraphics();
        // Area averaging when shrinking keeps thin strokes; bilinear when growing keeps a small digit smooth.
        Image scaled = scale < 1 ? source.getScaledInstance(width, height, Image.SCALE_AREA_AVERAGING) : source;
        g.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
        g.drawImage(scaled, (side - width) / 2, (side - height) / 2, width, height, null);
        g.dispose();
        int[] out = ((DataBufferInt) target.getRaster().getDataBuffer()).getData();
        float[] ink = new float[side * side];
        for (int i = 0; i < ink.length; i++) ink[i] = (out[i] & 0xff) / 255f;
        return new InkImage(side, side, ink);
    }
}
