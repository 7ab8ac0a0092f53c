package org.convscope.ui.lecture;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyEvent;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.convscope.data.DatasetFolder;
import org.convscope.io.FileException;
import org.convscope.lecture.ConvStepper;
import org.convscope.lecture.CurrentModel;
import org.convscope.lecture.DatasetLessonSources;
import org.convscope.lecture.FollowUp;
import org.convscope.lecture.Frame;
import org.convscope.lecture.FrameText;
import org.convscope.lecture.LayerStepper;
import org.convscope.lecture.Lesson;
import org.convscope.lecture.LessonFile;
import org.convscope.lecture.LessonSources;
import org.convscope.lecture.PoolStepper;
import org.convscope.lecture.Stepper;
import org.convscope.ui.lecture.diagram.DiagramView;
import org.convscope.ui.lecture.diagram.Diagrams;
import org.convscope.ui.lecture.diagram.FrameActions;

/**
 * Lecture mode: one frame of a lesson at a time, its computation stepped with the real numbers, drawn to fill the
 * screen for a projector. The frame's title and caption above, its explanation and formula below, all sized by the
 * window; the diagram between them scaled up or down to fill what is left, at one size for all of a frame's steps.
 * Keys: → and ← step (→ at a frame's end goes to the next frame), space plays, + and − change speed, Home and End go
 * to the first and last step, Page Down / Page Up change frame, P predict-then-reveal, N the follow-up (Then ReLU…),
 * Z zoom, K the parameters panel, H projector mode (the frame alone), F full screen, T light or dark, C high contrast,
 * E exports the frame as PNG, G its steps as GIF and S as a PNG series; L adds a frame of a real network's filter (the
 * app's current model), [ and ] page through its channels.
 */
public final class LectureView extends BorderPane {
    static final String STYLESHEET = "/css/lecture.css";
    static final double[] ZOOMS = {1, 1.5, 2, 3};
    /** Explanations are measured at up to this many steps of a frame to reserve their height. */
    private static final int EXPLANATION_SAMPLES = 200;
    /** Height of a line of the explanation, in ems of its font. */
    private static final double LINE_HEIGHT = 1.4;

    private final LectureModel model;
    private final Label title = text("frame-title");
    private final Label caption = text("frame-caption");
    private final Label explanation = text("explanation");
    private final Label formula = text("formula");
    private final DiagramView diagram = new DiagramView();
    /** The light theme (else the dark one); the app binds it to its own, so T here switches the whole app. */
    private final BooleanProperty light = new SimpleBooleanProperty(this, "light");
    private final VBox frameArea;
    private final Label status = text("status");
    private final ControlsBar controls;
    private final ParametersDrawer parameters;
    private final LayerFrames layers;
    private final Exports exports;
    private boolean projector;
    private boolean panelOpen;
    private int zoom;
    private Object reservedFor;

    /** Lecture mode over the model's lessons; {@code sources} gives test digits and the explorer drawing as inputs. */
    public LectureView(LectureModel model, LessonSources sources) {
        this.model = model;
        exports = new Exports(this);
        layers = new LayerFrames(model, sources, this::say);
        parameters = new ParametersDrawer(model, sources, layers);
        controls = new ControlsBar(model, this);
        getStyleClass().addAll("lecture", "dark");
        getStylesheets().add(LectureView.class.getResource(STYLESHEET).toExternalForm());
        VBox header = new VBox(title, caption);
        header.getStyleClass().add("frame-header");
        VBox footer = new VBox(explanation, formula);
        footer.getStyleClass().add("frame-footer");
        frameArea = new VBox(header, diagram, footer);
        frameArea.getStyleClass().add("frame-area");
        frameArea.setMinSize(0, 0);
        VBox.setVgrow(diagram, Priority.ALWAYS);
        StackPane.setAlignment(status, Pos.BOTTOM_LEFT);
        status.setMouseTransparent(true);
        status.visibleProperty().bind(status.textProperty().isNotEmpty());
        setCenter(new StackPane(frameArea, status));
        // A FlowPane works out its height for its wrap length, not for the width it gets: wrap at the view's width.
        controls.prefWrapLengthProperty().bind(javafx.beans.binding.Bindings.createDoubleBinding(
                () -> Math.max(0, getWidth() - controls.getInsets().getLeft() - controls.getInsets().getRight()),
                widthProperty(), controls.insetsProperty()));
        setFocusTraversable(true);
        wire();
    }

