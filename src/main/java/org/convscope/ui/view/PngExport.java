package org.convscope.ui.view;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.transform.Transform;
import javax.imageio.ImageIO;
import org.convscope.io.AtomicFiles;
import org.convscope.io.FileException;

/**
 * Exports a node as a PNG at a multiple of its on-screen size (2× for slides), saved atomically, on the colour it has
 * behind it on screen: a panel of a dark theme exports dark, its pale text stays readable.
 */
public final class PngExport {
    private PngExport() {}

    /** Renders the node at the given scale on {@link #background} of it; must run on the FX thread. */
    public static WritableImage snapshot(Node node, double scale) {
        SnapshotParameters params = new SnapshotParameters();
        params.setTransform(Transform.scale(scale, scale));
        params.setFill(background(node));
        return node.snapshot(params, null);
    }

    /**
     * The colour the node is seen on: the topmost opaque background colour of the node or of the nearest region
     * around it that paints one (the theme's panel or window colour); the scene's fill when none does, else white.
     */
    public static Color background(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof Region r && r.getBackground() != null) {
                List<BackgroundFill> fills = r.getBackground().getFills();
                for (int i = fills.size() - 1; i >= 0; i--) {
                    if (fills.get(i).getFill() instanceof Color c && c.getOpacity() == 1) return c;
                }
            }
        }
        if (node.getScene() != null && node.getScene().getFill() instanceof Color c && c.getOpacity() == 1) return c;
        return Color.WHITE;
    }

    /** Writes an FX image as PNG. */
    public static void write(javafx.scene.image.Image image, Path file) throws FileException {
        write(SwingFXUtils.fromFXImage(image, null), file);
    }

    /** Writes an image as PNG; any thread. */
    public static void write(BufferedImage buffered, Path file) throws FileException {
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(buffered, "png", out)) throw new java.io.IOException("no PNG writer available");
        });
    }

    /** Snapshot at the scale, then write; must run on the FX thread. */
    public static void save(Node node, double scale, Path file) throws FileException {
        write(snapshot(node, scale), file);
    }
}
