package org.convscope.ui.view;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import org.convscope.io.AtomicFiles;
import org.convscope.io.FileException;

/** Writes frames as a looping animated GIF through javax.imageio (frame delay and loop in the image metadata). */
public final class AnimatedGif {
    private AnimatedGif() {}

    public static void write(List<BufferedImage> frames, int delayMillis, Path file) throws FileException {
        if (frames.isEmpty()) throw new IllegalArgumentException(file + ": no frames to write");
        write(frames.iterator(), delayMillis, file);
    }

    /**
     * Writes frames as they come, so a long sequence never needs to be held in memory at once: each is taken from
     * {@code frames} (which may draw it first) and encoded before the next.
     */
    public static void write(Iterator<BufferedImage> frames, int delayMillis, Path file) throws FileException {
        if (!frames.hasNext()) throw new IllegalArgumentException(file + ": no frames to write");
        AtomicFiles.write(file, out -> {
            ImageWriter writer = ImageIO.getImageWritersByFormatName("gif").next();
            try (ImageOutputStream stream = ImageIO.createImageOutputStream(out)) {
                writer.setOutput(stream);
                writer.prepareWriteSequence(null);
                while (frames.hasNext()) {
                    BufferedImage frame = frames.next();
                    IIOMetadata meta = writer.getDefaultImageMetadata(ImageTypeSpecifier.createFromRenderedImage(frame), null);
                    timing(meta, delayMillis);
                    writer.writeToSequence(new IIOImage(frame, null, meta), null);
                }
                writer.endWriteSequence();
            } finally {
                writer.dispose();
            }
        });
    }

    /** Sets the frame delay (in hundredths of a second) and the NETSCAPE2.0 loop-forever extension. */
    private static void timing(IIOMetadata meta, int delayMillis) throws IOException {
        String format = meta.getNativeMetadataFormatName();
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(format);
        IIOMetadataNode control = new IIOMetadataNode("GraphicControlExtension");
        control.setAttribute("disposalMethod", "none");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", Integer.toString(Math.max(1, delayMillis / 10)));
        control.setAttribute("transparentColorIndex", "0");
        root.appendChild(control);
        IIOMetadataNode apps = new IIOMetadataNode("ApplicationExtensions");
        IIOMetadataNode loop = new IIOMetadataNode("ApplicationExtension");
        loop.setAttribute("applicationID", "NETSCAPE");
        loop.setAttribute("authenticationCode", "2.0");
        loop.setUserObject(new byte[] {1, 0, 0});
        apps.appendChild(loop);
        root.appendChild(apps);
        meta.setFromTree(format, root);
    }
}