    /**
     * Lecture mode with the lessons in the samples folder's {@code lessons/}, taking explorer drawings (28×28, may be
     * null) and the app's current model (may be null) from the suppliers.
     */
    public static LectureView standalone(Supplier<float[]> explorerDrawing, Supplier<CurrentModel> currentModel)
            throws FileException {
        LessonSources sources = new DatasetLessonSources(explorerDrawing, currentModel);
        List<Lesson> lessons = LessonFile.loadFolder(DatasetFolder.samplesDir().resolve("lessons"), sources);
        return new LectureView(new LectureModel(lessons), sources);
    }

    private static Label text(String styleClass) {
        Label label = new Label();
        label.getStyleClass().add(styleClass);
        label.setWrapText(true);
        label.setMinWidth(0);
        label.setMaxWidth(Double.MAX_VALUE);
        return label;
    }

    public LectureModel model() {
        return model;
    }

    /** The canvas the frame's diagram is drawn on. */
    public DiagramView diagram() {
        return diagram;
    }

    /** Where exports go instead of asking in a dialog; for tests. */
    void setExportTarget(ExportTarget target) {
        exports.setTarget(target);
    }

    /** The line over the frame that says where an export went, or why it failed. */
    Label status() {
        return status;
    }

    /** The part of the screen a frame export shows: title, diagram and explanation, without the controls. */
    Node frameArea() {
        return frameArea;
    }

    /** The theme's style classes ("dark" or "light", and "high-contrast"), for exports drawn apart from the window. */
    List<String> themeClasses() {
        return getStyleClass().stream().filter(c -> c.equals("dark") || c.equals("light") || c.equals("high-contrast"))
                .toList();
    }

    /** Sets the theme: dark or light, high contrast or not. */
    public void setTheme(boolean dark, boolean highContrast) {
        getStyleClass().remove("high-contrast");
        if (highContrast) getStyleClass().add("high-contrast");
        light.set(!dark);
        applyLight();
    }

    /**
     * Whether the lecture is in the light theme (else the dark one). The app binds it to its own theme both ways: the
     * lecture follows the explorer's T, and T in the lecture switches the whole app. High contrast is the lecture's own.
     */
    public BooleanProperty lightProperty() {
        return light;
    }

    private void applyLight() {
        getStyleClass().removeAll("dark", "light");
        getStyleClass().add(light.get() ? "light" : "dark");
    }

    /** Projector mode: the frame alone, without controls and panel. */
    public void setProjector(boolean on) {
        projector = on;
        arrange();
    }

    public boolean isProjector() {
        return projector;
    }

    /** Opens or closes the parameters panel of the frames that have one. */
    void togglePanel() {
        panelOpen = !panelOpen;
        arrange();
    }

