package org.convscope.ui.lecture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.convscope.data.DatasetFolder;
import org.convscope.io.FileException;
import org.convscope.lecture.ConvStepper;
import org.convscope.lecture.DatasetLessonSources;
import org.convscope.lecture.DenseStepper;
import org.convscope.lecture.Frame;
import org.convscope.lecture.Lesson;
import org.convscope.lecture.LessonFile;
import org.convscope.lecture.LessonSources;
import org.convscope.lecture.NetworkStepper;
import org.convscope.lecture.PoolStepper;
import org.convscope.lecture.ReluStepper;
import org.convscope.lecture.SoftmaxStepper;

/**
 * Lecture mode: one frame of a lesson at a time, its computation stepped with the real numbers, drawn large for a
 * projector. Keys: → and ← step (→ at a frame's end goes to the next frame), space plays, + and − change speed,
 * F full screen, H hides the controls, C high contrast, Z zoom, P predict-then-reveal, Home reset,
 * Page Down / Page Up change frame, E exports the frame as PNG and G its stepping sequence as GIF (into ./exports).
 */
public final class LectureView extends BorderPane {
    static final String STYLESHEET = "/css/lecture.css";
    private static final Path EXPORTS = Path.of("exports");
    private static final String[] ZOOMS = {"zoom-1", "zoom-2", "zoom-3", "zoom-4"};

    private final LectureModel model;
    private final Label title = Labels.of("", "frame-title");
    private final Label caption = Labels.of("", "frame-caption");
    private final Label explanation = Labels.of("", "explanation");
    private final Label formula = Labels.of("", "formula");
    private final ControlsBar controls;
    private final StackPane content = new StackPane();
    private final ConvPane conv;
    private final ReluPane relu;
    private final PoolPane pool;
    private final DensePane dense;
    private final SoftmaxPane softmax;
    private final NetworkPane network = new NetworkPane();
    private final ConvParametersPanel parameters;
    private boolean controlsShown = true;
    private final VBox frameArea;
    private int zoom;

    /** Lecture mode over the model's lessons; {@code sources} gives test digits and the explorer drawing as inputs. */
    public LectureView(LectureModel model, LessonSources sources) {
        this.model = model;
        parameters = new ConvParametersPanel(model, sources);
        conv = new ConvPane(model);
        relu = new ReluPane(model);
        pool = new PoolPane(model);
        dense = new DensePane(model);
        softmax = new SoftmaxPane(model);
        controls = new ControlsBar(model);
        getStyleClass().addAll("lecture", ZOOMS[0]);
        getStylesheets().add(LectureView.class.getResource(STYLESHEET).toExternalForm());
        for (Label wrapping : new Label[] {explanation, caption}) {
            wrapping.setWrapText(true);
            wrapping.setMinWidth(0);
        }
        content.getStyleClass().add("content");
        frameArea = new VBox(new VBox(title, caption), content, explanation, formula);
        frameArea.getStyleClass().add("frame-area");
        VBox.setVgrow(content, Priority.ALWAYS);
        setCenter(frameArea);
        setBottom(controls);
        setFocusTraversable(true);
        wire();
    }

    /** Lecture mode with the lessons in the samples folder's {@code lessons/}, taking explorer drawings (28×28, may be null) from the supplier. */
    public static LectureView standalone(Supplier<float[]> explorerDrawing) throws FileException {
        LessonSources sources = new DatasetLessonSources(explorerDrawing);
        List<Lesson> lessons = LessonFile.loadFolder(DatasetFolder.samplesDir().resolve("lessons"), sources);
        return new LectureView(new LectureModel(lessons), sources);
    }

    public LectureModel model() {
        return model;
    }

    /** The part of the screen a frame export shows: title, computation and explanation, without the controls. */
    Node frameArea() {
        return frameArea;
    }

