package org.convscope.ui.training;

import java.awt.image.BufferedImage;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.convscope.io.AtomicFiles;
import org.convscope.io.FileException;
import org.convscope.training.TimelineFrame;

/** Saves the filter timeline as an animated GIF or as a PNG sheet, atomically; callable off the FX thread. */
final class TimelineExport {
    static final int GIF_DELAY_MILLIS = 250;

    private TimelineExport() {}

    /** One GIF frame per snapshot, looping; returns the number of frames. */
    static int gif(List<TimelineFrame> timeline, Path file) throws FileException {
        List<BufferedImage> frames = TimelineImages.frames(timeline);
        LectureGif.write(frames, GIF_DELAY_MILLIS, file);
        return frames.size();
    }

    /** All snapshots in one PNG, each under its step; returns the number of snapshots. */
    static int sheet(List<TimelineFrame> timeline, Path file) throws FileException {
        BufferedImage sheet = TimelineImages.sheet(timeline);
        AtomicFiles.write(file, out -> {
            if (!ImageIO.write(sheet, "png", out)) throw new java.io.IOException("no PNG writer available");
        });
        return timeline.size();
    }

    /**
     * The lecture's GIF writer, {@code org.convscope.ui.lecture.AnimatedGif}, used as it is: it is package-private in
     * a package another part of the app owns, so it is called reflectively until it moves to ui/view (then this
     * becomes a plain call).
     */
    private static final class LectureGif {
        static void write(List<BufferedImage> frames, int delayMillis, Path file) throws FileException {
            try {
                Method write = Class.forName("org.convscope.ui.lecture.AnimatedGif")
                        .getDeclaredMethod("write", List.class, int.class, Path.class);
                write.setAccessible(true);
                write.invoke(null, frames, delayMillis, file);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof FileException f) throw f;
                throw new FileException(file, "cannot write the GIF: " + e.getCause(), e.getCause());
            } catch (ReflectiveOperationException e) {
                throw new FileException(file, "no GIF writer available: " + e, e);
            }
        }
    }
}