    private void wire() {
        light.addListener((obs, old, on) -> applyLight());
        model.frameProperty().addListener((obs, old, f) -> show());
        model.concealedProperty().addListener((obs, old, c) -> show());
        model.frameIndexProperty().addListener((obs, old, i) -> status.setText(""));
        model.lessonProperty().addListener((obs, old, l) -> status.setText(""));
        widthProperty().addListener((obs, old, w) -> resized());
        heightProperty().addListener((obs, old, h) -> resized());
        frameArea.widthProperty().addListener((obs, old, w) -> reserveExplanation());
        addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);
        setOnMouseClicked(e -> requestFocus());
        show();
    }

    /** Text sizes follow the window: 14 px up to 1024×768 (no smaller), 17 at 1280×720, 26 at 1920×1080, 51 at 4K. */
    private void resized() {
        double size = Math.max(14, Math.min(64, Math.min(getWidth() / 72, getHeight() / 42)));
        frameArea.setStyle("-fx-font-size: " + Math.round(size * 10) / 10.0 + "px;");
        reserveExplanation();
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
            case N -> followUp();
            case L -> layerFrame();
            case OPEN_BRACKET -> parameters.layerPanel().turnPage(-1);
            case CLOSE_BRACKET -> parameters.layerPanel().turnPage(1);
            case F -> toggleFullScreen();
            case H -> setProjector(!projector);
            case K -> togglePanel();
            case T -> light.set(!light.get());
            case C -> setTheme(getStyleClass().contains("dark"), !getStyleClass().contains("high-contrast"));
            case Z -> cycleZoom();
            case E -> exports.start(ExportKind.FRAME_PNG);
            case G -> exports.start(ExportKind.STEPS_GIF);
            case S -> exports.start(ExportKind.STEPS_PNG_SERIES);
            default -> handled = false;
        }
        if (handled) e.consume();
    }

    /** The follow-up of the current frame (Then ReLU, Then max pooling) as the next step. */
    void followUp() {
        FollowUp.next(model.frame()).ifPresent(model::follow);
    }

    /** A new frame: a filter of the app's current model over the explorer's input, its panel open to choose another. */
    void layerFrame() {
        layers.insertCurrent();
        if (!panelOpen) togglePanel();
    }

    /** The real network frames' panel, for tests. */
    LayerPanel layerPanel() {
        return parameters.layerPanel();
    }

    void export(ExportKind kind) {
        exports.start(kind);
    }

    /** Shows {@code text} over the frame, as a problem or not. */
    void say(String text, boolean problem) {
        status.getStyleClass().remove("problem");
        if (problem) status.getStyleClass().add("problem");
        status.setText(text);
    }

    private void toggleFullScreen() {
        if (getScene() != null && getScene().getWindow() instanceof Stage stage) stage.setFullScreen(!stage.isFullScreen());
    }

    private void cycleZoom() {
        zoom = (zoom + 1) % ZOOMS.length;
        diagram.setZoom(ZOOMS[zoom]);
    }

    private final FrameActions actions = new FrameActions() {
        @Override
        public void jumpTo(int position) {
            model.jumpTo(position);
        }

        @Override
        public void edit(Stepper<?> edited) {
            model.edit(edited);
        }

        @Override
        public void view(Stepper<?> same) {
            model.view(same);
        }
    };

    private void show() {
        Frame f = model.frame();
        boolean concealed = model.concealedProperty().get();
        Stepper<?> s = f.stepper();
        title.setText(FrameText.title(f));
        caption.setText(FrameText.caption(f));
        caption.setManaged(!caption.getText().isEmpty());
        caption.setVisible(caption.isManaged()); // an unmanaged label keeps its old size, which exports would show
        explanation.setText(concealed ? s.question() : s.explain());
        explanation.getStyleClass().remove("problem");
        if (s.problem().isPresent()) explanation.getStyleClass().add("problem");
        formula.setText(formula(s));
        formula.setManaged(!formula.getText().isEmpty());
        formula.setVisible(formula.isManaged());
        diagram.show(Diagrams.of(s, concealed, actions));
        parameters.show(s);
        arrange();
        reserveExplanation();
    }

    /** The output-size formula of a convolution or pooling frame, with what frameworks do when it is not whole. */
    private static String formula(Stepper<?> s) {
        return switch (s) {
            case ConvStepper c -> c.setup().formula() + c.setup().rounding().map(r -> "\n" + r).orElse("");
            case PoolStepper p -> p.formula();
            case LayerStepper l -> l.formula();
            default -> "";
        };
    }

    private void arrange() {
        setBottom(projector ? null : controls);
        setRight(!projector && panelOpen && parameters.has(model.stepper()) ? parameters : null);
    }

    /**
     * Gives the explanation the height of its longest text over the frame's steps, so that the diagram above it
     * keeps one size while the frame steps. Measured again only when the frame, its computation or the width changes.
     */
    private void reserveExplanation() {
        Stepper<?> s = model.stepper();
        double width = frameArea.getWidth() - frameArea.snappedLeftInset() - frameArea.snappedRightInset();
        Object key = List.of(model.frameIndexProperty().get(), s.reset(), width, String.valueOf(frameArea.getStyle()));
        if (width <= 0 || key.equals(reservedFor)) return;
        reservedFor = key;
        explanation.applyCss();
        Text wrapped = new Text();
        wrapped.setFont(explanation.getFont());
        wrapped.setWrappingWidth(width);
        Text line = new Text();
        line.setFont(explanation.getFont());
        int lines = 1;
        int n = s.count();
        int samples = Math.min(n + 1, EXPLANATION_SAMPLES);
        for (int i = 0; i < samples; i++) {
            Stepper<?> at = s.at(samples == 1 ? 0 : (int) Math.round((double) i * n / (samples - 1)));
            for (String text : new String[] {at.explain(), at.question()}) {
                wrapped.setText(text);
                line.setText(text);
                lines = Math.max(lines, (int) Math.round(wrapped.getLayoutBounds().getHeight() / line.getLayoutBounds().getHeight()));
            }
        }
        // Lines at a fixed height: a measured one can change once a fallback font for a sign has been loaded.
        double height = Math.ceil(lines * LINE_HEIGHT * explanation.getFont().getSize()
                + explanation.snappedTopInset() + explanation.snappedBottomInset());
        explanation.setMinHeight(height);
        explanation.setPrefHeight(height);
        explanation.setMaxHeight(height);
    }

    /** The current frame's follow-up button text, if it has one. */
    Optional<String> followUpName() {
        return FollowUp.name(model.frame());
    }
}
