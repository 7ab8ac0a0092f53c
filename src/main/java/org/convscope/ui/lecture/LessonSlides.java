package org.convscope.ui.lecture;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import org.convscope.io.FileException;
import org.convscope.lecture.DatasetLessonSources;
import org.convscope.lecture.Frame;
import org.convscope.lecture.Lesson;
import org.convscope.lecture.LessonFile;
import org.convscope.ui.explorer.UiBench;
import org.convscope.ui.view.PngExport;

/**
 * {@code convscope lesson export}: a lesson's frames drawn headless as lecture mode draws them ({@link Slides}) and
 * written as PNG files: frame-01.png, … (each frame at its last step) or frame-01-step-000.png, … (every step). Each
 * slide is drawn on the FX thread and encoded on the caller's.
 */
public final class LessonSlides {
    private LessonSlides() {}

    /** Writes the slides into {@code out} (created); returns how many. Test digits come from the bundled MNIST. */
    public static int export(Path lessonFile, int width, int height, Path out, boolean everyStep, String theme)
            throws FileException {
        Lesson lesson = LessonFile.load(lessonFile, new DatasetLessonSources(null));
        try {
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new FileException(out, "cannot create the folder: " + e.getMessage(), e);
        }
        UiBench.startHeadless();
        List<String> themeClasses = switch (theme) {
            case "light" -> List.of("light");
            case "contrast" -> List.of("dark", "high-contrast");
            default -> List.of("dark");
        };
        int written = 0;
        for (int i = 0; i < lesson.size(); i++) {
            Frame frame = lesson.frame(i);
            Slides slides = onFx(() -> new Slides(frame, width, height, themeClasses));
            int count = frame.stepper().count();
            int first = everyStep ? 0 : count;
            for (int p = first; p <= count; p++) {
                int position = p;
                BufferedImage image = onFx(() -> SwingFXUtils.fromFXImage(slides.render(position), null));
                String name = everyStep ? String.format("frame-%02d-step-%03d.png", i + 1, p) : String.format("frame-%02d.png", i + 1);
                PngExport.write(image, out.resolve(name));
                written++;
            }
        }
        return written;
    }

    private static <T> T onFx(java.util.function.Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }
}
