package org.convscope.ui.lecture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.convscope.engine.Dims;
import org.convscope.io.FileException;
import org.convscope.lecture.ConvSetup;
import org.convscope.lecture.ConvStepper;
import org.convscope.lecture.Frame;
import org.convscope.lecture.ImageVolume;
import org.convscope.lecture.KernelPreset;
import org.convscope.lecture.Lesson;
import org.convscope.lecture.LessonFile;
import org.convscope.lecture.LessonSources;
import org.convscope.lecture.RandomVolume;
import org.convscope.lecture.Volume;
import org.convscope.ui.view.PngExport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Bar 6.4: every stepper (every frame of the shipped lessons, plus an RGB image input and a kernel edited to give
 * −6600) rendered full screen with its controls, at 1920×1080 in both themes and at 1280×720, to
 * {@code target/snapshots/lecture/} for a look. Each render is checked for what a look would catch: no text cut to
 * "…", nothing wider than the screen, and numbers drawn in a font of at least 16 px at 1920×1080 (10 px at 1280×720).
 */
@ExtendWith(ApplicationExtension.class)
class ProjectorScreensTest {
    static final Path OUT = Path.of("target", "snapshots", "lecture");

    static {
        HeadlessFx.useJavaFxHeadless();
    }

    @Start
    void start(Stage stage) {
        // Scenes below are rendered without a window: the headless screen is only 1000×1000.
    }

    /** Every frame of every shipped lesson, then the frames the lessons do not have. */
    private static List<Frame> frames() throws Exception {
        List<Frame> frames = new ArrayList<>();
        for (Lesson l : LessonFile.loadFolder(Path.of("samples", "lessons"), LessonSources.NONE)) frames.addAll(l.frames());
        BufferedImage rgb = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 32; y++) for (int x = 0; x < 32; x++) rgb.setRGB(x, y, (x * 8) << 16 | (y * 8) << 8 | 255 - x * 4);
        Volume image = ImageVolume.of(rgb, ConvParametersPanel.IMAGE_SIDE);
        ConvSetup colour = ConvSetup.single(image, RandomVolume.integers(new Dims(3, 3, 3), -1, 1, 5), 1, 0);
        frames.add(new Frame("An RGB image: three channels", "One sum per channel, then their total.",
                ConvStepper.start(colour)));
        ConvSetup curve = ConvSetup.single(((ConvStepper) frames.get(findCurve(frames)).stepper()).setup().input(),
                KernelPreset.CURVE_DETECTOR.kernel(), 1, 0);
        for (int i = 0; i < 49; i++) if (curve.filters().getFirst().values()[i] != 0) curve = curve.withFilterValue(0, i, -30);
        frames.add(new Frame("Kernel playground: the curve detector negated", "Every 30 typed in as −30.",
                ConvStepper.start(curve)));
        return frames;
    }

    private static int findCurve(List<Frame> frames) {
        for (int i = 0; i < frames.size(); i++) if (frames.get(i).title().startsWith("A curve detector")) return i;
        throw new AssertionError("the classic lesson has no curve detector frame");
    }

    @Test
    void everyStepperFitsAndStaysReadableFullScreen(FxRobot robot) throws Exception {
        Files.createDirectories(OUT);
        List<Frame> frames = frames();
        List<String> problems = new ArrayList<>();
        robot.interact(() -> {
            for (int i = 0; i < frames.size(); i++) {
                Frame f = frames.get(i);
                String name = String.format("%02d-%s", i, f.title().replaceAll("[^A-Za-z0-9]+", "-").toLowerCase());
                render(f, 1920, 1080, false, 16, name + "-1920", problems);
                render(f, 1920, 1080, true, 16, name + "-1920-contrast", problems);
                render(f, 1280, 720, false, 10, name + "-1280", problems);
            }
        });
        assertEquals(List.of(), problems);
    }

    /** Renders {@code f} about two fifths through its steps and lists what is wrong on it. */
    private static void render(Frame f, int width, int height, boolean contrast, double minFont, String name,
                               List<String> all) {
        List<String> problems = new ArrayList<>();
        LectureView view = new LectureView(new LectureModel(new Lesson("one frame", List.of(f))), LessonSources.NONE);
        Scene scene = new Scene(view, width, height);
        if (contrast) view.getStyleClass().add("high-contrast");
        view.model().jumpTo(Math.max(1, f.stepper().count() * 2 / 5));
        view.applyCss();
        view.layout();
        try {
            PngExport.save(view, 1, OUT.resolve(name + ".png"));
        } catch (FileException e) {
            throw new AssertionError(e);
        }
        assertTrue(Files.exists(OUT.resolve(name + ".png")));
        Bounds b = view.getBoundsInParent();
        if (b.getWidth() > scene.getWidth() + 1) problems.add(name + ": " + Math.round(b.getWidth()) + " px wide");
        if (b.getHeight() > scene.getHeight() + 1) problems.add(name + ": " + Math.round(b.getHeight()) + " px tall");
        visit(view, node -> {
            if (!node.isVisible() || !(node instanceof Labeled label) || label.getText() == null) return;
            // the lesson chooser has a fixed width: a long title is shortened there, and shown whole as the frame's title
            if (label.getParent() instanceof javafx.scene.control.ComboBox<?>) return;
            Text shown = (Text) label.lookup(".text");
            if (shown != null && !label.getText().isEmpty() && !shown.getText().equals(label.getText())) {
                problems.add(name + ": \"" + label.getText() + "\" shows as \"" + shown.getText() + "\"");
            }
            double font = label.getFont().getSize() * label.getLocalToSceneTransform().getMyy();
            if (label.getStyleClass().contains("cell") && !label.getText().isEmpty() && font < minFont) {
                problems.add(name + ": cell \"" + label.getText() + "\" in a " + Math.round(font) + " px font");
            }
        });
        all.addAll(problems.subList(0, Math.min(3, problems.size())));
    }

    private static void visit(Node node, java.util.function.Consumer<Node> action) {
        action.accept(node);
        if (node instanceof Parent p) for (Node child : p.getChildrenUnmodifiable()) visit(child, action);
    }
}
