package org.convscope.ui.lecture;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
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
 * End shows every step, Page Down / Page Up change frame, E exports the frame as PNG, G its stepping sequence as GIF
 * and S as a PNG series, to a file or folder the user chooses. The frame is scaled down to fit when it is larger than
 * the window, so nothing runs off a 1920×1080 or 1280×720 screen.
 */
public final class LectureView extends BorderPane {
    static final String STYLESHEET = "/css/lecture.css";
    private static final String[] ZOOMS = {"zoom-1", "zoom-2", "zoom-3", "zoom-4"};

    private final LectureModel model;
    private final Label title = Labels.of("", "frame-title");
    private final Label caption = Labels.of("", "frame-caption");
    private final Label explanation = Labels.of("", "explanation");
    private final Label formula = Labels.of("", "formula");
    private final ControlsBar controls;
    private final StackPane panes = new StackPane();
    private final ScaleToFit content = new ScaleToFit(panes);
    private final Label status = Labels.of("", "status");
    private final VBox bottom;
    private final ScrollPane parametersScroll;
    private ExportTarget exportTarget = new ExportDialogs();
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
        controls = new ControlsBar(model, this::export);
        getStyleClass().addAll("lecture", ZOOMS[0]);
        getStylesheets().add(LectureView.class.getResource(STYLESHEET).toExternalForm());
        for (Label wrapping : new Label[] {title, explanation, caption, formula, status}) {
            wrapping.setWrapText(true);
            wrapping.setMinWidth(0);
            wrapping.setMinHeight(Region.USE_PREF_SIZE);
        }
        panes.getStyleClass().add("content");
        frameArea = new VBox(new VBox(title, caption), content, explanation, formula);
        frameArea.getStyleClass().add("frame-area");
        frameArea.setMinWidth(0);
        VBox.setVgrow(content, Priority.ALWAYS);
        parametersScroll = new ScrollPane(parameters);
        parametersScroll.setFitToWidth(true);
        parametersScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        parametersScroll.getStyleClass().add("parameters-scroll");
        status.managedProperty().bind(status.textProperty().isNotEmpty());
        status.visibleProperty().bind(status.managedProperty());
        bottom = new VBox(status, controls);
        // A FlowPane works out its height for its wrap length, not for the width it gets: wrap at the view's width.
        controls.prefWrapLengthProperty().bind(Bindings.createDoubleBinding(
                () -> Math.max(0, getWidth() - controls.getInsets().getLeft() - controls.getInsets().getRight()),
                widthProperty(), controls.insetsProperty()));
        setCenter(frameArea);
        setBottom(bottom);
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

    /** Where exports go instead of asking in a dialog; for tests. */
    void setExportTarget(ExportTarget target) {
        this.exportTarget = target;
    }

    /** The line under the frame that says where an export went, or why it failed. */
    Label status() {
        return status;
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
            case END -> model.jumpTo(model.stepper().count());
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
            case E -> export(ExportKind.FRAME_PNG);
            case G -> export(ExportKind.STEPS_GIF);
            case S -> export(ExportKind.STEPS_PNG_SERIES);
            default -> handled = false;
        }
        if (handled) e.consume();
    }

    /** Exports the frame or its steps where the user chooses, then says where it went (or why it could not). */
    void export(ExportKind kind) {
        String name = "frame-" + (model.frameIndexProperty().get() + 1) + "-step-" + model.stepper().position();
        Path target = exportTarget.choose(kind, name, getScene() == null ? null : getScene().getWindow());
        if (target == null) return;
        status.getStyleClass().remove("problem");
        try {
            int images = switch (kind) {
                case FRAME_PNG -> {
                    FrameExport.png(this, target);
                    yield 1;
                }
                case STEPS_GIF -> FrameExport.gif(this, target, 500);
                case STEPS_PNG_SERIES -> FrameExport.series(this, target);
            };
            status.setText("Saved the " + kind.description() + (images > 1 ? " (" + images + " images)" : "") + " to "
                    + target.toAbsolutePath());
        } catch (FileException e) {
            status.getStyleClass().add("problem");
            status.setText("Cannot export: " + e.getMessage());
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
        setBottom(controlsShown ? bottom : null);
        setRight(controlsShown && f.stepper() instanceof ConvStepper ? parametersScroll : null);
        if (panes.getChildren().size() != 1 || panes.getChildren().getFirst() != pane) panes.getChildren().setAll(pane);
        explanation.getStyleClass().remove("problem");
        if (f.stepper().problem().isPresent()) explanation.getStyleClass().add("problem");
    }

    /** The explanation with the result after its last "=" hidden, for predict-then-reveal. */
    static String conceal(String text) {
        int eq = text.lastIndexOf(" = ");
        return eq < 0 ? text : text.substring(0, eq) + " = ?";
    }
}
