package org.convscope.ui.view;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.SnapshotParameters;
import javafx.scene.image.WritableImage;
import javafx.scene.transform.Transform;
import javax.imageio.ImageIO;
import org.convscope.io.AtomicFiles;
import org.convscope.io.FileException;

/** Exports a node as a PNG at a multiple of its on-screen size (2× for slides), saved atomically. */
public final class PngExport {
    private PngExport() {}

    /** Renders the node at the given scale; must run on the FX thread. */
    public static WritableImage snapshot(Node node, double scale) {
        SnapshotParameters params = new SnapshotParameters();
        params.setTransform(Transform.scale(scale, scale));
        return node.snapshot(params, null);
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
