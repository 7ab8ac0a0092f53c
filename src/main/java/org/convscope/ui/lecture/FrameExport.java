package org.convscope.ui.lecture;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.embed.swing.SwingFXUtils;
import org.convscope.io.FileException;
import org.convscope.lecture.Stepper;
import org.convscope.ui.view.AnimatedGif;
import org.convscope.ui.view.PngExport;

/**
 * Exports of lecture mode: the current frame as PNG, and the current frame's whole stepping sequence as a PNG
 * series or an animated GIF (long sequences are sampled to at most {@link #MAX_FRAMES} images). FX thread only.
 */
final class FrameExport {
    static final int MAX_FRAMES = 120;

    private FrameExport() {}

    static void png(LectureView view, Path file) throws FileException {
        PngExport.save(view.frameArea(), 1, file);
    }

    /** step-000.png, step-001.png, … in {@code dir} (created if needed); returns how many. The view ends where it started. */
    static int series(LectureView view, Path dir) throws FileException {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new FileException(dir, "cannot create the folder: " + e.getMessage(), e);
        }
        List<BufferedImage> images = sequence(view);
        for (int i = 0; i < images.size(); i++) {
            PngExport.write(SwingFXUtils.toFXImage(images.get(i), null), dir.resolve(String.format("step-%03d.png", i)));
        }
        return images.size();
    }

    static int gif(LectureView view, Path file, int delayMillis) throws FileException {
        List<BufferedImage> images = sequence(view);
        AnimatedGif.write(images, delayMillis, file);
        return images.size();
    }

    private static List<BufferedImage> sequence(LectureView view) {
        LectureModel model = view.model();
        Stepper<?> start = model.stepper();
        int count = start.count();
        int frames = Math.min(count + 1, MAX_FRAMES);
        List<BufferedImage> images = new ArrayList<>();
        for (int i = 0; i < frames; i++) {
            model.preview(frames == 1 ? 0 : (int) Math.round((double) i * count / (frames - 1)));
            view.applyCss();
            view.layout();
            images.add(SwingFXUtils.fromFXImage(PngExport.snapshot(view.frameArea(), 1), null));
        }
        model.preview(start.position());
        return images;
    }
}
