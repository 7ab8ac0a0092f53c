package org.convscope.ui.lecture;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import org.convscope.ui.lecture.diagram.DiagramView;
import org.convscope.ui.view.PngExport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * Every frame (each frame of the shipped lessons, an RGB image input, a kernel edited to give −6600, a 28×28 drawing,
 * and real networks' filters: {@link NetworkFrames}) rendered with its controls at 1024×768, 1280×720 and 1920×1080 in
 * the dark, light and high-contrast themes (and at 3840×2160 in the dark one), to {@code target/snapshots/lecture/}
 * for a look. Each render is checked for what a look would catch: no text cut to "…", nothing larger than the screen,
 * and, on the frames of small inputs (5×5, 7×7, 8×8×3 and the like) and of real networks (32×32×3 to 224×224×3, 3 to
 * 64 channels), every number drawn in a font of at least 14 px even at 1024×768 and 1280×720, on those of large inputs
 * (28×28, 32×32×3) at 1280×720 ({@link #minimumFont}):
 * in the diagram, measured from what the canvas drew, and in the frame's title, caption, explanation and formula.
 */
@ExtendWith(ApplicationExtension.class)
class ProjectorScreensTest {
    static final Path OUT = Path.of("target", "snapshots", "lecture");
    private static final int[][] SIZES = {{1024, 768}, {1280, 720}, {1920, 1080}, {3840, 2160}};
    private static final String[] THEMES = {"dark", "light", "contrast"};

    static {
        HeadlessFx.useJavaFxHeadless();
    }

    @Start
    void start(Stage stage) {
        // Scenes below are rendered without a window: the headless screen is only 1000×1000.
    }

    /** Every frame of every shipped lesson, then the frames the lessons do not have. */
    static List<Frame> frames() throws Exception {
        List<Frame> frames = new ArrayList<>();
        for (Lesson l : LessonFile.loadFolder(Path.of("samples", "lessons"), LessonSources.NONE)) frames.addAll(l.frames());
        frames.add(new Frame("An RGB image: three channels", "One sum per channel, then their total.",
                ConvStepper.start(ConvSetup.single(rgb(), RandomVolume.integers(new Dims(3, 3, 3), -1, 1, 5), 1, 0))));
        ConvSetup curve = ConvSetup.single(((ConvStepper) frames.get(find(frames, "A curve detector")).stepper()).setup().input(),
                KernelPreset.CURVE_DETECTOR.kernel(), 1, 0);
        for (int i = 0; i < 49; i++) if (curve.filters().getFirst().values()[i] != 0) curve = curve.withFilterValue(0, i, -30);
        frames.add(new Frame("Kernel playground: the curve detector negated", "Every 30 typed in as −30.",
                ConvStepper.start(curve)));
        float[] stroke = new float[28 * 28];
        for (int i = 4; i < 24; i++) stroke[i * 28 + 14] = 0.5f + i / 48f;
        frames.add(new Frame("A drawn stroke", "A 28×28 input: the numbers under the window in the inset.",
                ConvStepper.start(ConvSetup.single(new Volume(new Dims(1, 28, 28), stroke),
                        KernelPreset.EDGE_ALL.kernel(), 1, 1))));
        frames.addAll(NetworkFrames.all());
        return frames;
    }

    /** An 8×8 colour image: red across, green down, blue falling. */
    static Volume rgb() {
        BufferedImage rgb = new BufferedImage(32, 32, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 32; y++) for (int x = 0; x < 32; x++) rgb.setRGB(x, y, (x * 8) << 16 | (y * 8) << 8 | 255 - x * 4);
        return ImageVolume.of(rgb, ConvParametersPanel.IMAGE_SIDE);
    }

    static int find(List<Frame> frames, String title) {
        for (int i = 0; i < frames.size(); i++) if (frames.get(i).title().startsWith(title)) return i;
        throw new AssertionError("no frame titled " + title);
    }

    /** Frames whose every input grid is small (at most 10 a side), whose numbers must stay large on any screen. */
    private static boolean small(Frame f) {
        return switch (f.stepper()) {
            case ConvStepper c -> Math.max(c.setup().paddedHeight(), c.setup().paddedWidth()) <= 10;
            case org.convscope.lecture.NetworkStepper n -> false;
            default -> true;
        };
    }

    /**
     * The smallest font a frame's texts may have on a screen this wide (0: not checked): 14 px on the frames of small
     * inputs and on a real network's frames at 1024 and 1280 px (12.5 px at 1024 for kernels larger than 3×3, whose
     * three 7×7 grids of numbers need the room), 20 px for a real network's at 1920; on the frames of large inputs
     * (28×28, 32×32×3) 14 px at 1280, 13.5 px at 1024 (six 28×28 maps beside three channels) and 20 px at 1920; 4K is
     * drawn at twice 1920×1080.
     */
    private static double minimumFont(Frame f, int width) {
        if (f.stepper() instanceof org.convscope.lecture.LayerStepper l) {
            boolean large = l.conv().window().kernelH() * l.conv().window().kernelW() > 9;
            return width > 1920 ? 28 : width == 1920 ? 20 : width == 1024 && large ? 12.5 : 14;
        }
        if (f.stepper() instanceof ConvStepper && !small(f)) {
            // a 28×28 or 32×32×3 input: heatmaps, the numbers under the window in an inset, the filter and products
            return width > 1920 ? 28 : width == 1920 ? 20 : width == 1280 ? 14 : 13.5;
        }
        if (!small(f)) return 0;
        return width < 1900 ? 14 : width > 1920 ? 28 : 0;
    }

    @Test
    void everyFrameFitsAndStaysReadableAtEverySizeAndTheme(FxRobot robot) throws Exception {
        Files.createDirectories(OUT);
        List<Frame> frames = frames();
        boolean all = "all".equals(System.getProperty("convscope.lecture.snapshots"));
        List<String> problems = new ArrayList<>();
        robot.interact(() -> {
            for (int[] size : SIZES) {
                for (String theme : size[0] > 1920 ? new String[] {"dark"} : THEMES) {
                    // one view per size and theme, stepping through the frames: a view per render would hold a canvas each
                    LectureView view = new LectureView(new LectureModel(new Lesson("every frame", frames)), LessonSources.NONE);
                    Scene scene = new Scene(view, size[0], size[1]);
                    view.setTheme(!theme.equals("light"), theme.equals("contrast"));
                    for (int i = 0; i < frames.size(); i++) {
                        Frame f = frames.get(i);
                        String title = org.convscope.lecture.FrameText.title(f);
                        String name = String.format("%02d-%s-%d-%s", i, title.replaceAll("[^A-Za-z0-9]+", "-").toLowerCase(),
                                size[0], theme);
                        double minFont = minimumFont(f, size[0]);
                        boolean png = all || size[0] == 1280 && theme.equals("dark");
                        render(view, scene, f, minFont, png ? name : null, name, problems);
                        view.model().nextFrame();
                    }
                }
            }
        });
        assertEquals(List.of(), problems);
    }

    /** Shows {@code f} about two fifths through its steps, saves it when {@code file} is given, lists what is wrong. */
    private static void render(LectureView view, Scene scene, Frame f, double minFont, String file, String name,
                               List<String> all) {
        List<String> problems = new ArrayList<>();
        view.model().jumpTo(Math.max(1, f.stepper().count() * 2 / 5));
        view.applyCss();
        view.layout();
        if (file != null) {
            try {
                PngExport.save(view, 1, OUT.resolve(file + ".png"));
            } catch (FileException e) {
                throw new AssertionError(e);
            }
        }
        Bounds b = view.getBoundsInParent();
        if (b.getWidth() > scene.getWidth() + 1) problems.add(name + ": " + Math.round(b.getWidth()) + " px wide");
        if (b.getHeight() > scene.getHeight() + 1) problems.add(name + ": " + Math.round(b.getHeight()) + " px tall");
        visit(view, node -> {
            if (!node.isVisible() || !(node instanceof Labeled label) || label.getText() == null) return;
            // the lesson chooser has a fixed width: a long title is shortened there, and shown whole as the frame's title
            if (label.getParent() instanceof javafx.scene.control.ComboBox<?>) return;
            if (minFont > 0 && label.getFont().getSize() < minFont && inside(label, view.frameArea())) {
                problems.add(name + ": \"" + label.getText() + "\" in a " + label.getFont().getSize() + " px font");
            }
            Text shown = (Text) label.lookup(".text");
            if (shown != null && !label.getText().isEmpty() && !shown.getText().equals(label.getText())) {
                problems.add(name + ": \"" + label.getText() + "\" shows as \"" + shown.getText() + "\"");
            }
        });
        DiagramView diagram = view.diagram();
        if (diagram.drawn().isEmpty()) problems.add(name + ": nothing drawn");
        for (DiagramView.Drawn d : diagram.drawn()) {
            if (d.fontPx() < minFont) problems.add(name + ": \"" + d.text() + "\" (" + d.role() + ") in a "
                    + Math.round(d.fontPx() * 10) / 10.0 + " px font");
        }
        all.addAll(problems.subList(0, Math.min(3, problems.size())));
    }

    private static boolean inside(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) if (n == ancestor) return true;
        return false;
    }

    private static void visit(Node node, java.util.function.Consumer<Node> action) {
        action.accept(node);
        if (node instanceof Parent p) for (Node child : p.getChildrenUnmodifiable()) visit(child, action);
    }
}
