package org.convscope.ui.lecture;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;
import javafx.concurrent.Task;
import javafx.embed.swing.SwingFXUtils;
import org.convscope.io.FileException;
import org.convscope.lecture.Frame;
import org.convscope.ui.view.AnimatedGif;
import org.convscope.ui.view.PngExport;

/**
 * Lecture mode's exports: the frame as PNG, its steps as an animated GIF or a PNG series (long sequences sampled to
 * {@value #MAX_IMAGES} images, and the screen says so). Each image is drawn on the FX thread apart from the window
 * ({@link Slides}), one per turn so the window stays live; files are encoded and written on a background thread. The
 * screen says where they went, or why they could not be written.
 */
final class Exports {
    static final int MAX_IMAGES = 120;
    private static final int GIF_DELAY_MILLIS = 500;

    private final LectureView view;
    private ExportTarget target = new ExportDialogs();
    private Task<String> running;

    Exports(LectureView view) {
        this.view = view;
    }

    void setTarget(ExportTarget target) {
        this.target = target;
    }

    /** Asks where to (unless an export is under way), then exports in the background. FX thread. */
    void start(ExportKind kind) {
        if (running != null && running.isRunning()) {
            view.say("An export is still under way.", true);
            return;
        }
        LectureModel model = view.model();
        String name = "frame-" + (model.frameIndexProperty().get() + 1) + "-step-" + model.stepper().position();
        Path file = target.choose(kind, name, view.getScene() == null ? null : view.getScene().getWindow());
        if (file == null) return;
        Frame frame = model.frame();
        int[] positions = kind == ExportKind.FRAME_PNG ? new int[] {frame.stepper().position()}
                : Slides.positions(frame.stepper().count(), MAX_IMAGES);
        Slides slides = new Slides(frame, Math.max(640, view.getWidth()), Math.max(480, view.getHeight()),
                view.themeClasses());
        Task<String> task = new Task<>() {
            @Override
            protected String call() throws Exception {
                Iterator<BufferedImage> images = new Iterator<>() {
                    private int next;

                    @Override
                    public boolean hasNext() {
                        return next < positions.length;
                    }

                    @Override
                    public BufferedImage next() {
                        updateMessage("Exporting the " + kind.description() + "… " + (next + 1) + " of " + positions.length);
                        return draw(slides, positions[next++]);
                    }
                };
                write(kind, images, file);
                int steps = frame.stepper().count() + 1;
                String sampled = positions.length == 1 ? "" : positions.length < steps
                        ? " (sampled " + positions.length + " of " + steps + " steps)"
                        : " (" + positions.length + " images)";
                return "Saved the " + kind.description() + sampled + " to " + file.toAbsolutePath();
            }
        };
        task.messageProperty().addListener((obs, old, m) -> view.say(m, false));
        task.setOnSucceeded(e -> view.say(task.getValue(), false));
        task.setOnFailed(e -> view.say("Cannot export: " + message(task.getException()), true));
        running = task;
        Thread.ofPlatform().name("convscope-lecture-export").daemon().start(task);
    }

    private static String message(Throwable t) {
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    /** Draws one step on the FX thread, waiting for it (called from the export's thread). */
    private static BufferedImage draw(Slides slides, int position) {
        CompletableFuture<BufferedImage> image = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                image.complete(SwingFXUtils.fromFXImage(slides.render(position), null));
            } catch (RuntimeException e) {
                image.completeExceptionally(e);
            }
        });
        return image.join();
    }

    /** Writes the images as the kind says: one PNG, a GIF, or step-000.png… in a folder. */
    static void write(ExportKind kind, Iterator<BufferedImage> images, Path target) throws FileException {
        switch (kind) {
            case FRAME_PNG -> PngExport.write(images.next(), target);
            case STEPS_GIF -> AnimatedGif.write(images, GIF_DELAY_MILLIS, target);
            case STEPS_PNG_SERIES -> {
                try {
                    Files.createDirectories(target);
                } catch (IOException e) {
                    throw new FileException(target, "cannot create the folder: " + e.getMessage(), e);
                }
                for (int i = 0; images.hasNext(); i++) {
                    PngExport.write(images.next(), target.resolve(String.format("step-%03d.png", i)));
                }
            }
        }
    }
}
