package org.convscope.ui.training;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.convscope.io.AtomicFiles;
import org.convscope.io.FileException;
import org.convscope.training.TimelineFrame;
import org.convscope.ui.view.AnimatedGif;

/** Saves the filter timeline as an animated GIF or as a PNG sheet, atomically; callable off the FX thread. */
final class TimelineExport {
    static final int GIF_DELAY_MILLIS = 250;

    private TimelineExport() {}

    /** One GIF frame per snapshot, looping; returns the number of frames. */
    static int gif(List<TimelineFrame> timeline, Path file) throws FileException {
        List<BufferedImage> frames = TimelineImages.frames(timeline);
        AnimatedGif.write(frames, GIF_DELAY_MILLIS, file);
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
}