    private void wire() {
        model.frameProperty().addListener((obs, old, f) -> show());
        model.concealedProperty().addListener((obs, old, c) -> show());
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        setOnMouseClicked(e -> requestFocus());
        show();
    }

    private void onKey(KeyEvent e) {
        if (e.getTarget() instanceof javafx.scene.control.TextInputControl) return;
        boolean handled = true;
        switch (e.getCode()) {
            case RIGHT -> model.forward();
            case LEFT -> model.back();
            case SPACE -> model.togglePlay();
            case PLUS, ADD, EQUALS -> model.faster();
            case MINUS, SUBTRACT -> model.slower();
            case HOME -> model.reset();
            case PAGE_DOWN -> model.nextFrame();
            case PAGE_UP -> model.previousFrame();
            case P -> model.setPredict(!model.predictProperty().get());
            case F -> toggleFullScreen();
            case H -> {
                controlsShown = !controlsShown;
                show();
            }
            case C -> toggleStyle("high-contrast");
            case Z -> cycleZoom();
            case E -> export(false);
            case G -> export(true);
            default -> handled = false;
        }
        if (handled) e.consume();
    }

    /** E saves the frame as PNG, G its whole stepping sequence as GIF, into ./exports; the outcome shows as the formula line. */
    private void export(boolean sequence) {
        String name = "frame-" + (model.frameIndexProperty().get() + 1) + "-step-" + model.stepper().position();
        Path file = EXPORTS.resolve(name + (sequence ? ".gif" : ".png"));
        try {
            Files.createDirectories(EXPORTS);
            if (sequence) FrameExport.gif(this, file, 500);
            else FrameExport.png(this, file);
            formula.setText("saved " + file.toAbsolutePath());
        } catch (IOException e) {
            formula.setText("cannot export: " + e.getMessage());
        }
    }

    private void toggleFullScreen() {
        if (getScene() != null && getScene().getWindow() instanceof Stage stage) stage.setFullScreen(!stage.isFullScreen());
    }

    private void toggleStyle(String styleClass) {
        if (!getStyleClass().remove(styleClass)) getStyleClass().add(styleClass);
    }

    private void cycleZoom() {
        getStyleClass().remove(ZOOMS[zoom]);
        zoom = (zoom + 1) % ZOOMS.length;
        getStyleClass().add(ZOOMS[zoom]);
    }

    private void show() {
        Frame f = model.frame();
        boolean concealed = model.concealedProperty().get();
        title.setText(f.title());
        caption.setText(f.caption());
        String text = f.stepper().explain();
        explanation.setText(concealed ? conceal(text) : text);
        formula.setText("");
        Node pane = switch (f.stepper()) {
            case ConvStepper s -> {
                conv.show(s, concealed);
                parameters.show(s);
                formula.setText(s.setup().formula());
                yield conv;
            }
            case ReluStepper s -> {
                relu.show(s, concealed);
                yield relu;
            }
            case PoolStepper s -> {
                pool.show(s, concealed);
                yield pool;
            }
            case DenseStepper s -> {
                dense.show(s, concealed);
                yield dense;
            }
            case SoftmaxStepper s -> {
                softmax.show(s, concealed);
                yield softmax;
            }
            case NetworkStepper s -> {
                network.show(s);
                yield network;
            }
        };
        setBottom(controlsShown ? controls : null);
        setRight(controlsShown && f.stepper() instanceof ConvStepper ? parameters : null);
        if (content.getChildren().size() != 1 || content.getChildren().getFirst() != pane) content.getChildren().setAll(pane);
        explanation.getStyleClass().remove("problem");
        if (f.stepper().problem().isPresent()) explanation.getStyleClass().add("problem");
    }

    /** The explanation with the result after its last "=" hidden, for predict-then-reveal. */
    static String conceal(String text) {
        int eq = text.lastIndexOf(" = ");
        return eq < 0 ? text : text.substring(0, eq) + " = ?";
    }
}
